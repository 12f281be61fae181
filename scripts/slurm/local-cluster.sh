#!/usr/bin/env bash
# local-cluster.sh: a real single-node Slurm on this machine, for trying and
# testing the scripts in scripts/slurm/ (CI runs it, see scripts/slurm/ci.sh).
#
#   scripts/slurm/local-cluster.sh start    # prints the line to eval for the clients
#   eval "$(scripts/slurm/local-cluster.sh env)"
#   sinfo; squeue; sbatch ...
#   scripts/slurm/local-cluster.sh stop
#
# start installs Debian's slurm-wlm and munge when missing (through
# scripts/install-deps.sh with CORPUS_WITH_SLURM=1), makes a munge key and
# starts munged on its own socket, writes a minimal slurm.conf (one node: this
# host with the CPUs and memory `slurmd -C` finds, one partition `local`,
# process tracking and task plugins that need no cgroups, so it runs in a
# container), starts slurmctld and slurmd, and returns once `sinfo` shows the
# node idle. Everything lives under one folder (SLURM_LOCAL_DIR, default
# /tmp/corpus-slurm-$UID): config, state, spool and the daemons' logs
# (log/slurmctld.log, log/slurmd.log, log/munged.log). The daemons run as the
# calling user; start must run as root (slurmd starts jobs as their owner).
#
# Environment: SLURM_LOCAL_DIR, SLURM_LOCAL_PORT (slurmctld's port, slurmd
# uses the next one; default 6817), SLURM_LOCAL_TIMEOUT (seconds to wait for
# the node, default 60).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIR="${SLURM_LOCAL_DIR:-/tmp/corpus-slurm-$(id -u)}"
PORT="${SLURM_LOCAL_PORT:-6817}"
TIMEOUT="${SLURM_LOCAL_TIMEOUT:-60}"
CONF="$DIR/slurm.conf"

die() { printf 'local-cluster: %s\n' "$*" >&2; exit 1; }

# wait_for SECONDS WHAT COMMAND...: polls COMMAND until it succeeds.
wait_for() {
  local limit=$(($(date +%s) + $1)) what="$2"
  shift 2
  until "$@" >/dev/null 2>&1; do
    [[ $(date +%s) -lt $limit ]] || return 1
    sleep 0.2
  done
}

# stop_pid FILE: ends the daemon whose pid FILE holds and waits for it to go.
stop_pid() {
  local file="$1" pid
  [[ -f "$file" ]] || return 0
  pid="$(cat "$file")"
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    if ! wait_for 20 "pid $pid to exit" bash -c "! kill -0 $pid"; then
      kill -9 "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$file"
}

node_state() {
  SLURM_CONF="$CONF" sinfo -h -N -o '%T' 2>/dev/null | head -n1
}

write_conf() {
  local node cpus_line user
  node="$(hostname -s)"
  user="$(id -un)"
  # slurmd -C prints this machine's NodeName=... CPUs=... RealMemory=... line.
  cpus_line="$(slurmd -C | head -n1)"
  local mem
  mem="$(sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p' <<<"$cpus_line")"
  # Leave the system a little memory so the node is never marked invalid.
  mem=$((mem * 9 / 10))
  cpus_line="$(sed -e "s/RealMemory=[0-9]*/RealMemory=$mem/" <<<"$cpus_line")"
  cat >"$CONF" <<EOF
# Written by scripts/slurm/local-cluster.sh: one node, one partition.
ClusterName=corpus-local
SlurmctldHost=$node(127.0.0.1)
SlurmUser=$user
SlurmdUser=root
SlurmctldPort=$PORT
SlurmdPort=$((PORT + 1))
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$DIR/munge/munge.socket
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool
SlurmctldPidFile=$DIR/slurmctld.pid
SlurmdPidFile=$DIR/slurmd.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd.log
# No cgroups: containers rarely delegate them.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SwitchType=switch/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
SchedulerType=sched/backfill
ReturnToService=2
# Finished jobs stay visible to scontrol/squeue for five minutes.
MinJobAge=300
KillWait=5
$cpus_line NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=local Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
}

start() {
  [[ $(id -u) -eq 0 ]] || die "start needs root (slurmd runs jobs as their owner)"
  if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
    CORPUS_WITH_SLURM=1 "$ROOT/scripts/install-deps.sh"
  fi
  if [[ -f "$DIR/slurmctld.pid" ]] && kill -0 "$(cat "$DIR/slurmctld.pid")" 2>/dev/null &&
    [[ "$(node_state)" == idle* ]]; then
    echo "local-cluster: already running ($CONF)" >&2
    echo "export SLURM_CONF=$CONF"
    return 0
  fi
  stop >/dev/null 2>&1 || true
  mkdir -p "$DIR"/{munge,state,spool,log}
  chmod 700 "$DIR/munge"
  if [[ ! -s "$DIR/munge/munge.key" ]]; then
    mungekey --create --keyfile="$DIR/munge/munge.key" --force
  fi
  chmod 600 "$DIR/munge/munge.key"
  munged --key-file="$DIR/munge/munge.key" --socket="$DIR/munge/munge.socket" \
    --pid-file="$DIR/munged.pid" --log-file="$DIR/log/munged.log" \
    --seed-file="$DIR/munge/munged.seed" --force
  wait_for "$TIMEOUT" munged test -S "$DIR/munge/munge.socket" ||
    die "munged did not start; see $DIR/log/munged.log"

  write_conf
  slurmctld -f "$CONF" -i
  slurmd -f "$CONF"
  if ! wait_for "$TIMEOUT" "the node" bash -c "[[ \"\$(SLURM_CONF='$CONF' sinfo -h -N -o %T 2>/dev/null | head -n1)\" == idle* ]]"; then
    echo "local-cluster: the node did not become idle within ${TIMEOUT}s (state: $(node_state))" >&2
    tail -n 20 "$DIR/log/slurmctld.log" "$DIR/log/slurmd.log" >&2 || true
    exit 1
  fi
  echo "local-cluster: node $(hostname -s) idle in partition local ($CONF)" >&2
  echo "export SLURM_CONF=$CONF"
}

stop() {
  stop_pid "$DIR/slurmd.pid"
  stop_pid "$DIR/slurmctld.pid"
  stop_pid "$DIR/munged.pid"
  echo "local-cluster: stopped" >&2
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env) echo "export SLURM_CONF=$CONF" ;;
  status) SLURM_CONF="$CONF" sinfo ;;
  *) echo "usage: local-cluster.sh start|stop|env|status" >&2; exit 1 ;;
esac
