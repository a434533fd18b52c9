#!/usr/bin/env python3
"""Held-out-like laid-out text sets (issue 12): generated reports printed to PDF the ways
published ones are (Chromium and LibreOffice prints of web pages at several paper sizes,
margins and fonts, LibreOffice prints of Word-made pages, reportlab "Word/WPS" exports),
then turned into text by `pdftotext -layout` (and `pdftotext -layout -fixed N`). For
scoring, not for the repository: $OUT/NAME.layout.txt (and NAME.fixedN.layout.txt) with
NAME.truth.json (the shape ../shared/eval/score.py reads; `input` names the text), the
PDFs under $OUT/pdf/.

Usage (from the repository root):
  OUT=/tmp/lh/s1 SEED=1 N=16 python3 Scripts/stress/layout_heldout.py
  python3 ../shared/eval/score.py /tmp/lh/s1 -- .build/release/govreport extract {}
Environment: SEED (the draw), N (documents), KINDS (comma list of chromium, lo_web, lo_word,
rl; default all, taken in turn), FIXED (comma list of -fixed values for extra variants,
default "3"; empty: none).

Needs what Scripts/stress/build.py needs (reportlab, chromium, soffice, fonts-wqy-zenhei)
and poppler-utils. Every knob is drawn from SEED, so a set is rebuilt exactly by its seed
(for a given Chromium/LibreOffice/pdftotext).
"""
import json
import os
import random
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.abspath(os.environ.get("OUT", "/tmp/lh/out"))
PDF = os.path.join(OUT, "pdf")
os.environ["REAL_OUT"] = PDF
import real_kinds as K  # noqa: E402
from common import Printer  # noqa: E402

K.OUT = PDF
K.TMP = os.path.join(OUT, ".tmp")


def libreoffice(html_path, pdf):
    """LibreOffice's print of a web page, with a profile of this set's own (others may run soffice)."""
    profile = "file://" + os.path.join(K.TMP, "profile")
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf:writer_web_pdf_Export",
                    "--outdir", K.TMP, html_path], check=True, capture_output=True, timeout=300)
    shutil.move(os.path.join(K.TMP, os.path.splitext(os.path.basename(html_path))[0] + ".pdf"), pdf)


def chromium(html_path, pdf):
    """Chromium's print of a web page (its own @page size and margins), with a profile of this set's own."""
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    "--user-data-dir=" + os.path.join(K.TMP, "chromium"), f"--print-to-pdf={pdf}", "file://" + html_path],
                   check=True, capture_output=True, timeout=300)


K.libreoffice = libreoffice
K.chromium = chromium

ORGS = ["泗阳县教育局", "宿迁市宿城区住房和城乡建设局", "沭阳县人力资源和社会保障局", "泗洪县自然资源和规划局",
        "宿豫区市场监督管理局", "宿迁市公安局交通警察支队", "泗阳县卫生健康委员会"]
PAPERS = ["A4", "A4", "A5", "B5", "letter", "A4 landscape"]
ROWS = ["carried_over", "partially_granted", "denied_state_secret", "denied_security_stability", "denied_process_info",
        "unable_not_held", "rejected_duplicate", "rejected_petition", "other_overdue_fee"]


def draw(rng, i, kind):
    tmpl = rng.choice(["2021", "2021", "2019"])
    spec = dict(seed=rng.randint(1, 10 ** 6), template=tmpl, year=rng.choice([2020, 2021, 2022, 2023, 2024]) if tmpl == "2021" else rng.choice([2019, 2020]),
                org=rng.choice(ORGS), scale=rng.choice([20, 60, 150, 400, 1200, 3000, 9000]),
                zero_rows=rng.sample(ROWS, rng.randint(0, 4)))
    if tmpl == "2021" and spec["year"] < 2021:
        spec["year"] = 2021
    if rng.random() < 0.35:
        spec["printer"] = Printer(zero="", zero_rows=None if rng.random() < 0.5 else rng.sample(ROWS, 3))
    if kind == "rl":
        o = dict(borders=rng.choice(["all", "all", "none", "horizontal", "three"]), table_size=rng.choice([8.5, 9, 10, 10.5, 12]),
                 page_fmt=rng.choice(["- {n} -", "第{n}页", "{n}", "第 {n} 页，共 {N} 页"]),
                 repeat_header=rng.random() < 0.3)
        if rng.random() < 0.3:
            o["app_label_widths"] = rng.choice([(26, 74, 190), (30, 90, 160), (40, 60, 220)])
        return spec, o
    if kind == "lo_word":
        o = dict(word=True, word_num_w=rng.choice([26, 30, 36, 44, 60]), word_font=rng.choice([None, 10.5, 12, 14]),
                 word_align=rng.choice(["left", "center", "right"]), extra_paras=rng.randint(0, 8))
        return spec, o
    o = dict(max_width=rng.choice([560, 640, 700, 760, 900]), table_font=rng.choice([12, 13, 14, 15, 16]),
             extra_paras=rng.randint(0, 10), head_tag=rng.choice(["thead", "tbody"]),
             table_attr=rng.choice(['border="1" cellspacing="0" cellpadding="2"', "", 'border="1" cellspacing="0" cellpadding="0"']),
             split_review=rng.random() < 0.15)
    if rng.random() < 0.4:
        o["label_widths"] = rng.choice([(20, 40, 80), (24, 60, 120), (30, 70, 160)])
        o["num_w"] = rng.choice([22, 30, 40, 48])
    css = [rng.choice(["", "table.t td{text-align:left}", "table.t td{text-align:right}", "table.t td{vertical-align:top}"])]
    if kind == "chromium":
        paper = rng.choice(PAPERS)
        css.append("@page{size:%s;margin:%dmm %dmm}" % (paper, rng.choice([8, 12, 20, 25]), rng.choice([8, 15, 25, 32])))
        css.append("body{font-size:%dpx}" % rng.choice([13, 15, 16, 18]))
    o["css"] = " ".join(c for c in css if c)
    return spec, o


def main():
    seed = int(os.environ.get("SEED", "1"))
    n = int(os.environ.get("N", "16"))
    kinds = [k for k in os.environ.get("KINDS", "chromium,lo_web,lo_word,rl").split(",") if k]
    fixed = [int(x) for x in os.environ.get("FIXED", "3").split(",") if x]
    os.makedirs(PDF, exist_ok=True)
    os.makedirs(K.TMP, exist_ok=True)
    for i in range(n):
        rng = random.Random(seed * 1000 + i)
        kind = kinds[i % len(kinds)]
        spec, o = draw(rng, i, kind)
        name = f"lh{seed}_{i:02d}_{kind}"
        renderer = {"chromium": "chromium", "lo_web": "lo_html", "lo_word": "lo_html", "rl": "reportlab"}[kind]
        try:
            pdf = K.build(K.D(name, renderer, spec, o))
        except Exception as e:  # a draw the renderer cannot print (e.g. a rule check): skip it
            print("skipped", name, type(e).__name__, e, file=sys.stderr)
            continue
        stem = os.path.splitext(pdf)[0]
        truth = json.load(open(stem + ".numbers.json"))
        truth.pop("expected_diagnostics", None)
        for variant, extra in [("layout", [])] + [(f"fixed{f}.layout", ["-fixed", str(f)]) for f in fixed]:
            txt = os.path.join(OUT, f"{name}.{variant}.txt")
            subprocess.run(["pdftotext", "-layout", *extra, pdf, txt], check=True)
            t = dict(truth, input=os.path.basename(txt))
            base = name if variant == "layout" else f"{name}.{variant.split('.')[0]}"
            with open(os.path.join(OUT, base + ".truth.json"), "w", encoding="utf-8") as f:
                json.dump(t, f, ensure_ascii=False)
        print(pdf)
    shutil.rmtree(K.TMP, ignore_errors=True)


if __name__ == "__main__":
    main()
