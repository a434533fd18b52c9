#!/usr/bin/env python3
# Writes Markdown fixtures of tables a PDF-to-Markdown converter did not see as tables and wrote
# as a stream of paragraphs, as pymupdf4llm (its default `lines_strict`/`lines` strategies)
# writes LibreOffice's prints of reports, with known answers (the sample's numbers).
#
# Usage (from the repository root):
#   python3 Scripts/make-cell-stream-fixtures.py
#
# Writes into Tests/GovReportTests/Fixtures/markdown/, each with NAME.numbers.json beside it:
#   NAME.cellstream.md   the active-disclosure table as paragraphs: each sub-table's heading,
#                        its header cells wrapped in their cells a line each and out of order
#                        (本年新公开数 / 量), then a row a line, label and numbers
#                        (`规章 0 0 1`; the label glued to its first number when the cell is
#                        narrow: `行政规范性文件8 3 21`); the other tables pipe tables.
#   NAME.allstream.md    every table as paragraphs (a web page printed by LibreOffice): the
#                        applications table's wrapped labels a line each with the row's numbers
#                        on a line of their own between them (centred in the row), the group
#                        names as fragments of their vertical cells, a page break that repeats
#                        the header and writes three rows' numbers before their labels, and
#                        the review table's fifteen numbers on one line under its header pieces.
# Placeholders (`-`) stand for blank cells, as the reports print them.

import importlib.util
import json
import os
import shutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
spec = importlib.util.spec_from_file_location("text_samples", os.path.join(ROOT, "Scripts", "make-text-samples.py"))
T = importlib.util.module_from_spec(spec)
spec.loader.exec_module(T)

OUT = os.path.join(ROOT, "Tests", "GovReportTests", "Fixtures", "markdown")
# Characters a label cell holds on one line when LibreOffice prints the table.
LABEL_WIDTH = 11


def paragraphs(lines):
    """pymupdf4llm writes each text line as a paragraph: a blank line between."""
    out = []
    for line in lines:
        out += [line, ""]
    return out


def wrap(text, width):
    return [text[i:i + width] for i in range(0, len(text), width)] or [""]


def values(cells):
    return " ".join(T.fmt(v, "-") for v in cells)


def active_stream(truth):
    """The active-disclosure table: header cells wrapped at six characters, the wrapped ones
    first (they start higher in the row), then each row on one line."""
    ad = truth["active_disclosure"]
    out = ["## 二、主动公开政府信息情况", ""]
    for heading, head, rows in T.active_parts(truth):
        rows = [r for r in rows if r[0] in ad]
        if not rows:
            continue
        lines = [heading]
        wrapped = [wrap(h, 6) for h in head]
        lines += [piece for w in reversed(wrapped) if len(w) > 1 for piece in w]
        short = [w[0] for w in wrapped if len(w) == 1]
        lines.append(" ".join(short))
        for key, label, fields in rows:
            nums = values(ad[key].get(f) for f in fields)
            # A narrow label cell: LibreOffice's text runs into the first number's cell.
            glue = "" if label in ("行政规范性文件", "行政事业性收费") else " "
            lines.append(f"{label}{glue}{nums}")
        out += paragraphs(lines)
    return out


APP_HEADER = ["申请人情况", "法人或其他组织", "（本列数据的勾稽关系为：第一项加第二", "项之和，等于第三项加第四项之和）",
              "自然", "人", "总计", "商业企 科研 法律服务 其", "科研", "社会", "法律服务", "其", "业", "机构", "公益",
              "组织", "机构", "他"]


def vertical(name):
    """A group's name in a narrow vertical cell: two or three characters a line."""
    if name.startswith("（"):
        return [name[:2], name[2:4]] + wrap(name[4:], 2)
    return [name[:4]] + wrap(name[4:], 4)


def row_lines(label, nums):
    """A row whose label wraps: its numbers sit at the row's middle, between the label's lines
    (after all three of a three-line label: pymupdf4llm orders by the lines' tops)."""
    parts = wrap(label, LABEL_WIDTH)
    if len(parts) == 1:
        return [f"{label} {nums}"]
    at = len(parts) if len(parts) == 3 else (len(parts) + 1) // 2
    return parts[:at] + [nums] + parts[at:]


def applications_stream(truth):
    apps = truth["applications"]
    rows = T.app_rows(truth)
    out = ["## 三、收到和处理政府信息公开申请情况", ""]
    lines = list(APP_HEADER)
    seen_groups = set()
    keys = [k for k, _, _ in rows]
    # The page break: after 8.属于行政查询事项, the next three rows' numbers come before their labels.
    broken = keys.index("unable_not_held") if "unable_not_held" in keys else None
    i = 0
    while i < len(rows):
        key, group, label = rows[i]
        if key == "granted":
            lines += vertical("三、本年度办理结果")
        if group and group not in seen_groups and not (broken is not None and broken <= i < broken + 3):
            seen_groups.add(group)
            lines += vertical(group)
        nums = values(apps[key].get(c) for c in T.COLS)
        if broken is not None and i == broken:
            trio = rows[i:i + 3]
            first = wrap(trio[0][2], LABEL_WIDTH)
            lines += ["社会", APP_HEADER[2], APP_HEADER[3], first[0]] + [h for h in APP_HEADER if h not in APP_HEADER[2:4]]
            lines += [values(apps[k].get(c) for c in T.COLS) for k, _, _ in trio]
            for name in ("（四）无法提供", "（五）不予处理"):
                seen_groups.add(name)
                lines += vertical(name)
            lines += first[1:]
            for _, _, l in trio[1:]:
                lines += wrap(l, LABEL_WIDTH)
            i += 3
            continue
        lines += row_lines(label, nums)
        i += 1
    return out + paragraphs(lines)


def review_stream(truth):
    rv = truth["review_litigation"]
    lines = ["行政复议 行政诉讼", "未经复议直接起诉 复议后起诉"]
    for _ in range(3):
        lines += ["结果", "维持", "结果", "纠正", "其他", "结果", "尚未", "审结", "总", "计"]
    lines.append(" ".join(T.fmt(rv[g].get(c), "-") for g, _ in T.REVIEW_GROUPS for c, _ in T.REVIEW_COLS))
    return ["## 四、政府信息公开行政复议、行政诉讼情况", ""] + paragraphs(lines)


def cellstream(truth):
    """The sample's pipe-table Markdown with its active-disclosure table as paragraphs."""
    text = T.md_pipes(truth)
    head, rest = text.split("## 二、主动公开政府信息情况", 1)
    _, tail = rest.split("## 三、", 1)
    return head + "\n".join(active_stream(truth)) + "\n## 三、" + tail


def allstream(truth):
    p = T.prose(truth)
    out = T.md_head(truth, p) + active_stream(truth) + applications_stream(truth) + review_stream(truth)
    return "\n".join(out + T.md_tail(p))


def joined_paragraph(words):
    """pymupdf4llm's layout mode (2.x) writes a text block's lines as one paragraph, spaces between."""
    return [" ".join(words), ""]


def active_partstream(truth):
    """The active-disclosure table as pymupdf4llm's layout mode writes a LibreOffice print: the
    first sub-table a pipe table whose last two columns it did not see apart (their header
    cells run together, their numbers stacked in one cell: `0<br>1`); the next sub-table a
    paragraph of its header words and its row; the others run together into one paragraph."""
    ad = truth["active_disclosure"]
    parts = [(h, head, [r for r in rows if r[0] in ad]) for h, head, rows in T.active_parts(truth)]
    parts = [p for p in parts if p[2]]
    out = ["## 二、主动公开政府信息情况", ""]
    heading, head, rows = parts[0]
    out += [heading, "", T.md_row(head[:2] + ["".join(head[2:])]), T.md_row(["---"] * 3)]
    for key, label, fields in rows:
        nums = [T.fmt(ad[key].get(f), "-") for f in fields]
        last = "<br>".join(nums[1:]) if all(n != "-" for n in nums[1:]) else " ".join(nums[1:])
        out.append(T.md_row([label, nums[0], last]))
    out.append("")

    def words(part):
        heading, head, rows = part
        w = [heading] + head
        for key, label, fields in rows:
            nums = [T.fmt(ad[key].get(f), "-") for f in fields]
            glue = label == "行政事业性收费"
            w += [label + nums[0]] + nums[1:] if glue else [label] + nums
        return w
    out += [parts[1][0], ""] + joined_paragraph(words(parts[1])[1:])
    rest = [w for part in parts[2:] for w in words(part)]
    return out + (joined_paragraph(rest) if rest else [])


def applications_partstream(truth):
    """The applications table a pipe table up to its （三） group, its header's column names run
    together; the rest one paragraph: wrapped labels' lines around their numbers, a group's
    vertical name's last piece between a label's lines, the rows run together."""
    apps = truth["applications"]
    rows = T.app_rows(truth)
    out = ["## 三、收到和处理政府信息公开申请情况", "", T.md_row(T.APP_HEAD), T.md_row(["---"] * 10)]
    keys = [k for k, _, _ in rows]
    cut = next(i for i, k in enumerate(keys) if k.startswith("denied")) if any(k.startswith("denied") for k in keys) else len(keys) // 2
    for key, group, label in rows[:cut]:
        cells = [label, "", ""] if group is None and key in ("new_received", "carried_over") else ["三、本年度办理结果", label, ""]
        out.append(T.md_row(cells + [T.fmt(apps[key].get(c), "-") for c in T.COLS]))
    out.append("")
    words = ["自然", "社会", "总计", "商业企", "科研", "法律服务", "其", "人", "公益", "业", "机构", "机构", "他", "组织"]
    out += joined_paragraph(words)
    words, seen = [], set()
    for key, group, label in rows[cut:]:
        nums = [T.fmt(apps[key].get(c), "-") for c in T.COLS]
        parts = wrap(label, LABEL_WIDTH)
        piece = []
        if group and group not in seen:
            seen.add(group)
            v = vertical(group)
            words += v[:-1]
            piece = v[-1:]
        words += parts[:1] + piece + nums + parts[1:]
    return out + joined_paragraph(words)


def partstream(truth):
    p = T.prose(truth)
    out = T.md_head(truth, p) + active_partstream(truth) + applications_partstream(truth)
    rv = truth["review_litigation"]
    review = ["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"] + ["结果", "维持", "结果", "纠正", "其他", "结果", "尚未", "审结", "总计"] * 3
    review += [T.fmt(rv[g].get(c), "-") for g, _ in T.REVIEW_GROUPS for c, _ in T.REVIEW_COLS]
    out += ["## 四、政府信息公开行政复议、行政诉讼情况", ""] + joined_paragraph(review)
    return "\n".join(out + T.md_tail(p))


def cutheading(truth):
    """The sample's pipe tables as a converter that reads a page's rows by their positions
    writes them: the applications part's heading a row of the active-disclosure table's last
    grid, cut into its cells, and the table's second page a grid with no header; the （二）
    row's label wrapped over label-only rows, the pieces
    of the group's vertical name 三、本年度办理结果 run into them."""
    text = T.md_pipes(truth)
    lines = text.split("\n")
    h = lines.index("## 三、收到和处理政府信息公开申请情况")
    last = max(i for i in range(h) if lines[i].startswith("|"))
    width = len(lines[last].strip().strip("|").split("|"))
    title = "三、收到和处理政府信息公开申请情况"
    cells = [title[:10], title[10:]] + [""] * (width - 2)
    lines[h] = T.md_row(cells[:width]) if width >= 2 else lines[h]
    lines[last + 1:h] = []
    # The page break: the next piece is a grid of its own, its header not repeated (only the
    # part it stands in says which table it is).
    k = lines.index("— 2 —")
    lines[k:k + 4] = ["续表", ""]
    out = []
    for line in lines:
        if "（二）部分公开" in line:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            label = cells[1]
            out.append(T.md_row(["度办理结", label[:11], ""] + cells[3:]))
            out.append(T.md_row(["果", label[11:21], ""] + [""] * 7))
            out.append(T.md_row(["", label[21:], ""] + [""] * 7))
        else:
            out.append(line)
    return "\n".join(out)


def main():
    samples = os.path.join(ROOT, "Samples")
    for name in ["sample-2019", "sample-bordered-2021"]:
        numbers = os.path.join(samples, name + ".numbers.json")
        truth = json.load(open(numbers, encoding="utf-8"))
        for kind, make in [("cellstream", cellstream), ("allstream", allstream), ("partstream", partstream),
                           ("cutheading", cutheading)]:
            T.write(os.path.join(OUT, f"{name}.{kind}.md"), make(truth))
            shutil.copyfile(numbers, os.path.join(OUT, f"{name}.{kind}.numbers.json"))


if __name__ == "__main__":
    main()
