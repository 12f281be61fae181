#!/usr/bin/env bash
# corpus_wrapper.sh: stands in for the corpus binary (CORPUS=...) in the Slurm
# tests (tests/slurm/slurm_test.sh) to put one array task in a known state.
#
# WRAP_REAL is the real binary. When the stage (first argument) is WRAP_STAGE
# and the array task is WRAP_TASK:
#   WRAP_MODE=fail   the task exits 2 at once, as a fatal error would.
#   WRAP_MODE=pause  corpus runs until it has written one more _done marker in
#                    its --out folder, then is stopped (SIGSTOP) and the task's
#                    id JOB_TASK is written to WRAP_READY; the test cancels it
#                    there. SIGTERM (scancel) is passed on first, then
#                    SIGCONT: corpus wakes with its stop already requested, so
#                    it cannot finish its remaining inputs in between.
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
out=""
prev=""
for a in "$@"; do
  if [[ "$prev" == --out ]]; then out="$a"; fi
  prev="$a"
done
# (The folder may not exist yet: this task can be the stage's first.)
markers() { { find "$out/_done" -name '*.json' 2>/dev/null || true; } | wc -l; }
before="$(markers)"
"$real" "$@" &
pid=$!
trap 'kill -TERM "$pid" 2>/dev/null || true; kill -CONT "$pid" 2>/dev/null || true' TERM INT
while kill -0 "$pid" 2>/dev/null && [[ "$(markers)" -le "$before" ]]; do sleep 0.01; done
kill -STOP "$pid" 2>/dev/null || true
echo "${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}" >"$WRAP_READY.tmp"
mv "$WRAP_READY.tmp" "$WRAP_READY"
while true; do
  rc=0
  wait "$pid" || rc=$?
  kill -0 "$pid" 2>/dev/null || break
done
exit "$rc"
