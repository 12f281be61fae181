#!/usr/bin/env bash
# pipeline.sh: submits the whole corpus pipeline to Slurm as job arrays
# chained with --dependency=afterok, one array per stage (and two for shard:
# partition, then pack).
#
#   scripts/slurm/pipeline.sh --out OUT (--seeds FILE | --warc 'GLOB') [--tasks N]
#
# Environment: CORPUS (binary, default build/corpus), SBATCH_FLAGS (extra
# sbatch flags, e.g. "--partition=cpu --time=12:00:00"), DEDUP_TASKS (array
# size for dedup's per-file phases, default 1: all phases in one job; above 1,
# its four phases run as dependent arrays: signatures, pairs over
# DEDUP_PARTITIONS (default 16) tasks, one cluster job, then apply).
# Prints the job ids; `squeue -u $USER` shows them, each stage's log is
# corpus-<stage>-<job>_<task>.out in the submit folder.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT=""
SEEDS=""
WARC=""
TASKS=4
while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) OUT="${2%/}"; shift 2 ;;
    --seeds) SEEDS="$2"; shift 2 ;;
    --warc) WARC="$2"; shift 2 ;;
    --tasks) TASKS="$2"; shift 2 ;;
    *) echo "pipeline.sh: unknown argument $1" >&2; exit 1 ;;
  esac
done
[[ -n "$OUT" && ( -n "$SEEDS" || -n "$WARC" ) ]] || {
  echo "usage: pipeline.sh --out OUT (--seeds FILE | --warc 'GLOB') [--tasks N]" >&2
  exit 1
}
export CORPUS="${CORPUS:-build/corpus}"
DEDUP_TASKS="${DEDUP_TASKS:-1}"
last=""

# submit NAME ARRAY_SIZE STAGE ARGS...: queues one array after the previous one.
submit() {
  local name="$1" size="$2"
  shift 2
  local dep=()
  [[ -n "$last" ]] && dep=(--dependency="afterok:$last")
  # shellcheck disable=SC2086
  last="$(sbatch --parsable --job-name="corpus-$name" --output="corpus-$name-%A_%a.out" \
    --array="0-$((size - 1))" "${dep[@]}" ${SBATCH_FLAGS:-} "$HERE/stage.sbatch" "$@")"
  last="${last%%;*}"
  echo "$name: job $last (array of $size)"
}

if [[ -n "$SEEDS" ]]; then
  # The crawler shares one frontier: one task, many connections.
  submit crawl 1 crawl --seeds "$SEEDS" --out "$OUT/pages"
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
