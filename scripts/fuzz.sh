#!/usr/bin/env bash
# Builds every libFuzzer target in tests/fuzz/ with clang, AddressSanitizer
# and UndefinedBehaviorSanitizer, and runs each one for a while on a copy of
# its seed corpus (tests/fuzz/seeds/<target>/), as many at once as there are
# cores. A crash stops the run with the fuzzer's report and the crashing input
# under $BUILD/crashes/.
#   scripts/fuzz.sh [SECONDS_PER_TARGET]     (default 60; FUZZ_BUILD_DIR=build-fuzz,
#                                             FUZZ_JOBS=nproc)
# A build folder already configured with -DCORPUS_BUILD_FUZZERS=ON (as .ci/run
# configures build-asan, which also runs the tests) is reused as it is.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_TARGET="${1:-60}"
BUILD="${FUZZ_BUILD_DIR:-build-fuzz}"
JOBS="${FUZZ_JOBS:-$(nproc)}"

if ! command -v clang++ >/dev/null; then
  CORPUS_WITH_BENCH_TOOLS=1 scripts/install-deps.sh
fi

if ! grep -qs '^CORPUS_BUILD_FUZZERS:BOOL=ON' "$BUILD/CMakeCache.txt"; then
  cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang \
    -DCMAKE_CXX_COMPILER=clang++ -DCORPUS_SANITIZE=ON -DCORPUS_BUILD_FUZZERS=ON \
    -DCORPUS_BUILD_TESTS=OFF -DCORPUS_BUILD_BENCH=OFF > /dev/null
fi
targets=()
for src in tests/fuzz/*_fuzz.cc; do
  targets+=("$(basename "$src" .cc)")
done
cmake --build "$BUILD" -j"$(nproc)" --target "${targets[@]}" > "$BUILD/fuzz-build.log" 2>&1 ||
  { tail -50 "$BUILD/fuzz-build.log"; exit 1; }

mkdir -p "$BUILD/crashes"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

# run_target NAME: one fuzzing session; its log is $BUILD/NAME.log.
run_target() {
  local name="$1"
  local seeds="tests/fuzz/seeds/${name%_fuzz}"
  local work="$BUILD/corpus-$name"
  rm -rf "$work" && mkdir -p "$work"
  [[ -d "$seeds" ]] && cp "$seeds"/* "$work"/ 2>/dev/null || true
  "$BUILD/$name" -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 -timeout=20 -rss_limit_mb=3072 \
    -print_final_stats=1 -artifact_prefix="$BUILD/crashes/$name-" "$work" > "$BUILD/$name.log" 2>&1
}

failed=0
declare -A running=()  # pid -> target name
report() {  # report PID STATUS: prints the result of the finished target PID ran
  local name="${running[$1]}"
  unset "running[$1]"
  if [[ "$2" -eq 0 ]]; then
    grep -E "^stat::number_of_executed_units" "$BUILD/$name.log" | sed "s/^/fuzz: $name /" || true
  else
    echo "fuzz: $name FAILED"; tail -60 "$BUILD/$name.log"; failed=$((failed + 1))
  fi
}
for name in "${targets[@]}"; do
  if [[ ${#running[@]} -ge $JOBS ]]; then
    wait -n -p done_pid "${!running[@]}" && status=0 || status=$?
    report "$done_pid" "$status"
  fi
  echo "fuzz: $name for ${SECONDS_PER_TARGET}s"
  run_target "$name" &
  running[$!]="$name"
done
for pid in "${!running[@]}"; do
  wait "$pid" && status=0 || status=$?
  report "$pid" "$status"
done
echo "fuzz: $((${#targets[@]} - failed)) passed, $failed failed"
[[ $failed -eq 0 ]]
