#!/usr/bin/env python3
"""Makes the hostile inputs of issue 17's acceptance (not kept in the repo: some are large).

Usage: python3 Scripts/make-hostile-inputs.py OUT_DIR [--big]

  huge-mediabox.pdf     a sample report whose page boxes are 2·10⁹ pt wide
  deep.json             JSON nested 10⁶ levels (for `check`)
  deep-catalog.pdf      300,000 nested `[` in the document catalog
  content-bomb.pdf      ~5 KB: nine levels of forms, each drawing the next ten times (10⁹ paths)
  image-bomb.pdf        a sample report with a 30000×30000 image on its table page
  deep.html             a page nested 10⁶ elements deep
  deep-report.html      the sample web report nested 300 elements deep (must be read)
  embed-report.html     the sample web report behind a bare `<embed src=…>` (must be read)
  brackets-report.md    the Markdown sample with 100,000 unclosed `[` and 100,000 `<a ` before
                        its tables (must be read)
  long-line.jsonl       two sample documents around a 64 MiB line (for `check`: the line is
                        refused, the two documents checked)
With --big also (3 minutes and 1.2 GB of disk):
  big-text.txt          a text report followed by 200 MB of prose
  big.jsonl             1 GB of JSON Lines: ~150,000 canonical documents (the samples under
                        distinct paths, organizations and hashes), as a large batch writes
  deep-list.md          a Markdown list nested 10,000 levels deep (100 MB of indentation)

Then `bash Scripts/measure-hostile.sh OUT_DIR` runs each through `extract`, `check` and `batch`
with /usr/bin/time and prints wall time, peak memory and exit status.
Needs Pillow and PyMuPDF (pip install pillow pymupdf).
"""
import glob
import json
import os
import re
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, ".."))
SAMPLE = os.path.join(ROOT, "Samples", "sample-bordered-2021.pdf")
WEB = os.path.join(ROOT, "Samples", "sample-web-2021.html")
MARKDOWN = os.path.join(ROOT, "Samples", "sample-markdown-2021.md")


def pdf(objects, root=1):
    """A PDF from object bodies (1-based), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def stream(data, extra=b""):
    z = zlib.compress(data, 9)
    return b"<< /Length %d /Filter /FlateDecode %s >>\nstream\n" % (len(z), extra) + z + b"\nendstream"


def content_bomb():
    levels = 9
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /XObject << /X 5 0 R >> >> >>",
            stream(b"BT /F1 12 Tf 72 720 Td (report) Tj ET /X Do")]
    for k in range(levels):
        n = 5 + k
        if k == levels - 1:
            body = b"0 0 m 1 1 l S\n"
            res = b""
        else:
            body = b"/X Do\n" * 10
            res = b"/Resources << /XObject << /X %d 0 R >> >>" % (n + 1)
        objs.append(stream(body, b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] " + res))
    return pdf(objs)


def canonical_lines():
    """The sample canonical documents, each as one compact JSON line."""
    docs = []
    for path in sorted(glob.glob(os.path.join(ROOT, "Samples", "*.expected.json"))):
        with open(path, encoding="utf-8") as f:
            docs.append(json.load(f))
    return docs


def big_jsonl(path, size=10 ** 9):
    docs = canonical_lines()
    written = 0
    i = 0
    with open(path, "w", encoding="utf-8") as f:
        while written < size:
            d = json.loads(json.dumps(docs[i % len(docs)]))
            d["source"]["path"] = "harvest/%06d/%s" % (i, d["source"]["path"])
            d["source"]["sha256"] = "%064x" % i
            d["report"]["organization"] = "%s%d" % (d["report"]["organization"], i)
            line = json.dumps(d, ensure_ascii=False, separators=(",", ":")) + "\n"
            f.write(line)
            written += len(line.encode("utf-8"))
            i += 1
    return i


def big_text(path, size=200 * 10 ** 6):
    report = open(os.path.join(ROOT, "Samples", "smx-kjj-2024.txt"), encoding="utf-8").read()
    prose = "本年度我局继续深化政务公开，围绕重点领域信息公开、政策解读和回应关切开展工作，" * 4 + "\n"
    chunk = prose * 1000
    with open(path, "w", encoding="utf-8") as f:
        f.write(report)
        written = len(report.encode("utf-8"))
        while written < size:
            f.write(chunk)
            written += len(chunk.encode("utf-8"))


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    out = args[0] if args else "hostile-inputs"
    os.makedirs(out, exist_ok=True)
    sample = open(SAMPLE, "rb").read()

    huge = re.sub(rb"/MediaBox \[ 0 0 595.2756 841.8898 \]", b"/MediaBox [ 0 0 2000000000 841.8898 ]", sample)
    open(os.path.join(out, "huge-mediabox.pdf"), "wb").write(huge)

    n = 10 ** 6
    open(os.path.join(out, "deep.json"), "w").write("[" * n + "]" * n)
    open(os.path.join(out, "deep.html"), "w").write("<html><body>" + "<div>" * n + "x</body></html>")

    deep_catalog = pdf([b"<< /Type /Catalog /Pages 2 0 R /Junk " + b"[" * 300000 + b"]" * 300000 + b" >>",
                        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"])
    open(os.path.join(out, "deep-catalog.pdf"), "wb").write(deep_catalog)

    docs = canonical_lines()
    with open(os.path.join(out, "long-line.jsonl"), "w", encoding="utf-8") as f:
        f.write(json.dumps(docs[0], ensure_ascii=False, separators=(",", ":")) + "\n")
        f.write('{"schema":"govreport/1","padding":"' + "x" * (64 << 20) + '"}\n')
        f.write(json.dumps(docs[1], ensure_ascii=False, separators=(",", ":")) + "\n")
    if "--big" in sys.argv:
        big_text(os.path.join(out, "big-text.txt"))
        big_jsonl(os.path.join(out, "big.jsonl"))
        with open(os.path.join(out, "deep-list.md"), "w", encoding="utf-8") as f:
            for k in range(10000):
                f.write("  " * k + "- 附注\n")
    open(os.path.join(out, "content-bomb.pdf"), "wb").write(content_bomb())

    web = open(WEB, encoding="utf-8").read()
    open(os.path.join(out, "deep-report.html"), "w", encoding="utf-8").write(
        web.replace("<body>", "<body>" + "<div>" * 300).replace("</body>", "</div>" * 300 + "</body>"))
    open(os.path.join(out, "embed-report.html"), "w", encoding="utf-8").write(
        web.replace("<body>", '<body><embed src="a.swf">'))
    # The Markdown sample with a paragraph of 100,000 unclosed `[` before its first table, and
    # one of 100,000 `<a ` (Ink's inline parser: exponential, quadratic): must be read.
    md = open(MARKDOWN, encoding="utf-8").read()
    at = md.index("\n## ")
    open(os.path.join(out, "brackets-report.md"), "w", encoding="utf-8").write(
        md[:at] + "\n\nx " + "[" * 100000 + "\n\n" + "<a " * 100000 + "\n" + md[at:])

    try:
        import fitz
        from PIL import Image
    except ImportError:
        print("image-bomb.pdf skipped: needs pymupdf and pillow", file=sys.stderr)
        return
    import io
    img = Image.new("1", (30000, 30000), 1)
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=True)
    doc = fitz.open(SAMPLE)
    for page in doc:
        page.insert_image(fitz.Rect(0, 0, 50, 50), stream=buf.getvalue(), overlay=False)
    doc.save(os.path.join(out, "image-bomb.pdf"), deflate=True)


if __name__ == "__main__":
    main()
