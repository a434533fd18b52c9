#!/usr/bin/env python3
"""Runs a command and reports the peak memory of its whole process tree.

Usage: python3 Scripts/peak-rss.py [--interval SECONDS] -- COMMAND [ARGS...]

Samples /proc every --interval (default 0.02 s) for the command and every process in its
session (the batch and its workers), and prints on stderr, after the command ends:

  peak-rss: total=123.4MiB parent=45.6MiB worker=40.1MiB samples=812 wall=16.3s status=7

total is the largest sum over the tree at one moment; parent the command's own peak; worker
the largest single other process. Exits with the command's status.
"""
import os
import subprocess
import sys
import time

PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_by_pid(session):
    out = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as f:
                stat = f.read().decode("ascii", "replace")
            # Fields after the command name in parentheses: state ppid pgrp session …
            fields = stat[stat.rindex(")") + 2:].split()
            if int(fields[3]) != session:
                continue
            with open(f"/proc/{name}/statm") as f:
                out[int(name)] = int(f.read().split()[1]) * PAGE
        except (OSError, ValueError, IndexError):
            continue
    return out


def main():
    args = sys.argv[1:]
    interval = 0.02
    if args[:1] == ["--interval"]:
        interval = float(args[1])
        args = args[2:]
    if args[:1] == ["--"]:
        args = args[1:]
    if not args:
        sys.exit(__doc__)
    start = time.monotonic()
    proc = subprocess.Popen(args, start_new_session=True)
    total = parent = worker = 0
    samples = 0
    while proc.poll() is None:
        rss = rss_by_pid(proc.pid)
        samples += 1
        total = max(total, sum(rss.values()))
        parent = max(parent, rss.get(proc.pid, 0))
        worker = max([worker] + [v for k, v in rss.items() if k != proc.pid])
        time.sleep(interval)
    mib = lambda b: f"{b / 1048576:.1f}MiB"
    print(f"peak-rss: total={mib(total)} parent={mib(parent)} worker={mib(worker)} samples={samples} "
          f"wall={time.monotonic() - start:.1f}s status={proc.returncode}", file=sys.stderr)
    sys.exit(proc.returncode)


if __name__ == "__main__":
    main()
