#!/usr/bin/env python3
"""Make the number-cell fixtures of the scan tests: one ruled table cell per image, a number
printed in it as a scan prints it — grey paper (a scan's paper is rarely white), JPEG
artefacts, scanned at 150 dpi and brought up to the 300 dpi OCR reads at. The number is in
the file name (`cell-<number>.pgm`), so each reading is known by construction.

  python3 Scripts/make-cell-fixtures.py Tests/GovReportTests/Fixtures/scan/cells

Needs pillow and the DejaVu Serif font (fonts-dejavu-core). Deterministic.
"""
import io, os, sys
from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
# Lone one-stroke digits, a 3 (read as 8 against a white margin) and numbers whose digits
# were dropped (51 → 5, 222 → 22).
NUMBERS = ["1", "7", "3", "23", "51", "222", "35"]


# Amounts with a decimal point (万元): a low-resolution scan leaves the point a grey speck the
# cell's cleaning may take for dirt; the reading must then keep the point or say it may be lost.
POINTS = ["1856.42", "12.5", "306.75", "2041.8"]


# A seal's ring stamped over cells of a greyscale scan: red ink turns a mid grey (about 122,
# as make-scan.py's seal multiplied in and converted to grey), too dark to be dropped as
# colour. Cells with the number 0, 5 or nothing, the ring's arc through them at three places.
SEALED = [("0", 0.2), ("5", 0.5), ("", 0.8), ("0", 0.65), ("", 0.35)]


def cell(number, paper, scan_dpi=150, quality=60, width=42, arc=None):
    s = scan_dpi / 72
    w, h = int(width * s), int(14 * s)
    img = Image.new("L", (w, h), paper)
    d = ImageDraw.Draw(img)
    if arc is not None:
        # A ring of radius 57 pt (a 1.6-inch seal), 4 pt wide, crossing the cell at `arc`.
        r = 57 * s
        cx, cy = w * arc + r * 0.8, h / 2 - r * 0.6
        d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=122, width=int(4 * s))
    d.rectangle([0, 0, w - 1, h - 1], outline=30, width=max(1, int(0.8 * s)))
    font = ImageFont.truetype(FONT, int(9 * s))
    tw = d.textlength(number, font=font) if number else 0
    if number:
        d.text(((w - tw) / 2, h * 0.12), number, fill=35, font=font)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    img = Image.open(buf).convert("L")
    return img.resize((int(w * 300 / scan_dpi), int(h * 300 / scan_dpi)), Image.BICUBIC)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for number in NUMBERS:
        cell(number, 240).save(os.path.join(out, f"cell-{number}.pgm"))
    points = os.path.join(out, "points")
    os.makedirs(points, exist_ok=True)
    for number in POINTS:
        for dpi in (150, 200):
            cell(number, 240, scan_dpi=dpi, width=70).save(os.path.join(points, f"point-{number}-{dpi}.pgm"))
    sealed = os.path.join(out, "sealed")
    os.makedirs(sealed, exist_ok=True)
    for i, (number, at) in enumerate(SEALED):
        for dpi in (150, 200):
            cell(number, 240, scan_dpi=dpi, width=60, arc=at).save(os.path.join(sealed, f"sealed-{number or 'blank'}-{i}-{dpi}.pgm"))


if __name__ == "__main__":
    main()
