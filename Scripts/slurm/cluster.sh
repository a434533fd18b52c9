#!/usr/bin/env bash
# A one-node Slurm cluster for tests: munged, slurmctld and slurmd on this machine, with all of
# their configuration, state, logs and pid files in one folder. Root only (slurmd must be).
#
#   Scripts/slurm/cluster.sh start DIR   # writes DIR/slurm.conf, starts the daemons, waits for the node
#   Scripts/slurm/cluster.sh stop DIR    # stops them by their pid files
#
# Then use the cluster with SLURM_CONF=DIR/slurm.conf (sbatch, squeue, scancel, …).
# ProctrackType=proctrack/linuxproc and TaskPlugin=task/none need no cgroups, so this also runs
# in a container or a VM without systemd.
set -euo pipefail
cmd=${1:?usage: cluster.sh start|stop DIR}
dir=$(mkdir -p "${2:?usage: cluster.sh start|stop DIR}" && cd "$2" && pwd)

stop() {
  for name in slurmd slurmctld munged; do
    pidfile="$dir/$name.pid"
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    if kill "$pid" 2>/dev/null; then
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
  done
}

case "$cmd" in
stop) stop; exit 0 ;;
start) ;;
*) echo "usage: cluster.sh start|stop DIR" >&2; exit 2 ;;
esac

[ "$(id -u)" -eq 0 ] || { echo "cluster.sh: slurmd must run as root" >&2; exit 1; }
for tool in munged slurmctld slurmd sbatch; do
  command -v "$tool" >/dev/null || { echo "cluster.sh: $tool not found: apt-get install slurm-wlm munge" >&2; exit 1; }
done

host=$(hostname -s)
cpus=$(nproc)
memory=$(awk '/MemTotal/ { print int($2 / 1024 * 0.8) }' /proc/meminfo)
mkdir -p "$dir/state" "$dir/spool" "$dir/munge"
chmod 700 "$dir/munge"

# munge: a key of the cluster's own, its socket and pid in the folder.
key="$dir/munge/munge.key"
[ -f "$key" ] || { dd if=/dev/urandom of="$key" bs=1 count=1024 status=none; chmod 400 "$key"; }
socket="$dir/munge/munge.socket"
munged --force --key-file="$key" --socket="$socket" --pid-file="$dir/munged.pid" \
  --log-file="$dir/munged.log" --seed-file="$dir/munge/munge.seed"

cat > "$dir/slurm.conf" <<CONF
ClusterName=govreport-test
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$socket
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
ReturnToService=2
MpiDefault=none
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPort=6817
SlurmdPort=6818
MaxArraySize=1001
NodeName=$host CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
echo "# no cgroups: proctrack/linuxproc and task/none" > "$dir/cgroup.conf"
export SLURM_CONF="$dir/slurm.conf"
slurmctld -f "$SLURM_CONF" -c
slurmd -f "$SLURM_CONF"

# Wait until the node takes jobs.
for _ in $(seq 100); do
  state=$(sinfo -h -N -o '%t' 2>/dev/null | head -n 1 || true)
  case "$state" in idle*|mix*|alloc*) echo "cluster.sh: node $host is $state ($cpus CPUs, ${memory} MiB), SLURM_CONF=$SLURM_CONF"; exit 0 ;; esac
  sleep 0.2
done
echo "cluster.sh: the node did not come up; see $dir/slurmctld.log and $dir/slurmd.log" >&2
stop
exit 1
