#!/usr/bin/env python3
"""Checks a score.py summary line against thresholds (for .ci/run).

Usage: score-threshold.py "SCORE cells=… …" RULE...
Rules: exact (cells, docs_exact, meta, findings and errors_ok all whole; crashes=0;
unflagged_wrong=0), cells>=P (percent of cells right), unflagged=0 (no wrong cell left
unmarked), flagged<=P (percent of cells marked doubtful), crashes=0.
Exits 0 when every rule holds, 1 naming the first that does not.
"""
import re
import sys


def main():
    line, rules = sys.argv[1], sys.argv[2:]
    fields = dict(re.findall(r"(\w+)=(\S+)", line))

    def fraction(key):
        a, b = fields[key].split("/")
        return int(a), int(b)

    def whole(key):
        a, b = fraction(key)
        return a == b

    cells_right, cells_all = fraction("cells")
    checks = {
        "exact": lambda: all(whole(k) for k in ("cells", "docs_exact", "meta", "findings", "errors_ok"))
        and fields["crashes"] == "0" and fields.get("unflagged_wrong", "0") == "0",
        "unflagged=0": lambda: fields.get("unflagged_wrong", "0") == "0",
        "crashes=0": lambda: fields["crashes"] == "0",
    }
    for rule in rules:
        if rule in checks:
            ok = checks[rule]()
        elif rule.startswith("cells>="):
            ok = cells_all == 0 or 100.0 * cells_right / cells_all >= float(rule[7:])
        elif rule.startswith("flagged<="):
            ok = cells_all == 0 or 100.0 * int(fields.get("flagged", "0")) / cells_all <= float(rule[9:])
        else:
            sys.exit(f"score-threshold: unknown rule {rule}")
        if not ok:
            print(f"score-threshold: {rule} does not hold", file=sys.stderr)
            sys.exit(1)


main()
