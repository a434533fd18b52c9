"""DOCX renderer (python-docx), converted to PDF by LibreOffice: the Word-export look.
Merged cells, header rows flagged to repeat on every page (w:tblHeader), page-number fields
in the footer (PAGE / NUMPAGES), an optional landscape section for the applications table,
vertical text direction in the merged 三、本年度办理结果 cell, and borderless tables."""
from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from common import ALL_COLS, BALANCE_NOTE, COL_LABELS, REV_LABELS, VCELL, result_rows

FONT = "WenQuanYi Zen Hei"


def set_font(run, size=None, bold=False):
    run.font.name = FONT
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.append(rfonts)
    rfonts.set(qn("w:eastAsia"), FONT)
    if size:
        run.font.size = Pt(size)
    run.bold = bold


def para(doc_or_cell, text, size=14, bold=False, align=None, indent=True, m=lambda s: s):
    p = doc_or_cell.add_paragraph()
    if indent:
        p.paragraph_format.first_line_indent = Pt(size * 2)
    if align == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "right":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    set_font(p.add_run(m(text)), size, bold)
    return p


def field(paragraph, instr, size):
    r = paragraph.add_run()
    set_font(r, size)
    b = OxmlElement("w:fldChar"); b.set(qn("w:fldCharType"), "begin"); r._r.append(b)
    r2 = paragraph.add_run()
    set_font(r2, size)
    t = OxmlElement("w:instrText"); t.set(qn("xml:space"), "preserve"); t.text = f" {instr} "; r2._r.append(t)
    r3 = paragraph.add_run()
    set_font(r3, size)
    e = OxmlElement("w:fldChar"); e.set(qn("w:fldCharType"), "end"); r3._r.append(e)


def footer_page_number(section, fmt, size=10.5):
    """fmt like '第{PAGE}页 共{NUMPAGES}页' or '- {PAGE} -'."""
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    import re
    for tok in re.split(r"(\{PAGE\}|\{NUMPAGES\})", fmt):
        if tok == "{PAGE}":
            field(p, "PAGE", size)
        elif tok == "{NUMPAGES}":
            field(p, "NUMPAGES", size)
        elif tok:
            set_font(p.add_run(tok), size)


def cell_text(cell, text, size, align="center", bold=False, m=lambda s: s):
    cell.text = ""
    p = cell.paragraphs[0]
    p.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT,
                   "right": WD_ALIGN_PARAGRAPH.RIGHT}[align]
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.space_before = Pt(0)
    p.paragraph_format.first_line_indent = Pt(0)
    set_font(p.add_run(m(text)), size, bold)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def set_widths(table, widths_cm):
    grid = table._tbl.tblGrid
    for gc, w in zip(grid.findall(qn("w:gridCol")), widths_cm):
        gc.set(qn("w:w"), str(int(w * 567)))
    for row in table.rows:
        for i, c in enumerate(row.cells):
            if i < len(widths_cm):
                c.width = Cm(widths_cm[i])


def borders(table, on=True):
    tblPr = table._tbl.tblPr
    b = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement(f"w:{edge}")
        e.set(qn("w:val"), "single" if on else "nil")
        e.set(qn("w:sz"), "4")
        e.set(qn("w:space"), "0")
        e.set(qn("w:color"), "000000")
        b.append(e)
    tblPr.append(b)


def repeat_header(row):
    trPr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trPr.append(el)


def text_direction(cell, val):
    tcPr = cell._tc.get_or_add_tcPr()
    td = OxmlElement("w:textDirection")
    td.set(qn("w:val"), val)
    tcPr.append(td)


def applications(doc, r, o, m):
    L = r.labels
    sh = r.shown["applications"]
    rr = result_rows(r.one_row)
    n = 3 + 2 + len(rr) + 1
    t = doc.add_table(rows=n, cols=10)
    borders(t, o.get("borders", True))
    fs = o.get("table_size", 9)
    t.cell(0, 0).merge(t.cell(2, 2)); cell_text(t.cell(0, 0), BALANCE_NOTE, fs, m=m)
    t.cell(0, 3).merge(t.cell(0, 9)); cell_text(t.cell(0, 3), "申请人情况", fs, bold=True, m=m)
    t.cell(1, 3).merge(t.cell(2, 3)); cell_text(t.cell(1, 3), "自然人", fs, m=m)
    t.cell(1, 4).merge(t.cell(1, 8)); cell_text(t.cell(1, 4), "法人或其他组织", fs, m=m)
    t.cell(1, 9).merge(t.cell(2, 9)); cell_text(t.cell(1, 9), "总计", fs, m=m)
    for i, lab in enumerate(COL_LABELS[1:6]):
        cell_text(t.cell(2, 4 + i), lab, fs, m=m)
    if o.get("repeat_header", True):
        for i in range(3):
            repeat_header(t.rows[i])

    def nums(row, key):
        for j, c in enumerate(ALL_COLS):
            cell_text(t.cell(row, 3 + j), sh[key][c], fs + 0.5, m=m)
            if o.get("num_font"):
                # Digits in a Latin font of their own (w:ascii/w:hAnsi), as Word documents set them.
                for run in t.cell(row, 3 + j).paragraphs[0].runs:
                    run.font.name = o["num_font"]
                    run._element.rPr.rFonts.set(qn("w:eastAsia"), FONT)

    row = 3
    for key in ("new_received", "carried_over"):
        t.cell(row, 0).merge(t.cell(row, 2)); cell_text(t.cell(row, 0), L.row(key), fs, "left", m=m); nums(row, key); row += 1
    top = row
    groups = {}
    for key, g, num, txt in rr:
        if g is None:
            t.cell(row, 1).merge(t.cell(row, 2)); cell_text(t.cell(row, 1), L.row(key, r.one_row), fs, "left", m=m)
        else:
            groups.setdefault(g, [row, 0])[1] += 1
            cell_text(t.cell(row, 2), L.row(key, r.one_row), fs, "left", m=m)
        nums(row, key)
        row += 1
    for g, (gr, k) in groups.items():
        c = t.cell(gr, 1).merge(t.cell(gr + k - 1, 1)); cell_text(c, L.group(g), fs, m=m)
    v = t.cell(top, 0).merge(t.cell(row - 1, 0))
    cell_text(v, o.get("vcell_text", VCELL), fs, m=m)
    if o.get("vcell_dir"):
        text_direction(v, o["vcell_dir"])
    t.cell(row, 0).merge(t.cell(row, 2)); cell_text(t.cell(row, 0), L.row("carried_forward"), fs, "left", m=m); nums(row, "carried_forward")
    set_widths(t, o.get("app_widths_cm", [0.9, 1.8, 4.2] + [1.25] * 7))
    return t


def review(doc, r, o, m):
    t = doc.add_table(rows=4, cols=15)
    borders(t, o.get("borders", True))
    fs = o.get("table_size", 9)
    sh = r.shown["review_litigation"]
    t.cell(0, 0).merge(t.cell(0, 4)); cell_text(t.cell(0, 0), "行政复议", fs, m=m)
    t.cell(0, 5).merge(t.cell(0, 14)); cell_text(t.cell(0, 5), "行政诉讼", fs, m=m)
    for i, h in enumerate(REV_LABELS):
        t.cell(1, i).merge(t.cell(2, i)); cell_text(t.cell(1, i), h, fs, m=m)
    t.cell(1, 5).merge(t.cell(1, 9)); cell_text(t.cell(1, 5), "未经复议直接起诉", fs, m=m)
    t.cell(1, 10).merge(t.cell(1, 14)); cell_text(t.cell(1, 10), "复议后起诉", fs, m=m)
    for i, h in enumerate(REV_LABELS * 2):
        cell_text(t.cell(2, 5 + i), h, fs, m=m)
    j = 0
    for g in ("review", "litigation_direct", "litigation_after_review"):
        for k in ("upheld", "corrected", "other", "pending", "total"):
            cell_text(t.cell(3, j), sh[g][k], fs + 0.5, m=m)
            j += 1
    set_widths(t, [1.05] * 15)


def active(doc, r, o, m):
    sh = r.shown["active_disclosure"]
    fs = o.get("table_size", 9) + 0.5
    rows = []  # list of lists of (text, span, bold, align)
    if r.template == "2021":
        rows.append([("第二十条第（一）项", 4, False, "center")])
        rows.append([(x, 1, True, "center") for x in ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]])
        for key, lab in (("regulations", "规章"), ("normative_documents", "行政规范性文件")):
            rows.append([(lab, 1, False, "left")] + [(sh[key][f], 1, False, "center") for f in ("issued", "repealed", "in_force")])
        for title, items in (("第二十条第（五）项", [("licensing", "行政许可")]),
                             ("第二十条第（六）项", [("penalty", "行政处罚"), ("coercion", "行政强制")])):
            rows.append([(title, 4, False, "center")])
            rows.append([("信息内容", 1, True, "center"), ("本年处理决定数量", 3, True, "center")])
            for key, lab in items:
                rows.append([(lab, 1, False, "left"), (sh[key]["decisions"], 3, False, "center")])
        rows.append([("第二十条第（八）项", 4, False, "center")])
        rows.append([("信息内容", 1, True, "center"), ("本年收费金额（单位：万元）", 3, True, "center")])
        rows.append([("行政事业性收费", 1, False, "left"), (sh["fees"]["amount"], 3, False, "center")])
    else:
        unit = r.raw["active_disclosure"]["procurement"]["amount_unit"]
        rows.append([("第二十条第（一）项", 4, False, "center")])
        rows.append([(x, 1, True, "center") for x in ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"]])
        for key, lab in (("regulations", "规章"), ("normative_documents", "规范性文件")):
            rows.append([(lab, 1, False, "left")] + [(sh[key][f], 1, False, "center") for f in ("new_made", "new_published", "total_published")])
        for title, items in (("第二十条第（五）项", [("licensing", "行政许可"), ("other_services", "其他对外管理服务事项")]),
                             ("第二十条第（六）项", [("penalty", "行政处罚"), ("coercion", "行政强制")])):
            rows.append([(title, 4, False, "center")])
            rows.append([(x, 1, True, "center") for x in ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]])
            for key, lab in items:
                rows.append([(lab, 1, False, "left")] + [(sh[key][f], 1, False, "center") for f in ("previous_items", "change", "decisions")])
        rows.append([("第二十条第（八）项", 4, False, "center")])
        rows.append([("信息内容", 1, True, "center"), ("上一年项目数量", 1, True, "center"), ("本年增/减", 2, True, "center")])
        rows.append([("行政事业性收费", 1, False, "left"), (sh["fees"]["previous_items"], 1, False, "center"), (sh["fees"]["change"], 2, False, "center")])
        rows.append([("第二十条第（九）项", 4, False, "center")])
        rows.append([("信息内容", 1, True, "center"), ("采购项目数量", 1, True, "center"), (f"采购总金额（{unit}）", 2, True, "center")])
        rows.append([("政府集中采购", 1, False, "left"), (sh["procurement"]["items"], 1, False, "center"), (sh["procurement"]["amount"], 2, False, "center")])
    t = doc.add_table(rows=len(rows), cols=4)
    borders(t, o.get("borders", True))
    for i, cells in enumerate(rows):
        c = 0
        for text, span, bold, align in cells:
            cell = t.cell(i, c)
            if span > 1:
                cell = cell.merge(t.cell(i, c + span - 1))
            cell_text(cell, text, fs, align, bold, m=m)
            c += span
    set_widths(t, [4.5, 3.5, 3.5, 3.5])


def render(r, o, path):
    m = o.get("map_text") or (lambda s: s)
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = FONT
    st.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(o.get("margin_cm", 2.6))
    sec.top_margin, sec.bottom_margin = Cm(3.0), Cm(2.6)
    if o.get("page_fmt"):
        footer_page_number(sec, o["page_fmt"])
    if o.get("run_head"):
        hp = sec.header.paragraphs[0]
        hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        set_font(hp.add_run(m(o["run_head"])), 9)
    hd = o.get("headings", {})
    bs = o.get("body_size", 14)
    for ln in o.get("title_lines", [r.title]):
        para(doc, ln, 20, True, "center", indent=False, m=m)
    for p in r.prose["preface"]:
        para(doc, p, bs, m=m)
    para(doc, hd.get(1, "一、总体情况"), bs, True, m=m)
    for p in r.prose["overview"]:
        para(doc, p, bs, m=m)
    para(doc, hd.get(2, "二、主动公开政府信息情况"), bs, True, m=m)
    active(doc, r, o, m)
    if o.get("apps_landscape"):
        s2 = doc.add_section(WD_SECTION.NEW_PAGE)
        s2.orientation = WD_ORIENT.LANDSCAPE
        s2.page_width, s2.page_height = Cm(29.7), Cm(21)
        s2.top_margin = s2.bottom_margin = Cm(2.0)
    if o.get("spacer_pt"):
        # A blank paragraph of a chosen height moves the applications table's page breaks.
        sp = doc.add_paragraph()
        sp.paragraph_format.line_spacing = Pt(o["spacer_pt"])
        sp.paragraph_format.space_after = Pt(0)
        sp.paragraph_format.space_before = Pt(0)
        set_font(sp.add_run(" "), 1)
    para(doc, hd.get(3, "三、收到和处理政府信息公开申请情况"), bs, True, m=m)
    applications(doc, r, o, m)
    if o.get("apps_landscape"):
        s3 = doc.add_section(WD_SECTION.NEW_PAGE)
        s3.orientation = WD_ORIENT.PORTRAIT
        s3.page_width, s3.page_height = Cm(21), Cm(29.7)
        s3.top_margin, s3.bottom_margin = Cm(3.0), Cm(2.6)
    para(doc, hd.get(4, "四、政府信息公开行政复议、行政诉讼情况"), bs, True, m=m)
    review(doc, r, o, m)
    para(doc, hd.get(5, "五、存在的主要问题及改进情况"), bs, True, m=m)
    for p in r.prose["problems"]:
        para(doc, p, bs, m=m)
    para(doc, hd.get(6, "六、其他需要报告的事项"), bs, True, m=m)
    for p in r.prose["other"]:
        para(doc, p, bs, m=m)
    para(doc, r.org, bs, align="right", indent=False, m=m)
    para(doc, f"{r.year + 1}年1月20日", bs, align="right", indent=False, m=m)
    doc.save(path)
