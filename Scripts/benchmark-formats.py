#!/usr/bin/env python3
"""CPU time of `govreport extract` on laid-out text and Word documents against the PDF of the
same report (issue 12: they must cost no more than the PDF).

Usage: Scripts/benchmark-formats.py [--bin .build/release/govreport] [--runs 10] [FOLDER...]

Pairs, in the folders given (default: the repository's Samples/ and ../shared/corpus/*):
  NAME.layout.txt  with NAME.pdf in the same folder or any folder given (its `pdftotext -layout`)
  NAME.docx        with NAME.pdf beside it, else the PDF LibreOffice prints of it (made once
                   into a temporary folder with `soffice --headless --convert-to pdf`; pairs
                   are skipped without LibreOffice)

Each form runs --runs times, interleaved; the mean CPU time of the child process (user +
system, from getrusage) is reported per pair and as totals per kind with their ratio to the PDFs.
"""
import argparse, glob, os, resource, shutil, subprocess, sys, tempfile


def cpu_ms(argv):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return 1000 * ((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))


def pairs(folders, scratch):
    pdfs = {}
    for d in folders:
        for p in glob.glob(os.path.join(d, "*.pdf")):
            pdfs.setdefault(os.path.basename(p)[:-4], p)
    out = []
    for d in folders:
        for t in sorted(glob.glob(os.path.join(d, "*.layout.txt"))):
            stem = os.path.basename(t)[:-len(".layout.txt")]
            if stem in pdfs:
                out.append(("text", t, pdfs[stem]))
        for w in sorted(glob.glob(os.path.join(d, "*.docx"))):
            stem = os.path.basename(w)[:-5]
            pdf = pdfs.get(stem)
            if pdf is None and shutil.which("soffice"):
                profile = tempfile.mkdtemp(dir=scratch)
                subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                                "--convert-to", "pdf", "--outdir", scratch, w],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120, check=False)
                made = os.path.join(scratch, stem + ".pdf")
                pdf = made if os.path.exists(made) else None
            if pdf:
                out.append(("docx", w, pdf))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=".build/release/govreport")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("folders", nargs="*")
    a = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    if not a.folders:
        a.folders = [os.path.join(root, "Samples")] + sorted(glob.glob(os.path.join(root, "..", "shared", "corpus", "*")))
    scratch = tempfile.mkdtemp(prefix="benchmark-formats-")
    try:
        found = pairs(a.folders, scratch)
        totals = {}
        print(f"{'file':36} {'kind':5} {'its ms':>8} {'PDF ms':>8} {'ratio':>6}")
        for kind, f, pdf in found:
            fs, ps = [], []
            for _ in range(a.runs):
                fs.append(cpu_ms([a.bin, "extract", f]))
                ps.append(cpu_ms([a.bin, "extract", pdf]))
            m, p = sum(fs) / len(fs), sum(ps) / len(ps)
            t = totals.setdefault(kind, [0.0, 0.0, 0])
            t[0] += m; t[1] += p; t[2] += 1
            print(f"{os.path.basename(f)[:36]:36} {kind:5} {m:8.1f} {p:8.1f} {m / p if p else float('nan'):6.2f}")
        for kind, (m, p, n) in sorted(totals.items()):
            print(f"TOTAL {kind}: {n} reports, {m:.1f} ms against {p:.1f} ms for their PDFs, ratio={m / p if p else float('nan'):.2f}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
