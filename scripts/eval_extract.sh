#!/bin/sh
# Scores `corpus extract` on the development sets in ../shared (WCXB: word F1
# by page type; snippets-dev: snippet P/R/F1 as trafilatura scores it), dev
# and held-out halves side by side (tools/eval_extract_split.py says how the
# halves are drawn). Skips when ../shared is absent.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${CORPUS_SHARED:-$ROOT/../shared}
EVAL=$SHARED/tools/extraction_eval.py
if [ ! -f "$EVAL" ]; then
  echo "eval-extract: skipped ($EVAL not found)"
  exit 0
fi
BUILD=${BUILD_DIR:-$ROOT/build}
LOG=$(mktemp "${TMPDIR:-/tmp}/corpus-eval-build-XXXXXX")
trap 'rm -f "$LOG"' EXIT
if ! { cmake -S "$ROOT" -B "$BUILD" && cmake --build "$BUILD" --target corpus -j2; } > "$LOG" 2>&1; then
  tail -n 30 "$LOG"
  echo "eval-extract: build failed" >&2
  exit 2
fi
# BASELINE=/path/to/another/corpus: also print each half's change from that
# build, with a 95% interval (tools/eval_extract_split.py --baseline).
# INTERVALS=1: also print each half's score with a 95% interval over its
# pages (tools/eval_extract_split.py --intervals).
if [ -n "${BASELINE:-}" ]; then
  set -- --baseline "$BASELINE" -- "$@"
else
  set -- -- "$@"
fi
if [ -n "${INTERVALS:-}" ]; then
  set -- --intervals "$@"
fi
exec python3 "$ROOT/tools/eval_extract_split.py" --corpus "$BUILD/corpus" --shared "$SHARED" "$@"
