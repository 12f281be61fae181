#!/usr/bin/env bash
# pipeline.sh: submits the whole corpus pipeline to Slurm as job arrays
# chained with --dependency=afterok, one array per stage (and two for shard:
# partition, then pack). The crawl is one job of --tasks tasks started
# together (together.sbatch): they share out the hosts and hand each other
# links while they run (corpus crawl --num-tasks).
#
#   scripts/slurm/pipeline.sh --out OUT (--seeds FILE | --warc 'GLOB') [--tasks N] [--config FILE]
#
# Environment: CORPUS (binary, default build/corpus), SBATCH_FLAGS (extra
# sbatch flags, e.g. "--partition=cpu --time=12:00:00"), CRAWL_FLAGS,
# EXTRACT_FLAGS, DEDUP_FLAGS, FILTER_FLAGS, SHARD_FLAGS (extra flags of one
# stage, as in pipeline.mk), DEDUP_TASKS (array size for dedup's per-file
# phases, default 1: all phases in one job; above 1, its four phases run as
# dependent arrays: signatures, pairs over DEDUP_PARTITIONS (default 16)
# tasks, one cluster job, then apply).
# Prints the job ids (also kept in OUT/logs/jobs.txt); `squeue -u $USER`
# shows them, each task's log is OUT/logs/corpus-<stage>-<job>_<task>.out.
# A failed task fails its array; the arrays after it are cancelled by Slurm
# (--kill-on-invalid-dep) rather than left pending. Running the same command
# again resumes: every stage skips the inputs its _done markers cover.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT=""
SEEDS=""
WARC=""
TASKS=4
CONFIG=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) OUT="${2%/}"; shift 2 ;;
    --seeds) SEEDS="$2"; shift 2 ;;
    --warc) WARC="$2"; shift 2 ;;
    --tasks) TASKS="$2"; shift 2 ;;
    --config) CONFIG="$2"; shift 2 ;;
    *) echo "pipeline.sh: unknown argument $1" >&2; exit 1 ;;
  esac
done
[[ -n "$OUT" && ( -n "$SEEDS" || -n "$WARC" ) ]] || {
  echo "usage: pipeline.sh --out OUT (--seeds FILE | --warc 'GLOB') [--tasks N] [--config FILE]" >&2
  exit 1
}
# Jobs start in the submit folder, but a site may set another: absolute paths.
CORPUS="$(realpath "${CORPUS:-build/corpus}")"
[[ -x "$CORPUS" ]] || { echo "pipeline.sh: $CORPUS is not an executable corpus binary" >&2; exit 1; }
export CORPUS
OUT="$(realpath -m "$OUT")"
[[ -n "$SEEDS" ]] && SEEDS="$(realpath "$SEEDS")"
[[ -n "$WARC" && "$WARC" != /* ]] && WARC="$PWD/$WARC"
LOGS="$OUT/logs"
mkdir -p "$LOGS"
config=()
[[ -n "$CONFIG" ]] && config=(--config "$(realpath "$CONFIG")")
DEDUP_TASKS="${DEDUP_TASKS:-1}"
last=""

# submit NAME ARRAY_SIZE STAGE ARGS...: queues one array after the previous
# one, with the stage's config file and its <STAGE>_FLAGS.
submit() {
  local name="$1" size="$2" stage="$3"
  shift 3
  local dep=() flags_var
  [[ -n "$last" ]] && dep=(--dependency="afterok:$last" --kill-on-invalid-dep=yes)
  flags_var="${stage^^}_FLAGS"
  # shellcheck disable=SC2086
  last="$(sbatch --parsable --job-name="corpus-$name" --output="$LOGS/corpus-$name-%A_%a.out" \
    --array="0-$((size - 1))" "${dep[@]}" ${SBATCH_FLAGS:-} "$HERE/stage.sbatch" \
    "$stage" "$@" "${config[@]}" ${!flags_var:-})"
  last="${last%%;*}"
  echo "$name: job $last (array of $size)"
  echo "$name $last $size" >>"$LOGS/jobs.txt"
}
: >"$LOGS/jobs.txt"

if [[ -n "$SEEDS" ]]; then
  export CORPUS_SLURM_DIR="$HERE" TASK_OUTPUT="$LOGS/corpus-crawl-%j_%t.out"
  # shellcheck disable=SC2086
  last="$(sbatch --parsable --job-name=corpus-crawl --output="$LOGS/corpus-crawl-%j.out" \
    --ntasks="$TASKS" ${SBATCH_FLAGS:-} "$HERE/together.sbatch" \
    crawl --seeds "$SEEDS" --out "$OUT/pages" "${config[@]}" ${CRAWL_FLAGS:-})"
  last="${last%%;*}"
  echo "crawl: job $last ($TASKS tasks together)"
  echo "crawl $last $TASKS" >>"$LOGS/jobs.txt"
  submit extract "$TASKS" extract --in "$OUT/pages" --out "$OUT/docs"
else
  submit extract "$TASKS" extract --in "$WARC" --out "$OUT/docs"
fi
if [[ "$DEDUP_TASKS" -gt 1 ]]; then
  parts="${DEDUP_PARTITIONS:-16}"
  submit dedup-signatures "$DEDUP_TASKS" dedup --in "$OUT/docs" --out "$OUT/unique" --partitions "$parts" --phase signatures
  submit dedup-pairs "$parts" dedup --in "$OUT/docs" --out "$OUT/unique" --partitions "$parts" --phase pairs
  submit dedup-cluster 1 dedup --in "$OUT/docs" --out "$OUT/unique" --partitions "$parts" --phase cluster
  submit dedup-apply "$DEDUP_TASKS" dedup --in "$OUT/docs" --out "$OUT/unique" --partitions "$parts" --phase apply
else
  submit dedup 1 dedup --in "$OUT/docs" --out "$OUT/unique"
fi
submit filter "$TASKS" filter --in "$OUT/unique" --out "$OUT/clean"
submit shard-partition "$TASKS" shard --in "$OUT/clean" --out "$OUT/release" --phase partition
submit shard-pack "$TASKS" shard --in "$OUT/clean" --out "$OUT/release" --phase pack
echo "release: $OUT/release (after job $last)"
