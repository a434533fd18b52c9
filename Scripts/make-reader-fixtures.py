#!/usr/bin/env python3
# Laid-out text fixtures for the text reader's own kinds (issue 12), with known answers:
# reports as `pdftotext -layout` places them (Scripts/make-text-samples.py's pdftotext_text),
# each with one more imprecision of the reader's kind.
#
# Usage (from the repository root):
#   python3 Scripts/make-reader-fixtures.py
#
# Standard library only; deterministic. Writes into Tests/GovReportTests/Fixtures/layout-text/,
# each NAME.txt with NAME.numbers.json beside it:
#   NAME.fixedtitle.txt  the title in three pieces far apart on its line (org, year, report
#                        name), as `pdftotext -layout -fixed 3` prints a large title: each
#                        piece's characters one column each, its next piece where the glyphs
#                        really end, about five columns per character on
#   NAME.commaglued.txt  （二）部分公开's wrapped label with its middle line ending in `，` one
#                        space before the row's first number (a label filling its cell)
#   NAME.nothousands.txt a row whose first number has four digits and the next three, one
#                        space apart where the first alone belongs (1180 256): two numbers,
#                        not one with a space as thousands separator

import copy
import importlib.util
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
spec = importlib.util.spec_from_file_location("text_samples", os.path.join(ROOT, "Scripts", "make-text-samples.py"))
T = importlib.util.module_from_spec(spec)
spec.loader.exec_module(T)

OUT = os.path.join(ROOT, "Tests", "GovReportTests", "Fixtures", "layout-text")
SOURCES = ["sample-bordered-2021", "sample-2019"]


def fixed_title(truth):
    """The title's pieces spread out as a fixed pitch narrower than its characters leaves them."""
    text = T.pdftotext_text(truth, "plain")
    r = truth["report"]
    title, org, year = r["title"], r["organization"], str(r["year"])
    rest = title[title.index(year) + len(year):]
    spread = " " * 30 + org + " " * (4 * len(org) + 2) + year + " " * (2 * len(year) + 1) + rest
    lines = text.split("\n")
    i = next(k for k, l in enumerate(lines) if l.strip() == title)
    lines[i] = spread
    return "\n".join(lines)


def comma_glued(truth):
    """（二）部分公开's label over three lines, the middle one pressed against the first number."""
    text = T.pdftotext_text(truth, "plain")
    cells = [T.fmt(truth["applications"]["partially_granted"].get(c)) for c in T.COLS]
    label_w, col_w = 34, 6
    row = " " * label_w + "".join(t.rjust(col_w) for t in cells)
    first = next(k for k, t in enumerate(cells) if t)
    start = label_w + (first + 1) * col_w - len(cells[first])
    middle = "只计这一情形，"
    lines = text.split("\n")
    i = next(k for k, l in enumerate(lines) if "（二）部分公开" in l)
    lines[i:i + 1] = ["    （二）部分公开（区分处理的，", " " * (start - 1 - len(middle)) + middle + " " + row[start:],
                      "        不计其他情形）"]
    return "\n".join(lines)


def four_and_three(truth):
    """1000 more applications from natural persons and 200 more from companies, received and
    carried forward (every rule still holds); the received row's first two numbers one space
    apart, together where the first alone belongs (right edge on its column's)."""
    t = copy.deepcopy(truth)
    apps = t["applications"]
    for key in ("new_received", "carried_forward"):
        for col, more in (("natural_person", 1000), ("commercial", 200), ("total", 1200)):
            apps[key][col] = (apps[key].get(col) or 0) + more
    text = T.pdftotext_text(t, "plain")
    lines = text.split("\n")
    i = next(k for k, l in enumerate(lines) if l.startswith("一、本年新收"))
    label_w, col_w = 34, 6
    cells = [T.fmt(apps["new_received"].get(c)) for c in T.COLS]
    pair = cells[0] + " " + cells[1]
    lines[i] = lines[i][:label_w].ljust(label_w + col_w - len(pair)) + pair + "".join(c.rjust(col_w) for c in cells[2:])
    return t, "\n".join(lines)


def write(name, text, truth):
    with open(os.path.join(OUT, name + ".txt"), "w", encoding="utf-8", newline="") as f:
        f.write(text)
    with open(os.path.join(OUT, name + ".numbers.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=2)
        f.write("\n")


def main():
    for name in SOURCES:
        truth = json.load(open(os.path.join(ROOT, "Samples", name + ".numbers.json"), encoding="utf-8"))
        write(f"{name}.fixedtitle", fixed_title(truth), truth)
        write(f"{name}.commaglued", comma_glued(truth), truth)
        t, text = four_and_three(truth)
        write(f"{name}.nothousands", text, t)


if __name__ == "__main__":
    main()
