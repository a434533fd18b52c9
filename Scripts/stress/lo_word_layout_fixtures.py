#!/usr/bin/env python3
"""Laid-out text fixtures of Word-made pages printed by LibreOffice (issue 12), with numbers
known by construction: the report drawn by common.make_report, printed as real_kinds.py
prints Word pages (`lo_html` with `word=True`), then `pdftotext -layout -fixed 3`.

Writes Tests/GovReportTests/Fixtures/layout-text/NAME.layout.txt + NAME.layout.numbers.json.

  lo_word_centred_labels   labels centred in narrow cells: a wrapped label's next lines start
                           one column left of its item number (`2.没有现成` over `信息需要另`)
  lo_word_centred_wrapped  numbers wrapped in narrow centred cells: the grid draws digits one
                           column wide, so the rest stands at or past the end of its first part
                           (`129` over `3` for 1293)
  lo_word_continued_scale  the applications table continues on a page without the header or a
                           full row, which pdftotext lays out by its own scale: its columns stand
                           at other character positions than the header page's (zeros blank)

Usage (from the repository root): python3 Scripts/stress/lo_word_layout_fixtures.py
Needs what real_kinds.py needs (soffice, fonts-wqy-zenhei) and poppler-utils.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(ROOT, "Tests", "GovReportTests", "Fixtures", "layout-text")
WORK = tempfile.mkdtemp(prefix="lo-word-layout-")
os.environ["REAL_OUT"] = WORK
import real_kinds as K  # noqa: E402
from common import Printer  # noqa: E402

K.OUT = WORK
K.TMP = os.path.join(WORK, ".tmp")

DOCS = [
    # (name, spec, opts, pdftotext options)
    ("lo_word_centred_labels", dict(seed=1810, template="2021", year=2023, org="泗阳县住房和城乡建设局", scale=20),
     dict(word=True, word_num_w=60, word_font=12, word_align="center", extra_paras=1), ["-fixed", "3"]),
    ("lo_word_centred_wrapped", dict(seed=1811, template="2019", year=2020, org="泗阳县自然资源和规划局", scale=1200),
     dict(word=True, word_num_w=30, word_align="center", extra_paras=0), ["-fixed", "3"]),
    ("lo_word_continued_scale", dict(seed=555285, template="2021", year=2022, org="泗阳县教育局", scale=400,
                                     zero_rows=["carried_over", "denied_security_stability", "unable_not_held",
                                                "denied_state_secret"], printer=Printer(zero="")),
     dict(word=True, word_num_w=30, word_align="center", extra_paras=8), []),
]


def main():
    os.makedirs(K.TMP, exist_ok=True)
    for name, spec, opts, extra in DOCS:
        pdf = os.path.join(WORK, name + ".pdf")
        K.build(K.D(name, "lo_html", spec, opts))
        subprocess.run(["pdftotext", "-layout", *extra, pdf, os.path.join(FIXTURES, name + ".layout.txt")], check=True)
        truth = json.load(open(os.path.join(WORK, name + ".numbers.json"), encoding="utf-8"))
        with open(os.path.join(FIXTURES, name + ".layout.numbers.json"), "w", encoding="utf-8") as f:
            json.dump(truth, f, ensure_ascii=False, indent=1)
        print(name)
    shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
