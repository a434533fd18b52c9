#!/usr/bin/env python3
"""Make an image-only "scanned" PDF from a report PDF whose numbers are known.

Each page is rendered to an image at --dpi, stamped with a red seal (--seal: on the last
page over the signature, and on the first table page over the table's lower cells, so the
black numbers under the red ink must still be read), turned by --skew degrees, sprinkled
with speckle (--speckle dots per million pixels), made gray (unless --colour) and saved as
JPEG at --quality; the images are put back on A4 pages with no text layer. The truth
(NAME.numbers.json beside the input) is copied beside the output: the numbers are the same
by construction.

  python3 Scripts/make-scan.py Samples/sample-bordered-2021.pdf Samples/scan-bordered-2021.pdf \\
      --dpi 200 --skew 0.6 --seal --colour --seed 7

Needs pymupdf and pillow (pip) and the WenQuanYi Zen Hei font (fonts-wqy-zenhei).
Deterministic for a given seed and library versions.
"""
import argparse, io, json, math, os, random, shutil, sys

import pymupdf
from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"


def seal(size, text):
    """A round red seal (ring, star, arched name) on a transparent background."""
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    red = (215, 30, 35, 200)
    w = max(3, size // 28)
    d.ellipse((w, w, size - w, size - w), outline=red, width=w)
    c = size / 2
    r = size * 0.12
    pts = []
    for i in range(10):
        a = -math.pi / 2 + i * math.pi / 5
        rr = r if i % 2 == 0 else r * 0.4
        pts.append((c + rr * math.cos(a), c + rr * math.sin(a)))
    d.polygon(pts, fill=red)
    font = ImageFont.truetype(FONT, int(size * 0.11))
    n = len(text)
    for i, ch in enumerate(text):
        a = math.pi + math.pi * 0.15 + (math.pi * 0.7) * i / max(1, n - 1)
        x = c + size * 0.34 * math.cos(a)
        y = c + size * 0.34 * math.sin(a)
        glyph = Image.new("RGBA", (int(size * 0.14),) * 2, (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((0, 0), ch, font=font, fill=red)
        glyph = glyph.rotate(-math.degrees(a) - 90, resample=Image.BICUBIC)
        img.alpha_composite(glyph, (int(x - glyph.width / 2), int(y - glyph.height / 2)))
    return img


def stamp(page, mark, x, y):
    """Red ink over black: multiplied in, so black strokes under the seal stay black."""
    out = page.copy()
    po, pm = out.load(), mark.load()
    for yy in range(mark.height):
        for xx in range(mark.width):
            r, g, b, alpha = pm[xx, yy]
            if alpha == 0 or not (0 <= x + xx < page.width and 0 <= y + yy < page.height):
                continue
            q = [255 - (255 - c) * alpha // 255 for c in (r, g, b)]
            p = po[x + xx, y + yy]
            po[x + xx, y + yy] = tuple(p[k] * q[k] // 255 for k in range(3))
    return out


def table_page(doc):
    for i, page in enumerate(doc):
        if "收到和处理政府信息公开申请情况" in page.get_text():
            return i
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--dpi", type=int, default=200)
    ap.add_argument("--skew", type=float, default=0.5, help="degrees, counter-clockwise")
    ap.add_argument("--speckle", type=float, default=300, help="dark dots per million pixels")
    ap.add_argument("--quality", type=int, default=75, help="JPEG quality")
    ap.add_argument("--seal", action="store_true")
    ap.add_argument("--colour", action="store_true", help="keep the page in colour (else gray)")
    ap.add_argument("--pages", help="only these pages, e.g. 3 or 2-3 (1-based)")
    ap.add_argument("--seal-title", action="store_true", help="also stamp the seal over the first page's title")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--organization", default="", help="seal text (default: the truth's organization)")
    a = ap.parse_args()
    rnd = random.Random(a.seed)

    src = pymupdf.open(a.input)
    stem = os.path.splitext(a.input)[0]
    truth_path = stem + ".numbers.json"
    if not os.path.exists(truth_path):
        truth_path = stem + ".truth.json"
    truth = json.load(open(truth_path, encoding="utf-8")) if os.path.exists(truth_path) else {}
    name = a.organization or truth.get("report", {}).get("organization", "人民政府")[:8]
    pages = range(len(src))
    if a.pages:
        lo, _, hi = a.pages.partition("-")
        pages = range(int(lo) - 1, int(hi or lo))
    tpage = table_page(src)

    out = pymupdf.open()
    for i in pages:
        page = src[i]
        pix = page.get_pixmap(dpi=a.dpi, colorspace=pymupdf.csRGB, alpha=False)
        img = Image.frombytes("RGB", (pix.width, pix.height), pix.samples)
        if a.seal and (i == len(src) - 1 or i == tpage):
            size = int(a.dpi * 1.6)
            if i == len(src) - 1:
                x, y = img.width - size - int(a.dpi * 0.9), int(img.height * 0.55)
            else:
                x, y = int(img.width * 0.55), int(img.height * 0.45)
            img = stamp(img, seal(size, name), x, y)
        if a.seal_title and i == 0:
            size = int(a.dpi * 1.6)
            img = stamp(img, seal(size, name), int(img.width * 0.5), int(a.dpi * 0.55))
        img = img.rotate(a.skew, resample=Image.BICUBIC, fillcolor=(255, 255, 255))
        px = img.load()
        dots = int(a.speckle * img.width * img.height / 1e6)
        for _ in range(dots):
            x, y = rnd.randrange(img.width - 2), rnd.randrange(img.height - 2)
            v = rnd.randrange(0, 90)
            for dx in range(rnd.choice((1, 1, 2))):
                for dy in range(rnd.choice((1, 2))):
                    px[x + dx, y + dy] = (v, v, v)
        if not a.colour:
            img = img.convert("L")
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=a.quality)
        p = out.new_page(width=page.rect.width, height=page.rect.height)
        p.insert_image(p.rect, stream=buf.getvalue())
    out.set_metadata({"producer": "govreport make-scan.py", "creator": "scanner"})
    out.save(a.output, garbage=4, deflate=True, no_new_id=True)
    if truth:
        dst = os.path.splitext(a.output)[0] + (".numbers.json" if truth_path.endswith(".numbers.json") else ".truth.json")
        shutil.copyfile(truth_path, dst)
    print(f"{a.output}: {len(out)} page(s), {a.dpi} dpi, skew {a.skew}°, {os.path.getsize(a.output)} bytes")


if __name__ == "__main__":
    main()
