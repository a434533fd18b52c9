#!/usr/bin/env python3
"""CPU time of `govreport extract` per PDF, next to `pdftotext -bbox-layout` on the same file.

Usage: Scripts/benchmark.py [--bin .build/release/govreport] [--runs 10] [--corpus DIR] [DIR_OR_PDF...]

With no paths it measures the repository's Samples/; --corpus DIR (repeatable) adds a corpus
folder, e.g. --corpus ../shared/corpus.

Each command runs --runs times per file, interleaved; the mean CPU time (user + system, of
the child process, from getrusage) is reported, so other load on the machine matters less
than with wall-clock time. The mean, not the median: the kernel may account CPU time in
clock ticks, and a mean of such samples is unbiased where a median is not. The last line
gives the totals and their ratio.
"""
import argparse, os, resource, subprocess, sys


def cpu_ms(argv):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return 1000 * ((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))


def mean(xs):
    return sum(xs) / len(xs)


def pdfs(paths):
    for p in paths:
        if os.path.isdir(p):
            for root, _, files in os.walk(p):
                for f in sorted(files):
                    if f.lower().endswith(".pdf"):
                        yield os.path.join(root, f)
        else:
            yield p


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=".build/release/govreport")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--corpus", action="append", default=[], metavar="DIR",
                    help="also measure the PDFs under DIR (repeatable)")
    ap.add_argument("paths", nargs="*", help="PDFs or folders of them (default: the repository's Samples/)")
    a = ap.parse_args()
    if not a.paths:
        a.paths = [os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Samples")]
    a.paths += a.corpus
    total_g = total_p = 0.0
    print(f"{'file':40} {'govreport ms':>12} {'pdftotext ms':>12} {'ratio':>6}")
    for f in sorted(set(pdfs(a.paths))):
        gs, ps = [], []
        for _ in range(a.runs):
            gs.append(cpu_ms([a.bin, "extract", f]))
            ps.append(cpu_ms(["pdftotext", "-bbox-layout", f, os.devnull]))
        g, p = mean(gs), mean(ps)
        total_g += g
        total_p += p
        print(f"{os.path.basename(f)[:40]:40} {g:12.1f} {p:12.1f} {g / p if p else float('nan'):6.2f}")
    ratio = total_g / total_p if total_p else float("nan")
    print(f"TOTAL govreport={total_g:.1f}ms pdftotext={total_p:.1f}ms ratio={ratio:.2f}")


if __name__ == "__main__":
    sys.exit(main())
