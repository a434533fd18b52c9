#!/usr/bin/env python3
"""Copies one document of a held-out-like laid-out text set (Scripts/stress/layout_heldout.py,
numbers known by construction) into the layout-text test fixtures, as NAME.layout.txt with
NAME.layout.numbers.json beside it (the truth, without the set's `input`, with the kind it
shows as `quirks`).

Usage (from the repository root):
  OUT=/tmp/lh/fx SEED=23 N=16 KINDS=chromium,lo_web python3 Scripts/stress/layout_heldout.py
  python3 Scripts/stress/layout_fixture.py /tmp/lh/fx/lh23_06_chromium.fixed3 NAME "what it shows"

The set is rebuilt exactly by its seed (for a given Chromium/LibreOffice/pdftotext), so the
fixture is too.
"""
import json
import os
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(ROOT, "Tests", "GovReportTests", "Fixtures", "layout-text")


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    source, name, quirk = sys.argv[1:]
    truth = json.load(open(source + ".truth.json", encoding="utf-8"))
    text = os.path.join(os.path.dirname(source), truth.pop("input"))
    truth.pop("variant", None)
    truth["quirks"] = [quirk]
    shutil.copyfile(text, os.path.join(FIXTURES, name + ".layout.txt"))
    with open(os.path.join(FIXTURES, name + ".layout.numbers.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
