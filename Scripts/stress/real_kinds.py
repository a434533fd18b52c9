#!/usr/bin/env python3
"""Fixtures for the kinds of real reports that came out wrong (issue 11), with numbers known
by construction: $REAL_OUT/NAME.{html,pdf,txt} + NAME.numbers.json
(default Tests/GovReportTests/Fixtures/real-kinds).

Usage:  python3 Scripts/stress/real_kinds.py [NAME_SUBSTRING ...]
        RESEED=K REAL_OUT=/tmp/x python3 Scripts/stress/real_kinds.py   (every seed + K: a sweep)

Each document is one spec of the stress corpus (common.make_report draws the numbers and
the printed texts from one seed); this script prints it the way the real reports did:
  word_grid_*       Word "Save as HTML": <o:p>, width= on every cell, spacer cells, value cells
                    spanning two grid columns, blank grid columns (kind 2)
  meta_box_*        a CMS metadata box (索引号 … 名称 … 文号) above a body without a title, as
                    text and as a table, the page itself and Chromium's print (kind 3)
  review_split_*    review/litigation as three tables, each with its own 5-column header (kind 4)
  rl_wrap_*         a ruled table whose narrow cells wrap numbers (60 over 8), its header at the
                    foot of the previous page (kind 1)
  lo_web_*          web pages printed by LibreOffice: values at the left of their cells right
                    after labels that fill theirs, labels wrapped at the page's line height,
                    tables continuing over pages (kind 5)
  text_stray_*      a report converted to text: a label wrapped over four lines, then a line
                    holding only a number that belongs to no row (kind 6)
The truth (NAME.numbers.json) is the shape of shared/corpus/*/NAME.truth.json, plus
`expected_diagnostics` (codes the reader must report).
"""
import html as H
import json
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import (ALL_COLS, BALANCE_NOTE, COL_LABELS, REV_LABELS, VCELL, Printer, make_report,  # noqa: E402
                    result_rows)
import webpage as W  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.abspath(os.environ.get("REAL_OUT", os.path.join(ROOT, "Tests/GovReportTests/Fixtures/real-kinds")))
TMP = os.path.join("/tmp", "real-kinds-tmp")
PORT = 8766
esc = H.escape


# ---------------------------------------------------------------------------
# Word-made web page (kind 2)
# ---------------------------------------------------------------------------

WORD_ALIGN = "center"   # Word's paragraph alignment in value cells (a page may set "left")
WORD_VALIGN = "top"     # and the cells' vertical alignment
WORD_PAD = 5.4          # and the cells' left and right padding (pt)


def word_td(text, width, colspan=1, rowspan=1, bold=False, font=None):
    span = (f" colspan={colspan}" if colspan > 1 else "") + (f" rowspan={rowspan}" if rowspan > 1 else "")
    inner = f"<b>{esc(text)}</b>" if bold and text else esc(text)
    size = f";font-size:{font}pt" if font else ""
    return (f"<td width={width}{span} valign={WORD_VALIGN} style='width:{width * 0.75:.1f}pt;border:solid windowtext 1.0pt;"
            f"padding:0cm {WORD_PAD}pt 0cm {WORD_PAD}pt'><p class=MsoNormal align={WORD_ALIGN} style='text-align:{WORD_ALIGN}'>"
            f"<span style='font-family:宋体{size}'>{inner}<span lang=EN-US><o:p></o:p></span></span></p></td>")


def word_spacer(width):
    return f"<td width={width} style='border:none;padding:0cm 0cm 0cm 0cm'><p class=MsoNormal><o:p>&nbsp;</o:p></p></td>"


# Logical value columns that Word split into two grid columns (the header cell and some value
# cells span both, other rows print an empty sliver cell and the value in the second).
SPLIT = {0: "span", 3: "sliver", 6: "span"}


def word_applications_html(r, o=None):
    """Word's grid; o["word_num_w"] (px) narrows the value cells and o["word_font"] (pt) sets
    their print size: in LibreOffice's print, numbers wider than a cell less Word's 5.4 pt
    paddings wrap inside it (217 as 21 over 7)."""
    o = o or {}
    SPLIT = o.get("word_split", globals()["SPLIT"])
    L = r.labels
    sh = r.shown["applications"]
    # Grid: 0 vcell | 1 group | 2 item | 3 blank grid column | value grid columns | trailing blank
    vcols = []                     # per logical column: list of grid columns
    g = 4
    for i in range(7):
        n = 2 if i in SPLIT else 1
        vcols.append(list(range(g, g + n)))
        g += n
    last = g                       # trailing blank grid column
    num_w = o.get("word_num_w", 30)
    font = o.get("word_font")
    lw = o.get("word_label_w", 160)   # the item labels' grid column (px)
    widths = [28, 40, lw, 4] + [num_w] * (last - 4) + [2]

    def head(i):
        return sum(widths[c] for c in vcols[i])

    rows = []
    rows.append("<tr>" + word_td(BALANCE_NOTE, 72 + lw, colspan=4, rowspan=3)
                + word_td("申请人情况", sum(widths[4:last]), colspan=last - 4, bold=True) + word_spacer(2) + "</tr>")
    rows.append("<tr>" + word_td("自然人", head(0), colspan=len(vcols[0]), rowspan=2, bold=True)
                + word_td("法人或其他组织", sum(head(i) for i in range(1, 6)), colspan=sum(len(vcols[i]) for i in range(1, 6)), bold=True)
                + word_td("总计", head(6), colspan=len(vcols[6]), rowspan=2, bold=True) + word_spacer(2) + "</tr>")
    rows.append("<tr>" + "".join(word_td(COL_LABELS[i], head(i), colspan=len(vcols[i]), bold=True) for i in range(1, 6))
                + word_spacer(2) + "</tr>")

    def nums(key, k):
        out = ""
        for i, c in enumerate(ALL_COLS):
            v = sh[key][c]
            style = SPLIT.get(i)
            if style == "span" or (style == "sliver" and k % 2 == 0):
                out += word_td(v, head(i), colspan=len(vcols[i]), font=font)
            elif style == "sliver":
                out += word_td("", widths[vcols[i][0]]) + word_td(v, widths[vcols[i][1]], font=font)
            else:
                out += word_td(v, head(i), font=font)
        return out + word_spacer(2)

    k = 0

    def label_row(key, cells):
        nonlocal k
        k += 1
        return f"<tr style='height:18.0pt'>{cells}{nums(key, k)}</tr>"

    rows.append(label_row("new_received", word_td(L.row("new_received"), 72 + lw, colspan=4)))
    rows.append(label_row("carried_over", word_td(L.row("carried_over"), 72 + lw, colspan=4)))
    rr = result_rows(r.one_row)
    groups = {}
    for key, grp, n, t in rr:
        if grp:
            groups[grp] = groups.get(grp, 0) + 1
    seen = set()
    for i, (key, grp, n, t) in enumerate(rr):
        cells = ""
        if i == 0:
            cells += word_td("三、本年度办理结果", 28, rowspan=len(rr))
        if grp is None:
            cells += word_td(L.row(key, r.one_row), 44 + lw, colspan=3)
        else:
            if grp not in seen:
                seen.add(grp)
                cells += word_td(L.group(grp), 40, rowspan=groups[grp])
            cells += word_td(L.row(key, r.one_row), 4 + lw, colspan=2)
        rows.append(label_row(key, cells))
    rows.append(label_row("carried_forward", word_td(L.row("carried_forward"), 72 + lw, colspan=4)))
    # Word's row of grid widths for browsers that do not support misaligned columns.
    rows.append("<![if !supportMisalignedColumns]><tr height=0>" + "".join(
        f"<td width={w} style='border:none'></td>" for w in widths) + "</tr><![endif]>")
    return ("<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 width=600 "
            "style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt'>"
            + "\n".join(rows) + "</table>")


def word_review_html(r):
    sh = r.shown["review_litigation"]
    rows = ["<tr>" + word_td("行政复议", 200, colspan=5, bold=True) + word_td("行政诉讼", 400, colspan=10, bold=True) + "</tr>",
            "<tr>" + "".join(word_td(x, 40, rowspan=2, bold=True) for x in REV_LABELS)
            + word_td("未经复议直接起诉", 200, colspan=5, bold=True) + word_td("复议后起诉", 200, colspan=5, bold=True) + "</tr>",
            "<tr>" + "".join(word_td(x, 40, bold=True) for x in REV_LABELS * 2) + "</tr>",
            "<tr>" + "".join(word_td(sh[g][k], 40) for g in ("review", "litigation_direct", "litigation_after_review")
                             for k in ("upheld", "corrected", "other", "pending", "total")) + "</tr>"]
    return ("<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>"
            + "".join(rows) + "</table>")


# ---------------------------------------------------------------------------
# Review and litigation as three tables (kind 4)
# ---------------------------------------------------------------------------

def split_review_html(r, o):
    td = o.get("td_attr", "")
    sh = r.shown["review_litigation"]
    out = []
    for g, title in (("review", "行政复议"), ("litigation_direct", "行政诉讼（未经复议直接起诉）"),
                     ("litigation_after_review", "行政诉讼（复议后起诉）")):
        rows = [f'<tr><td colspan="5" {td}><b>{title}</b></td></tr>',
                "<tr>" + "".join(f"<td {td}>{x}</td>" for x in REV_LABELS) + "</tr>",
                "<tr>" + "".join(f"<td {td}>{esc(sh[g][k])}</td>" for k in ("upheld", "corrected", "other", "pending", "total")) + "</tr>"]
        out.append(f'<table class="t rev" {o.get("table_attr", "")}><tbody>{"".join(rows)}</tbody></table>')
    return "\n".join(out)


# ---------------------------------------------------------------------------
# The CMS metadata box (kind 3)
# ---------------------------------------------------------------------------

def meta_fields(r):
    return [("索引号", f"01{r.spec['seed']:04d}5-5/{r.year + 1}-00017"), ("主题分类", "综合政务"),
            ("发布机构", r.org), ("成文日期", f"{r.year + 1}-01-18"),
            ("名称", r.title), ("文号", "无"), ("发布日期", f"{r.year + 1}-01-20")]


def meta_box_html(r, style):
    f = meta_fields(r)
    if style == "table":
        cells = []
        rows = [f[0:2], f[2:4], [f[4]], f[5:7]]
        for row in rows:
            tds = ""
            for k, v in row:
                span = ' colspan="3"' if len(row) == 1 else ""
                tds += f'<td class="k">{k}：</td><td{span}>{esc(v)}</td>'
            cells.append(f"<tr>{tds}</tr>")
        return '<table class="meta" style="width:100%;border:1px solid #999">' + "".join(cells) + "</table>"
    # text: label and value in spans, two fields a line
    lines = []
    for pair in (f[0:2], f[2:4], [f[4]], f[5:7]):
        lines.append('<div class="mrow">' + "".join(
            f'<span class="k">{k}：</span><span class="v">{esc(v)}</span>' for k, v in pair) + "</div>")
    return '<div class="metabox">' + "".join(lines) + "</div>"


# ---------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------

def page(r, o):
    """A government web page with the report; the options say which of its parts print how."""
    parts = []
    if o.get("site_chrome", True):
        parts.append(f'<div class="top">{esc(r.org)}门户网站　｜　无障碍</div>')
        parts.append('<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 政府信息公开年报</div>')
    if o.get("meta_box"):
        parts.append(meta_box_html(r, o["meta_box"]))
    if o.get("body_title", True):
        parts.append(f'<h1>{esc(r.title)}</h1>')
    for p in r.prose["preface"]:
        parts.append(f"<p>{esc(p)}</p>")
    parts.append('<p class="h">一、总体情况</p>')
    for p in r.prose["overview"]:
        parts.append(f"<p>{esc(p)}</p>")
    # More prose before the tables moves their page breaks.
    for k in range(o.get("extra_paras", 0)):
        parts.append(f"<p>{esc(r.prose['overview'][k % len(r.prose['overview'])])}</p>")
    parts.append('<p class="h">二、主动公开政府信息情况</p>')
    parts.append(W.active_html(r, o))
    # A blank paragraph of a chosen height before the applications table moves its page break
    # point by point (the header left at the foot of a page, its rows on the next).
    if o.get("spacer_pt"):
        parts.append(f'<p style="margin:0;line-height:{o["spacer_pt"]}pt;font-size:{o["spacer_pt"]}pt">&nbsp;</p>')
    parts.append('<p class="h">三、收到和处理政府信息公开申请情况</p>')
    global WORD_ALIGN, WORD_VALIGN, WORD_PAD
    WORD_ALIGN, WORD_VALIGN = o.get("word_align", "center"), o.get("word_valign", "top")
    WORD_PAD = o.get("word_pad", 5.4)
    parts.append(word_applications_html(r, o) if o.get("word") else W.applications_html(r, o))
    WORD_ALIGN, WORD_VALIGN, WORD_PAD = "center", "top", 5.4
    parts.append('<p class="h">四、政府信息公开行政复议、行政诉讼情况</p>')
    if o.get("split_review"):
        parts.append(split_review_html(r, o))
    else:
        parts.append(word_review_html(r) if o.get("word") else W.review_html(r, o))
    parts.append('<p class="h">五、存在的主要问题及改进情况</p>')
    for p in r.prose["problems"]:
        parts.append(f"<p>{esc(p)}</p>")
    parts.append('<p class="h">六、其他需要报告的事项</p>')
    for p in r.prose["other"]:
        parts.append(f"<p>{esc(p)}</p>")
    parts.append(f'<p class="r">{esc(r.org)}</p><p class="r">{r.year + 1}年1月20日</p>')
    title = o.get("page_title", r.title)
    css = """
body{font-family:'WenQuanYi Zen Hei',sans-serif;font-size:15px;line-height:1.8;margin:0 auto;max-width:%dpx}
h1{font-size:22px;text-align:center}
p{margin:4px 0}
.top,.crumb{font-size:12px;color:#333}
table.meta td{font-size:13px;padding:2px 4px}
table.t{margin:6px auto;font-size:%dpx;line-height:1.3;border-collapse:collapse}
table.t td{text-align:center;padding:2px;border:1px solid #000}
%s
""" % (o.get("max_width", 760), o.get("table_font", 13), o.get("css", ""))
    head = '<meta charset="utf-8">'
    if o.get("word"):
        head = ('<meta http-equiv=Content-Type content="text/html; charset=utf-8">'
                '<meta name=ProgId content=Word.Document><meta name=Generator content="Microsoft Word 15">')
    return f"""<!DOCTYPE html>
<html xmlns:o="urn:schemas-microsoft-com:office:office" lang="zh-CN"><head>{head}<title>{esc(title)}</title>
<style>{css}</style></head>
<body>
{chr(10).join(parts)}
</body></html>
"""


# ---------------------------------------------------------------------------
# Text converted from a PDF (kind 6)
# ---------------------------------------------------------------------------

def wrap(text, n):
    return [text[i:i + n] for i in range(0, len(text), n)]


def text_report(r, o):
    """Tab-separated text as a converter writes a PDF's tables: a cell's lines break the row.
    The rows in `o["wrap4"]` print their label over four lines; after each, a line holding
    only a stray number (a footnote mark or a page number the converter left there)."""
    L = r.labels
    sh = r.shown
    out = [r.title, ""]
    out += r.prose["preface"]
    out += ["一、总体情况"] + r.prose["overview"]
    out += ["二、主动公开政府信息情况", "第二十条第（一）项\t\t\t", "信息内容\t本年制发件数\t本年废止件数\t现行有效件数"]
    a = sh["active_disclosure"]
    out += [f"规章\t{a['regulations']['issued']}\t{a['regulations']['repealed']}\t{a['regulations']['in_force']}",
            f"行政规范性文件\t{a['normative_documents']['issued']}\t{a['normative_documents']['repealed']}\t{a['normative_documents']['in_force']}",
            "第二十条第（五）项\t\t\t", "信息内容\t本年处理决定数量\t\t", f"行政许可\t{a['licensing']['decisions']}\t\t",
            "第二十条第（六）项\t\t\t", "信息内容\t本年处理决定数量\t\t", f"行政处罚\t{a['penalty']['decisions']}\t\t",
            f"行政强制\t{a['coercion']['decisions']}\t\t", "第二十条第（八）项\t\t\t", "信息内容\t本年收费金额（单位：万元）\t\t",
            f"行政事业性收费\t{a['fees']['amount']}\t\t"]
    out += ["三、收到和处理政府信息公开申请情况", BALANCE_NOTE + "\t\t\t申请人情况",
            "\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计", "\t\t\t\t" + "\t".join(COL_LABELS[1:6])]
    ap = sh["applications"]

    def vals(key):
        return "\t".join(ap[key][c] for c in ALL_COLS)

    out.append(f"{L.row('new_received')}\t\t\t{vals('new_received')}")
    out.append(f"{L.row('carried_over')}\t\t\t{vals('carried_over')}")
    seen = set()
    for i, (key, grp, n, t) in enumerate(result_rows(r.one_row)):
        first = VCELL if i == 0 else ""
        label = L.row(key, r.one_row)
        if grp is None:
            cells = [first, label, ""]
        else:
            cells = [first, L.group(grp) if grp not in seen else "", label]
            seen.add(grp)
        if key in o.get("wrap4", ()):
            parts = wrap(label, -(-len(label) // 4))
            cells[-1] = parts[0]
            if o.get("values_first"):
                # Top-aligned cells: the values on the label's first line.
                out.append("\t".join(cells) + "\t" + vals(key))
                out += parts[1:]
            else:
                out.append("\t".join(cells))
                out += parts[1:-1]
                out.append(parts[-1] + "\t" + vals(key))
            out.append(o.get("stray", "1"))
        else:
            out.append("\t".join(cells) + "\t" + vals(key))
    out.append(f"{L.row('carried_forward')}\t\t\t{vals('carried_forward')}")
    out += ["四、政府信息公开行政复议、行政诉讼情况", "行政复议\t\t\t\t\t行政诉讼",
            "\t".join(REV_LABELS) + "\t未经复议直接起诉\t\t\t\t\t复议后起诉", "\t\t\t\t\t" + "\t".join(REV_LABELS * 2)]
    rv = sh["review_litigation"]
    out.append("\t".join(rv[g][k] for g in ("review", "litigation_direct", "litigation_after_review")
                         for k in ("upheld", "corrected", "other", "pending", "total")))
    out += ["五、存在的主要问题及改进情况"] + r.prose["problems"] + ["六、其他需要报告的事项"] + r.prose["other"]
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------
# The documents
# ---------------------------------------------------------------------------

def D(name, kind, spec, opts, diagnostics=(), title=None):
    spec = dict(spec, name=name)
    return dict(name=name, kind=kind, spec=spec, opts=opts, diagnostics=list(diagnostics), title=title)


DOCS = [
    D("word_grid_2021", "html", dict(seed=301, template="2021", year=2021, org="沭河县农业农村局", scale=180,
                                      force_nonzero=[("granted", c) for c in ("natural_person", "social_welfare")]),
      dict(word=True)),
    D("word_grid_blank_2022", "html", dict(seed=302, template="2021", year=2022, org="沭河县卫生健康委员会", scale=90,
                                            printer=Printer(zero="")), dict(word=True)),
    D("meta_box_text", "html", dict(seed=311, template="2021", year=2023, org="沭阳县发展和改革局", scale=120),
      dict(meta_box="text", body_title=False, page_title="沭阳县人民政府")),
    D("meta_box_table", "html", dict(seed=312, template="2021", year=2023, org="沭阳县财政局", scale=110),
      dict(meta_box="table", body_title=False, page_title="沭阳县人民政府")),
    D("meta_box_table_print", "chromium", dict(seed=313, template="2021", year=2023, org="沭阳县商务局", scale=100),
      dict(meta_box="table", body_title=False, page_title="沭阳县人民政府")),
    D("meta_box_text_print", "chromium", dict(seed=314, template="2021", year=2024, org="沭阳县水利局", scale=140),
      dict(meta_box="text", body_title=False, page_title="沭阳县人民政府")),
    D("review_split_html", "html", dict(seed=321, template="2021", year=2023, org="宿豫区司法局", scale=120,
                                         review_scale=6), dict(split_review=True)),
    D("review_split_print", "chromium", dict(seed=322, template="2021", year=2024, org="宿豫区自然资源局", scale=120,
                                             review_scale=6), dict(split_review=True)),
    D("text_stray_value", "text", dict(seed=331, template="2021", year=2023, org="泗洪县民政局", scale=150),
      dict(wrap4=("other_overdue_correction",)), diagnostics=["table.stray_value"]),
    D("text_stray_value_top", "text", dict(seed=332, template="2021", year=2024, org="泗洪县司法局", scale=150),
      dict(wrap4=("partially_granted", "other_overdue_fee"), values_first=True), diagnostics=["table.stray_value"]),
    D("rl_wrap_number_orphan_header", "reportlab", dict(seed=343, template="2021", year=2023, org="泗阳县公安局", scale=700,
                                                         force_nonzero=[("granted", c) for c in ("natural_person", "commercial")]),
      dict(num_widths=[19, 19, 19, 19, 19, 19, 19], app_label_widths=(26, 74, 190), breakall_numbers=True, table_size=8.5,
           num_size=10, orphan_header=True, split_after_header=True)),
    # Issue 10 kind 6: the title's year in a Type 3 font whose glyph boxes are much taller or
    # shorter than the line's other glyphs (FontBBox; FontMatrix scaled with the text size
    # scaled back, so the digits look the same); the title over two lines, the year on the
    # first; the PDF's own Title entry empty.
    D("rl_type3_title_tall", "reportlab", dict(seed=351, template="2021", year=2023, org="泗洪县交通运输局", scale=120),
      dict(type3_digits=dict(bbox=[0, -1800, 550, 2600]), title_split=True, pdf_title="")),
    D("rl_type3_title_short", "reportlab", dict(seed=352, template="2021", year=2023, org="泗阳县文化广电和旅游局", scale=120),
      dict(type3_digits=dict(bbox=[0, 0, 550, 150], scale=4), title_split=True, pdf_title="")),
    D("rl_type3_title_low", "reportlab", dict(seed=353, template="2021", year=2024, org="宿豫区市场监督管理局", scale=120),
      dict(type3_digits=dict(bbox=[0, -2400, 550, -900], scale=0.4), title_split=True, pdf_title="")),
    D("web_wrap_tall_lines_print", "chromium", dict(seed=345, template="2021", year=2023, org="泗洪县公安局", scale=2600),
      dict(max_width=560, table_font=13, label_widths=(24, 44, 90), num_w=22,
           css="table.t{table-layout:fixed;line-height:2.2} table.t td{word-break:break-all}")),
    # Kind 1 as LibreOffice prints it: a Word-made page (5.4 pt cell paddings, narrow value
    # cells), numbers wrapped in their ruled cells (217 as 21 over 7, some over three lines),
    # rows cut by page breaks between the lines of their numbers, the table over four pages.
    D("lo_word_wrap_pages", "lo_html", dict(seed=900, template="2021", year=2023, org="泗阳县住房和城乡建设局", scale=300),
      dict(word=True, word_num_w=30, word_font=14)),
    D("lo_word_wrap_cut_rows", "lo_html", dict(seed=901, template="2021", year=2023, org="泗阳县自然资源和规划局", scale=700),
      dict(word=True, word_num_w=26, word_font=14)),
    D("lo_word_wrap_sliver_cut", "lo_html", dict(seed=902, template="2021", year=2023, org="泗阳县城市管理局", scale=2000),
      dict(word=True, word_num_w=30, word_font=16)),
    D("lo_word_wrap_thousands", "lo_html", dict(seed=905, template="2021", year=2023, org="泗阳县人力资源和社会保障局", scale=5000),
      dict(word=True, word_num_w=28, word_font=14)),
    # Found by sweeping LibreOffice prints (main read them wrong, this branch right): a plain
    # ruled web page whose last total wraps (1961), the review row's 10 wrapped in a Word cell,
    # a 2019-format Word page with wrapped values.
    D("lo_web_ruled_wrapped_total", "lo_html", dict(seed=1008, template="2021", year=2024, org="宿迁市宿城区住房保障中心", scale=1200),
      dict(max_width=560, table_font=12, extra_paras=16, table_attr='border="1" cellspacing="0" cellpadding="2"')),
    D("lo_word_review_wrapped", "lo_html", dict(seed=1202, template="2021", year=2023, org="泗阳县民政局", scale=300,
                                                zero_rows=["denied_security_stability", "denied_state_secret", "other_overdue_fee"]),
      dict(word=True, word_num_w=44, word_font=14, extra_paras=2)),
    D("lo_word_wrap_2019", "lo_html", dict(seed=1301, template="2019", year=2021, org="宿迁市宿城区农业农村局", scale=300),
      dict(word=True, word_num_w=30, word_font=14, extra_paras=3)),
    D("lo_web_zeros_pages", "lo_html", dict(seed=342, template="2021", year=2024, org="泗阳县教育局", scale=100),
      dict(table_font=14)),
    D("lo_web_ruled_pages", "lo_html", dict(seed=344, template="2021", year=2023, org="泗阳县住房和城乡建设局", scale=300),
      dict(table_font=14, table_attr='border="1" cellspacing="0" cellpadding="2"')),
    # Found by sweeping LibreOffice prints with the applications header at the foot of a page
    # (Scripts/stress/lo_sweep.py orphan_left): a Word page whose header and first two rows
    # end page 3, and whose （七）总计 row ends page 5 with its total 381 cut between the
    # lines of the number (38 at the foot, 1 alone at the top of page 6, where it looked like
    # a page number).
    D("lo_word_orphan_header_cut_total", "lo_html", dict(seed=1508, template="2021", year=2024, org="泗阳县公安局", scale=300,
                                                         zero_rows=["denied_security_stability"]),
      dict(word=True, word_num_w=26, word_font=14), diagnostics=["table.row_split_by_page"]),
    # Kind 5 found (Scripts/stress/break_sweep.py + type3_values.py): the table's numbers in a
    # font whose glyph boxes are four times the line's height (a Type 3 font, boxes from its
    # FontBBox); a 0 in the first column, after a label that nearly fills its cell, was taken
    # into the label's word (the gap measured in the tall box's height) and read as blank.
    D("lo_web_type3_zero_after_label", "lo_html", dict(seed=2000, template="2021", year=2023, org="泗阳县公安局", scale=40,
                                                       zero_rows=["denied_security_stability", "denied_state_secret", "denied_query_matters"],
                                                       printer=Printer(zero="", zero_rows=["denied_security_stability"],
                                                                       special={("applications", "denied_security_stability", "natural_person"): ("0", 0)})),
      dict(table_font=14, head_tag="tbody", num_w=40, label_widths=(24, 50, 90), type3_values="tall",
           table_attr='border="1" cellspacing="0" cellpadding="2"')),
    # The same page with the numbers in Type 3 fonts whose boxes are much shorter than the
    # glyphs (`short`: a box half an em high from the baseline down) or far below them (`low`:
    # three ems from just under the cap height down): a value centred between the two lines of
    # a wrapped label (行政规范性文 / 件) seemed to sit on the second line only, and the row was
    # lost; low boxes reached into the next row (found by type3_values.py short|low; the low
    # page with the table 8 pt lower).
    *[D(f"lo_web_type3_{box}_wrapped_label", "lo_html", dict(seed=2000, template="2021", year=2023, org="泗阳县公安局", scale=40,
                                                             zero_rows=["denied_security_stability", "denied_state_secret", "denied_query_matters"],
                                                             printer=Printer(zero="", zero_rows=["denied_security_stability"],
                                                                             special={("applications", "denied_security_stability", "natural_person"): ("0", 0)})),
        dict(table_font=14, head_tag="tbody", num_w=40, label_widths=(24, 50, 90), type3_values=box, spacer_pt=spacer,
             table_attr='border="1" cellspacing="0" cellpadding="2"')) for box, spacer in (("short", 0.0), ("low", 8.0))],
    # The same page with its numbers in Helvetica (no ToUnicode, standard encoding): their
    # boxes are shorter than the labels' ideographs, and the value centred between the lines
    # of a wrapped label (行政规范性文 / 件) reached neither line; the row was lost (wild.py helv).
    D("lo_web_latin_values_wrapped_label", "lo_html", dict(seed=2000, template="2021", year=2023, org="泗阳县公安局", scale=40,
                                                           zero_rows=["denied_security_stability", "denied_state_secret", "denied_query_matters"],
                                                           printer=Printer(zero="", zero_rows=["denied_security_stability"],
                                                                           special={("applications", "denied_security_stability", "natural_person"): ("0", 0)})),
      dict(table_font=14, head_tag="tbody", num_w=40, label_widths=(24, 50, 90), latin_values=True,
           table_attr='border="1" cellspacing="0" cellpadding="2"')),
    # Kind 5 as the issue tells it: the header and two rows end a page, and the next page opens
    # with a row that prints one 0, for natural persons, and leaves its other zeros blank.
    D("lo_web_orphan_header_lone_zero", "lo_html", dict(seed=1601, template="2021", year=2023, org="泗阳县公安局", scale=90,
                                                        zero_rows=["granted"],
                                                        printer=Printer(zero="", zero_rows=["granted"],
                                                                        special={("applications", "granted", "natural_person"): ("0", 0)})),
      dict(table_font=14, head_tag="tbody", num_w=40, label_widths=(24, 60, 120), spacer_pt=75.0,
           table_attr='border="1" cellspacing="0" cellpadding="2"')),
]


def truth(r, d):
    t = dict(r.truth)
    t["expected_diagnostics"] = d["diagnostics"]
    t["variant"] = {"set": "real-kinds", "kind": d["kind"], "opts": {k: v for k, v in d["opts"].items() if isinstance(v, (str, bool, int, list, tuple))}}
    return t


def chromium(html_path, pdf):
    url = "file://" + html_path
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", url], check=True, capture_output=True, timeout=180)


def libreoffice(html_path, pdf):
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf:writer_web_pdf_Export", "--outdir", TMP, html_path],
                   check=True, capture_output=True, timeout=180)
    shutil.move(os.path.join(TMP, os.path.splitext(os.path.basename(html_path))[0] + ".pdf"), pdf)


def build(d):
    if os.environ.get("RESEED"):
        # Another draw of the same kinds (a sweep on fresh seeds, not the repository's fixtures).
        d = dict(d, spec=dict(d["spec"], seed=d["spec"]["seed"] + int(os.environ["RESEED"])))
    r = make_report(d["spec"])
    name = d["name"]
    if d["kind"] == "reportlab":
        import rl
        out = os.path.join(OUT, name + ".pdf")
        opts = dict(d["opts"])
        if opts.get("title_split"):
            # The title over two lines, the first ending at the year's 年.
            k = r.title.index("年") + 1
            opts["title_lines"] = [r.title[:k], r.title[k:]]
        rl.render(r, opts, out)
    elif d["kind"] == "text":
        out = os.path.join(OUT, name + ".txt")
        with open(out, "w", encoding="utf-8") as f:
            f.write(text_report(r, d["opts"]))
    else:
        html = page(r, d["opts"])
        if d["kind"] == "html":
            out = os.path.join(OUT, name + ".html")
            with open(out, "w", encoding="utf-8") as f:
                f.write(html)
        else:
            src = os.path.join(TMP, name + ".html")
            with open(src, "w", encoding="utf-8") as f:
                f.write(html)
            out = os.path.join(OUT, name + ".pdf")
            (chromium if d["kind"] == "chromium" else libreoffice)(src, out)
            if d["opts"].get("type3_values"):
                # The table's numbers redrawn in a Type 3 font (type3_values.py).
                import type3_values
                tmp = os.path.join(TMP, name + ".t3.pdf")
                type3_values.redraw(out, tmp, type3_values.FONTS[d["opts"]["type3_values"]], False)
                shutil.move(tmp, out)
            if d["opts"].get("latin_values"):
                # The table's numbers redrawn in Helvetica (wild.py helv): boxes shorter than
                # the labels' ideographs.
                import pymupdf, wild
                doc = wild.redraw_numbers(pymupdf.open(out), "helv")
                tmp = os.path.join(TMP, name + ".helv.pdf")
                doc.save(tmp, garbage=1, deflate=True)
                shutil.move(tmp, out)
    with open(os.path.join(OUT, name + ".numbers.json"), "w", encoding="utf-8") as f:
        json.dump(truth(r, d), f, ensure_ascii=False, indent=1)
        f.write("\n")
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    os.makedirs(TMP, exist_ok=True)
    want = sys.argv[1:]
    for d in DOCS:
        if want and not any(w in d["name"] for w in want):
            continue
        print(os.path.relpath(build(d), ROOT))


if __name__ == "__main__":
    main()
