#!/usr/bin/env bash
# The Slurm harvest tested on a real one-node Slurm cluster (munged, slurmctld, slurmd started
# here and stopped at the end by their pid files):
#   1. submit.sh runs a 3-task array over INPUT... and the assembly after it (sbatch --wait);
#      the assembled outputs must equal one unsharded `govreport batch` of the same inputs
#      (reports.jsonl, cells.csv, failures.csv byte for byte, the SQLite archive row for row);
#   2. a second harvest whose task 2 is killed mid-run: its assembly is cancelled, the same
#      submission again finishes the harvest, with the same outputs.
# Usage: Scripts/slurm/test-slurm.sh GOVREPORT_BINARY INPUT...   (as root; skipped otherwise)
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then
  echo "slurm test: skipped (not root: slurmd must run as root)"
  exit 0
fi
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/govreport-slurm.XXXXXX)
cluster="$work/cluster"
cleanup() { "$here/cluster.sh" stop "$cluster" || true; rm -rf "$work"; }
trap cleanup EXIT
"$here/cluster.sh" start "$cluster"
export SLURM_CONF="$cluster/slurm.conf" GOVREPORT="$bin"

# The harvest: the inputs, ten times over under different folders, so that a task runs long
# enough to be killed in the middle.
harvest="$work/harvest"
for copy in $(seq 1 10); do
  mkdir -p "$harvest/copy$copy"
  for input in "$@"; do cp -R "$input" "$harvest/copy$copy/"; done
done
cd "$work"
"$bin" batch harvest --out whole --progress none || [ $? -eq 7 ]

same() {  # same OUT_A OUT_B: the combined outputs agree
  for f in reports.jsonl cells.csv failures.csv reports-wide.csv; do
    [ -f "$1/$f" ] || [ -f "$2/$f" ] || continue
    cmp "$1/$f" "$2/$f" || { echo "slurm test: $f differs between $1 and $2" >&2; return 1; }
  done
  python3 - "$1/reports.sqlite" "$2/reports.sqlite" <<'PY'
import sqlite3, sys
dumps = [list(sqlite3.connect(p).iterdump()) for p in sys.argv[1:]]
if dumps[0] != dumps[1]:
    sys.exit("slurm test: the SQLite archives differ")
PY
}

echo "== slurm: 3-task array and assembly"
"$here/submit.sh" --tasks 3 --wait -- --cpus-per-task=1 --mem-per-cpu=1G -- sharded harvest
same sharded whole
tasks=$(ls sharded/shard-*-of-3.json | wc -l)
[ "$tasks" -eq 3 ] || { echo "slurm test: $tasks of 3 tasks marked finished" >&2; exit 1; }
echo "slurm: 3 shards assembled; outputs identical to the unsharded batch ($(wc -l < whole/reports.jsonl) reports)"

echo "== slurm: a task killed mid-run, the array resubmitted"
first=$("$here/submit.sh" --tasks 3 -- --cpus-per-task=1 --mem-per-cpu=1G -- killed harvest)
echo "$first"
array=$(echo "$first" | awk '{ print $3 }')
manifest=killed/manifest-2-of-3.jsonl
for _ in $(seq 600); do
  [ -f "$manifest" ] && [ "$(wc -l < "$manifest")" -ge 5 ] && break
  sleep 0.05
done
scancel --signal=KILL --full "${array}_2"
for _ in $(seq 200); do
  squeue -h -j "$array" 2>/dev/null | grep -q . || break
  sleep 0.1
done
done_before=$(wc -l < "$manifest")
if [ -f killed/shard-2-of-3.json ]; then
  echo "slurm test: task 2 finished before it could be killed; the resume is not exercised" >&2
  exit 1
fi
echo "slurm: task 2 killed with $done_before result(s) in its manifest; resubmitting"
"$here/submit.sh" --tasks 3 --wait -- --cpus-per-task=1 --mem-per-cpu=1G -- killed harvest
same killed whole
echo "slurm: resumed harvest identical to the unsharded batch"
echo "slurm test: 2 passed, 0 failed"
