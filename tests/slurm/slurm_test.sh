#!/usr/bin/env bash
# slurm_test.sh: the Slurm scripts (scripts/slurm/) run against a real
# single-node Slurm on this machine (scripts/slurm/local-cluster.sh). CI runs
# it from .ci/run; it needs root (slurmd) and Debian's slurm-wlm and munge,
# which local-cluster.sh installs when missing.
#
#   tests/slurm/slurm_test.sh [BUILD_DIR]      (default build; builds corpus
#                                               and corpus-site-server there)
#
# Checks, each against `make -f pipeline.mk` on the same input and seed:
#   1. warc       pipeline.sh --tasks 4 on WARC archives: release shards
#                 byte-identical (sha256) to the local run.
#   2. cancel     one extract array task stopped midway and cancelled
#                 (scancel JOB_TASK): its array ends CANCELLED, the later
#                 arrays are cancelled, nothing is released; pipeline.sh run
#                 again finishes, every input page once in docs/, release
#                 identical to the local run.
#   3. fail       a filter task that exits 2: its array ends FAILED with exit
#                 code 2, shard's arrays never run.
#   4. site       pipeline.sh --tasks 4 crawling the built-in site: the
#                 same pages fetched as by the local crawl (URL and body),
#                 and the release identical to the local stages' run on the
#                 Slurm crawl's pages (see below why not to the local crawl's).
# Prints PASS/FAIL per check and exits non-zero if any failed. The cluster is
# stopped at the end unless KEEP_CLUSTER=1.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
BUILD_DIR="$(realpath -m "${1:-build}")"
CORPUS="$BUILD_DIR/corpus"
SERVER="$BUILD_DIR/corpus-site-server"
WORK="$(mktemp -d /tmp/corpus-slurm-test.XXXXXX)"
PORT="${PORT:-18080}"
SEED_FLAGS="--seed 7 --target-size 8KiB"
failures=0
server_pid=""

say() { printf '\n== slurm_test: %s\n' "$*" >&2; }
pass() { printf 'PASS %s\n' "$*" >&2; }
fail() { printf 'FAIL %s\n' "$*" >&2; failures=$((failures + 1)); }

cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  if [[ "${KEEP_CLUSTER:-0}" != 1 ]]; then scripts/slurm/local-cluster.sh stop || true; fi
  if [[ $failures -eq 0 ]]; then rm -rf "$WORK"; else echo "slurm_test: work kept in $WORK" >&2; fi
}
trap cleanup EXIT

say "building corpus and corpus-site-server in $BUILD_DIR"
[[ -f "$BUILD_DIR/CMakeCache.txt" ]] || cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD_DIR" -j"$(nproc)" --target corpus corpus-site-server >/dev/null

say "starting a single-node Slurm"
eval "$(scripts/slurm/local-cluster.sh start)"
export SLURM_CONF
sinfo

# wait_jobs LOGS: polls squeue until no job of the run in LOGS/jobs.txt is queued or running.
# (squeue -j fails outright once one of the ids has left the queue, so the
# whole queue is listed and matched.)
wait_jobs() {
  while squeue -h -o '%F' | grep -qxF -f <(awk '{print $2}' "$1/jobs.txt"); do sleep 0.5; done
}
# job_states JOB: the distinct states of an array's tasks, e.g. "COMPLETED" or "CANCELLED COMPLETED".
job_states() {
  scontrol -o show job "$1" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p' | sort -u | paste -sd' '
}
job_of() { awk -v n="$2" '$1 == n {print $2}' "$1/jobs.txt"; }
# release_sums DIR: sha256 of the release shards, file names relative.
release_sums() { (cd "$1/release" && sha256sum train-*.jsonl.zst validation-*.jsonl.zst 2>/dev/null); }
same_release() {
  local name="$1" a="$2" b="$3"
  if [[ -n "$(release_sums "$a")" ]] && diff <(release_sums "$a") <(release_sums "$b") >&2; then
    pass "$name: $(release_sums "$b" | wc -l) release shards identical to the local run"
  else
    fail "$name: release differs from the local run ($a/release vs $b/release)"
  fi
}

say "WARC input (make-warc.py) and the local reference run"
scripts/slurm/make-warc.py --site site --out "$WORK/warc" --files 8 --copies 20
WARC="$WORK/warc/*.warc.gz"
make -s -f pipeline.mk CORPUS="$CORPUS" WARC="$WARC" OUT="$WORK/local-warc" \
  SHARD_FLAGS="$SEED_FLAGS" >"$WORK/local-warc.log" 2>&1
# One CPU per task so two run at once on a small machine.
export SBATCH_FLAGS="--cpus-per-task=1 --mem-per-cpu=1G"
export SHARD_FLAGS="$SEED_FLAGS"

say "1. warc: pipeline.sh --tasks 4"
scripts/slurm/pipeline.sh --out "$WORK/warc-run" --warc "$WARC" --tasks 4 \
  --config configs/default.toml
wait_jobs "$WORK/warc-run/logs"
same_release warc "$WORK/local-warc" "$WORK/warc-run"

say "2. cancel: extract task 1 stopped after its first input, then scancel"
export WRAP_REAL="$CORPUS" WRAP_STAGE=extract WRAP_TASK=1 WRAP_MODE=pause WRAP_READY="$WORK/ready"
CORPUS="$ROOT/tests/slurm/corpus_wrapper.sh" scripts/slurm/pipeline.sh --out "$WORK/cancel-run" \
  --warc "$WARC" --tasks 4 --config configs/default.toml
logs="$WORK/cancel-run/logs"
until [[ -f "$WORK/ready" ]]; do
  if ! squeue -h -o '%F' | grep -qxF "$(job_of "$logs" extract)"; then
    fail "cancel: extract ended before its task 1 paused (see $logs)"
    exit 1
  fi
  sleep 0.1
done
task="$(cat "$WORK/ready")"
# Task 1 of 4 owns inputs 1 and 5 (part-site-001, part-site-005).
echo "extract task $task paused; markers written: $(ls "$WORK/cancel-run/docs/_done" | paste -sd' '); squeue:" >&2
squeue
done_dir="$WORK/cancel-run/docs/_done"
if [[ -f "$done_dir/part-site-001.json" && ! -e "$done_dir/part-site-005.json" ]]; then
  pass "cancel: task 1 paused with its first input done and its second not"
else
  fail "cancel: task 1 paused with part-site-001 not done or part-site-005 done"
fi
scancel "$task"
wait_jobs "$logs"
extract_states="$(job_states "$(job_of "$logs" extract)")"
shard_states="$(job_states "$(job_of "$logs" shard-pack)")"
echo "after scancel: extract $extract_states; shard-pack $shard_states" >&2
if [[ "$extract_states" == *CANCELLED* && "$shard_states" == CANCELLED && ! -f "$WORK/cancel-run/docs/_manifest.json" &&
  ! -e "$WORK/cancel-run/release" ]]; then
  pass "cancel: the cancelled task left extract unfinished and the later arrays were cancelled"
else
  fail "cancel: after scancel expected extract CANCELLED and nothing released"
fi
unset WRAP_MODE WRAP_STAGE WRAP_TASK
say "2. cancel: the same pipeline.sh again"
scripts/slurm/pipeline.sh --out "$WORK/cancel-run" --warc "$WARC" --tasks 4 --config configs/default.toml
wait_jobs "$logs"
pages="$(grep -c 'WARC-Type: response' <(zcat "$WORK"/warc/*.warc.gz) || true)"
docs="$("$CORPUS" cat "$WORK/cancel-run/docs" --fields id | sort | uniq | wc -l)"
records="$("$CORPUS" cat "$WORK/cancel-run/docs" --fields id | wc -l)"
if [[ "$docs" -eq "$pages" && "$records" -eq "$pages" ]]; then
  pass "cancel: docs/ holds each of the $pages pages once"
else
  fail "cancel: docs/ holds $records records, $docs distinct, for $pages pages"
fi
same_release cancel "$WORK/local-warc" "$WORK/cancel-run"

say "3. fail: filter task 0 exits 2"
export WRAP_STAGE=filter WRAP_TASK=0 WRAP_MODE=fail
CORPUS="$ROOT/tests/slurm/corpus_wrapper.sh" scripts/slurm/pipeline.sh --out "$WORK/fail-run" \
  --warc "$WARC" --tasks 4 --config configs/default.toml
logs="$WORK/fail-run/logs"
wait_jobs "$logs"
filter_job="$(job_of "$logs" filter)"
filter_line="$(scontrol -o show job "${filter_job}_0" 2>/dev/null || true)"
echo "filter task 0: $(grep -o 'JobState=[A-Z_]* .*ExitCode=[0-9:]*' <<<"$filter_line" | sed 's/ Reason=[^ ]*//; s/ Dependency.*ExitCode/ ExitCode/')" >&2
echo "shard-partition: $(job_states "$(job_of "$logs" shard-partition)"), shard-pack: $(job_states "$(job_of "$logs" shard-pack)")" >&2
if [[ "$filter_line" == *JobState=FAILED* && "$filter_line" == *ExitCode=2:0* &&
  "$(job_states "$(job_of "$logs" shard-partition)")" == CANCELLED &&
  "$(job_states "$(job_of "$logs" shard-pack)")" == CANCELLED && ! -e "$WORK/fail-run/release" ]]; then
  pass "fail: the task's exit 2 shows as FAILED 2:0 and the shard arrays were cancelled unrun"
else
  fail "fail: expected filter FAILED with ExitCode=2:0 and shard's arrays cancelled"
fi
unset WRAP_MODE WRAP_STAGE WRAP_TASK WRAP_REAL WRAP_READY

say "4. site: crawl of the built-in site"
"$SERVER" --site site --port "$PORT" >"$WORK/site-server.log" 2>&1 &
server_pid=$!
until grep -q listening "$WORK/site-server.log" 2>/dev/null; do
  kill -0 "$server_pid" 2>/dev/null || { cat "$WORK/site-server.log" >&2; exit 1; }
  sleep 0.1
done
sed -e "s/:8080\b/:$PORT/g" seeds/builtin.txt >"$WORK/seeds.txt"
# fetched_at differs between two crawls; the release leaves it out.
site_shard="$SEED_FLAGS --fields id,text,url,lang,source"
crawl_flags="--allow-private-networks --per-host-delay 20"
make -s -f pipeline.mk CORPUS="$CORPUS" SEEDS="$WORK/seeds.txt" OUT="$WORK/local-site" \
  CRAWL_FLAGS="$crawl_flags" SHARD_FLAGS="$site_shard" >"$WORK/local-site.log" 2>&1
CRAWL_FLAGS="$crawl_flags" SHARD_FLAGS="$site_shard" scripts/slurm/pipeline.sh \
  --out "$WORK/site-run" --seeds "$WORK/seeds.txt" --tasks 4 --config configs/default.toml
wait_jobs "$WORK/site-run/logs"
# Two crawls fetch in an order of their own, and dedup keeps the copy of a
# text fetched first, to the second (src/dedup/keeper_rule.h). The built-in
# site has near-duplicate pages on two hosts, so two correct crawls may
# release different copies of them. The crawl is checked by what it fetched;
# the stages after it by running them here on the Slurm crawl's pages, with
# the flags pipeline.mk gives them.
page_sums() {
  zstd -dc "$1"/pages/*.jsonl.zst | python3 -c '
import hashlib, json, sys
for line in sys.stdin:
    r = json.loads(line)
    print(r["url"], hashlib.sha256(r.get("html", "").encode("utf-8")).hexdigest())
' | sort
}
page_sums "$WORK/local-site" > "$WORK/local-site.sums"
page_sums "$WORK/site-run" > "$WORK/site-run.sums"
if [[ -s $WORK/local-site.sums ]] && diff "$WORK/local-site.sums" "$WORK/site-run.sums" >&2; then
  pass "site: the same $(wc -l < "$WORK/site-run.sums") pages fetched as by the local crawl"
else
  fail "site: the crawl fetched other pages than the local crawl"
fi
# run_stage ARGS...: a stage as pipeline.mk runs it (exit 3, malformed input
# set aside, is no failure there either).
run_stage() { "$CORPUS" "$@" --threads 0 --no-progress || [[ $? -eq 3 ]]; }
ref="$WORK/local-site-stages"
mkdir -p "$ref"
cp -r "$WORK/site-run/pages" "$ref/pages"
config=configs/default.toml
{
  run_stage extract --config "$config" --in "$ref/pages" --out "$ref/docs" &&
    run_stage dedup --config "$config" --in "$ref/docs" --out "$ref/unique" &&
    run_stage filter --config "$config" --in "$ref/unique" --out "$ref/clean" &&
    run_stage shard --config "$config" --in "$ref/clean" --out "$ref/release" $site_shard
} >"$WORK/local-site-stages.log" 2>&1 || fail "site: the local stages on the Slurm crawl's pages failed"
same_release site "$ref" "$WORK/site-run"

if [[ $failures -ne 0 ]]; then
  echo "slurm_test: $failures check(s) failed" >&2
  exit 1
fi
echo "slurm_test: all checks passed" >&2
