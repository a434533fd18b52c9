"""reportlab renderer (a Word/WPS-export look-alike), forked from main/Scripts/make-samples.py and
extended with the quirks the stress corpus needs: repeated header rows, running headers and
footers with total page counts, borderless / horizontal-only tables, header rows whose cell
boundaries do not line up with the data rows, stacked / rotated / spaced vertical cells,
numbers that wrap inside narrow cells, a merged group label printed on every page fragment,
landscape pages, character tracking, and a whole-document character map (Kangxi radicals)."""
import os
import re

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

import type3
from common import (ALL_COLS, BALANCE_NOTE, COL_LABELS, GROUP_LABELS, REV_LABELS, TOP_ROWS, VCELL,
                    result_rows)

FONT = "CJK"
FALLBACK = "DejaVu"   # for the few characters WenQuanYi Zen Hei lacks (U+2212 MINUS SIGN)
_registered = False
_cmap = None


def register_font():
    global _registered, _cmap
    if not _registered:
        f = TTFont(FONT, "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", subfontIndex=0)
        pdfmetrics.registerFont(f)
        pdfmetrics.registerFont(TTFont(FALLBACK, "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
        _cmap = f.face.charToGlyph
        _registered = True


def font_runs(text):
    """Splits text into (font, run) pieces by glyph coverage of the CJK font."""
    register_font()
    out = []
    for ch in text:
        font = FONT if (ord(ch) in _cmap or ch.isspace()) else FALLBACK
        if out and out[-1][0] == font:
            out[-1][1] += ch
        else:
            out.append([font, ch])
    return out


NO_LINE_START = set("，。、；：？！）》」』”’%,.;:!?)]}")
ASCII_RUN = re.compile(r"[A-Za-z0-9.,%/\-]+|.", re.S)


def sw(text, size, track=0.0):
    return sum(pdfmetrics.stringWidth(run, font, size) for font, run in font_runs(text)) + track * len(text)


def wrap(text, size, width, first_width=None, breakall=False):
    lines = []
    for para in text.split("\n"):
        cur = ""
        limit = first_width if (first_width is not None and not lines) else width
        toks = list(para) if breakall else ASCII_RUN.findall(para)
        for tok in toks:
            if cur == "" or sw(cur + tok, size) <= limit + 0.01 or tok in NO_LINE_START:
                cur += tok
            else:
                lines.append(cur)
                cur = tok.lstrip() if tok.strip() else ""
                limit = width
        lines.append(cur)
    return lines


class Cell:
    def __init__(self, r, c, text, rs=1, cs=1, align="c", size=9, bold=False, fill=None, mode="wrap",
                 per_line=1, breakall=False, valign="m", num=False):
        self.num = num            # a table value (hidden-text quirks apply to these)
        self.r, self.c, self.rs, self.cs = r, c, rs, cs
        self.text, self.align, self.size, self.bold = text, align, size, bold
        self.fill = fill
        self.mode = mode          # wrap | stacked | rotated
        self.per_line = per_line  # characters per line when stacked
        self.breakall = breakall
        self.valign = valign


class Table:
    def __init__(self, widths, borders="all", pad=3, min_row_h=16, leading=1.3, header_rows=0,
                 repeat_header=False, text_every_fragment=False, header_widths=None, line_width=0.6):
        self.widths = widths
        self.header_widths = header_widths  # cell boundaries of the header rows, if different
        self.borders = borders              # all | none | horizontal (rule under each row) | three (top, header, bottom)
        self.pad, self.min_row_h, self.leading = pad, min_row_h, leading
        self.cells = []
        self.header_rows = header_rows
        self.repeat_header = repeat_header
        self.text_every_fragment = text_every_fragment
        self.n_rows = 0
        self.row_min = {}
        self.line_width = line_width
        self.split_after_header = False   # header rows orphaned at the foot of a page
        self.continued_label = None       # e.g. "续表", printed above each continuation fragment

    def add(self, *a, **k):
        cell = Cell(*a, **k)
        self.cells.append(cell)
        self.n_rows = max(self.n_rows, cell.r + cell.rs)
        return cell

    def widths_of(self, cell):
        return self.header_widths if (self.header_widths and cell.r < self.header_rows) else self.widths

    def cell_width(self, cell):
        w = self.widths_of(cell)
        return sum(w[cell.c:cell.c + cell.cs])

    def cell_lines(self, cell):
        if cell.mode == "stacked":
            chars = [ch for ch in cell.text if not ch.isspace()]
            return ["".join(chars[i:i + cell.per_line]) for i in range(0, len(chars), cell.per_line)]
        if cell.mode == "rotated":
            return [cell.text]
        return wrap(cell.text, cell.size, self.cell_width(cell) - 2 * self.pad, breakall=cell.breakall)

    def row_heights(self):
        h = [float(self.row_min.get(r, self.min_row_h)) for r in range(self.n_rows)]
        for cell in sorted(self.cells, key=lambda c: c.rs):
            if cell.mode == "rotated":
                need = sw(cell.text, cell.size) + 2 * self.pad
            else:
                need = len(self.cell_lines(cell)) * cell.size * self.leading + 2 * self.pad
            have = sum(h[cell.r:cell.r + cell.rs])
            if need > have:
                extra = (need - have) / cell.rs
                for r in range(cell.r, cell.r + cell.rs):
                    h[r] += extra
        return h


class Doc:
    """A flowing document.  opts: page_fmt ("- {n} -", "第{n}页 共{N}页", "{n}/{N}"), page_pos
    (center|right|outer|top-right), running header text (run_head) and its y (run_head_y, from the top),
    run_head_rule, margins, body size, map_text (applied to every string drawn)."""

    def __init__(self, path, title_meta, opts, total_pages=None):
        self.o = opts
        self.c = canvas.Canvas(path, pagesize=A4, invariant=1, pageCompression=1, initialFontName=FONT,
                               initialFontSize=12)
        self.c.setTitle(opts.get("pdf_title", title_meta))
        self.c.setAuthor("")
        self.c.setCreator(opts.get("creator", "Microsoft® Word 2016"))
        self.map = opts.get("map_text") or (lambda s: s)
        self.total = total_pages
        self.page = 1
        self.size = A4
        self.ml = opts.get("margin_l", 72)
        self.mr = opts.get("margin_r", 72)
        self.mt = opts.get("margin_t", 72)
        self.mb = opts.get("margin_b", 78)
        self.y = self.H - self.mt
        self.body_size = opts.get("body_size", 14)
        self.body_leading = opts.get("body_leading", 25)
        self.events = []
        self.landscape_pages = set()
        self.next_size = None
        self.type3 = []   # (page, x, y, size, digits) drawn in a Type 3 font after rendering

    @property
    def W(self):
        return self.size[0]

    @property
    def H(self):
        return self.size[1]

    @property
    def text_w(self):
        return self.W - self.ml - self.mr

    # -- page furniture ------------------------------------------------------
    def furniture(self):
        fmt = self.o.get("page_fmt", "- {n} -")
        if fmt:
            label = fmt.format(n=self.page, N=self.total or 99)
            size = 10.5
            pos = self.o.get("page_pos", "center")
            y = self.o.get("page_y", 42)
            if pos == "center":
                x = self.W / 2 - sw(label, size) / 2
            elif pos == "right" or (pos == "outer" and self.page % 2 == 1):
                x = self.W - self.mr - sw(label, size)
            else:
                x = self.ml
            if pos == "top-right":
                x, y = self.W - self.mr - sw(label, size), self.H - 40
            self.text(label, x, y, size)
        head = self.o.get("run_head")
        if head and (self.page > 1 or self.o.get("run_head_first", False)):
            size = self.o.get("run_head_size", 9)
            y = self.H - self.o.get("run_head_y", 40)
            align = self.o.get("run_head_align", "center")
            x = self.W / 2 - sw(head, size) / 2 if align == "center" else (self.W - self.mr - sw(head, size) if align == "right" else self.ml)
            self.text(head, x, y, size)
            if self.o.get("run_head_rule"):
                self.c.setLineWidth(0.75)
                self.c.line(self.ml, y - 4, self.W - self.mr, y - 4)
        foot = self.o.get("run_foot")
        if foot:
            self.text(foot, self.ml, self.o.get("run_foot_y", 28), 8)

    def new_page(self, size=None):
        self.furniture()
        self.c.showPage()
        self.page += 1
        self.size = size or self.next_size or self.size
        self.next_size = None
        self.c.setPageSize(self.size)
        if self.size[0] > self.size[1]:
            self.landscape_pages.add(self.page)
            if self.o.get("sideways"):
                # A landscape page printed sideways on a portrait sheet (no /Rotate): the text
                # matrix turns everything 90° counter-clockwise, so it reads bottom to top.
                self.c.setPageSize((self.size[1], self.size[0]))
                self.c.translate(self.size[1], 0)
                self.c.rotate(90)
        self.y = self.H - self.mt

    def ensure(self, h):
        if self.y - h < self.mb:
            self.new_page()

    def finish(self):
        self.furniture()
        self.c.save()

    # -- text ------------------------------------------------------------------
    def text(self, s, x, y, size, bold=False, track=0.0, raw=False, gray=None, mode=None):
        s = s if raw else self.map(s)
        if gray is not None:
            self.c.setFillGray(gray)
        t = self.c.beginText()
        t.setTextOrigin(x, y)
        t.setFont(FONT, size)
        if track:
            t.setCharSpace(track)
        if bold:
            self.c.setLineWidth(size * 0.035)
            t.setTextRenderMode(2)
        if mode is not None:
            t.setTextRenderMode(mode)
        for font, run in font_runs(s):
            t.setFont(font, size)
            t.textOut(run)
        if bold or mode is not None:
            t.setTextRenderMode(0)
        if track:
            t.setCharSpace(0)
        self.c.drawText(t)
        if gray is not None:
            self.c.setFillGray(0)

    def space(self, h):
        self.y -= h

    def title(self, lines, size=20, track=0.0):
        self.y -= 8
        t3 = self.o.get("type3_digits")
        for ln in lines:
            self.y -= size * 1.5
            x = self.W / 2 - sw(ln, size, track) / 2
            if not t3:
                self.text(ln, x, self.y, size, bold=True, track=track)
                continue
            # Digits left to a Type 3 font added after rendering (type3.py): the other runs
            # are drawn here, a gap the width of the Type 3 digits kept for each digit run.
            for run in re.findall(r"[0-9]+|[^0-9]+", ln):
                if run[0].isdigit():
                    self.type3.append((self.page, x, self.y, size, run))
                    x += len(run) * size * type3.ADVANCE / 1000
                else:
                    self.text(run, x, self.y, size, bold=True, track=track)
                    x += sw(run, size, track)
        self.y -= size * 0.9

    def paragraph(self, s, indent=2, size=None, bold=False, align="left", track=0.0):
        size = size or self.body_size
        lead = self.body_leading * size / self.body_size
        first = self.text_w - indent * size
        lines = [s] if track else wrap(s, size, self.text_w, first_width=first)
        for i, ln in enumerate(lines):
            self.ensure(lead)
            self.y -= lead
            x = self.ml + (indent * size if i == 0 else 0)
            if align == "right":
                x = self.W - self.mr - sw(ln, size)
            elif align == "center":
                x = self.W / 2 - sw(ln, size) / 2
            self.text(ln, x, self.y + (lead - size) / 2 - size * 0.05, size, bold=bold, track=track)

    def heading(self, s, keep=80, size=None, track=0.0):
        size = size or self.body_size
        self.ensure(self.body_leading + keep)
        self.paragraph(s, indent=2, size=size, bold=True, track=track)

    # -- tables ----------------------------------------------------------------
    def table(self, tb, name, x0=None):
        heights = tb.row_heights()
        total_w = sum(tb.widths)
        x0 = self.ml + (self.text_w - total_w) / 2 if x0 is None else x0
        hh = sum(heights[:tb.header_rows])
        frags, start, y = [], 0, self.y
        if self.y - sum(heights[:tb.header_rows + (0 if tb.split_after_header else 1)]) < self.mb:
            self.new_page()
            y = self.y
        r = 0
        first = True
        while r < tb.n_rows:
            forced = tb.split_after_header and r == tb.header_rows and start == 0
            if (y - heights[r] < self.mb or forced) and r > start:
                frags.append((start, r))
                start = r
                y = self.H - self.mt - (hh if tb.repeat_header else 0)
                first = False
            y -= heights[r]
            r += 1
        frags.append((start, tb.n_rows))
        for i, (a, b) in enumerate(frags):
            if i > 0:
                self.new_page()
                self.events.append(("table_split", name, self.page, a))
                if tb.continued_label:
                    self.y -= 14
                    self.text(tb.continued_label, self.ml, self.y + 2, 10.5)
                    self.y -= 4
                if tb.repeat_header and tb.header_rows:
                    tops = {}
                    yy = self.y
                    for rr in range(0, tb.header_rows + 1):
                        tops[rr] = yy
                        if rr < tb.header_rows:
                            yy -= heights[rr]
                    self._draw_fragment(tb, 0, tb.header_rows, tops, x0, heights, [(0, tb.header_rows)], header=True)
                    self.y = yy
            top = self.y
            tops = {}
            yy = top
            for rr in range(a, b):
                tops[rr] = yy
                yy -= heights[rr]
            tops[b] = yy
            self._draw_fragment(tb, a, b, tops, x0, heights, frags)
            self.y = yy
        self.events.append(("table", name, self.page, len(frags)))
        return frags

    def _xs(self, widths, x0):
        xs = [x0]
        for w in widths:
            xs.append(xs[-1] + w)
        return xs

    def _draw_fragment(self, tb, a, b, tops, x0, heights, frags, header=False):
        c = self.c
        c.setLineWidth(tb.line_width)
        xs_data = self._xs(tb.widths, x0)
        xs_head = self._xs(tb.header_widths, x0) if tb.header_widths else xs_data
        right = xs_data[-1]
        for cell in tb.cells:
            r0, r1 = cell.r, cell.r + cell.rs
            if r1 <= a or r0 >= b:
                continue
            fa, fb = max(r0, a), min(r1, b)
            xs = xs_head if (tb.header_widths and cell.r < tb.header_rows) else xs_data
            x, w = xs[cell.c], tb.cell_width(cell)
            ytop, ybot = tops[fa], tops[fb]
            if cell.fill:
                c.setFillGray(cell.fill)
                c.rect(x, ybot, w, ytop - ybot, stroke=0, fill=1)
                c.setFillGray(0)
            if tb.borders == "all":
                c.rect(x, ybot, w, ytop - ybot, stroke=1, fill=0)
            if not tb.text_every_fragment and not header and not self._text_here(cell, a, b, frags, heights):
                continue
            self._cell_text(tb, cell, x, w, ytop, ybot)
        if tb.borders == "horizontal":
            for rr in range(a, b + 1):
                c.line(xs_data[0], tops[rr], right, tops[rr])
        elif tb.borders == "three":
            c.setLineWidth(1.2)
            c.line(xs_data[0], tops[a], right, tops[a])
            c.line(xs_data[0], tops[b], right, tops[b])
            c.setLineWidth(0.6)
            if a < tb.header_rows <= b:
                c.line(xs_data[0], tops[tb.header_rows], right, tops[tb.header_rows])

    def _cell_text(self, tb, cell, x, w, ytop, ybot):
        if cell.mode == "rotated":
            # Text turned 90° counter-clockwise, centred in the cell (reads bottom to top).
            L = sw(self.map(cell.text), cell.size)
            cx = x + w / 2 + cell.size * 0.35
            cy = (ytop + ybot) / 2 - L / 2
            self.c.saveState()
            self.c.translate(cx, cy)
            self.c.rotate(90)
            self.text(cell.text, 0, 0, cell.size, bold=cell.bold)
            self.c.restoreState()
            return
        hidden = self.o.get("hidden_text")
        if hidden and cell.num:
            self._hidden_text(hidden, tb, cell, x, w, ytop, ybot)
        lines = tb.cell_lines(cell)
        lead = cell.size * tb.leading
        block = len(lines) * lead
        if cell.valign == "t":
            y = ytop - tb.pad
        else:
            y = ytop - ((ytop - ybot) - block) / 2
        for ln in lines:
            y -= lead
            base = y + (lead - cell.size) / 2 + cell.size * 0.12
            if cell.align == "l":
                tx = x + tb.pad
            elif cell.align == "r":
                tx = x + w - tb.pad - sw(self.map(ln), cell.size)
            else:
                tx = x + (w - sw(self.map(ln), cell.size)) / 2
            self.text(ln, tx, base, cell.size, bold=cell.bold)

    def _hidden_text(self, kind, tb, cell, x, w, ytop, ybot):
        """What a reader does not see, drawn before a value cell's own text: a stale number in
        white under the value (white_under), a stale number covered by a white box
        (white_box), a white or invisible (render mode 3) 0 in a blank cell (white_zero,
        invisible_zero)."""
        base = (ytop + ybot) / 2 - cell.size * 0.35
        text = cell.text.strip()
        if kind in ("white_under", "white_box") and text:
            stale = str(int(text.replace(",", "")) * 7 % 97 + 3) if text.isdigit() else "88"
            tx = x + (w - sw(stale, cell.size)) / 2
            if kind == "white_under":
                self.text(stale, tx, base, cell.size, gray=1)
            else:
                self.text(stale, tx, base, cell.size)
                self.c.setFillGray(1)
                self.c.rect(x + 1, ybot + 1, w - 2, ytop - ybot - 2, stroke=0, fill=1)
                self.c.setFillGray(0)
        elif kind in ("white_zero", "invisible_zero") and not text:
            tx = x + (w - sw("0", cell.size)) / 2
            if kind == "white_zero":
                self.text("0", tx, base, cell.size, gray=1)
            else:
                self.text("0", tx, base, cell.size, mode=3)

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
# Table builders
# ---------------------------------------------------------------------------

def applications_table(r, o, text_w):
    """o: app_label_widths (w0,w1,w2), num_widths (list of 7 or None), table_size, borders,
    repeat_header, text_every_fragment, vcell (wrap|stacked|stacked2|rotated), group_mode,
    num_align, breakall_numbers, header_shift (misaligned header boundaries), row_h."""
    L = r.labels
    fs = o.get("table_size", 9)
    w0, w1, w2 = o.get("app_label_widths", (26, 52, 100))
    if o.get("num_widths"):
        nws = o["num_widths"]
    else:
        nw = (text_w - w0 - w1 - w2) / 7.0
        nws = [nw] * 7
    widths = [w0, w1, w2] + nws + ([o["remark_col"]] if o.get("remark_col") else [])
    header_widths = None
    if o.get("header_shift"):
        # Header rows drawn with their own cell boundaries (a Word table whose header rows were
        # resized separately): label part wider, number columns narrower, nothing lines up.
        shift = o["header_shift"]
        hn = (sum(nws) - shift) / 7.0
        header_widths = [w0, w1, w2 + shift] + [hn] * 7
    ha = o.get("header_align", "c")
    tb = Table(widths, borders=o.get("borders", "all"), header_rows=3, min_row_h=o.get("row_h", 16),
               repeat_header=o.get("repeat_header", False), text_every_fragment=o.get("text_every_fragment", False),
               header_widths=header_widths)
    hdr = o.get("header_text", {})
    tb.add(0, 0, hdr.get("note", BALANCE_NOTE), rs=3, cs=3, size=fs)
    tb.add(0, 3, hdr.get("applicant", "申请人情况"), cs=7, size=fs, bold=True)
    tb.add(1, 3, hdr.get("natural_person", "自然人"), rs=2, size=fs, align=ha)
    tb.add(1, 4, hdr.get("org", "法人或其他组织"), cs=5, size=fs)
    tb.add(1, 9, hdr.get("total", "总计"), rs=2, size=fs, align=ha)
    for i, lab in enumerate(hdr.get("cols", COL_LABELS[1:6])):
        tb.add(2, 4 + i, lab, size=fs, align=ha)
    if o.get("remark_col"):
        tb.add(0, 10, "备注", rs=3, size=fs)
    shown = r.shown["applications"]
    na = o.get("num_align", "c")

    def numbers(row, key):
        for j, col in enumerate(ALL_COLS):
            tb.add(row, 3 + j, shown[key][col], size=o.get("num_size", fs + 1), align=na,
                   breakall=o.get("breakall_numbers", False), num=True)
        if o.get("remark_col"):
            tb.add(row, 10, o.get("remarks", {}).get(key, ""), size=fs)

    row = 3
    tb.add(row, 0, L.row("new_received"), cs=3, size=fs, align="l"); numbers(row, "new_received"); row += 1
    tb.add(row, 0, L.row("carried_over"), cs=3, size=fs, align="l"); numbers(row, "carried_over"); row += 1
    top = row
    groups = {}
    for key, g, n, t in result_rows(r.one_row):
        label = L.row(key, r.one_row)
        if g is None:
            tb.add(row, 1, label, cs=2, size=fs, align="l")
        else:
            groups.setdefault(g, [row, 0])[1] += 1
            tb.add(row, 2, label, size=fs, align="l")
        numbers(row, key)
        row += 1
    gm = o.get("group_mode", "wrap")
    for g, (gr, n) in groups.items():
        if gm == "stacked":
            tb.add(gr, 1, L.group(g), rs=n, size=fs, mode="stacked", per_line=1)
        else:
            tb.add(gr, 1, L.group(g), rs=n, size=fs, align=o.get("group_align", "c"))
    vm = o.get("vcell", "wrap")
    vtext = o.get("vcell_text", VCELL)
    if vm == "stacked":
        tb.add(top, 0, vtext, rs=row - top, size=fs, mode="stacked", per_line=1)
    elif vm == "stacked2":
        tb.add(top, 0, vtext, rs=row - top, size=fs, mode="stacked", per_line=2)
    elif vm == "rotated":
        tb.add(top, 0, vtext, rs=row - top, size=fs, mode="rotated")
    else:
        tb.add(top, 0, vtext, rs=row - top, size=fs)
    tb.add(row, 0, L.row("carried_forward"), cs=3, size=fs, align="l"); numbers(row, "carried_forward"); row += 1
    return tb


def review_table(r, o, text_w):
    fs = o.get("table_size", 9)
    w = text_w / 15.0
    tb = Table([w] * 15, borders=o.get("rev_borders", o.get("borders", "all")), header_rows=3, min_row_h=18)
    tb.add(0, 0, "行政复议", cs=5, size=fs)
    tb.add(0, 5, "行政诉讼", cs=10, size=fs)
    heads = o.get("rev_heads", REV_LABELS)
    for i, h in enumerate(heads):
        tb.add(1, i, h, rs=2, size=fs)
    tb.add(1, 5, "未经复议直接起诉", cs=5, size=fs)
    tb.add(1, 10, "复议后起诉", cs=5, size=fs)
    for i, h in enumerate(heads * 2):
        tb.add(2, 5 + i, h, size=fs)
    shown = r.shown["review_litigation"]
    j = 0
    for g in ("review", "litigation_direct", "litigation_after_review"):
        for k in ("upheld", "corrected", "other", "pending", "total"):
            tb.add(3, j, shown[g][k], size=fs + 1, num=True)
            j += 1
    tb.row_min[3] = 24
    return tb


def active_table_2021(r, o, text_w):
    fs = o.get("table_size", 9) + 0.5
    w = [text_w * 0.31] + [text_w * 0.23] * 3
    tb = Table(w, borders=o.get("act_borders", o.get("borders", "all")), min_row_h=20)
    shown = r.shown["active_disclosure"]
    row = 0

    def section(title):
        nonlocal row
        tb.add(row, 0, title, cs=4, size=fs); row += 1

    section("第二十条第（一）项")
    for i, h in enumerate(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]):
        tb.add(row, i, h, size=fs, bold=True)
    row += 1
    for key, lab in (("regulations", "规章"), ("normative_documents", "行政规范性文件")):
        tb.add(row, 0, lab, size=fs, align="l")
        for i, f in enumerate(("issued", "repealed", "in_force")):
            tb.add(row, 1 + i, shown[key][f], size=fs)
        row += 1
    for title, items in (("第二十条第（五）项", [("licensing", "行政许可")]),
                         ("第二十条第（六）项", [("penalty", "行政处罚"), ("coercion", "行政强制")])):
        section(title)
        tb.add(row, 0, "信息内容", size=fs, bold=True)
        tb.add(row, 1, "本年处理决定数量", cs=3, size=fs, bold=True)
        row += 1
        for key, lab in items:
            tb.add(row, 0, lab, size=fs, align="l")
            tb.add(row, 1, shown[key]["decisions"], cs=3, size=fs)
            row += 1
    section("第二十条第（八）项")
    tb.add(row, 0, "信息内容", size=fs, bold=True)
    tb.add(row, 1, o.get("fee_header", "本年收费金额（单位：万元）"), cs=3, size=fs, bold=True)
    row += 1
    tb.add(row, 0, "行政事业性收费", size=fs, align="l")
    tb.add(row, 1, shown["fees"]["amount"], cs=3, size=fs)
    return tb


def active_table_2019(r, o, text_w):
    fs = o.get("table_size", 9) + 0.5
    w = [text_w * 0.31] + [text_w * 0.23] * 3
    tb = Table(w, borders=o.get("act_borders", o.get("borders", "all")), min_row_h=19)
    shown = r.shown["active_disclosure"]
    unit = r.raw["active_disclosure"]["procurement"]["amount_unit"]
    row = 0

    def section(title):
        nonlocal row
        tb.add(row, 0, title, cs=4, size=fs); row += 1

    def head(cols, spans=None):
        nonlocal row
        tb.add(row, 0, "信息内容", size=fs, bold=True)
        c = 1
        for i, h in enumerate(cols):
            span = (spans or [1] * len(cols))[i]
            tb.add(row, c, h, cs=span, size=fs, bold=True)
            c += span
        row += 1

    def line(lab, vals, spans=None):
        nonlocal row
        tb.add(row, 0, lab, size=fs, align="l")
        c = 1
        for i, v in enumerate(vals):
            span = (spans or [1] * len(vals))[i]
            tb.add(row, c, v, cs=span, size=fs)
            c += span
        row += 1

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
    head(["采购项目数量", o.get("proc_header", f"采购总金额（{unit}）")], spans=[1, 2])
    line("政府集中采购", [shown["procurement"]["items"], shown["procurement"]["amount"]], spans=[1, 2])
    return tb


def first_need(tb):
    h = tb.row_heights()
    return sum(h[:tb.header_rows + 1]) + 4


# ---------------------------------------------------------------------------
# Whole document
# ---------------------------------------------------------------------------

def _render(r, o, path, total_pages):
    doc = Doc(path, r.title, o, total_pages)
    hd = o.get("headings", {})
    track = o.get("heading_track", 0.0)
    title_lines = o.get("title_lines", [r.title])
    doc.title(title_lines, size=o.get("title_size", 20), track=o.get("title_track", 0.0))
    for para in r.prose["preface"]:
        doc.paragraph(para)
    doc.heading(hd.get(1, "一、总体情况"), track=track)
    for para in r.prose["overview"][:o.get("overview_paras", 6)]:
        doc.paragraph(para)
    for para in o.get("extra_overview", []):
        doc.paragraph(para)
    tb = active_table_2021(r, o, doc.text_w) if r.template == "2021" else active_table_2019(r, o, doc.text_w)
    doc.heading(hd.get(2, "二、主动公开政府信息情况"), keep=first_need(tb), track=track)
    doc.table(tb, "active_disclosure")
    doc.space(10)
    for para in o.get("before_applications", []):
        doc.paragraph(para)
    if o.get("apps_landscape"):
        doc.new_page(size=landscape(A4))
    elif o.get("apps_new_page"):
        doc.new_page()
    tb = applications_table(r, o, doc.text_w - o.get("app_trim", 0))
    tb.split_after_header = o.get("split_after_header", False)
    tb.continued_label = o.get("continued_label")
    if o.get("orphan_header"):
        # Fill the page so that only the heading and the header rows fit at its foot.
        need = sum(tb.row_heights()[:tb.header_rows]) + doc.body_leading + 20
        while doc.y - doc.body_leading > doc.mb + need:
            doc.paragraph("（此处为正文续段）本机关持续推进政务公开标准化规范化建设，做好政策解读和回应关切工作。")
    doc.heading(hd.get(3, "三、收到和处理政府信息公开申请情况"), keep=first_need(tb), track=track)
    doc.table(tb, "applications")
    doc.space(10)
    for para in o.get("after_applications", []):
        doc.paragraph(para, indent=0, size=o.get("note_size", 10.5))
    if o.get("apps_landscape"):
        doc.new_page(size=A4)
    tb = review_table(r, o, doc.text_w)
    doc.heading(hd.get(4, "四、政府信息公开行政复议、行政诉讼情况"), keep=first_need(tb), track=track)
    doc.table(tb, "review_litigation")
    doc.space(10)
    doc.heading(hd.get(5, "五、存在的主要问题及改进情况"), track=track)
    for para in r.prose["problems"]:
        doc.paragraph(para)
    doc.heading(hd.get(6, "六、其他需要报告的事项"), track=track)
    for para in r.prose["other"]:
        doc.paragraph(para)
    doc.space(30)
    doc.paragraph(r.org, indent=0, align="right")
    doc.paragraph(f"{r.year + 1}年1月20日", indent=0, align="right")
    doc.finish()
    return doc


def render(r, o, path):
    register_font()
    doc = _render(r, o, path, None)
    doc = _render(r, o, path, doc.page)   # second pass knows the page count ({N})
    if doc.type3:
        type3.add_digits(path, doc.type3, o["type3_digits"])
    return doc
