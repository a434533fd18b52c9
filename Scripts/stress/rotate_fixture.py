#!/usr/bin/env python3
"""Issue 11 fixtures of a kind real PDFs have: pages stored upright but shown turned (/Rotate 90,
or 270 with --rotate 270), laid over real-kinds fixtures whose numbers are known. poppler gives
such a page's text turned sideways; its rulings come from the rendered page, in the page's frame.
Writes NAME_rot90.pdf (or NAME_rot270.pdf) and its .numbers.json next to each source.

Usage:  python3 Scripts/stress/rotate_fixture.py [--rotate 90|270] [NAME ...]
"""
import os, shutil, sys
import pymupdf

FOLDER = os.environ.get("FOLDER") or os.path.join(os.path.dirname(__file__), "../../Tests/GovReportTests/Fixtures/real-kinds")
DEFAULT = ["lo_word_wrap_pages"]


def main():
    args = sys.argv[1:]
    angle = 90
    if "--rotate" in args:
        k = args.index("--rotate")
        angle = int(args[k + 1])
        del args[k:k + 2]
    for name in args or DEFAULT:
        doc = pymupdf.open(os.path.join(FOLDER, name + ".pdf"))
        for page in doc:
            page.set_rotation(angle)
        out = f"{name}_rot{angle}"
        doc.save(os.path.join(FOLDER, out + ".pdf"), garbage=1, deflate=True)
        doc.close()
        shutil.copy(os.path.join(FOLDER, name + ".numbers.json"), os.path.join(FOLDER, out + ".numbers.json"))
        print("wrote", out)


if __name__ == "__main__":
    main()
