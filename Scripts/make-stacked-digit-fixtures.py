#!/usr/bin/env python3
# Laid-out text fixtures for numbers wrapped in narrow cells (issue 12, table finder): a Word
# table printed by LibreOffice and turned into text by `pdftotext -layout` (every character one
# column, lines of a cell two text lines apart), its value cells a digit or two wide, so that
# a number prints one piece a line under the row's first line: 1234 as "12" over "34", 125 as
# "1" over "2" over "5". Rows follow each other one blank line apart, their labels wrapped
# (the next line indented, no row number), so a row's pieces and the next row's numbers stand
# in the same columns two lines apart: only the next row's row number tells them apart.
#
# Usage (from the repository root):
#   python3 Scripts/make-stacked-digit-fixtures.py
#
# Writes Tests/GovReportTests/Fixtures/layout-text/NAME.stacked.txt with NAME.stacked.numbers.json
# (the numbers of Samples/NAME.numbers.json, by construction) for two samples (2021, 2019), and
# NAME.stacked137.txt: the same with every applications number times 137 (the sums still hold).
# Standard library only; the report around the table is Scripts/make-text-samples.py's.

import importlib.util
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
spec = importlib.util.spec_from_file_location("text_samples", os.path.join(ROOT, "Scripts", "make-text-samples.py"))
T = importlib.util.module_from_spec(spec)
spec.loader.exec_module(T)

# Each applicant column's cell width (characters): research and other organizations a digit
# wide, the total three, the rest two.
WIDTHS = [2, 2, 1, 2, 2, 1, 3]
LABEL_W = 22
LABEL_PIECE = 9
HEADER = [("自然人", 2), ("商业企业", 2), ("科研机构", 1), ("社会公益", 2), ("法律服务", 2), ("其他", 1), ("总计", 2)]


def starts():
    out, x = [], LABEL_W
    for w in WIDTHS:
        out.append(x)
        x += w + 4
    return out


def put(line, col, text):
    return line.ljust(col) + text


def stacked_table(truth):
    apps = truth["applications"]
    cols = starts()
    out = [" " * (LABEL_W + 8) + "申请人情况", ""]
    # The header names broken a character or two a line in their cells.
    for i in range(4):
        line = "（本列数据的勾稽关系为：第一"[:LABEL_W // 2] if i == 0 else ""
        for (name, step), c in zip(HEADER, cols):
            piece = name[i * step:(i + 1) * step]
            if piece:
                line = put(line, c, piece)
        out += [line, ""]
    last_group = None
    for key, group, label in T.app_rows(truth):
        prefix = group if group and group != last_group else ""
        last_group = group
        indent = "" if key in ("new_received", "carried_over", "carried_forward") else "  "
        text = indent + ((prefix[:3] if prefix else "   ") + label if group else label)
        lead = len(indent) + (3 if group else 0)
        labels = [text[:lead + LABEL_PIECE]]
        rest = text[lead + LABEL_PIECE:]
        while rest:
            labels.append(" " * (lead + 1) + rest[:LABEL_PIECE])
            rest = rest[LABEL_PIECE:]
        pieces = []
        for c, w in zip(T.COLS, WIDTHS):
            t = T.fmt(apps[key].get(c))
            pieces.append([t[i:i + w] for i in range(0, len(t), w)])
        for k in range(max(len(labels), max(len(p) for p in pieces))):
            line = labels[k] if k < len(labels) else ""
            for p, c in zip(pieces, cols):
                if k < len(p):
                    line = put(line, c, p[k])
            out += [line, ""]
    return out


def stacked_text(truth):
    # The report as make-text-samples.py lays it out, its applications table replaced.
    lines = T.pdftotext_text(truth, "plain").split("\n")
    start = next(i for i, l in enumerate(lines) if "申请人情况" in l)
    end = next(i for i, l in enumerate(lines) if "四、政府信息公开行政复议" in l)
    return "\n".join(lines[:start] + stacked_table(truth) + lines[end:])


def scaled(truth, k):
    """The report with every applications number times k: every rule the numbers keep (sums,
    balances) is linear, so they keep it; most numbers now wrap over two to four lines."""
    out = json.loads(json.dumps(truth))
    for row in out["applications"].values():
        for c, v in row.items():
            if isinstance(v, int):
                row[c] = v * k
    return out


def main():
    folder = os.path.join(ROOT, "Tests", "GovReportTests", "Fixtures", "layout-text")
    for name in ["sample-bordered-2021", "sample-2019"]:
        numbers = os.path.join(ROOT, "Samples", name + ".numbers.json")
        truth = json.load(open(numbers, encoding="utf-8"))
        T.write(os.path.join(folder, f"{name}.stacked.txt"), stacked_text(truth))
        T.copy_numbers(numbers, os.path.join(folder, f"{name}.stacked.numbers.json"))
        big = scaled(truth, 137)
        T.write(os.path.join(folder, f"{name}.stacked137.txt"), stacked_text(big))
        T.write(os.path.join(folder, f"{name}.stacked137.numbers.json"),
                json.dumps(big, ensure_ascii=False, indent=2, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
