#!/usr/bin/env bash
# corpus_wrapper.sh: stands in for the corpus binary (CORPUS=...) in the Slurm
# tests (tests/slurm/slurm_test.sh) to put one array task in a known state.
#
# WRAP_REAL is the real binary. When the stage (first argument) is WRAP_STAGE
# and the array task is WRAP_TASK:
#   WRAP_MODE=fail   the task exits 2 at once, as a fatal error would.
#   WRAP_MODE=pause  the task does its first input and no more, then its id
#                    JOB_TASK is written to WRAP_READY and the test cancels it.
#                    First, corpus runs as the same task index among twice as
#                    many tasks (inputs go to tasks by index modulo the count,
#                    docs/ARCHITECTURE.md, "Scale"), which owns this task's first input
#                    and not its second. Then the task's own command starts and
#                    is stopped (SIGSTOP) at once, long before it could finish
#                    an input. SIGTERM (scancel) is passed on first, then
#                    SIGCONT: corpus wakes with its stop already requested.
#                    (Waiting for a marker instead would race: a small input is
#                    done in less time than a poll takes on a busy machine.)
# Any other task runs corpus unchanged.
set -euo pipefail
real="${WRAP_REAL:?WRAP_REAL names the real corpus binary}"
if [[ "${1:-}" != "${WRAP_STAGE:-}" || "${SLURM_ARRAY_TASK_ID:-}" != "${WRAP_TASK:-}" ]]; then
  exec "$real" "$@"
fi
if [[ "${WRAP_MODE:-}" == fail ]]; then
  echo "corpus_wrapper: failing $1 task $SLURM_ARRAY_TASK_ID on purpose" >&2
  exit 2
fi
count="${SLURM_ARRAY_TASK_COUNT:?pause mode needs an array task}"
SLURM_ARRAY_TASK_COUNT=$((count * 2)) "$real" "$@"
"$real" "$@" &
pid=$!
kill -STOP "$pid"
trap 'kill -TERM "$pid" 2>/dev/null || true; kill -CONT "$pid" 2>/dev/null || true' TERM INT
echo "${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}" >"$WRAP_READY.tmp"
mv "$WRAP_READY.tmp" "$WRAP_READY"
while true; do
  rc=0
  wait "$pid" || rc=$?
  kill -0 "$pid" 2>/dev/null || break
done
exit "$rc"
