#!/usr/bin/env bash
# Runs each hostile input of Scripts/make-hostile-inputs.py through `extract`, `check` and
# `batch` (with their default --timeout 50 and --max-memory 1024; PDFs with --tables ruled,
# which renders the table pages) and prints, per run, the wall time, the peak memory
# (/usr/bin/time -v: the largest process of the tree, the worker included) and how it ended.
#
# Usage: bash Scripts/measure-hostile.sh DIR [BINARY]     (BINARY: .build/release/govreport)
# Acceptance (issue 17): every run ≤ 60 s and ≤ 1024 MiB, none ended by a signal.
# `batch` takes report files only: JSON inputs are run through `extract` and `check`.
set -u
dir=${1:?usage: measure-hostile.sh DIR [BINARY]}
bin=$(realpath "${2:-.build/release/govreport}")
status=0
printf '%-20s %-8s %8s %9s %-6s %s\n' input command wall_s peak_MiB exit "last message"
for f in "$dir"/*; do
    name=$(basename "$f")
    case "$name" in *.json|*.jsonl) commands="extract check" ;; *) commands="extract check batch" ;; esac
    tables=()
    case "$name" in *.pdf) tables=(--tables ruled) ;; esac
    for cmd in $commands; do
        work=$(mktemp -d)
        case $cmd in
            batch)
                mkdir "$work/in"
                ln "$f" "$work/in/$name" 2>/dev/null || cp "$f" "$work/in/$name"
                args=(batch "$work/in" --out "$work/out" --progress none "${tables[@]}") ;;
            *) args=("$cmd" "${tables[@]}" "$f") ;;
        esac
        /usr/bin/time -v -o "$work/time" "$bin" "${args[@]}" >/dev/null 2>"$work/err"
        rc=$?
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0;
                for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.1f", s }' "$work/time")
        kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time")
        mib=$((kb / 1024))
        signal=$(sed -n 's/.*Command terminated by signal \([0-9]*\).*/\1/p' "$work/time")
        ended=$rc
        [ -n "$signal" ] && ended="sig$signal"
        said=$(grep -v '^batch: ' "$work/err" | tail -1 | cut -c1-110)
        printf '%-20s %-8s %8s %9s %-6s %s\n' "$name" "$cmd" "$wall" "$mib" "$ended" "$said"
        if [ -n "$signal" ] || [ "$mib" -gt 1024 ] || awk -v w="$wall" 'BEGIN { exit !(w > 60) }'; then status=1; fi
        rm -rf "$work"
    done
done
exit $status
