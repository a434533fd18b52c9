#!/usr/bin/env python3
"""Issue 11 fixtures of a kind held-out PDFs have: every page of a real-kinds fixture turned
90° onto a landscape page (a report printed sideways, as a wide table on a portrait sheet or
a scanner's text layer fed in turned), the numbers known by construction. Writes
NAME_sideways.pdf and NAME_sideways.numbers.json next to each source.

Usage:  python3 Scripts/stress/sideways_fixture.py [NAME ...]
"""
import json, os, sys
import pymupdf

FOLDER = os.environ.get("FOLDER") or os.path.join(os.path.dirname(__file__), "../../Tests/GovReportTests/Fixtures/real-kinds")
DEFAULT = ["lo_word_wrap_pages", "web_wrap_tall_lines_print"]


def sideways(src):
    """Each page drawn turned 90° (text reading bottom to top) on a page as wide as it was high."""
    out = pymupdf.open()
    for page in src:
        r = page.rect
        turned = out.new_page(width=r.height, height=r.width)
        turned.show_pdf_page(turned.rect, src, page.number, rotate=90)
    return out


def main():
    for name in sys.argv[1:] or DEFAULT:
        doc = sideways(pymupdf.open(os.path.join(FOLDER, name + ".pdf")))
        doc.save(os.path.join(FOLDER, name + "_sideways.pdf"), garbage=3, deflate=True)
        doc.close()
        truth = json.load(open(os.path.join(FOLDER, name + ".numbers.json")))
        truth["expected_diagnostics"] = sorted(set(truth.get("expected_diagnostics", [])) | {"layout.rotated_text"})
        with open(os.path.join(FOLDER, name + "_sideways.numbers.json"), "w") as f:
            json.dump(truth, f, ensure_ascii=False, indent=1)
            f.write("\n")
        print("wrote", name + "_sideways")


if __name__ == "__main__":
    main()
