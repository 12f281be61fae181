#!/usr/bin/env bash
# Builds every libFuzzer target in tests/fuzz/ with clang, AddressSanitizer
# and UndefinedBehaviorSanitizer, and runs each one for a while on a copy of
# its seed corpus (tests/fuzz/seeds/<target>/). A crash stops the run with the
# fuzzer's report and the crashing input under $BUILD/crashes/.
#   scripts/fuzz.sh [SECONDS_PER_TARGET]     (default 60; FUZZ_BUILD_DIR=build-fuzz)
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_TARGET="${1:-60}"
BUILD="${FUZZ_BUILD_DIR:-build-fuzz}"

if ! command -v clang++ >/dev/null; then
  CORPUS_WITH_BENCH_TOOLS=1 scripts/install-deps.sh
fi

cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang \
  -DCMAKE_CXX_COMPILER=clang++ -DCORPUS_BUILD_FUZZERS=ON -DCORPUS_BUILD_TESTS=OFF \
  -DCORPUS_BUILD_BENCH=OFF > /dev/null
cmake --build "$BUILD" -j"$(nproc)" > "$BUILD/build.log" 2>&1 || { tail -50 "$BUILD/build.log"; exit 1; }

mkdir -p "$BUILD/crashes"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
failed=0
ran=0
for src in tests/fuzz/*_fuzz.cc; do
  name=$(basename "$src" .cc)
  seeds="tests/fuzz/seeds/${name%_fuzz}"
  work="$BUILD/corpus-$name"
  rm -rf "$work" && mkdir -p "$work"
  [[ -d "$seeds" ]] && cp "$seeds"/* "$work"/ 2>/dev/null || true
  echo "fuzz: $name for ${SECONDS_PER_TARGET}s"
  if "$BUILD/$name" -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 -timeout=20 -rss_limit_mb=3072 \
       -print_final_stats=1 -artifact_prefix="$BUILD/crashes/$name-" "$work" > "$BUILD/$name.log" 2>&1; then
    grep -E "^stat::number_of_executed_units" "$BUILD/$name.log" | sed "s/^/fuzz: $name /" || true
  else
    echo "fuzz: $name FAILED"; tail -60 "$BUILD/$name.log"; failed=$((failed + 1))
  fi
  ran=$((ran + 1))
done
echo "fuzz: $((ran - failed)) passed, $failed failed"
[[ $failed -eq 0 ]]
