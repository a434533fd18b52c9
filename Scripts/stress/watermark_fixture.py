#!/usr/bin/env python3
"""Issue 11 fixtures of a kind held-out PDFs have: a light diagonal 仅供参考 drawn at 45° over
every page (wild.py's `watermark`), laid over real-kinds fixtures whose numbers are known.
Writes NAME_watermark.pdf and NAME_watermark.numbers.json next to each source.

Usage:  python3 Scripts/stress/watermark_fixture.py [NAME ...]
"""
import os, shutil, sys
sys.path.insert(0, os.path.dirname(__file__))
import pymupdf
from wild import watermark

FOLDER = os.environ.get("FOLDER") or os.path.join(os.path.dirname(__file__), "../../Tests/GovReportTests/Fixtures/real-kinds")
DEFAULT = ["lo_web_ruled_pages"]


def main():
    for name in sys.argv[1:] or DEFAULT:
        doc = watermark(pymupdf.open(os.path.join(FOLDER, name + ".pdf")))
        doc.subset_fonts()
        doc.save(os.path.join(FOLDER, name + "_watermark.pdf"), garbage=1, deflate=True)
        doc.close()
        shutil.copy(os.path.join(FOLDER, name + ".numbers.json"), os.path.join(FOLDER, name + "_watermark.numbers.json"))
        print("wrote", name + "_watermark")


if __name__ == "__main__":
    main()
