#!/usr/bin/env python3
# Generates the sample reports in Samples/ (PDF + NAME.numbers.json truth).
#
# Needs (install once):
#   apt-get update && apt-get install -y fonts-wqy-zenhei poppler-utils
#   pip install reportlab            # made with reportlab 4.x/5.x; any version works,
#                                    # but byte-identical output needs the same one
#
# Usage:
#   python3 Scripts/make-samples.py [OUT_DIR]      # default: Samples/ beside Scripts/
#
# Output is deterministic: a fixed random seed per sample, reportlab's
# `invariant=1` (fixed creation date and document id), and a fixed font.
# Each PDF embeds a subset of WenQuanYi Zen Hei (a TrueType font, so poppler
# extracts real Unicode text through the ToUnicode map).
#
# The truth files have the shape of shared/corpus/*/NAME.truth.json:
#   report {title, organization, year, template}, active_disclosure,
#   applications, review_litigation, expected_findings.
# A cell printed blank or as a placeholder ("/") is null in the truth.

import json
import os
import random
import re
import sys

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
]
FONT = "CJK"


def register_font():
    for path in FONT_CANDIDATES:
        if os.path.exists(path):
            pdfmetrics.registerFont(TTFont(FONT, path, subfontIndex=0))
            return path
    sys.exit("no CJK TrueType font found: apt-get install -y fonts-wqy-zenhei")


# ---------------------------------------------------------------------------
# Text measuring and wrapping
# ---------------------------------------------------------------------------

# Characters that must not start a line (they hang at the end of the previous one).
NO_LINE_START = set("，。、；：？！）》」』”’%,.;:!?)]}")
ASCII_RUN = re.compile(r"[A-Za-z0-9.,%/\-]+|.", re.S)


def sw(text, size):
    return pdfmetrics.stringWidth(text, FONT, size)


def wrap(text, size, width, first_width=None):
    """Greedy line breaking: CJK breaks anywhere, ASCII runs stay whole,
    closing punctuation hangs.  '\n' forces a break."""
    lines = []
    for para in text.split("\n"):
        cur = ""
        limit = first_width if (first_width is not None and not lines) else width
        for tok in ASCII_RUN.findall(para):
            if cur == "" or sw(cur + tok, size) <= limit + 0.01 or tok in NO_LINE_START:
                cur += tok
            else:
                lines.append(cur)
                cur = tok.lstrip() if tok.strip() else ""
                limit = width
        lines.append(cur)
    return lines


# ---------------------------------------------------------------------------
# A tiny flowing-layout engine on top of reportlab's canvas
# ---------------------------------------------------------------------------

PAGE_W, PAGE_H = A4
MARGIN_L = MARGIN_R = 72
MARGIN_T = 72
MARGIN_B = 78
TEXT_W = PAGE_W - MARGIN_L - MARGIN_R


class Cell:
    def __init__(self, r, c, text, rs=1, cs=1, align="c", size=9, bold=False, fill=None, stacked=False):
        self.r, self.c, self.rs, self.cs = r, c, rs, cs
        self.text, self.align, self.size, self.bold = text, align, size, bold
        self.fill, self.stacked = fill, stacked


class Table:
    def __init__(self, widths, borders=True, pad=3, min_row_h=16, leading=1.3, header_rows=0):
        self.widths = widths
        self.borders = borders
        self.pad = pad
        self.min_row_h = min_row_h
        self.leading = leading
        self.cells = []
        self.header_rows = header_rows  # rows that must stay with the next one
        self.n_rows = 0
        self.row_min = {}

    def add(self, *a, **k):
        cell = Cell(*a, **k)
        self.cells.append(cell)
        self.n_rows = max(self.n_rows, cell.r + cell.rs)
        return cell

    def cell_width(self, cell):
        return sum(self.widths[cell.c:cell.c + cell.cs])

    def cell_lines(self, cell):
        if cell.stacked:
            return [ch for ch in cell.text if not ch.isspace()]
        return wrap(cell.text, cell.size, self.cell_width(cell) - 2 * self.pad)

    def row_heights(self):
        h = [float(self.row_min.get(r, self.min_row_h)) for r in range(self.n_rows)]
        for cell in sorted(self.cells, key=lambda c: c.rs):
            n = len(self.cell_lines(cell))
            need = n * cell.size * self.leading + 2 * self.pad
            have = sum(h[cell.r:cell.r + cell.rs])
            if need > have:
                extra = (need - have) / cell.rs
                for r in range(cell.r, cell.r + cell.rs):
                    h[r] += extra
        return h


class Doc:
    def __init__(self, path, page_number_fmt, title_meta, body_size=14, body_leading=25):
        self.c = canvas.Canvas(path, pagesize=A4, invariant=1, pageCompression=1,
                               initialFontName=FONT, initialFontSize=12)
        self.c.setTitle(title_meta)
        self.c.setAuthor("")
        self.c.setCreator("govreport Scripts/make-samples.py")
        self.page_number_fmt = page_number_fmt
        self.page = 1
        self.y = PAGE_H - MARGIN_T
        self.body_size = body_size
        self.body_leading = body_leading
        self.events = []  # (kind, detail, page) — used to assert the wanted quirks happened

    # -- page furniture ----------------------------------------------------
    def footer(self):
        label = self.page_number_fmt.format(n=self.page)
        self.text(label, PAGE_W / 2 - sw(label, 10.5) / 2, 42, 10.5)

    def new_page(self):
        self.footer()
        self.c.showPage()
        self.page += 1
        self.y = PAGE_H - MARGIN_T

    def ensure(self, h):
        if self.y - h < MARGIN_B:
            self.new_page()

    def finish(self):
        self.footer()
        self.c.save()

    # -- text ----------------------------------------------------------------
    def text(self, s, x, y, size, bold=False):
        t = self.c.beginText()
        t.setTextOrigin(x, y)
        t.setFont(FONT, size)
        if bold:
            self.c.setLineWidth(size * 0.035)
            t.setTextRenderMode(2)  # fill + stroke: a "fake bold" that still extracts as text
        t.textOut(s)
        if bold:
            t.setTextRenderMode(0)
        self.c.drawText(t)

    def space(self, h):
        self.y -= h

    def title(self, lines, size=20):
        self.y -= 8
        for ln in lines:
            self.y -= size * 1.5
            self.text(ln, PAGE_W / 2 - sw(ln, size) / 2, self.y, size, bold=True)
        self.y -= size * 0.9

    def paragraph(self, s, indent=2, size=None, bold=False, align="left"):
        size = size or self.body_size
        lead = self.body_leading * size / self.body_size
        first = TEXT_W - indent * size
        lines = wrap(s, size, TEXT_W, first_width=first)
        for i, ln in enumerate(lines):
            self.ensure(lead)
            self.y -= lead
            x = MARGIN_L + (indent * size if i == 0 else 0)
            if align == "right":
                x = PAGE_W - MARGIN_R - sw(ln, size)
            elif align == "center":
                x = PAGE_W / 2 - sw(ln, size) / 2
            self.text(ln, x, self.y + (lead - size) / 2 - size * 0.05, size, bold=bold)

    def heading(self, s, keep=80, size=None):
        size = size or self.body_size
        self.ensure(self.body_leading + keep)
        self.paragraph(s, indent=2, size=size, bold=True)

    # -- tables --------------------------------------------------------------
    def table(self, tb, name, x0=None):
        heights = tb.row_heights()
        x0 = MARGIN_L + (TEXT_W - sum(tb.widths)) / 2 if x0 is None else x0
        xs = [x0]
        for w in tb.widths:
            xs.append(xs[-1] + w)
        # Split the rows into page fragments [a, b); no repeated header rows
        # on the next page (as in most published reports).
        frags, start, y = [], 0, self.y
        r = 0
        if self.y - sum(heights[:tb.header_rows + 1]) < MARGIN_B:
            self.new_page()
            y = self.y
        while r < tb.n_rows:
            if y - heights[r] < MARGIN_B and r > start:
                frags.append((start, r))
                start = r
                y = PAGE_H - MARGIN_T
            y -= heights[r]
            r += 1
        frags.append((start, tb.n_rows))
        # Draw each fragment on its own page.
        for i, (a, b) in enumerate(frags):
            if i > 0:
                self.new_page()
                self.events.append(("table_split", name, self.page, a))
            top = self.y
            tops = {}
            yy = top
            for rr in range(a, b):
                tops[rr] = yy
                yy -= heights[rr]
            tops[b] = yy
            self._draw_fragment(tb, a, b, tops, xs, heights, frags)
            self.y = yy
        self.events.append(("table", name, self.page, len(frags)))
        return frags

    def _draw_fragment(self, tb, a, b, tops, xs, heights, frags):
        c = self.c
        c.setLineWidth(0.6)
        for cell in tb.cells:
            r0, r1 = cell.r, cell.r + cell.rs
            if r1 <= a or r0 >= b:
                continue
            fa, fb = max(r0, a), min(r1, b)
            x, w = xs[cell.c], tb.cell_width(cell)
            ytop, ybot = tops[fa], tops[fb]
            if cell.fill:
                c.setFillGray(cell.fill)
                c.rect(x, ybot, w, ytop - ybot, stroke=0, fill=1)
                c.setFillGray(0)
            if tb.borders:
                c.setLineWidth(0.6)
                c.rect(x, ybot, w, ytop - ybot, stroke=1, fill=0)
            # A merged cell cut by a page break prints its text once, in its
            # tallest fragment (what Word and WPS do with a centred cell).
            if not self._text_here(cell, a, b, frags, heights):
                continue
            lines = tb.cell_lines(cell)
            lead = cell.size * tb.leading
            block = len(lines) * lead
            y = ytop - ((ytop - ybot) - block) / 2
            for ln in lines:
                y -= lead
                base = y + (lead - cell.size) / 2 + cell.size * 0.12
                if cell.align == "l":
                    tx = x + tb.pad
                elif cell.align == "r":
                    tx = x + w - tb.pad - sw(ln, cell.size)
                else:
                    tx = x + (w - sw(ln, cell.size)) / 2
                self.text(ln, tx, base, cell.size, bold=cell.bold)

    @staticmethod
    def _text_here(cell, a, b, frags, heights):
        best, best_h = None, -1
        for fa0, fb0 in frags:
            fa, fb = max(cell.r, fa0), min(cell.r + cell.rs, fb0)
            if fa >= fb:
                continue
            h = sum(heights[fa:fb])
            if h > best_h + 0.01:
                best, best_h = fa0, h
        return best == a


# ---------------------------------------------------------------------------
# Report model: keys and labels (shared/spec/canonical-json.md)
# ---------------------------------------------------------------------------

COLS = ["natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org"]
ALL_COLS = COLS + ["total"]

# (key, group label or None, item label); item labels carry a "{n}" for the
# sample's numbering style ("1." or "1、").
RESULT_ROWS = [
    ("granted", None, "（一）予以公开"),
    ("partially_granted", None, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("denied_state_secret", "（三）不予公开", "1{d}属于国家秘密"),
    ("denied_prohibited_by_law", "（三）不予公开", "2{d}其他法律行政法规禁止公开"),
    ("denied_security_stability", "（三）不予公开", "3{d}危及“三安全一稳定”"),
    ("denied_third_party_rights", "（三）不予公开", "4{d}保护第三方合法权益"),
    ("denied_internal_affairs", "（三）不予公开", "5{d}属于三类内部事务信息"),
    ("denied_process_info", "（三）不予公开", "6{d}属于四类过程性信息"),
    ("denied_enforcement_files", "（三）不予公开", "7{d}属于行政执法案卷"),
    ("denied_query_matters", "（三）不予公开", "8{d}属于行政查询事项"),
    ("unable_not_held", "（四）无法提供", "1{d}本机关不掌握相关政府信息"),
    ("unable_needs_creation", "（四）无法提供", "2{d}没有现成信息需要另行制作"),
    ("unable_unclear", "（四）无法提供", "3{d}补正后申请内容仍不明确"),
    ("rejected_petition", "（五）不予处理", "1{d}信访举报投诉类申请"),
    ("rejected_duplicate", "（五）不予处理", "2{d}重复申请"),
    ("rejected_publication", "（五）不予处理", "3{d}要求提供公开出版物"),
    ("rejected_excessive", "（五）不予处理", "4{d}无正当理由大量反复申请"),
    ("rejected_confirmation", "（五）不予处理", "5{d}要求行政机关确认或重新出具已获取信息"),
]
OTHER_SUB_ROWS = [
    ("other_overdue_correction", "（六）其他处理", "1{d}申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other_overdue_fee", "（六）其他处理", "2{d}申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other_misc", "（六）其他处理", "3{d}其他"),
]
OTHER_ONE_ROW = [("other_processing", None, "（六）其他处理")]
TOTAL_ROW = [("total_processed", None, "（七）总计")]


def result_rows(other_one_row):
    return RESULT_ROWS + (OTHER_ONE_ROW if other_one_row else OTHER_SUB_ROWS) + TOTAL_ROW


def all_app_keys(other_one_row):
    return ["new_received", "carried_over"] + [k for k, _, _ in result_rows(other_one_row)] + ["carried_forward"]


# Per-row likelihood that a column has a non-zero count, and its rough size.
ROW_WEIGHT = {
    "granted": (0.95, 0.45), "partially_granted": (0.7, 0.12), "denied_state_secret": (0.05, 0.01),
    "denied_prohibited_by_law": (0.15, 0.02), "denied_security_stability": (0.1, 0.01),
    "denied_third_party_rights": (0.25, 0.03), "denied_internal_affairs": (0.2, 0.02),
    "denied_process_info": (0.3, 0.03), "denied_enforcement_files": (0.15, 0.02),
    "denied_query_matters": (0.2, 0.03), "unable_not_held": (0.8, 0.18),
    "unable_needs_creation": (0.35, 0.04), "unable_unclear": (0.2, 0.02),
    "rejected_petition": (0.4, 0.05), "rejected_duplicate": (0.3, 0.03),
    "rejected_publication": (0.1, 0.01), "rejected_excessive": (0.1, 0.02),
    "rejected_confirmation": (0.15, 0.02), "other_overdue_correction": (0.3, 0.03),
    "other_overdue_fee": (0.05, 0.01), "other_misc": (0.3, 0.03), "other_processing": (0.5, 0.06),
}


def gen_applications(rng, other_one_row, scale, col_activity):
    """Internally consistent counts: row totals, (七)总计 and the 勾稽关系 hold."""
    rows = {k: {} for k in all_app_keys(other_one_row)}
    res_keys = [k for k, _, _ in result_rows(other_one_row) if k != "total_processed"]
    for col, act in zip(COLS, col_activity):
        n = int(scale * act)
        for k in res_keys:
            p, frac = ROW_WEIGHT[k]
            v = 0
            if n > 0 and rng.random() < p:
                v = max(1, int(round(n * frac * rng.uniform(0.5, 1.5))))
            rows[k][col] = v
        tp = sum(rows[k][col] for k in res_keys)
        cf = rng.randint(0, max(0, tp // 12)) if tp else 0
        co = rng.randint(0, max(0, tp // 15)) if tp else 0
        rows["total_processed"][col] = tp
        rows["carried_forward"][col] = cf
        rows["carried_over"][col] = co
        rows["new_received"][col] = tp + cf - co
    for k in rows:
        rows[k]["total"] = sum(rows[k][c] for c in COLS)
    return rows


def gen_review(rng, scale):
    out = {}
    for g, s in (("review", scale), ("litigation_direct", scale // 2), ("litigation_after_review", scale // 3)):
        vals = [rng.randint(0, s) if rng.random() < 0.7 else 0 for _ in range(4)]
        out[g] = dict(zip(["upheld", "corrected", "other", "pending"], vals))
        out[g]["total"] = sum(vals)
    return out


FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def fmt_int(v, sep=False, full=False):
    s = f"{v:,}" if sep else str(v)
    return s.translate(FULLWIDTH) if full else s


# ---------------------------------------------------------------------------
# Table builders
# ---------------------------------------------------------------------------

def applications_table(s, shown):
    """shown[row][col] -> printed string.  Layout per the national format:
    three label columns (三、本年度办理结果 | group | item) + 7 number columns."""
    d = s["num_delim"]
    fs = s["table_size"]
    w0, w1, w2 = s["app_label_widths"]
    nw = (TEXT_W - w0 - w1 - w2 - s.get("app_width_trim", 0)) / 7.0
    tb = Table([w0, w1, w2] + [nw] * 7, borders=s["borders"], header_rows=3, min_row_h=s.get("app_row_h", 16))
    hdr_fill = s.get("header_fill")
    tb.add(0, 0, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rs=3, cs=3, size=fs,
           fill=hdr_fill)
    tb.add(0, 3, "申请人情况", cs=7, size=fs, bold=True, fill=hdr_fill)
    tb.add(1, 3, "自然人", rs=2, size=fs, fill=hdr_fill)
    tb.add(1, 4, "法人或其他组织", cs=5, size=fs, fill=hdr_fill)
    tb.add(1, 9, "总计", rs=2, size=fs, fill=hdr_fill)
    for i, lab in enumerate(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]):
        tb.add(2, 4 + i, lab, size=fs, fill=hdr_fill)
    r = 3
    labels = s.get("label_override", {})

    def numbers(row, key):
        for j, col in enumerate(ALL_COLS):
            tb.add(row, 3 + j, shown[key][col], size=fs + 1, align=s.get("num_align", "c"))

    tb.add(r, 0, "一、本年新收政府信息公开申请数量", cs=3, size=fs, align="l"); numbers(r, "new_received"); r += 1
    tb.add(r, 0, "二、上年结转政府信息公开申请数量", cs=3, size=fs, align="l"); numbers(r, "carried_over"); r += 1
    rows = result_rows(s["other_one_row"])
    top = r
    groups = {}
    for key, group, item in rows:
        label = labels.get(key, item.format(d=d))
        if group is None:
            tb.add(r, 1, label, cs=2, size=fs, align="l")
        else:
            groups.setdefault(group, [r, 0])[1] += 1
            tb.add(r, 2, label, size=fs, align="l")
        numbers(r, key)
        r += 1
    for g, (gr, n) in groups.items():
        tb.add(gr, 1, g, rs=n, size=fs, align=s.get("group_align", "c"))
    tb.add(top, 0, s.get("vcell_text", "三、本年度办理结果"), rs=r - top, size=fs,
           stacked=s.get("vcell_stacked", False), bold=s.get("vcell_bold", False))
    tb.add(r, 0, "四、结转下年度继续办理", cs=3, size=fs, align="l"); numbers(r, "carried_forward"); r += 1
    return tb


def review_table(s, shown):
    fs = s["table_size"]
    w = TEXT_W / 15.0
    tb = Table([w] * 15, borders=s["borders"], header_rows=3, min_row_h=18)
    hf = s.get("header_fill")
    tb.add(0, 0, "行政复议", cs=5, size=fs, fill=hf)
    tb.add(0, 5, "行政诉讼", cs=10, size=fs, fill=hf)
    heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    for i, h in enumerate(heads):
        tb.add(1, i, h, rs=2, size=fs, fill=hf)
    tb.add(1, 5, "未经复议直接起诉", cs=5, size=fs, fill=hf)
    tb.add(1, 10, "复议后起诉", cs=5, size=fs, fill=hf)
    for i, h in enumerate(heads * 2):
        tb.add(2, 5 + i, h, size=fs, fill=hf)
    keys = ["upheld", "corrected", "other", "pending", "total"]
    j = 0
    for g in ("review", "litigation_direct", "litigation_after_review"):
        for k in keys:
            tb.add(3, j, shown[g][k], size=fs + 1)
            j += 1
    tb.row_min[3] = 24
    return tb


def active_table_2021(s, shown):
    fs = s["table_size"] + 0.5
    w = [TEXT_W * 0.31] + [TEXT_W * 0.23] * 3
    tb = Table(w, borders=s["borders"], min_row_h=s.get("active_row_h", 20))
    sf = s.get("section_fill")
    r = 0

    def section(title):
        nonlocal r
        tb.add(r, 0, title, cs=4, size=fs, fill=sf, bold=s.get("section_bold", False)); r += 1

    section("第二十条第（一）项")
    for i, h in enumerate(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]):
        tb.add(r, i, h, size=fs, bold=True)
    r += 1
    for key, lab in (("regulations", "规章"), ("normative_documents", "行政规范性文件")):
        tb.add(r, 0, lab, size=fs, align="l")
        for i, f in enumerate(("issued", "repealed", "in_force")):
            tb.add(r, 1 + i, shown[key][f], size=fs)
        r += 1
    for title, items in (("第二十条第（五）项", [("licensing", "行政许可")]),
                         ("第二十条第（六）项", [("penalty", "行政处罚"), ("coercion", "行政强制")])):
        section(title)
        tb.add(r, 0, "信息内容", size=fs, bold=True)
        tb.add(r, 1, "本年处理决定数量", cs=3, size=fs, bold=True)
        r += 1
        for key, lab in items:
            tb.add(r, 0, lab, size=fs, align="l")
            tb.add(r, 1, shown[key]["decisions"], cs=3, size=fs)
            r += 1
    section("第二十条第（八）项")
    tb.add(r, 0, "信息内容", size=fs, bold=True)
    tb.add(r, 1, "本年收费金额（单位：万元）", cs=3, size=fs, bold=True)
    r += 1
    tb.add(r, 0, "行政事业性收费", size=fs, align="l")
    tb.add(r, 1, shown["fees"]["amount"], cs=3, size=fs)
    return tb


def active_table_2019(s, shown, unit):
    fs = s["table_size"] + 0.5
    w = [TEXT_W * 0.31] + [TEXT_W * 0.23] * 3
    tb = Table(w, borders=s["borders"], min_row_h=19)
    sf = s.get("section_fill")
    r = 0

    def section(title):
        nonlocal r
        tb.add(r, 0, title, cs=4, size=fs, fill=sf); r += 1

    def head(cols, spans=None):
        nonlocal r
        tb.add(r, 0, "信息内容", size=fs, bold=True)
        c = 1
        for i, h in enumerate(cols):
            span = (spans or [1] * len(cols))[i]
            tb.add(r, c, h, cs=span, size=fs, bold=True)
            c += span
        r += 1

    def line(lab, vals, spans=None):
        nonlocal r
        tb.add(r, 0, lab, size=fs, align="l")
        c = 1
        for i, v in enumerate(vals):
            span = (spans or [1] * len(vals))[i]
            tb.add(r, c, v, cs=span, size=fs)
            c += span
        r += 1

    section("第二十条第（一）项")
    head(["本年新制作数量", "本年新公开数量", "对外公开总数量"])
    for key, lab in (("regulations", "规章"), ("normative_documents", "规范性文件")):
        line(lab, [shown[key][f] for f in ("new_made", "new_published", "total_published")])
    section("第二十条第（五）项")
    head(["上一年项目数量", "本年增/减", "处理决定数量"])
    for key, lab in (("licensing", "行政许可"), ("other_services", "其他对外管理服务事项")):
        line(lab, [shown[key][f] for f in ("previous_items", "change", "decisions")])
    section("第二十条第（六）项")
    head(["上一年项目数量", "本年增/减", "处理决定数量"])
    for key, lab in (("penalty", "行政处罚"), ("coercion", "行政强制")):
        line(lab, [shown[key][f] for f in ("previous_items", "change", "decisions")])
    section("第二十条第（八）项")
    head(["上一年项目数量", "本年增/减"], spans=[1, 2])
    line("行政事业性收费", [shown["fees"]["previous_items"], shown["fees"]["change"]], spans=[1, 2])
    section("第二十条第（九）项")
    head(["采购项目数量", f"采购总金额（{unit}）"], spans=[1, 2])
    line("政府集中采购", [shown["procurement"]["items"], shown["procurement"]["amount"]], spans=[1, 2])
    return tb


# ---------------------------------------------------------------------------
# Prose
# ---------------------------------------------------------------------------

def prose(s, apps, rng):
    org, year = s["org"], s["year"]
    doc_no = "国办公开办函〔2021〕30号" if s["template"] == "2021" else "国办公开办函〔2019〕60号"
    nr, co = apps["new_received"]["total"], apps["carried_over"]["total"]
    tp, cf = apps["total_processed"]["total"], apps["carried_forward"]["total"]
    granted = apps["granted"]["total"] + apps["partially_granted"]["total"]
    pub = rng.randint(900, 4800)
    docs = rng.randint(12, 90)
    interp = rng.randint(5, 40)
    p = {}
    p["preface"] = [
        f"本报告由{org}办公室根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（{doc_no}）要求编制。"
        f"报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。如对本报告有疑问，请与{org}办公室联系（地址：{s['address']}，电话：{s['phone']}）。",
    ]
    p["overview"] = [
        f"{year}年，{org}坚持以人民为中心的发展思想，认真贯彻落实《条例》和上级关于政务公开工作的部署要求，"
        f"紧紧围绕中心工作，以公开促落实、以公开强监管、以公开优服务，政府信息公开工作取得新成效。",
        f"（一）主动公开情况。全年通过门户网站、政务新媒体等渠道主动公开各类政府信息{pub}条，其中政策文件{docs}件，"
        f"政策解读{interp}篇。围绕财政预决算、重大建设项目、公共资源配置等重点领域，细化公开内容，做到应公开尽公开。",
        f"（二）依申请公开情况。全年共收到政府信息公开申请{nr}件，上年结转{co}件，共办结{tp}件，"
        f"其中予以公开和部分公开{granted}件，结转下年度继续办理{cf}件。严格执行登记、审核、答复等程序，所有申请均在法定期限内答复。",
        "（三）政府信息管理情况。严格落实公文公开属性源头认定机制，拟文时同步明确公开属性；"
        "健全信息发布审核制度，坚持“先审后发、三审三校”，全年未发生泄密和错发情况。",
        "（四）政府信息公开平台建设情况。持续优化门户网站政府信息公开专栏，规范栏目设置，及时更新法定主动公开内容；"
        "加强政务新媒体管理，做到信息同步发布、及时回应关切。",
        "（五）政府信息公开监督保障情况。调整充实政务公开工作领导小组，明确专人负责，将政务公开纳入年度目标考核，"
        "组织开展业务培训2次，全年未发生因政府信息公开工作被追究责任的情况。",
    ]
    p["problems"] = [
        f"{year}年，我单位政府信息公开工作取得了一定成效，但仍存在一些不足：一是部分栏目更新不够及时，公开内容的深度和广度有待拓展；"
        "二是政策解读形式较为单一，图解、音视频等解读方式运用不多；三是依申请公开答复的规范化水平仍需提升。",
        "下一步，我们将重点做好以下工作：一是加强主动公开，建立栏目巡查机制，确保信息及时准确；"
        "二是丰富政策解读形式，提高解读的可读性；三是规范依申请公开办理，完善会商研判机制，严格审查答复文书。",
    ]
    p["other"] = [
        "依据《政府信息公开信息处理费管理办法》，本年度未收取信息处理费。",
        f"本年度共承办人大代表建议{rng.randint(2, 30)}件、政协委员提案{rng.randint(2, 30)}件，均已按期办结并按规定公开办理结果。",
    ]
    return p


# ---------------------------------------------------------------------------
# Samples
# ---------------------------------------------------------------------------

def shown_and_truth_apps(s, apps):
    """Apply a sample's cell-printing rules; return (printed strings, truth)."""
    shown, truth = {}, {}
    for key, row in apps.items():
        shown[key], truth[key] = {}, {}
        for col in ALL_COLS:
            text, val = s["app_cell"](key, col, row[col])
            shown[key][col], truth[key][col] = text, val
    return shown, truth


def plain(key, col, v):
    return str(v), v


def build(s, out_dir):
    rng = random.Random(s["seed"])
    name = s["name"]
    apps = gen_applications(rng, s["other_one_row"], s["scale"], s["activity"])
    for fix in s.get("app_fixups", []):
        fix(apps)
    shown_apps, truth_apps = shown_and_truth_apps(s, apps)
    review = gen_review(rng, s["review_scale"])
    shown_rev = {g: {k: s.get("rev_cell", lambda g, k, v: (str(v), v))(g, k, v)[0] for k, v in d.items()}
                 for g, d in review.items()}
    truth_rev = {g: {k: s.get("rev_cell", lambda g, k, v: (str(v), v))(g, k, v)[1] for k, v in d.items()}
                 for g, d in review.items()}
    shown_act, truth_act = s["active"](rng)

    title = s["org"] + f"{s['year']}年政府信息公开工作年度报告"
    assert "".join(s["title_lines"]) == title, s["title_lines"]
    path = os.path.join(out_dir, name + ".pdf")
    doc = Doc(path, s["page_fmt"], title)
    text = prose(s, apps, rng)

    doc.title(s["title_lines"], size=s.get("title_size", 20))
    for para in text["preface"]:
        doc.paragraph(para)
    doc.heading("一、总体情况")
    for para in text["overview"]:
        doc.paragraph(para)
    if s["template"] == "2021":
        tb = active_table_2021(s, shown_act)
    else:
        tb = active_table_2019(s, shown_act, s["procurement_unit"])
    doc.heading("二、主动公开政府信息情况", keep=first_need(tb))
    doc.table(tb, "active_disclosure")
    doc.space(10)
    for para in s.get("before_applications", []):
        doc.paragraph(para)
    tb = applications_table(s, shown_apps)
    if s.get("applications_new_page"):
        doc.new_page()
    doc.heading("三、收到和处理政府信息公开申请情况", keep=first_need(tb))
    doc.table(tb, "applications")
    doc.space(10)
    tb = review_table(s, shown_rev)
    doc.heading("四、政府信息公开行政复议、行政诉讼情况", keep=first_need(tb))
    doc.table(tb, "review_litigation")
    doc.space(10)
    doc.heading("五、存在的主要问题及改进情况")
    for para in text["problems"]:
        doc.paragraph(para)
    doc.heading("六、其他需要报告的事项")
    for para in text["other"]:
        doc.paragraph(para)
    doc.space(30)
    doc.paragraph(s["org"], indent=0, align="right")
    doc.paragraph(s["signed"], indent=0, align="right")
    doc.finish()

    truth = {
        "report": {"title": title, "organization": s["org"], "year": s["year"], "template": s["template"]},
        "active_disclosure": truth_act,
        "applications": {k: truth_apps[k] for k in all_app_keys(s["other_one_row"])},
        "review_litigation": truth_rev,
        "expected_findings": s.get("expected_findings", []),
    }
    check_truth(truth, s)
    with open(os.path.join(out_dir, name + ".numbers.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
        f.write("\n")
    for want in s.get("assert_events", []):
        assert want(doc.events), (name, want.__doc__, doc.events)
    return path, doc.page, doc.events


def first_need(tb):
    """Height of a table's header rows plus its first data row (kept with the heading)."""
    h = tb.row_heights()
    return sum(h[:tb.header_rows + 1]) + 4


def check_truth(t, s):
    """Recompute the validator rules; they must break exactly as declared."""
    def n(v):
        return v or 0
    broken = set()
    a = t["applications"]
    res = [k for k in a if k not in ("new_received", "carried_over", "total_processed", "carried_forward")]
    for col in ALL_COLS:
        if n(a["new_received"][col]) + n(a["carried_over"][col]) != n(a["total_processed"][col]) + n(a["carried_forward"][col]):
            broken.add("applications.balance")
        if sum(n(a[k][col]) for k in res) != n(a["total_processed"][col]):
            broken.add("applications.total_processed")
    for k, row in a.items():
        if sum(n(row[c]) for c in COLS) != n(row["total"]):
            broken.add("applications.row_total")
    for g, d in t["review_litigation"].items():
        if sum(n(d[k]) for k in ("upheld", "corrected", "other", "pending")) != n(d["total"]):
            broken.add("review_litigation.group_total")
    assert broken == set(s.get("expected_findings", [])), (s["name"], broken)


# -- sample 1: bordered, 2021 template ------------------------------------

def active_2021(seed_vals, sep=False, blank_zero=False):
    def make(rng):
        reg = [0, 0, rng.randint(0, 3)]
        nd = [rng.randint(1, 9), rng.randint(0, 3), rng.randint(10, 60)]
        lic, pen, coe = rng.randint(800, 12000), rng.randint(100, 4000), rng.randint(0, 300)
        fee = seed_vals.get("fee", 0)
        truth = {
            "regulations": dict(zip(("issued", "repealed", "in_force"), reg)),
            "normative_documents": dict(zip(("issued", "repealed", "in_force"), nd)),
            "licensing": {"decisions": lic},
            "penalty": {"decisions": pen},
            "coercion": {"decisions": coe},
            "fees": {"amount": fee},
        }
        shown = {}
        for key, d in truth.items():
            shown[key] = {}
            for f, v in d.items():
                if isinstance(v, float):
                    shown[key][f] = f"{v:,.2f}".rstrip("0").rstrip(".") if sep else f"{v:g}"
                else:
                    shown[key][f] = fmt_int(v, sep=sep)
        return shown, truth
    return make


S1 = dict(
    name="sample-bordered-2021", seed=20211, template="2021", year=2021,
    org="澄州市生态环境局", title_lines=["澄州市生态环境局", "2021年政府信息公开工作年度报告"],
    address="澄州市滨江路118号", phone="0571-86012345", signed="2022年1月20日",
    page_fmt="-{n}-", borders=True, table_size=9, num_delim=".", other_one_row=False,
    app_label_widths=(26, 52, 96), app_row_h=17,
    scale=160, activity=[1.0, 0.35, 0.08, 0.06, 0.12, 0.05], review_scale=4,
    app_cell=plain, active=active_2021({"fee": 0}), section_fill=0.88, header_fill=None,
    assert_events=[],
)


def s1_split(events):
    """applications table continues on the next page"""
    return any(e[0] == "table_split" and e[1] == "applications" for e in events)


S1["assert_events"] = [s1_split]

# -- sample 2: borderless, 2021 template, blanks, typo, 1、, one-row (六) ----

BLANK_ROWS = {k for k, _, _ in RESULT_ROWS if k.startswith(("denied_", "unable_", "rejected_"))} | {"carried_over", "carried_forward"}


def s2_cell(key, col, v):
    if v == 0 and key in BLANK_ROWS:
        return "", None
    return str(v), v


S2 = dict(
    name="sample-borderless-2021", seed=20232, template="2021", year=2023,
    org="泊山区人民政府", title_lines=["泊山区人民政府2023年政府信息公开工作年度报告"], title_size=18,
    address="泊山区府前街1号", phone="0731-55123456", signed="2024年1月26日",
    page_fmt="第{n}页", borders=False, table_size=9, num_delim="、", other_one_row=True,
    app_label_widths=(34, 60, 118), app_row_h=16, num_align="r",
    label_override={"denied_prohibited_by_law": "2、其他法律行政止公开"},
    scale=420, activity=[1.0, 0.2, 0.0, 0.03, 0.06, 0.0], review_scale=6,
    app_cell=s2_cell, active=active_2021({"fee": 2356.8}, sep=True),
)


# -- sample 3: the 2019 template (report year 2020) ---------------------------

SLASH_ROWS = {k for k, _, _ in RESULT_ROWS} | {"other_processing", "carried_forward"}
FULL_ROWS = {"granted", "partially_granted", "unable_not_held", "total_processed"}


def s3_cell(key, col, v):
    if v == 0 and key in SLASH_ROWS and col != "natural_person":
        return "/", None
    if key in FULL_ROWS and col in ("natural_person", "total"):
        return fmt_int(v, full=True), v
    return str(v), v


def s3_rev(g, k, v):
    if g == "litigation_direct":
        return fmt_int(v, full=True), v
    return str(v), v


def active_2019(rng):
    def it(prev_lo, prev_hi, dec_lo, dec_hi, neg=False):
        prev = rng.randint(prev_lo, prev_hi)
        ch = rng.randint(-5, -1) if neg else rng.randint(0, 6)
        return {"previous_items": prev, "change": ch, "decisions": rng.randint(dec_lo, dec_hi)}
    truth = {
        "regulations": {"new_made": 0, "new_published": 0, "total_published": 0},
        "normative_documents": {"new_made": 4, "new_published": 4, "total_published": 37},
        "licensing": it(40, 200, 500, 5000, neg=True),
        "other_services": it(10, 80, 0, 900),
        "penalty": it(100, 900, 50, 900),
        "coercion": it(5, 60, 0, 40),
        "fees": {"previous_items": 6, "change": -2},
        "procurement": {"items": 27, "amount": 1856.42, "amount_unit": "万元"},
    }
    shown = {}
    for key, d in truth.items():
        shown[key] = {}
        for f, v in d.items():
            if f == "amount_unit":
                continue
            full = key in ("penalty", "fees") and f != "change"
            shown[key][f] = f"{v:g}" if isinstance(v, float) else fmt_int(v, full=full)
    return shown, truth


S3 = dict(
    name="sample-2019", seed=20203, template="2019", year=2020,
    org="凤溪县人民政府", title_lines=["凤溪县人民政府2020年", "政府信息公开工作年度报告"],
    address="凤溪县城关镇人民路66号", phone="0592-7012345", signed="2021年1月28日",
    page_fmt="- {n} -", borders=True, table_size=9, num_delim=".", other_one_row=True,
    app_label_widths=(30, 56, 104), app_row_h=16,
    scale=90, activity=[1.0, 0.3, 0.0, 0.0, 0.0, 0.0], review_scale=3,
    app_cell=s3_cell, rev_cell=s3_rev, active=active_2019, procurement_unit="万元",
)

# -- sample 4: bordered, inconsistent, stacked vertical cell -----------------


def s4_break_balance(apps):
    # The commercial column's "carried forward" is overstated by 2 (a typing
    # slip in the source): row totals still add up, the 勾稽关系 does not
    # (commercial and, through the row total, 总计).
    apps["carried_forward"]["commercial"] += 2
    apps["carried_forward"]["total"] += 2


S4 = dict(
    name="sample-inconsistent-2021", seed=20244, template="2021", year=2024,
    org="岚川市市场监督管理局", title_lines=["岚川市市场监督管理局", "2024年政府信息公开工作年度报告"],
    address="岚川市文昌路200号", phone="0898-66001234", signed="2025年1月15日",
    page_fmt="第 {n} 页", borders=True, table_size=9, num_delim=".", other_one_row=False,
    app_label_widths=(22, 54, 118), app_row_h=16,
    vcell_text="三、本年度办理结果", vcell_stacked=True, vcell_bold=True,
    scale=260, activity=[1.0, 0.5, 0.04, 0.0, 0.1, 0.07], review_scale=5,
    app_cell=plain, active=active_2021({"fee": 0}), section_bold=True,
    app_fixups=[s4_break_balance], expected_findings=["applications.balance"],
    applications_new_page=True,
)


def s4_whole(events):
    """applications table on one page (its stacked vertical cell unbroken)"""
    return not any(e[0] == "table_split" and e[1] == "applications" for e in events)


S4["assert_events"] = [s4_whole]

SAMPLES = [S1, S2, S3, S4]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "Samples")
    os.makedirs(out_dir, exist_ok=True)
    font = register_font()
    for s in SAMPLES:
        path, pages, events = build(s, out_dir)
        splits = [e for e in events if e[0] == "table_split"]
        print(f"{os.path.relpath(path)}: {pages} pages, {os.path.getsize(path)} bytes, "
              f"splits={[(e[1], 'page', e[2], 'row', e[3]) for e in splits]}")
    print(f"font: {font}")


if __name__ == "__main__":
    main()
