#!/usr/bin/env python3
"""Issue 11 fixtures of a kind real PDFs have: pages stored upright but shown turned (/Rotate 90,
or 270 with --rotate 270), laid over real-kinds fixtures whose numbers are known. poppler gives
such a page's text turned sideways; its rulings come from the rendered page, in the page's frame.
Writes NAME_rot90.pdf (or NAME_rot270.pdf) and its .numbers.json next to each source.

Usage:  python3 Scripts/stress/rotate_fixture.py [--rotate 90|270] [NAME ...]
"""
import argparse, os, shutil
import pymupdf

FOLDER = os.environ.get("FOLDER") or os.path.join(os.path.dirname(__file__), "../../Tests/GovReportTests/Fixtures/real-kinds")
DEFAULT = ["lo_word_wrap_pages"]


def main():
    parser = argparse.ArgumentParser(description="Real-kinds fixtures with every page shown turned (/Rotate).")
    parser.add_argument("--rotate", type=int, choices=[90, 270], default=90)
    parser.add_argument("names", nargs="*", default=DEFAULT)
    args = parser.parse_args()
    angle = args.rotate
    for name in args.names:
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
