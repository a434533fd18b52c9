#!/usr/bin/env python3
# Generates the laid-out text and Markdown samples and test fixtures, with known answers.
#
# Usage (from the repository root):
#   python3 Scripts/make-text-samples.py
#
# Needs poppler-utils (pdftotext) and the sample/stress PDFs already in the repository; the
# rest is the standard library. Output is deterministic for a given pdftotext version.
#
# Writes, each NAME.EXT with NAME.numbers.json beside it (the shape of
# shared/corpus/*/NAME.truth.json):
#   Samples/NAME.layout.txt             `pdftotext -layout` of every Samples/NAME.pdf (the web
#                                       page printed to PDF goes to the fixtures)
#   Samples/sample-markdown-2021.md     a report as a PDF-to-Markdown converter writes it
#   Tests/GovReportTests/Fixtures/layout-text/
#       STRESS.layout.txt               `pdftotext -layout` of every stress fixture PDF
#       NAME.display.txt                a report laid out by hand in an editor: columns aligned
#                                       by display width (CJK two columns), values right-aligned,
#                                       labels wrapped, a form feed and `- 2 -` inside a table
#       NAME.spaces.txt                 a tab-separated report whose tabs became four spaces
#       NAME.shifted.txt, NAME.tight.txt, NAME.wrapleft.txt
#                                       a report as pdftotext places it, with one of its
#                                       imprecisions each (see pdftotext_text)
#   Tests/GovReportTests/Fixtures/markdown/
#       NAME.pipes.md                   pipe tables, `#` headings, a table split by `— 2 —`
#                                       with its header repeated, `**bold**` labels
#       NAME.htmltable.md               the applications table as an HTML <table> with
#                                       rowspan/colspan, pipe tables without delimiter rows,
#                                       a bold title, <br> inside a cell
#       NAME.split.txt                  Markdown in a .txt: one small table per row group, the
#                                       review table as three group tables under headings, `-`
#                                       placeholder tables, a continuation with a wrong header

import glob
import importlib.util
import json
import os
import shutil
import subprocess
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
spec = importlib.util.spec_from_file_location("html_samples", os.path.join(ROOT, "Scripts", "make-html-samples.py"))
H = importlib.util.module_from_spec(spec)
spec.loader.exec_module(H)

COLS = H.ALL_COLS
REVIEW_GROUPS = [("review", "行政复议"), ("litigation_direct", "未经复议直接起诉"), ("litigation_after_review", "复议后起诉")]
REVIEW_COLS = [("upheld", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果"), ("pending", "尚未审结"),
               ("total", "总计")]
ACTIVE_2021 = [
    ("第二十条第（一）项", ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
     [("regulations", "规章", ["issued", "repealed", "in_force"]),
      ("normative_documents", "行政规范性文件", ["issued", "repealed", "in_force"])]),
    ("第二十条第（五）项", ["信息内容", "本年处理决定数量"], [("licensing", "行政许可", ["decisions"])]),
    ("第二十条第（六）项", ["信息内容", "本年处理决定数量"],
     [("penalty", "行政处罚", ["decisions"]), ("coercion", "行政强制", ["decisions"])]),
    ("第二十条第（八）项", ["信息内容", "本年收费金额（单位：万元）"], [("fees", "行政事业性收费", ["amount"])]),
]
ACTIVE_2019 = [
    ("第二十条第（一）项", ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
     [("regulations", "规章", ["new_made", "new_published", "total_published"]),
      ("normative_documents", "规范性文件", ["new_made", "new_published", "total_published"])]),
    ("第二十条第（五）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
     [("licensing", "行政许可", ["previous_items", "change", "decisions"]),
      ("other_services", "其他对外管理服务事项", ["previous_items", "change", "decisions"])]),
    ("第二十条第（六）项", ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
     [("penalty", "行政处罚", ["previous_items", "change", "decisions"]),
      ("coercion", "行政强制", ["previous_items", "change", "decisions"])]),
    ("第二十条第（八）项", ["信息内容", "上一年项目数量", "本年增/减"],
     [("fees", "行政事业性收费", ["previous_items", "change"])]),
    ("第二十条第（九）项", ["信息内容", "采购项目数量", "采购总金额（万元）"],
     [("procurement", "政府集中采购", ["items", "amount"])]),
]


def fmt(v, blank=""):
    if v is None:
        return blank
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def app_rows(truth):
    """(key, group, label) of each printed applications row, in template order."""
    apps = truth["applications"]
    rows = [("new_received", None, "一、本年新收政府信息公开申请数量"),
            ("carried_over", None, "二、上年结转政府信息公开申请数量")]
    rows += [(k, g, l) for k, g, l in H.RESULT_ROWS]
    if "other_processing" in apps:
        rows += H.OTHER_ONE_ROW
    else:
        rows += H.OTHER_SUB_ROWS
    rows += H.TOTAL_ROW
    rows.append(("carried_forward", None, "四、结转下年度继续办理"))
    return [r for r in rows if r[0] in apps]


def active_parts(truth):
    return ACTIVE_2019 if truth["report"]["template"] == "2019" else ACTIVE_2021


def prose(truth):
    org, year = truth["report"]["organization"], truth["report"]["year"]
    total = truth["applications"].get("new_received", {}).get("total")
    return {
        "preface": f"本报告依据《中华人民共和国政府信息公开条例》编制，所列数据统计期限从{year}年1月1日至{year}年12月31日止。",
        "overview": [f"（一）主动公开情况。{year}年，{org}认真贯彻落实政务公开工作部署，全年主动公开政府信息312条。",
                     f"（二）依申请公开情况。全年共收到政府信息公开申请{fmt(total, '0')}件，均在法定期限内答复。"],
        "problems": ["一是政策解读形式有待丰富；二是依申请公开答复质量有待提升。下一步将加强业务培训。"],
        "other": ["本年度未收取信息处理费。"],
    }


# ---------------------------------------------------------------- display width (terminal)

def dw(s):
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in s)


def pad(s, width, right=False):
    gap = " " * max(0, width - dw(s))
    return gap + s if right else s + gap


def display_text(truth):
    """A report laid out by hand with spaces, aligned as an editor with a CJK font shows it."""
    p = prose(truth)
    out = ["", "    " + truth["report"]["title"], "", "  " + p["preface"], "", "一、总体情况"]
    out += ["  " + t for t in p["overview"]]
    out += ["", "二、主动公开政府信息情况", ""]
    ad = truth["active_disclosure"]
    for heading, head, rows in active_parts(truth):
        rows = [r for r in rows if r[0] in ad]
        if not rows:
            continue
        out.append("            " + heading)
        out.append(pad(head[0], 24) + "".join(pad(h, 26, right=True) for h in head[1:]))
        for key, label, fields in rows:
            out.append(pad(label, 24) + "".join(pad(fmt(ad[key].get(f), "/"), 26, right=True) for f in fields))
        out.append("")
    out += ["三、收到和处理政府信息公开申请情况", ""]
    label_w, col_w = 44, 10
    names = ["自然人", "商业企业", "科研机构", "社会公益", "法律服务", "其他", "总计"]
    out.append(pad("", label_w) + pad("申请人情况", col_w * 7))
    out.append(pad("（本列数据的勾稽关系为：第一项加第二项之和，", label_w) + "".join(pad(n, col_w, right=True) for n in names))
    out.append(pad("等于第三项加第四项之和）", label_w))
    apps = truth["applications"]
    rows = app_rows(truth)
    page_break_after = min(12, len(rows) - 1)
    last_group = None
    for i, (key, group, label) in enumerate(rows):
        prefix = ""
        if group and group != last_group:
            prefix = group
        last_group = group
        indent = "  " if key not in ("new_received", "carried_over", "carried_forward") else ""
        text = indent + (prefix + " " if prefix else ("    " if group else "")) + label
        values = "".join(pad(fmt(apps[key].get(c)), col_w, right=True) for c in COLS)
        if dw(text) > label_w - 2:
            # A long label wraps: its first part on the row's line, the rest below.
            cut = len(text)
            while dw(text[:cut]) > label_w - 2:
                cut -= 1
            out.append(pad(text[:cut], label_w) + values)
            out.append(" " * (dw(indent) + 4) + text[cut:])
        else:
            out.append(pad(text, label_w) + values)
        if i == page_break_after:
            out += ["", "                                   - 2 -", "\f"]
    out += ["", "四、政府信息公开行政复议、行政诉讼情况", ""]
    out.append(pad("行政复议", 30) + pad("行政诉讼", 60))
    out.append(pad("", 30) + pad("未经复议直接起诉", 30) + pad("复议后起诉", 30))
    out.append("".join(pad(n, 6, right=True) for _ in range(3) for _, n in REVIEW_COLS))
    rv = truth["review_litigation"]
    out.append("".join(pad(fmt(rv[g].get(c)), 6, right=True) for g, _ in REVIEW_GROUPS for c, _ in REVIEW_COLS))
    out += ["", "五、存在的主要问题及改进情况"] + ["  " + t for t in p["problems"]]
    out += ["", "六、其他需要报告的事项"] + ["  " + t for t in p["other"]]
    out += ["", "                                   - 3 -", ""]
    return "\n".join(out)


# ---------------------------------------------------------------- pdftotext's column placement

def values_plain(apps, key, col_w):
    return "".join(fmt(apps[key].get(c)).rjust(col_w) for c in COLS)


def pdftotext_text(truth, kind):
    """A report as `pdftotext -layout` places it (every character one column), with one of
    its imprecisions, by `kind`:
      shifted   the applications table continues on a page whose columns pdftotext placed
                eight columns right of the header's (labels and numbers alike)
      tight     the numbers one space apart, the first pressed against a long label by one space
      wrapleft  a wrapped label's next line starts one column left of its item number
      drift     the first full row's fourth and fifth numbers four columns left of their
                columns (each nearer the column before than its own)
      offrow    a wrapped row's numbers printed on its label's second line, one whole column
                left of the columns the other rows use
      stretched the table continues on a page whose numbers pdftotext placed about ten
                columns right (nine to eleven by column), numbers of two digits or more two
                columns further left; the labels where they were
      stray     a line holding only `1` under a row's label wrapped over four lines, in the
                label column, beside no row's values
      wrapdigits numbers of three digits or more wrapped inside cells two digits wide: the first
                two on the line above the row's others, the rest under them from the same
                column on the line below; rows alternate between the label beside the short
                numbers (fragments above and below it) and the label wrapped over the fragment
                lines (short numbers alone on the middle line)
      wrapflush as wrapdigits, the label's next line starting in its first line's column (a Word
                cell printed by LibreOffice) rather than indented
      groupgap  a grouped row's wrapped label with its numbers and a piece of the group's vertical
                name on lines of their own between its two lines (label, name, numbers, rest or
                label, numbers, name, rest), as pdftotext gives each text line its own line;
                and the vertical 三、本年度办理结果 beside （一） and （二）, （二）'s label on
                the line under （一）'s numbers, its own numbers (centred) on the next
    """
    p = prose(truth)
    out = ["", "        " + truth["report"]["title"], "", "  " + p["preface"], "  一、总体情况"]
    out += ["  " + t for t in p["overview"]]
    out += ["  二、主动公开政府信息情况"]
    ad = truth["active_disclosure"]
    for heading, head, rows in active_parts(truth):
        rows = [r for r in rows if r[0] in ad]
        if not rows:
            continue
        out.append(" " * 16 + heading)
        out.append("     " + head[0].ljust(12) + "".join(h.rjust(16) for h in head[1:]))
        for key, label, fields in rows:
            out.append(" " + label.ljust(16) + "".join(fmt(ad[key].get(f), "/").rjust(16) for f in fields))
    out += ["  三、收到和处理政府信息公开申请情况"]
    tight = kind == "tight"
    label_w, col_w = (30, 2) if tight else (34, 6)
    names = [("自然", "人"), ("商业", "企业"), ("科研", "机构"), ("社会", "公益"), ("法律", "服务"), ("其他", ""), ("总计", "")]
    apps = truth["applications"]
    if tight:
        # Each column as wide as its widest number and one space: the numbers one space apart.
        widths = [1 + max(len(fmt(apps[k].get(c))) for k in apps) for c in COLS]
        out.append(" " * (label_w + 2) + "申请人情况")
        full = ["自然人", "商业企业", "科研机构", "社会公益", "法律服务", "其他", "总计"]
        for i in range(4):
            left = ["（本列数据的勾稽关系为：第一项加", "第二项之和，等于第三项加第四项", "之和）", ""][i]
            out.append(left.ljust(label_w) + "".join((n[i] if i < len(n) else " ").rjust(w) for n, w in zip(full, widths)))
    else:
        out.append(" " * (label_w + 2) + "申请人情况")
        out.append("（本列数据的勾稽关系为：第一项加".ljust(label_w) + "".join(n[0].rjust(col_w) for n in names))
        out.append("第二项之和，等于第三项加第四项之和）".ljust(label_w) + "".join(n[1].rjust(col_w) for n in names))
    rows = app_rows(truth)
    break_before = "unable_not_held"
    shift = 0
    last_group = None
    full = next((k for k, _, _ in rows if all(apps[k].get(c) is not None for c in COLS)), None)
    wrapped = [k for k, g, l in rows if g and len(("    " + g[:3] + " " + l)) > label_w - 2]
    if kind == "stray":
        wrapped = [k for k, g, l in rows if g]
    offsets = None
    stray_next = False
    wrapped_rows = 0
    pieces = []
    for key, group, label in rows:
        if key == break_before:
            out += ["", "", " " * 30 + "第2页", "\f"]
            shift = 8 if kind == "shifted" else 0
            if kind == "stretched":
                offsets = [10, 11, 9, 10, 10, 11, 10]
        if not tight and (offsets or (kind == "drift" and key == full)):
            prefix = group if group and group != last_group else ""
            last_group = group
            indent = "" if key in ("new_received", "carried_over", "carried_forward") else "    "
            text = indent + ((prefix[:3] if prefix else "   ") + " " + label if group else label)
            moved = offsets or [0, 0, 0, -4, -4, 0, 0]
            # Two-digit numbers two columns further left, longer ones one (pdftotext's
            # rounding of a centred number's start); numbers kept two spaces apart.
            line = text[:label_w - 2].ljust(label_w)
            for i, c in enumerate(COLS):
                t = fmt(apps[key].get(c))
                if not t:
                    continue
                end = label_w + (i + 1) * col_w + moved[i] - ((2 if len(t) == 2 else 1 if len(t) > 2 else 0) if offsets else 0)
                line = line.ljust(max(end - len(t), len(line.rstrip()) + 2)) + t
            out.append(line)
            if len(text) > label_w - 2:
                out.append(" " * (len(indent) + 4) + text[label_w - 2:])
            continue
        if kind in ("offrow", "stray") and wrapped and key == wrapped[0]:
            prefix = group if group != last_group else ""
            last_group = group
            text = "    " + (prefix[:3] if prefix else "   ") + " " + label
            values = "".join(fmt(apps[key].get(c)).rjust(col_w) for c in COLS)
            if kind == "offrow":
                # The label's first line alone, its second line with the numbers a column left.
                out.append(text[:label_w - 2])
                second = " " * 8 + text[label_w - 2:]
                out.append(second.ljust(label_w - col_w) + values)
            else:
                # The label wrapped over four lines, the numbers beside its first, then a `1`
                # standing alone in the label column.
                body = text[8:]
                step = -(-len(body) // 4)
                parts = [text[:8] + body[:step]] + [" " * 8 + body[i:i + step] for i in range(step, len(body), step)]
                out.append(parts[0].ljust(label_w) + values)
                out += parts[1:]
                out.append(" " * (label_w + 2 * col_w - 1) + "1")
                stray_next = True
            continue
        if kind == "stray" and stray_next:
            # The next row's label wrapped over two lines, its numbers beside the second.
            stray_next = False
            last_group = group
            text = "    " + "   " + " " + label if group else label
            values = "".join(fmt(apps[key].get(c)).rjust(col_w) for c in COLS)
            half = 8 + (len(text) - 8) // 2
            out.append(text[:half])
            out.append((" " * 8 + text[half:]).ljust(label_w) + values)
            continue
        prefix = group if group and group != last_group else ""
        last_group = group
        indent = "" if key in ("new_received", "carried_over", "carried_forward") else "    "
        if group:
            text = indent + (prefix[:3] if prefix else "   ") + " " + label
        else:
            text = indent + label
        cells = [fmt(apps[key].get(c)) for c in COLS]
        if kind == "groupgap" and key in ("granted", "partially_granted"):
            # The vertical 三、本年度办理结果 in two pieces beside the first two result rows.
            centred = "".join(t.center(col_w) for t in cells)
            if key == "granted":
                out.append(("三、本年度办 " + label).ljust(label_w) + centred)
            else:
                cut = label_w - 2 - 6
                out.append("   理结果 " + label[:cut])
                out.append(" " * label_w + centred)
                out.append(" " * 9 + label[cut:])
            continue
        if kind == "groupgap" and prefix:
            pieces = [group[3:][i:i + 2] for i in range(0, len(group) - 3, 2)]
        if kind == "groupgap" and group and len(text) > 18:
            # The group's name printed one piece a line in its column (left of the item number);
            # pdftotext gives a piece its own line between the label's lines and the numbers'.
            piece = " " * len(indent) + (pieces.pop(0) if pieces else "")
            cut = 16
            middle = [piece, " " * label_w + values_plain(apps, key, col_w)]
            if wrapped_rows % 2:
                middle.reverse()
            out += [text[:cut]] + [m for m in middle if m.strip()] + [" " * (len(indent) + 4) + text[cut:]]
            wrapped_rows += 1
            continue
        if kind in ("wrapdigits", "wrapflush") and any(len(t) > 2 for t in cells):
            # wrapflush: the label's next line starts in its first line's column.
            cont = len(text) - len(text.lstrip()) if kind == "wrapflush" else len(indent) + 4
            top, middle, bottom = "", "", ""
            for i, t in enumerate(cells):
                end = label_w + (i + 1) * col_w
                if len(t) > 2:
                    top = top.ljust(end - 2) + t[:2]
                    bottom = bottom.ljust(end - 2) + t[2:]
                elif t:
                    middle = middle.ljust(end - len(t)) + t
            cut = label_w - 2
            if wrapped_rows % 2 == 0:
                # Fragments above and below the label's line, the short numbers beside it.
                out.append(top)
                out.append(text[:cut].ljust(label_w) + middle[label_w:])
                out.append(bottom if len(text) <= cut else (" " * cont + text[cut:]).ljust(label_w) + bottom[label_w:])
            else:
                # The label over the fragment lines, the short numbers alone between them.
                half = max(len(indent) + 5, min(cut, len(text) // 2 + 1))
                out.append(text[:half].ljust(label_w) + top[label_w:])
                out.append(middle)
                out.append((" " * cont + text[half:]).ljust(label_w) + bottom[label_w:])
            wrapped_rows += 1
            continue
        values = "".join(fmt(apps[key].get(c)).rjust(w) for c, w in zip(COLS, widths)) if tight else \
            "".join(fmt(apps[key].get(c)).rjust(col_w) for c in COLS)
        if tight:
            if len(text) >= label_w:
                # pdftotext presses the first number against a label that fills its cell.
                first = values.lstrip(" ")
                cut = len(text[:label_w]) + (len(values) - len(first)) - 1
                out.append(" " * shift + text[:cut] + " " + first)
                out.append(" " * (shift + len(indent) + 4) + text[cut:])
            else:
                out.append(" " * shift + text.ljust(label_w) + values)
            continue
        if kind == "wrapleft" and group:
            # Narrow cells: the group's name wrapped three characters a line in its column, the
            # item's label nine a line from column 9, its next lines from column 8 (one left of
            # the item number, one space after the group's name).
            if prefix:
                pending = [group[i:i + 3] for i in range(0, len(group), 3)]
            parts = [label[i:i + 9] for i in range(0, len(label), 9)]
            for j, part in enumerate(parts):
                line = ("    " + (pending.pop(0) if pending else "")).ljust(9 if j == 0 else 8) + part
                out.append(" " * shift + (line.ljust(label_w) + values if j == 0 else line))
        elif len(text) > label_w - 2 and group:
            # The label wraps inside its cell; the next line starts under the item number.
            cut = label_w - 2
            item = len(indent) + 4
            out.append(" " * shift + text[:cut].ljust(label_w) + values)
            out.append(" " * (shift + item) + text[cut:])
        else:
            out.append(" " * shift + text.ljust(label_w) + values)
    out += ["", "  四、政府信息公开行政复议、行政诉讼情况"]
    out.append("  行政复议".ljust(30) + "行政诉讼")
    out.append(" " * 30 + "未经复议直接起诉".ljust(30) + "复议后起诉")
    out.append("".join(n.rjust(6) for _ in range(3) for _, n in REVIEW_COLS))
    rv = truth["review_litigation"]
    out.append("".join(fmt(rv[g].get(c)).rjust(6) for g, _ in REVIEW_GROUPS for c, _ in REVIEW_COLS))
    out += ["", "  五、存在的主要问题及改进情况"] + ["  " + t for t in p["problems"]]
    out += ["  六、其他需要报告的事项"] + ["  " + t for t in p["other"]]
    out += ["", " " * 30 + "第3页", "\f"]
    return "\n".join(out)


# ---------------------------------------------------------------- tabs became spaces

def tab_text(truth):
    """A report whose table cells are separated by tabs (the seed's shape)."""
    p = prose(truth)
    out = [truth["report"]["title"], "", p["preface"], "", "一、总体情况"] + p["overview"]
    out += ["", "二、主动公开政府信息情况", ""]
    ad = truth["active_disclosure"]
    for heading, head, rows in active_parts(truth):
        rows = [r for r in rows if r[0] in ad]
        if not rows:
            continue
        out.append(heading + "\t" * (len(head) - 1))
        out.append("\t".join(head))
        for key, label, fields in rows:
            out.append("\t".join([label] + [fmt(ad[key].get(f)) for f in fields]))
    out += ["", "三、收到和处理政府信息公开申请情况", ""]
    out.append("(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t\t申请人情况\t\t\t\t\t\t\t")
    out.append("\t\t自然人\t法人或其他组织\t\t\t\t\t总计")
    out.append("\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t")
    apps = truth["applications"]
    last_group = None
    for key, group, label in app_rows(truth):
        values = "\t".join(fmt(apps[key].get(c)) for c in COLS)
        if group:
            first = group if group != last_group else ""
            out.append(f"\t{first}\t{label}\t{values}")
        else:
            out.append(f"{label}\t\t{values}")
        last_group = group
    out += ["", "四、政府信息公开行政复议、行政诉讼情况", ""]
    out.append("行政复议\t\t\t\t\t行政诉讼")
    out.append("\t\t\t\t\t未经复议直接起诉\t\t\t\t\t复议后起诉")
    out.append("\t".join(n for _ in range(3) for _, n in REVIEW_COLS))
    rv = truth["review_litigation"]
    out.append("\t".join(fmt(rv[g].get(c)) for g, _ in REVIEW_GROUPS for c, _ in REVIEW_COLS))
    out += ["", "五、存在的主要问题及改进情况"] + p["problems"] + ["", "六、其他需要报告的事项"] + p["other"]
    return "\n".join(out) + "\n"


def spaces_text(truth):
    return tab_text(truth).replace("\t", "    ")


# ---------------------------------------------------------------- Markdown

def md_row(cells):
    return "| " + " | ".join(cells) + " |"


def md_head(truth, p):
    out = [f"# {truth['report']['title']}", "", p["preface"], "", "## 一、总体情况", ""]
    for t in p["overview"]:
        out += [t, ""]
    return out


def md_tail(p):
    out = ["## 五、存在的主要问题及改进情况", ""] + p["problems"] + ["", "## 六、其他需要报告的事项", ""] + p["other"]
    return out + [""]


def md_active(truth, delimiters=True):
    ad = truth["active_disclosure"]
    out = ["## 二、主动公开政府信息情况", ""]
    for heading, head, rows in active_parts(truth):
        rows = [r for r in rows if r[0] in ad]
        if not rows:
            continue
        out += [f"### {heading}", "", md_row(head)]
        if delimiters:
            out.append(md_row(["---"] * len(head)))
        for key, label, fields in rows:
            out.append(md_row([label] + [fmt(ad[key].get(f), "-") for f in fields]))
        out.append("")
    return out


def md_review(truth, delimiters=True):
    rv = truth["review_litigation"]
    head = [n for _ in range(3) for _, n in REVIEW_COLS]
    out = ["## 四、政府信息公开行政复议、行政诉讼情况", "",
           md_row(["行政复议"] + [""] * 4 + ["行政诉讼"] + [""] * 9)]
    if delimiters:
        out.append(md_row(["---"] * 15))
    out.append(md_row([""] * 5 + ["未经复议直接起诉"] + [""] * 4 + ["复议后起诉"] + [""] * 4))
    out.append(md_row(head))
    out.append(md_row([fmt(rv[g].get(c), "-") for g, _ in REVIEW_GROUPS for c, _ in REVIEW_COLS]))
    return out + [""]


APP_HEAD = ["申请人情况", "", "", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]


def md_pipes(truth):
    """Pipe tables with delimiter rows; the applications table split by page furniture with
    its header repeated; group cells repeated on each row as converters do; bold labels."""
    p = prose(truth)
    out = md_head(truth, p) + md_active(truth)
    out += ["## 三、收到和处理政府信息公开申请情况", "", md_row(APP_HEAD), md_row(["---"] * 10)]
    apps = truth["applications"]
    rows = app_rows(truth)
    for i, (key, group, label) in enumerate(rows):
        if key in ("new_received", "carried_over", "carried_forward", "total_processed"):
            cells = [f"**{label}**", "", ""]
        elif group:
            cells = ["三、本年度办理结果", group, label]
        else:
            cells = ["三、本年度办理结果", label, ""]
        out.append(md_row(cells + [fmt(apps[key].get(c), "-") for c in COLS]))
        if i == 9:
            out += ["", "— 2 —", "", md_row(APP_HEAD), md_row(["---"] * 10)]
    out.append("")
    return "\n".join(out + md_review(truth) + md_tail(p))


def md_htmltable(truth):
    """The applications table as the HTML <table> converters write for merged cells; the other
    tables as pipe tables without delimiter rows."""
    p = prose(truth)
    out = md_head(truth, p) + md_active(truth, delimiters=False)
    out += ["## 三、收到和处理政府信息公开申请情况", "", "<table>"]
    out.append('<tr><td rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>'
               '<td colspan="7">申请人情况</td></tr>')
    out.append('<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>')
    out.append("<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>")
    apps = truth["applications"]
    rows = app_rows(truth)
    results = [r for r in rows if r[0] not in ("new_received", "carried_over", "carried_forward")]
    groups = {}
    for _, g, _ in results:
        if g:
            groups[g] = groups.get(g, 0) + 1
    seen_results, seen = False, set()
    for key, group, label in rows:
        vals = "".join(f"<td>{fmt(apps[key].get(c))}</td>" for c in COLS)
        if key in ("new_received", "carried_over", "carried_forward"):
            out.append(f'<tr><td colspan="3">{label}</td>{vals}</tr>')
            continue
        head = ""
        if not seen_results:
            head = f'<td rowspan="{len(results)}">三、本年度办理结果</td>'
            seen_results = True
        if group:
            if group not in seen:
                head += f'<td rowspan="{groups[group]}">{group}</td>'
                seen.add(group)
            out.append(f"<tr>{head}<td>{label}</td>{vals}</tr>")
        else:
            out.append(f'<tr>{head}<td colspan="2">{label}</td>{vals}</tr>')
    out += ["</table>", ""]
    # Converters bold the title and break long cells with <br>.
    out[0] = f"# **{truth['report']['title']}**"
    out = [line.replace("| 行政规范性文件 |", "| 行政规范性<br>文件 |").replace("| 规范性文件 |", "| 规范性<br>文件 |")
           for line in out]
    return "\n".join(out + md_review(truth, delimiters=False) + md_tail(p))


def md_split(truth):
    """One small table per row group (`类别 | 数据1 …`), placeholder tables of `-`, the last rows
    continued under a wrong header, and the review table as three group tables."""
    p = prose(truth)
    out = md_head(truth, p) + md_active(truth)
    out += ["## 三、收到和处理政府信息公开申请情况", "", "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "",
            "### 申请人情况 (自然人)", md_row(["(数据项目)", "数量"]), md_row(["---", "---"]), md_row(["-", "-"]), ""]
    apps = truth["applications"]
    head = ["类别"] + [f"数据{i}" for i in range(1, 7)] + ["总计"]
    rows = app_rows(truth)
    blocks, order = {}, []
    for key, group, label in rows:
        name = group or label
        if name not in blocks:
            blocks[name] = []
            order.append(name)
        blocks[name].append((key, label))
    for n, name in enumerate(order):
        items = blocks[name]
        out += [f"### {name}", md_row(head), md_row(["---"] * 8)]
        for j, (key, label) in enumerate(items):
            if n == len(order) - 3 and j == 1:
                # The converter lost the table here and started a new one with a wrong header.
                out += ["", md_row(["项目", "本年新收件数", "上年结转件数", "予以公开", "部分公开", "不予公开", "结转下年度", "总计"]),
                        md_row(["---"] * 8)]
            out.append(md_row([label] + [fmt(apps[key].get(c), "-") for c in COLS]))
        out.append("")
    rv = truth["review_litigation"]
    out += ["## 四、政府信息公开行政复议、行政诉讼情况", ""]
    for g, name in REVIEW_GROUPS:
        title = "行政复议" if g == "review" else f"行政诉讼（{name}）"
        out += [f"### {title}", md_row([n for _, n in REVIEW_COLS]), md_row(["----------"] * 5),
                md_row([fmt(rv[g].get(c), "-") for c, _ in REVIEW_COLS]), ""]
    return "\n".join(out + md_tail(p))


# ---------------------------------------------------------------- main

def write(path, text):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def copy_numbers(src, dst):
    shutil.copyfile(src, dst)


def pdftotext(pdf, out):
    subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", pdf, out], check=True)


def main():
    samples = os.path.join(ROOT, "Samples")
    fixtures = os.path.join(ROOT, "Tests", "GovReportTests", "Fixtures")
    layout_dir = os.path.join(fixtures, "layout-text")
    md_dir = os.path.join(fixtures, "markdown")
    os.makedirs(layout_dir, exist_ok=True)
    os.makedirs(md_dir, exist_ok=True)

    for pdf in sorted(glob.glob(os.path.join(samples, "*.pdf"))):
        stem = pdf[:-4]
        if not os.path.exists(stem + ".numbers.json"):
            continue
        # The web page printed by Chromium is a fixture (not read exactly yet), the others samples.
        if "web-printed" in stem:
            stem = os.path.join(layout_dir, os.path.basename(stem))
        pdftotext(pdf, stem + ".layout.txt")
        copy_numbers(pdf[:-4] + ".numbers.json", stem + ".layout.numbers.json")
    for pdf in sorted(glob.glob(os.path.join(fixtures, "stress", "*.pdf"))):
        name = os.path.basename(pdf)[:-4]
        pdftotext(pdf, os.path.join(layout_dir, name + ".layout.txt"))
        copy_numbers(pdf[:-4] + ".numbers.json", os.path.join(layout_dir, name + ".layout.numbers.json"))

    sources = ["sample-bordered-2021", "sample-borderless-2021", "sample-2019", "sample-inconsistent-2021"]
    for name in sources:
        numbers = os.path.join(samples, name + ".numbers.json")
        truth = json.load(open(numbers, encoding="utf-8"))
        for suffix, make, folder in [("display.txt", display_text, layout_dir), ("spaces.txt", spaces_text, layout_dir),
                                     ("pipes.md", md_pipes, md_dir), ("htmltable.md", md_htmltable, md_dir),
                                     ("split.txt", md_split, md_dir)]:
            stem = f"{name}.{suffix.split('.')[0]}"
            write(os.path.join(folder, f"{stem}.{suffix.split('.')[1]}"), make(truth))
            copy_numbers(numbers, os.path.join(folder, stem + ".numbers.json"))
        for kind in ["shifted", "tight", "wrapleft", "drift", "offrow", "stretched", "stray", "wrapdigits", "wrapflush", "groupgap"]:
            stem = os.path.join(layout_dir, f"{name}.{kind}")
            write(stem + ".txt", pdftotext_text(truth, kind))
            copy_numbers(numbers, stem + ".numbers.json")

    truth = json.load(open(os.path.join(samples, "sample-bordered-2021.numbers.json"), encoding="utf-8"))
    write(os.path.join(samples, "sample-markdown-2021.md"), md_pipes(truth))
    copy_numbers(os.path.join(samples, "sample-bordered-2021.numbers.json"),
                 os.path.join(samples, "sample-markdown-2021.numbers.json"))


if __name__ == "__main__":
    main()
