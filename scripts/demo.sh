#!/usr/bin/env bash
# demo.sh: the whole pipeline on the built-in website, with no internet.
#
#   scripts/demo.sh [OUT_DIR]        (default demo-out; `make demo` runs this)
#
# Builds corpus and corpus-site-server, serves site/ on loopback addresses
# (127.0.0.2, 127.0.0.3, ...), then runs crawl -> extract -> dedup -> filter ->
# shard into OUT_DIR/{pages,docs,unique,clean,release}, tokenizes the release
# into OUT_DIR/tokens (Megatron .bin/.idx), prints the funnel
# (`corpus stats`) and one document of the release (`corpus cat`), and writes
# the run's HTML report (`corpus report`) to OUT_DIR/report.html, which the
# release's dataset card links.
# Rerunning is safe: an earlier demo folder (marked by .corpus-demo) is
# replaced; any other non-empty folder is refused.
#
# Environment: BUILD_DIR (default build), PORT (default 8080), SEEDS
# (default seeds/builtin.txt), SKIP_BUILD=1 to use an existing build.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="${1:-demo-out}"
BUILD_DIR="${BUILD_DIR:-build}"
PORT="${PORT:-8080}"
SEEDS="${SEEDS:-seeds/builtin.txt}"
CORPUS="$BUILD_DIR/corpus"
SERVER="$BUILD_DIR/corpus-site-server"

say() { printf '\n==> %s\n' "$*" >&2; }
die() { printf 'demo: %s\n' "$*" >&2; exit 1; }

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  say "building corpus ($BUILD_DIR)"
  cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  targets=(corpus)
  [[ -f tools/site_server.cc ]] && targets+=(corpus-site-server)
  cmake --build "$BUILD_DIR" -j"$(nproc)" --target "${targets[@]}"
fi
[[ -x "$CORPUS" ]] || die "$CORPUS was not built"

# Exit code 3 means "finished, some input was malformed": report, go on.
run() {
  local rc=0
  "$@" || rc=$?
  if [[ $rc -eq 3 ]]; then
    printf 'demo: %s finished with malformed input set aside (exit 3)\n' "$2" >&2
  elif [[ $rc -ne 0 ]]; then
    die "'${*}' failed with exit code $rc"
  fi
}

if [[ -e "$OUT" ]]; then
  if [[ -f "$OUT/.corpus-demo" ]]; then
    rm -rf -- "$OUT"
  elif [[ -n "$(ls -A -- "$OUT" 2>/dev/null)" ]]; then
    die "$OUT exists and is not a demo folder; choose another one"
  fi
fi
mkdir -p "$OUT"
touch "$OUT/.corpus-demo"

[[ -x "$SERVER" ]] || die "$SERVER was not built (tools/site_server.cc missing?)"
[[ -d site ]] || die "the built-in site (site/) is missing"
[[ -f "$SEEDS" ]] || die "seed list $SEEDS is missing"

say "serving the built-in site on port $PORT"
"$SERVER" --site site --port "$PORT" >"$OUT/site-server.log" 2>&1 &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
  grep -q listening "$OUT/site-server.log" 2>/dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || die "site server exited: $(cat "$OUT/site-server.log")"
  sleep 0.1
done
# Seed lists name the default port; follow PORT.
sed -e "s/:8080\b/:$PORT/g" -e "s/{{port}}/$PORT/g" "$SEEDS" >"$OUT/seeds.txt"

COMMON=(--no-progress)
say "crawl"
run "$CORPUS" crawl --seeds "$OUT/seeds.txt" --out "$OUT/pages" --allow-private-networks \
  --per-host-delay 20 --max-pages 1000 "${COMMON[@]}"
kill "$SERVER_PID" 2>/dev/null || true

stages=(pages)
# stage, output folder, extra flags (the site's French and German pages are
# what the language keep-list is for).
for step in "extract docs" "dedup unique" "filter clean --languages en"; do
  set -- $step
  say "$1"
  run "$CORPUS" "$1" --in "$OUT/${stages[-1]}" --out "$OUT/$2" "${@:3}" "${COMMON[@]}"
  stages+=("$2")
done
say "shard"
run "$CORPUS" shard --in "$OUT/clean" --out "$OUT/release" --target-size 64KiB --seed 0 \
  --val-fraction 0.1 --report-link ../report.html "${COMMON[@]}"
stages+=(release)
say "tokenize (token counts per split; cl100k_base ranks from the tests)"
run "$CORPUS" tokenize --in "$OUT/release" --out "$OUT/tokens" \
  --tokenizer tests/tokenize/testdata/cl100k_base.tiktoken.zst "${COMMON[@]}"
stages+=(tokens)

say "the funnel"
dirs=()
for s in "${stages[@]}"; do dirs+=("$OUT/$s"); done
"$CORPUS" stats "${dirs[@]}"
say "one document of the release ($OUT/release, card in $OUT/release/README.md)"
"$CORPUS" cat "$OUT/release" --limit 1
say "the report: charts of the run and examples of what each rule removed"
run "$CORPUS" report "${dirs[@]}" --out "$OUT/report.html" --title "corpus demo"
printf 'report: %s (open it in a browser)\n' "$OUT/report.html"
