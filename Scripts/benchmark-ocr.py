#!/usr/bin/env python3
"""CPU seconds per scanned page: runs `govreport extract` on every PDF in the given folders
(one at a time, so the machine's other work matters less), takes each run's CPU time (user +
system, from getrusage of the child) and divides it by the pages read by OCR
(`source.ocr.pages`). Target: at most 3 s per table page on a 2-core machine.

  swift build -c release --static-swift-stdlib
  python3 Scripts/benchmark-ocr.py ../shared/corpus/scans [--binary .build/release/govreport]
"""
import json, os, resource, subprocess, sys


def main():
    args = sys.argv[1:]
    binary = ".build/release/govreport"
    if "--binary" in args:
        i = args.index("--binary")
        binary = args[i + 1]
        del args[i:i + 2]
    if not args:
        print(__doc__)
        sys.exit(2)
    files = sorted(os.path.join(d, f) for d in args for f in os.listdir(d) if f.endswith(".pdf"))
    total_cpu = total_pages = 0.0
    for path in files:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        # In-process (no worker, no time limit) and Tesseract single-threaded, as in a batch.
        p = subprocess.run([binary, "extract", "--ocr", "auto", "--timeout", "0", "--max-memory", "0", path],
                           capture_output=True, env=dict(os.environ, OMP_THREAD_LIMIT="1"))
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        pages = 0
        if p.returncode == 0:
            pages = len((json.loads(p.stdout).get("source", {}).get("ocr") or {}).get("pages", []))
        per = f"{cpu / pages:6.2f} s/page" if pages else "   (no OCR)  "
        print(f"{cpu:7.2f} s CPU  {pages:3d} OCR page(s)  {per}  {path}")
        if pages:
            total_cpu += cpu
            total_pages += pages
    if total_pages:
        print(f"total: {total_cpu:.1f} s CPU for {int(total_pages)} OCR page(s): {total_cpu / total_pages:.2f} s per page")


if __name__ == "__main__":
    main()
