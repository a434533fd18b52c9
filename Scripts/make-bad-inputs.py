#!/usr/bin/env python3
# Generates the error-handling fixtures in Tests/GovReportTests/Fixtures/bad/.
#
# Needs (install once):
#   apt-get update && apt-get install -y fonts-wqy-zenhei poppler-utils qpdf
#   pip install reportlab            # brings Pillow with it
#
# Usage:
#   python3 Scripts/make-bad-inputs.py [OUT_DIR]
#       default OUT_DIR: Tests/GovReportTests/Fixtures/bad/ beside Scripts/
#
# Three fixtures are made from Samples/sample-bordered-2021.pdf (truncated,
# encrypted, image-only); if it is missing, Scripts/make-samples.py is run
# first.  Output is deterministic: fixed seeds, reportlab `invariant=1`,
# qpdf --static-id/--static-aes-iv (test-only options: fine for a fixture).

import os
import random
import re
import subprocess
import sys
import tempfile
import time

from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, ".."))
SAMPLE = os.path.join(ROOT, "Samples", "sample-bordered-2021.pdf")
FONT_PATH = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
FONT = "CJK"
SCAN_DPI = 100
SCAN_QUALITY = 40

NOTICE_TITLE = "关于召开2024年度安全生产工作会议的通知"
NOTICE = [
    "各科室、各直属单位：",
    "为认真贯彻落实上级关于安全生产工作的决策部署，总结2023年度安全生产工作，安排部署2024年度重点任务，经研究，决定召开2024年度安全生产工作会议。现将有关事项通知如下：",
    "一、会议时间",
    "2024年3月12日（星期二）上午9:00，会期半天。",
    "二、会议地点",
    "机关办公楼三楼第一会议室。",
    "三、参会人员",
    "各科室负责人、各直属单位主要负责人及分管安全生产工作的负责同志。",
    "四、有关要求",
    "请参会人员提前10分钟到达会场，会议期间将手机调至静音状态。因特殊情况不能参会的，须提前向办公室请假，并安排其他负责同志参会。请各单位于3月8日前将参会人员名单报送办公室。",
    "联系人：王明，联系电话：0571-86000000。",
]
NOTICE_SIGN = ["办公室", "2024年3月5日"]

NOT_A_REPORT_TXT = """\
家常番茄炒蛋做法

用料：番茄两个，鸡蛋三个，葱一根，盐、白糖少许，食用油适量。

步骤：
1. 番茄洗净切块，鸡蛋打散，加少许盐搅匀，葱切成葱花。
2. 锅中倒油烧热，倒入蛋液，炒至凝固后盛出备用。
3. 锅中再加少许油，放入番茄块翻炒出汁，加一小勺白糖提鲜。
4. 倒回炒好的鸡蛋，翻炒均匀，加盐调味，撒上葱花即可出锅。

小贴士：番茄选熟透的，炒出来汤汁更浓；鸡蛋不要炒太老。
一共四个步骤，两人份，约需15分钟。
"""


def ensure_sample():
    if not os.path.exists(SAMPLE):
        subprocess.run([sys.executable, os.path.join(HERE, "make-samples.py")], check=True)
    return open(SAMPLE, "rb").read()


def wrap(text, size, width):
    """CJK breaks anywhere; digit/Latin runs stay whole; punctuation hangs."""
    lines, cur = [], ""
    for tok in re.findall(r"[A-Za-z0-9:.\-]+|.", text):
        if cur and pdfmetrics.stringWidth(cur + tok, FONT, size) > width and tok not in "，。、；：）”":
            lines.append(cur)
            cur = tok
        else:
            cur += tok
    return lines + [cur]


def not_a_report_pdf(path):
    c = canvas.Canvas(path, pagesize=A4, invariant=1, pageCompression=1,
                      initialFontName=FONT, initialFontSize=12)
    c.setTitle(NOTICE_TITLE)
    w, h = A4
    y = h - 90
    c.setFont(FONT, 20)
    c.drawCentredString(w / 2, y, NOTICE_TITLE)
    y -= 50
    size, lead, left, width = 14, 26, 72, w - 144
    for para in NOTICE:
        indent = 0 if para.endswith("：") and len(para) < 12 else 2 * size
        lines = wrap(para, size, width - indent)
        for i, ln in enumerate(lines):
            c.setFont(FONT, size)
            c.drawString(left + (indent if i == 0 else 0), y, ln)
            y -= lead
    y -= 20
    for ln in NOTICE_SIGN:
        c.drawRightString(w - 72, y, ln)
        y -= lead
    c.save()


def image_only_pdf(path, sample_pdf):
    """Page 1 of the sample, rasterised like a grey office scan (slightly
    skewed, JPEG), placed as the only content of an A4 page: no text layer."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(SCAN_DPI), "-gray", "-png", "-f", "1", "-l", "1",
                        sample_pdf, os.path.join(tmp, "p")], check=True)
        png = [f for f in os.listdir(tmp) if f.endswith(".png")][0]
        img = Image.open(os.path.join(tmp, png)).convert("L")
    img = img.rotate(0.6, resample=Image.BICUBIC, expand=False, fillcolor=255)
    # A faint grey cast like a scanner bed, a few deterministic specks.
    rng = random.Random(7)
    px = img.load()
    for _ in range(300):
        x, y = rng.randrange(img.width), rng.randrange(img.height)
        px[x, y] = rng.randrange(120, 200)
    img = img.point(lambda v: int(v * 0.94 + 8))
    # Pillow writes the JPEG as-is (DCTDecode) on a page sized from the dpi;
    # the page has an image and nothing else: no font, no text operators.
    when = time.strptime("2024-03-05 09:00:00", "%Y-%m-%d %H:%M:%S")
    img.save(path, format="PDF", resolution=SCAN_DPI, quality=SCAN_QUALITY,
             title="", producer="scanner", creationDate=when, modDate=when)


def outlines_pdf(path):
    """A page of 'text' drawn as filled vector outlines (as printing with text converted to
    paths does): no font, no text operators, no image."""
    c = canvas.Canvas(path, pagesize=A4, invariant=1, pageCompression=1)
    rng = random.Random(11)
    w, h = A4
    for line in range(30):
        y = h - 90 - line * 24
        x = 72
        while x < w - 90:
            p = c.beginPath()
            p.moveTo(x, y)
            for _ in range(4):
                p.lineTo(x + rng.uniform(0, 11), y + rng.uniform(0, 11))
            p.close()
            c.drawPath(p, stroke=0, fill=1)
            x += 14
    c.save()


def type3_pdf(path):
    """Digits in a Type 3 font whose glyphs are named /g1…/g9 with no ToUnicode map: no way
    back to Unicode (poppler hands out the codes 1…9, control characters)."""
    procs = {f"g{i}": f"500 0 0 0 400 700 d1 0 0 400 700 re f".encode() for i in range(1, 10)}
    text = "".join(f"<{''.join(f'{(i + j) % 9 + 1:02x}' for i in range(8))}> Tj 0 -20 Td " for j in range(12))
    content = f"BT /T3 14 Tf 72 760 Td {text}ET".encode()
    names = list(procs)
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /T3 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        ("<< /Type /Font /Subtype /Type3 /FontBBox [0 0 500 700] /FontMatrix [0.001 0 0 0.001 0 0] "
         "/CharProcs 6 0 R /Encoding << /Type /Encoding /Differences [1 " + " ".join("/" + n for n in names) + "] >> "
         "/FirstChar 1 /LastChar 9 /Widths [" + " ".join(["500"] * 9) + "] >>").encode(),
        ("<< " + " ".join(f"/{n} {7 + i} 0 R" for i, n in enumerate(names)) + " >>").encode(),
    ] + [b"<< /Length %d >>\nstream\n" % len(v) + v + b"\nendstream" for v in procs.values()]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    with open(path, "wb") as f:
        f.write(out)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "Tests", "GovReportTests", "Fixtures", "bad")
    os.makedirs(out, exist_ok=True)
    pdfmetrics.registerFont(TTFont(FONT, FONT_PATH, subfontIndex=0))
    sample = ensure_sample()

    def put(name, data):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)

    put("empty.pdf", b"")
    put("random.pdf", random.Random(1234).randbytes(4096))
    garbage = random.Random(5678).randbytes(2048)
    put("header-only.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + garbage)
    put("truncated.pdf", sample[: len(sample) * 40 // 100])
    # AES-128 (R4), not AES-256: R6 salts its password hashes at random, so
    # only R4 with a static id and IV gives the same bytes on every run.
    subprocess.run(["qpdf", "--static-id", "--static-aes-iv", "--encrypt", "u", "o", "128", "--use-aes=y", "--",
                    SAMPLE, os.path.join(out, "encrypted.pdf")], check=True)
    image_only_pdf(os.path.join(out, "image-only.pdf"), SAMPLE)
    not_a_report_pdf(os.path.join(out, "not-a-report.pdf"))
    outlines_pdf(os.path.join(out, "outlines.pdf"))
    type3_pdf(os.path.join(out, "type3-undecodable.pdf"))
    put("not-a-report.txt", NOT_A_REPORT_TXT.encode("utf-8"))
    for name in sorted(os.listdir(out)):
        if name != "README.md":
            print(f"{name}: {os.path.getsize(os.path.join(out, name))} bytes")


if __name__ == "__main__":
    main()
