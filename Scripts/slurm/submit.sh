#!/usr/bin/env bash
# Submits a govreport harvest to Slurm: an array job of TASKS shards (harvest.sbatch), then the
# assembly (assemble.sbatch) to run once every task has succeeded. Prints both job ids.
#
#   Scripts/slurm/submit.sh [--tasks N] [--wait] [-- SBATCH_OPTION...] OUT INPUT...
#
# Run it again with the same arguments after a task failed, was cancelled or ran out of time:
# the new array resumes where the shards stopped, and the new assembly follows it.
# GOVREPORT names the govreport binary (default: the one on PATH); it must be reachable at the
# same path on every node, as must the inputs and OUT (a shared file system).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tasks=8
wait=()
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --tasks) tasks=${2:?}; shift 2 ;;
    --wait) wait=(--wait); shift ;;
    --) shift; while [ $# -gt 0 ] && [ "$1" != "--" ]; do extra+=("$1"); shift; done; [ $# -gt 0 ] && shift ;;
    *) break ;;
  esac
done
[ $# -ge 2 ] || { echo "usage: submit.sh [--tasks N] [--wait] [-- SBATCH_OPTION... --] OUT INPUT..." >&2; exit 2; }
out=$1
mkdir -p "$out"
array=$(sbatch --parsable --array="1-$tasks" --chdir="$PWD" --output="$out/harvest-%A_%a.log" \
  "${extra[@]}" "$here/harvest.sbatch" "$@")
array=${array%%;*}
assemble=$(sbatch --parsable "${wait[@]}" --dependency="afterok:$array" --kill-on-invalid-dep=yes \
  --chdir="$PWD" --output="$out/assemble-%j.log" "${extra[@]}" "$here/assemble.sbatch" "$out")
echo "array job $array ($tasks tasks), assembly job ${assemble%%;*}"
