#!/bin/sh
# Scores `corpus extract` on the WCXB development pages (issue 4): packs the
# pages into a page shard, extracts, and prints word F1 overall and by page
# type (tools/extraction_eval.py in ../shared). Skips when ../shared is absent.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${CORPUS_SHARED:-$ROOT/../shared}
DATASET=$SHARED/data/wcxb-dev/dev
EVAL=$SHARED/tools/extraction_eval.py
if [ ! -d "$DATASET" ] || [ ! -f "$EVAL" ]; then
  echo "eval-extract: skipped ($DATASET or $EVAL not found)"
  exit 0
fi
BUILD=${BUILD_DIR:-$ROOT/build}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/corpus-eval-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
if ! { cmake -S "$ROOT" -B "$BUILD" && cmake --build "$BUILD" --target corpus -j2; } > "$WORK/build.log" 2>&1; then
  tail -n 30 "$WORK/build.log"
  echo "eval-extract: build failed" >&2
  exit 2
fi
python3 "$EVAL" pack "$DATASET" "$WORK/pages.jsonl.zst" > /dev/null
"$BUILD/corpus" --log-level warn extract --in "$WORK/pages.jsonl.zst" --out "$WORK/docs" \
  --no-progress "$@"
python3 "$EVAL" score "$DATASET" "$WORK/docs"
