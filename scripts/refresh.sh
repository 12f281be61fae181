#!/usr/bin/env bash
# refresh.sh: a dated corpus release from a re-crawl, for cron.
#
# crontab line (daily at 03:17; flock inside makes overlapping runs harmless):
#   17 3 * * *  cd /srv/corpus && scripts/refresh.sh --seeds seeds/sites.txt --state /srv/corpus/state >>/srv/corpus/state/refresh.log 2>&1
#
#   scripts/refresh.sh --seeds FILE --state DIR [--date YYYY-MM-DD] [--corpus BIN] [-- CRAWL_FLAGS...]
#
# Layout under --state (one folder per run, named by date):
#   pages-DATE/ docs-DATE/ unique-DATE/ clean-DATE/   the stages of that run
#   release-DATE/                                     the dated release (shards, manifest, card)
#   dedup-index/                                      band hashes of everything released so far
#   .refresh.lock                                     held while a run is in progress
# A run re-crawls with `crawl --refresh` against the newest earlier finished
# crawl (unchanged pages answer 304 and are not re-emitted), extracts, drops
# documents that duplicate anything released before (`dedup --index`),
# filters, and shards into release-DATE/. A run interrupted midway is
# resumed by running it again with the same --date (every stage resumes).
# Environment: CORPUS (binary), FILTER_FLAGS and SHARD_FLAGS (extra flags,
# e.g. FILTER_FLAGS="--config configs/fineweb.toml --languages en").
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CORPUS="${CORPUS:-$ROOT/build/corpus}"
SEEDS=""
STATE=""
DATE="$(date -u +%Y-%m-%d)"
CRAWL_FLAGS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seeds) SEEDS="$2"; shift 2 ;;
    --state) STATE="$2"; shift 2 ;;
    --date) DATE="$2"; shift 2 ;;
    --corpus) CORPUS="$2"; shift 2 ;;
    --) shift; CRAWL_FLAGS=("$@"); break ;;
    *) echo "refresh.sh: unknown argument $1" >&2; exit 1 ;;
  esac
done
[[ -n "$SEEDS" && -n "$STATE" ]] || { echo "usage: refresh.sh --seeds FILE --state DIR [--date D] [-- CRAWL_FLAGS]" >&2; exit 1; }
[[ "$DATE" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || { echo "refresh.sh: --date must be YYYY-MM-DD" >&2; exit 1; }
mkdir -p "$STATE"

# One run at a time: a second one exits at once instead of waiting.
exec 9>"$STATE/.refresh.lock"
if ! flock -n 9; then
  echo "refresh.sh: another refresh holds $STATE/.refresh.lock; nothing to do" >&2
  exit 0
fi

log() { printf '%s refresh %s: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$DATE" "$*" >&2; }
run() {
  local rc=0
  "$@" || rc=$?
  if [[ $rc -eq 3 ]]; then
    log "$2 finished with malformed input set aside (see its rejected/)"
  elif [[ $rc -ne 0 ]]; then
    log "'$*' failed with exit code $rc"
    exit "$rc"
  fi
}

PAGES="$STATE/pages-$DATE"
# The newest finished crawl before this one.
PREV=""
for d in "$STATE"/pages-*; do
  [[ -f "$d/_manifest.json" && "$d" != "$PAGES" && "$d" < "$PAGES" ]] && PREV="$d"
done

COMMON=(--no-progress)
if [[ -n "$PREV" ]]; then
  log "crawl, refreshing $PREV"
  run "$CORPUS" crawl --seeds "$SEEDS" --out "$PAGES" --refresh "$PREV" "${COMMON[@]}" "${CRAWL_FLAGS[@]}"
else
  log "crawl (first run)"
  run "$CORPUS" crawl --seeds "$SEEDS" --out "$PAGES" "${COMMON[@]}" "${CRAWL_FLAGS[@]}"
fi
log "extract"
run "$CORPUS" extract --in "$PAGES" --out "$STATE/docs-$DATE" "${COMMON[@]}"
log "dedup against $STATE/dedup-index"
run "$CORPUS" dedup --in "$STATE/docs-$DATE" --out "$STATE/unique-$DATE" --index "$STATE/dedup-index" "${COMMON[@]}"
log "filter"
# shellcheck disable=SC2086
run "$CORPUS" filter --in "$STATE/unique-$DATE" --out "$STATE/clean-$DATE" "${COMMON[@]}" ${FILTER_FLAGS:-}
log "shard"
run "$CORPUS" shard --in "$STATE/clean-$DATE" --out "$STATE/release-$DATE" "${COMMON[@]}" \
  ${SHARD_FLAGS:-}
log "done: $STATE/release-$DATE"
"$CORPUS" stats "$PAGES" "$STATE/docs-$DATE" "$STATE/unique-$DATE" "$STATE/clean-$DATE" "$STATE/release-$DATE"
