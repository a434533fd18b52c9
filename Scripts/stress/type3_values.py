#!/usr/bin/env python3
"""Table numbers redrawn in a Type 3 font (issue 11 kind 5 sweep, for scoring, not for the
repository): every text span of a PDF that is only digits (a table cell's number, never a
digit inside prose) is removed and drawn again at the same baseline in type3.py's digit font,
whose glyph boxes poppler takes from the font's FontBBox (taller, shorter or lower than the
line's other glyphs), the way LibreOffice writes fonts it may not embed as Type 3.

Usage:  python3 Scripts/stress/type3_values.py SRC_DIR DST_DIR tall|short|low [lone]
        (copies NAME.truth.json along; `lone` redraws only spans that are a lone 0)"""
import json, os, shutil, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pymupdf
import type3

FONTS = {"tall": dict(bbox=[0, -1800, 550, 2600]), "short": dict(bbox=[0, 0, 550, 150], scale=4),
         "low": dict(bbox=[0, -2400, 550, -900], scale=0.4), "plain": dict(bbox=[0, -200, 550, 800])}


def redraw(src, dst, font, lone):
    doc = pymupdf.open(src)
    runs = []
    for pno, page in enumerate(doc):
        h = page.rect.height
        spans = []
        for b in page.get_text("rawdict")["blocks"]:
            for l in b.get("lines", []):
                for s in l["spans"]:
                    t = "".join(c["c"] for c in s["chars"]).strip()
                    if t and t.isdigit() and t.isascii() and (not lone or t == "0"):
                        spans.append((s, t))
        for s, t in spans:
            chars = [c for c in s["chars"] if c["c"].strip()]
            for c in chars:
                x0, y0, x1, y1 = c["bbox"]
                page.add_redact_annot(pymupdf.Rect(x0 + 0.3, y0 + 0.3, x1 - 0.3, y1 - 0.3))
            ox, oy = chars[0]["origin"]
            runs.append((pno + 1, ox, h - oy, s["size"], t))
        if spans:
            page.apply_redactions(images=0, graphics=0)
    doc.save(dst)
    doc.close()
    if runs:
        type3.add_digits(dst, runs, font)
    return len(runs)


def main():
    src, dst, kind = sys.argv[1:4]
    lone = len(sys.argv) > 4
    os.makedirs(dst, exist_ok=True)
    for name in sorted(os.listdir(src)):
        if not name.endswith(".truth.json"):
            continue
        t = json.load(open(os.path.join(src, name)))
        pdf = t.get("input") or name.replace(".truth.json", ".pdf")
        if not os.path.exists(os.path.join(src, pdf)):
            continue
        redraw(os.path.join(src, pdf), os.path.join(dst, pdf), FONTS[kind], lone)
        shutil.copy(os.path.join(src, name), os.path.join(dst, name))


if __name__ == "__main__":
    main()
