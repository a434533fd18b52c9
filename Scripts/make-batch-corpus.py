#!/usr/bin/env python3
"""Makes a folder of reports for trying `govreport batch` at scale: copies of the good reports
plus files that must fail, each kind with its known reason.

Usage:
  python3 Scripts/make-batch-corpus.py OUT_DIR [--count N] [--faults] [--seed S]

  --count N   files in all (default 1000); about 9 in 100 are bad
  --faults    also write three files that make a worker crash, hang and run out of memory, when
              the batch runs with GOVREPORT_BATCH_FAULTS=1 (without it they are plain not_pdf),
              and a real PDF that keeps Poppler busy for a long time (a page whose 5 MB
              content stream inflates to 2 GB of text operators): with --timeout 10 it fails
              as `timeout` (about 40 s of work on 2024 hardware)

Good reports come from Samples/ and, when it is there, ../shared/corpus/{real,synthetic}/ (used
as test data here, never copied into the project). Bad ones are made from them and from
Tests/GovReportTests/Fixtures/bad/: corrupt (a PDF header over random bytes), truncated (a
report cut at 25-60 %), empty, encrypted, image-only (scans), not a report (a notice PDF, a
recipe, text in no known encoding) and random bytes. Deterministic for a given seed and
source set. Writes OUT_DIR/expected.tsv: each file, `good` or `bad`, and for bad files the
error code the batch should record.

Files go into nested folders (org-NNN/), some names carry spaces, commas and Chinese, as real
harvests do.
"""
import argparse
import os
import random
import shutil
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, ".."))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared", "corpus"))
BAD = os.path.join(ROOT, "Tests", "GovReportTests", "Fixtures", "bad")


def good_sources():
    out = []
    for folder in [os.path.join(ROOT, "Samples"), os.path.join(SHARED, "real"), os.path.join(SHARED, "synthetic")]:
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if name.endswith((".pdf", ".txt", ".html")):
                out.append(os.path.join(folder, name))
    return out


def read(path):
    with open(path, "rb") as f:
        return f.read()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--faults", action="store_true")
    ap.add_argument("--seed", type=int, default=20240131)
    args = ap.parse_args()
    rng = random.Random(args.seed)

    goods = good_sources()
    pdfs = [g for g in goods if g.endswith(".pdf")]
    if not pdfs:
        sys.exit("no good reports found (Samples/ is missing?)")

    bad_makers = [
        ("corrupt", "damaged_pdf", lambda i: corrupt(read(pdfs[i % len(pdfs)]), rng), ".pdf"),
        ("truncated", "damaged_pdf", lambda i: truncated(read(pdfs[i % len(pdfs)]), rng), ".pdf"),
        ("empty", "empty_file", lambda i: b"", ".pdf"),
        ("encrypted", "encrypted_pdf", lambda i: read(os.path.join(BAD, "encrypted.pdf")), ".pdf"),
        ("scan", "no_text_layer", lambda i: read(os.path.join(BAD, "image-only.pdf")), ".pdf"),
        ("notice", "not_a_report", lambda i: read(os.path.join(BAD, "not-a-report.pdf")), ".pdf"),
        ("recipe", "not_a_report", lambda i: read(os.path.join(BAD, "not-a-report.txt")), ".txt"),
        ("binary", "bad_encoding", lambda i: b"\x00\x01\x02" + rng.randbytes(600), ".txt"),
        ("random", "not_pdf", lambda i: rng.randbytes(4096), ".pdf"),
        ("header-only", "damaged_pdf", lambda i: read(os.path.join(BAD, "header-only.pdf")), ".pdf"),
    ]
    n_bad = max(len(bad_makers), args.count * 9 // 100)
    n_good = args.count - n_bad - (4 if args.faults else 0)

    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    os.makedirs(args.out)
    expected = []
    names = ["年度报告", "report", "政府信息公开工作年度报告 副本", "annual, final", "gk"]

    def put(kind, data, ext, verdict, code):
        i = len(expected)
        folder = os.path.join(args.out, f"org-{i % 97:03d}")
        os.makedirs(folder, exist_ok=True)
        name = f"{names[i % len(names)]}-{i:05d}-{kind}{ext}"
        path = os.path.join(folder, name)
        with open(path, "wb") as f:
            f.write(data)
        expected.append((os.path.relpath(path, args.out), verdict, code))

    slots = ["good"] * n_good + ["bad"] * n_bad
    rng.shuffle(slots)
    gi = bi = 0
    for slot in slots:
        if slot == "good":
            src = goods[gi % len(goods)]
            gi += 1
            put(os.path.basename(src).rsplit(".", 1)[0], read(src), os.path.splitext(src)[1], "good", "")
        else:
            kind, code, make, ext = bad_makers[bi % len(bad_makers)]
            put(kind, make(bi), ext, "bad", code)
            bi += 1
    if args.faults:
        for fault, code in [("crash", "crash"), ("hang", "timeout"), ("memory", "memory_limit")]:
            put(f"fault-{fault}", f"GOVREPORT-FAULT:{fault}\n".encode(), ".pdf", "bad", code)
        put("inflate-bomb", inflate_bomb(), ".pdf", "bad", "timeout")

    with open(os.path.join(args.out, "expected.tsv"), "w", encoding="utf-8") as f:
        for rel, verdict, code in expected:
            f.write(f"{rel}\t{verdict}\t{code}\n")
    print(f"{args.out}: {len(expected)} files ({n_good} good copies of {len(goods)} reports, "
          f"{n_bad} bad{', 3 faults, 1 inflate bomb' if args.faults else ''})")


def inflate_bomb(total=2 * 10**9):
    """A valid one-page PDF whose content stream (5 MB, deflated) is 2 GB of text operators."""
    op = b"BT /F1 1 Tf 0 0 Td (a) Tj ET\n"
    chunk = op * (2**20 // len(op) + 1)
    z = zlib.compressobj(9)
    comp = []
    for _ in range(total // len(chunk)):
        comp.append(z.compress(chunk))
    comp.append(z.flush())
    stream = b"".join(comp)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = b"%PDF-1.7\n"
    offsets = []
    for i, o in enumerate(objs):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out


def corrupt(pdf, rng):
    """The PDF header and first few hundred bytes, then random bytes: no object can be read."""
    keep = 400
    return pdf[:keep] + rng.randbytes(len(pdf) - keep)


def truncated(pdf, rng):
    """The first 25-60 % of a PDF: cut inside the body, no xref table, no trailer."""
    return pdf[: len(pdf) * rng.randint(25, 60) // 100]


if __name__ == "__main__":
    main()
