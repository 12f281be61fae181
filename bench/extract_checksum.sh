#!/usr/bin/env bash
# extract_checksum.sh: the SHA-256 of `corpus extract` output on the real pages
# in ../shared (WCXB dev and snippets-dev), to show that a speed change leaves
# extraction byte-identical. Run it before and after a change and compare:
#
#   bench/extract_checksum.sh [CORPUS_BIN] > before.txt    (default build/corpus)
#   ... change, rebuild ...
#   bench/extract_checksum.sh | diff before.txt -
#
# Each dataset is packed once into a page shard (cached in $CACHE, default
# /tmp/corpus-extract-checksum) and extracted with one thread; kept and rejected
# records are both hashed, as `corpus cat` prints them. Skips when ../shared
# is absent.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CORPUS="${1:-$ROOT/build/corpus}"
SHARED="${CORPUS_SHARED:-$ROOT/../shared}"
CACHE="${CACHE:-/tmp/corpus-extract-checksum}"
EVAL="$SHARED/tools/extraction_eval.py"
if [[ ! -f "$EVAL" ]]; then
  echo "extract_checksum: skipped ($EVAL not found)"
  exit 0
fi
[[ -x "$CORPUS" ]] || { echo "extract_checksum: $CORPUS is not built" >&2; exit 1; }
mkdir -p "$CACHE"
OUT="$(mktemp -d "${TMPDIR:-/tmp}/extract-checksum-XXXXXX")"
trap 'rm -rf "$OUT"' EXIT
for set in wcxb-dev/dev snippets-dev; do
  name="${set%%/*}"
  shard="$CACHE/$name.jsonl.zst"
  [[ -f "$shard" ]] || python3 "$EVAL" pack "$SHARED/data/$set" "$shard" >/dev/null
  rc=0
  "$CORPUS" extract --in "$shard" --out "$OUT/$name" --threads 1 --no-progress 2>/dev/null || rc=$?
  [[ $rc -eq 0 || $rc -eq 3 ]] || { echo "extract_checksum: extract failed on $name ($rc)" >&2; exit 1; }
  kept=$("$CORPUS" cat "$OUT/$name" | sha256sum | cut -d' ' -f1)
  rejected=$("$CORPUS" cat "$OUT/$name/rejected" 2>/dev/null | sha256sum | cut -d' ' -f1)
  records=$("$CORPUS" cat "$OUT/$name" | wc -l)
  echo "$name kept=$records sha256=$kept rejected-sha256=$rejected"
done
