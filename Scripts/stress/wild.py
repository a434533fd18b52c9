#!/usr/bin/env python3
"""Kinds real held-out PDFs are likely to have, made from finished PDFs (for scoring, not for
the repository): every PDF of SRC_DIR (with NAME.truth.json) is changed one way and written
to DST_DIR/KIND/ with its truth, the numbers known by construction.

Usage:  python3 Scripts/stress/wild.py SRC_DIR DST_DIR [KIND ...] [--every N]
        python3 ../shared/eval/score.py DST_DIR/KIND -- .build/release/govreport extract {}
KIND (default: all):
  fakebold   every table number drawn twice, the second 0.2 pt to the right (fake bold)
  helv       table numbers in a Latin font of their own (Helvetica, no ToUnicode: a standard
             encoding), on the same baseline
  shifted    as helv, the baseline 1 pt lower (numbers in another font sit lower)
  charwise   as helv, every digit drawn alone at its own x (text set char by char)
  watermark  a light diagonal 仅供参考 over every page (45°, large)
  headfoot   a header line with a date and a footer 第 N 页 共 M 页 on every page
  kerned     as helv, each number drawn by one TJ with kerning offsets between its digits
"""
import json, os, shutil, sys
import pymupdf

CJK = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
KINDS = ["fakebold", "helv", "shifted", "charwise", "watermark", "headfoot", "kerned"]


def digit_spans(page):
    """Spans that are only digits, on horizontal lines, no larger than the page's text (a
    title's year keeps its font)."""
    out = []
    sizes = sorted(s["size"] for b in page.get_text("rawdict")["blocks"] for l in b.get("lines", []) for s in l["spans"])
    top = 1.3 * sizes[len(sizes) // 2] if sizes else 1e9
    for b in page.get_text("rawdict")["blocks"]:
        for l in b.get("lines", []):
            if l["dir"] != (1.0, 0.0):
                continue
            for s in l["spans"]:
                t = "".join(c["c"] for c in s["chars"]).strip()
                if t and t.isdigit() and t.isascii() and s["size"] <= top:
                    out.append(s)
    return out


def redraw_numbers(doc, kind):
    for page in doc:
        spans = digit_spans(page)
        if not spans:
            continue
        runs = []
        for s in spans:
            chars = [c for c in s["chars"] if c["c"].strip()]
            for c in chars:
                x0, y0, x1, y1 = c["bbox"]
                page.add_redact_annot(pymupdf.Rect(x0 + 0.3, y0 + 0.3, x1 - 0.3, y1 - 0.3))
            runs.append((chars, s["size"]))
        page.apply_redactions(images=0, graphics=0)
        shape = page.new_shape()
        for chars, size in runs:
            ox, oy = chars[0]["origin"]
            text = "".join(c["c"] for c in chars)
            size = size * 0.9
            if kind == "shifted":
                oy += 1.0
            if kind == "charwise":
                for c in chars:
                    page.insert_text((c["origin"][0], oy), c["c"], fontname="helv", fontsize=size)
            elif kind == "fakebold":
                page.insert_text((ox, oy), text, fontname="helv", fontsize=size)
                page.insert_text((ox + 0.2, oy), text, fontname="helv", fontsize=size)
            else:
                page.insert_text((ox, oy), text, fontname="helv", fontsize=size)
    return doc


def kerned(doc):
    """Numbers as one TJ each, with kerning offsets between the digits (Helvetica)."""
    for page in doc:
        spans = digit_spans(page)
        if not spans:
            continue
        ops = []
        h = page.rect.height
        for s in spans:
            chars = [c for c in s["chars"] if c["c"].strip()]
            for c in chars:
                x0, y0, x1, y1 = c["bbox"]
                page.add_redact_annot(pymupdf.Rect(x0 + 0.3, y0 + 0.3, x1 - 0.3, y1 - 0.3))
            ox, oy = chars[0]["origin"]
            parts = " ".join(f"({c['c']}) -{40 + 15 * (k % 3)}" for k, c in enumerate(chars))
            ops.append(f"BT /Hk {s['size'] * 0.9:.2f} Tf 1 0 0 1 {ox:.2f} {h - oy:.2f} Tm [{parts}] TJ ET")
        page.apply_redactions(images=0, graphics=0)
        page.insert_text((0, -50), "0", fontname="helv", fontsize=1)  # registers a Helvetica resource
        fonts = page.get_fonts()
        ref = [f for f in fonts if f[3] == "Helvetica"]
        name = ref[0][4] if ref else "helv"
        page.wrap_contents()
        xref = doc.get_new_xref()
        doc.update_object(xref, "<<>>")
        doc.update_stream(xref, ("q 0 g " + " ".join(ops).replace("/Hk", "/" + name) + " Q").encode())
        kind, value = doc.xref_get_key(page.xref, "Contents")
        olds = value.strip("[]").replace(" 0 R", "").split()
        doc.xref_set_key(page.xref, "Contents", "[" + " ".join(f"{o} 0 R" for o in olds) + f" {xref} 0 R]")
    return doc


def watermark(doc):
    for page in doc:
        r = page.rect
        m = pymupdf.Matrix(1, 0, 0, 1, 0, 0).prerotate(45)
        for k in range(2):
            p = pymupdf.Point(r.width * 0.25, r.height * (0.45 + 0.35 * k))
            page.insert_text(p, "仅供参考", fontfile=CJK, fontname="wqy", fontsize=72, color=(0.85, 0.85, 0.85),
                             morph=(p, m))
    return doc


def headfoot(doc):
    n = len(doc)
    for i, page in enumerate(doc):
        r = page.rect
        page.insert_text((r.width - 200, 24), "发布日期：2024-01-15 浏览次数：1203", fontfile=CJK, fontname="wqy", fontsize=8)
        page.insert_text((r.width / 2 - 30, r.height - 18), f"第 {i + 1} 页 共 {n} 页", fontfile=CJK, fontname="wqy", fontsize=9)
    return doc


def make(src, dst, kind):
    doc = pymupdf.open(src)
    if kind in ("fakebold", "helv", "shifted", "charwise"):
        redraw_numbers(doc, kind)
    elif kind == "kerned":
        kerned(doc)
    elif kind == "watermark":
        watermark(doc)
    elif kind == "headfoot":
        headfoot(doc)
    doc.save(dst, garbage=1, deflate=True)
    doc.close()


def main():
    args = sys.argv[1:]
    every = 1
    if "--every" in args:
        k = args.index("--every")
        every = int(args[k + 1])
        del args[k:k + 2]
    src, dst = args[:2]
    kinds = args[2:] or KINDS
    names = sorted(n for n in os.listdir(src) if n.endswith(".truth.json") or n.endswith(".numbers.json"))
    names = names[::every]
    for kind in kinds:
        out = os.path.join(dst, kind)
        os.makedirs(out, exist_ok=True)
        count = 0
        for name in names:
            stem = name.rsplit(".", 2)[0]
            t = json.load(open(os.path.join(src, name)))
            pdf = t.get("input") or stem + ".pdf"
            if not pdf.endswith(".pdf") or not os.path.exists(os.path.join(src, pdf)):
                continue
            make(os.path.join(src, pdf), os.path.join(out, pdf), kind)
            t["input"] = pdf
            json.dump(t, open(os.path.join(out, stem + ".truth.json"), "w"), ensure_ascii=False)
            count += 1
        print(kind, count, "documents in", out)


if __name__ == "__main__":
    main()
