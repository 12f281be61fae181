#!/usr/bin/env bash
# Runs the stage benchmarks built in BUILD_DIR (default: build), each with its
# default sizes, and ends with one table of every ratio they printed: corpus's
# CPU time (user + sys) over the reference's, measured in the same run on the
# same input (below 1: corpus is cheaper). The machine's load (`uptime`) is
# printed before and after, to record beside the numbers in BENCHMARKS.md.
#
#   scripts/bench.sh [BUILD_DIR] ["NAME [ARGS...]"...]
#   e.g. scripts/bench.sh build "bench_io 64" "bench_dedup 20000"
# Without names, every bench_* in BUILD_DIR runs with its default sizes.
#
# Each benchmark's full output is kept in BUILD_DIR/bench-logs/NAME.txt.
set -euo pipefail
BUILD_DIR="${1:-build}"
shift || true
shopt -s nullglob
benches=()  # "PATH [ARGS...]"
if [[ $# -gt 0 ]]; then
  for spec in "$@"; do benches+=("$BUILD_DIR/$spec"); done
else
  for b in "$BUILD_DIR"/bench_*; do
    [[ -x "$b" && ! -d "$b" ]] && benches+=("$b")
  done
fi
if [[ ${#benches[@]} -eq 0 ]]; then
  echo "no benchmarks found in $BUILD_DIR (configure with -DCORPUS_BUILD_BENCH=ON)" >&2
  exit 1
fi
logs="$BUILD_DIR/bench-logs"
mkdir -p "$logs"
echo "load before: $(uptime)"
failed=()
for spec in "${benches[@]}"; do
  read -ra cmd <<< "$spec"
  name=$(basename "${cmd[0]}")
  echo "== ${spec#"$BUILD_DIR"/}"
  if ! "${cmd[@]}" 2>&1 | tee "$logs/$name.txt"; then
    failed+=("$name")
  fi
done
echo "load after: $(uptime)"
echo
echo "Ratios (corpus CPU / reference CPU, same run, same input):"
trim() { local v="$1"; v="${v#"${v%%[![:space:]]*}"}"; printf '%s' "${v%"${v##*[![:space:]]}"}"; }
fmt='%-20s | %-50s | %-18s | %-30s | %-12s | %s\n'
printf "$fmt" benchmark measured corpus reference "reference CPU" ratio
for spec in "${benches[@]}"; do
  read -ra cmd <<< "$spec"
  name=$(basename "${cmd[0]}")
  [[ -f "$logs/$name.txt" ]] || continue
  grep '^ratio |' "$logs/$name.txt" | while IFS='|' read -r _ what ours ref ref_cpu ratio; do
    printf "$fmt" "$name" "$(trim "$what")" "$(trim "$ours")" "$(trim "$ref")" "$(trim "$ref_cpu")" "$(trim "$ratio")"
  done || true
  grep -q '^ratio |' "$logs/$name.txt" || echo "$name: no ratio ($(grep -m1 '^reference' "$logs/$name.txt" || echo 'no reference in this benchmark'))"
done
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "failed: ${failed[*]}" >&2
  exit 1
fi
