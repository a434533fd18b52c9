#!/usr/bin/env bash
# Acceptance run of `govreport batch` on a made-up harvest (Scripts/make-batch-corpus.py):
#
#   1. one uninterrupted batch over >= 1000 files (good copies, corrupt, truncated, empty,
#      encrypted, image-only and non-report files, plus three files that make a worker crash,
#      hang and run out of memory, and a real PDF that keeps Poppler busy for ~40 s): every
#      good file extracted exactly as `govreport extract`
#      prints it, every bad file failed with its reason, exit status 7;
#   2. the same batch killed with `kill -9` (the batch and its workers) part way, then run
#      again with the same command: outputs equal to the uninterrupted run's;
#   3. throughput with --jobs 1 and --jobs 2 (alternating rounds; a harvest of the same make
#      without the fault files and the bomb);
#   4. peak memory of the whole process tree at 200 and at 1000 documents.
#
# Usage: bash Scripts/batch-acceptance.sh [WORK_DIR]      (default: a new /tmp/batch-acceptance.*)
# Environment: COUNT (files, default 1000), ROUNDS (throughput rounds, default 5),
#              KILL_AT (fraction of the inputs done before the kill, default 0.4),
#              SECTIONS (which of the four to run, default 1234; 2 needs 1's output).
# Throughput needs the machine to itself: other builds or tests on its cores slow the rounds
# they fall on (each line shows the load average before it).
# Needs python3 and a release build (made here). Takes about 6 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=${1:-$(mktemp -d /tmp/batch-acceptance.XXXXXX)}
COUNT=${COUNT:-1000}
ROUNDS=${ROUNDS:-5}
KILL_AT=${KILL_AT:-0.4}
SECTIONS=${SECTIONS:-1234}
BIN=$ROOT/.build/release/govreport
mkdir -p "$WORK"
status=0
fail() { echo "FAIL: $*"; status=1; }
now() { date +%s.%N; }

echo "== release build"
swift build -c release 2>&1 | tail -n 1

echo "== corpus"
python3 Scripts/make-batch-corpus.py "$WORK/corpus" --count "$COUNT" --faults
python3 Scripts/make-batch-corpus.py "$WORK/plain" --count "$COUNT" > /dev/null    # for 3 and 4
python3 Scripts/make-batch-corpus.py "$WORK/plain200" --count 200 > /dev/null
export GOVREPORT_BATCH_FAULTS=1        # the three fault files crash, hang, eat memory
BATCH=(batch "$WORK/corpus" --jobs 2 --timeout 10 --max-memory 1024 --progress lines)

if [[ $SECTIONS == *1* ]]; then
echo "== 1. uninterrupted batch"
rm -rf "$WORK/full"
set +e
"$BIN" "${BATCH[@]}" --out "$WORK/full" 2> "$WORK/full.log"
code=$?
set -e
tail -n 12 "$WORK/full.log"
echo "exit status: $code (7: some inputs failed)"
[ "$code" = 7 ] || fail "exit status $code, expected 7"
python3 Scripts/batch-verify.py check "$WORK/corpus" "$WORK/full" --bin "$BIN" || fail "check of the uninterrupted batch"
fi

if [[ $SECTIONS == *2* ]]; then
echo "== 2. kill -9 part way, then the same command again"
rm -rf "$WORK/killed"
setsid "$BIN" "${BATCH[@]}" --out "$WORK/killed" 2> "$WORK/killed-1.log" &
pid=$!
target=$(python3 -c "print(int($COUNT * $KILL_AT))")
while [ "$(cat "$WORK/killed/manifest.jsonl" 2>/dev/null | wc -l)" -lt "$target" ]; do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.05
done
done_before=$(wc -l < "$WORK/killed/manifest.jsonl")
kill -9 -- "-$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
sleep 0.2
left=$(pgrep -f "$WORK/killed/tmp" | wc -l || true)
echo "killed the batch and its workers (kill -9 to the process group) with $done_before/$COUNT results in the manifest; $left worker(s) left"
echo "left behind: $(ls "$WORK/killed/tmp" | wc -l) temporary file(s); combined outputs: $(ls "$WORK/killed" | grep -cE '^(reports|cells|failures)' || true)"
set +e
"$BIN" "${BATCH[@]}" --out "$WORK/killed" 2> "$WORK/killed-2.log"
code=$?
set -e
grep -E "this run|input\(s\)" "$WORK/killed-2.log"
[ "$code" = 7 ] || fail "rerun exit status $code, expected 7"
python3 Scripts/batch-verify.py compare "$WORK/full" "$WORK/killed" || fail "the resumed batch differs from the uninterrupted one"
fi

if [[ $SECTIONS == *3* ]]; then
echo "== 3. throughput, --jobs 1 vs --jobs 2 ($ROUNDS alternating rounds, $COUNT files, no fault hooks)"
# Rounds alternate so that load from elsewhere on the machine falls on both alike; the best
# round of each shows the machine unloaded. cpu is user+sys of the whole process tree.
unset GOVREPORT_BATCH_FAULTS
: > "$WORK/throughput.tsv"
for round in $(seq 1 "$ROUNDS"); do
  for jobs in 1 2; do
    rm -rf "$WORK/t$jobs"
    load=$(cut -d' ' -f1 /proc/loadavg)
    /usr/bin/time -f "%e %U %S" -o "$WORK/time" \
      "$BIN" batch "$WORK/plain" --out "$WORK/t$jobs" --jobs "$jobs" --progress none 2> /dev/null || true
    read -r wall user sys < <(tail -n 1 "$WORK/time")
    echo -e "$round\t$jobs\t$wall\t$user\t$sys\t$load" >> "$WORK/throughput.tsv"
    python3 -c "print(f'round $round --jobs $jobs: {$wall:.2f} s wall, {$COUNT/$wall:.1f} docs/s, cpu {$user+$sys:.1f} s, load before {$load}')"
  done
done
python3 - "$WORK/throughput.tsv" "$COUNT" <<'PY'
import statistics, sys
rows = [l.split("\t") for l in open(sys.argv[1]).read().split("\n") if l]
count = int(sys.argv[2])
by = {}
for r, j, wall, *_ in rows:
    by.setdefault(r, {})[j] = float(wall)
ratios = [v["1"] / v["2"] for v in by.values()]
best1 = min(v["1"] for v in by.values())
best2 = min(v["2"] for v in by.values())
print("speed-up of --jobs 2 over --jobs 1 per round: " + ", ".join(f"{x:.2f}x" for x in ratios)
      + f"; median {statistics.median(ratios):.2f}x")
print(f"best rounds: --jobs 1 {count / best1:.1f} docs/s, --jobs 2 {count / best2:.1f} docs/s: {best1 / best2:.2f}x")
PY
rm -rf "$WORK/t1" "$WORK/t2"
fi

if [[ $SECTIONS == *4* ]]; then
echo "== 4. peak memory of the whole batch (parent + workers), --jobs 2"
for c in plain200 plain; do
  rm -rf "$WORK/m"
  n=$(grep -c . "$WORK/$c/expected.tsv")
  echo -n "$n documents: "
  python3 Scripts/peak-rss.py -- "$BIN" batch "$WORK/$c" --out "$WORK/m" --jobs 2 --progress none 2>&1 >/dev/null \
    | grep peak-rss || true
done
rm -rf "$WORK/m"
fi

echo "== done: $WORK"
exit $status
