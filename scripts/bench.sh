#!/usr/bin/env bash
# Runs every stage benchmark built in BUILD_DIR (default: build) and prints
# their throughput. Results are recorded by hand in BENCHMARKS.md.
set -euo pipefail
BUILD_DIR="${1:-build}"
shopt -s nullglob
ran=0
for b in "$BUILD_DIR"/bench_*; do
  [[ -x "$b" && ! -d "$b" ]] || continue
  echo "== $(basename "$b")"
  "$b"
  ran=$((ran + 1))
done
if [[ $ran -eq 0 ]]; then
  echo "no benchmarks found in $BUILD_DIR (configure with -DCORPUS_BUILD_BENCH=ON)" >&2
  exit 1
fi
