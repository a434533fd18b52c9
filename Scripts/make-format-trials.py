#!/usr/bin/env python3
"""Writes trial sets of the formats a harvest holds beside PDFs and web pages — Word documents in
layouts the corpus does not have, Markdown as PDF-to-Markdown converters write it, files under a
wrong extension and formats that are no report — each input with NAME.truth.json beside it in the
shape ../shared/eval/score.py reads (numbers known by construction).

    pip install python-docx lxml
    python3 Scripts/make-format-trials.py [OUT]          # default /tmp/govreport-format-trials
    python3 ../shared/eval/score.py OUT/docx -- .build/release/govreport extract {}
    python3 ../shared/eval/score.py OUT/markdown -- .build/release/govreport extract {}
    python3 ../shared/eval/score.py OUT/renamed -- .build/release/govreport extract {}
    python3 ../shared/eval/score.py OUT/office -- .build/release/govreport extract {}   # needs soffice
    python3 Scripts/make-format-trials.py --errors OUT BINARY   # each refusal names its own code
    python3 Scripts/make-format-trials.py --no-office --fixtures  # also (re)writes the test fixtures

Sets:
- docx/: the Word generator's reports (Scripts/make-docx-samples.py: python-docx, gridSpan and
  vMerge like the national template) rewritten in the layouts other writers use: content
  controls around tables, rows, cells and runs; tracked changes (deleted numbers, a deleted row);
  smart tags, hyperlinks, bookmarks and proofing marks around runs; numbers split over runs;
  formula fields in the totals; footnote references; tables in text boxes (DrawingML with a
  VML fallback, or VML only); floating tables and frames; tables nested in layout tables;
  gridBefore/gridAfter; tables split over pages with their header rows repeated; hidden text;
  Strict OOXML; vertical labels written one character per line.
- markdown/: the same reports as converters write them: HTML tables with rowspan/colspan on one
  line (MinerU), pipe tables with merged cells repeated (docling) or left empty (marker), without
  delimiter rows, split by page furniture, with <br> in cells, bold labels, $n$ numbers, footnote
  markers, escaped pipes in the text.
- renamed/: the Samples under wrong extensions, and non-report formats (truth expect_error).
- office/: LibreOffice conversions (.odt, .rtf, .doc, .wps, and LibreOffice's own .docx of
  generated web pages and Word documents); only when soffice is installed.
"""
import copy
import html as htmlmod
import importlib.util
import io
import json
import os
import random
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
import gzip
import zlib

from lxml import etree

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")


def load(name, file):
    spec = importlib.util.spec_from_file_location(name, os.path.join(HERE, file))
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m


D = load("docx_samples", "make-docx-samples.py")   # its H has td patched to emit cell tokens
H = D.H
F = load("format_fixtures", "make-format-fixtures.py")   # write_zip, ole2
write_zip, ole2 = F.write_zip, F.ole2

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
STAMP = (2024, 1, 18, 9, 30, 0)


def w(tag):
    return "{%s}%s" % (W, tag)


def el(tag, attrs=None, children=(), text=None):
    e = etree.Element(w(tag))
    for k, v in (attrs or {}).items():
        e.set(w(k), v)
    for c in children:
        e.append(c)
    if text is not None:
        e.text = text
    return e


def run(text):
    t = el("t", text=text)
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return el("r", children=[t])


# ---------------------------------------------------------------------------
# Reports (the Word generator's builder, other seeds and printing rules)
# ---------------------------------------------------------------------------

BASES = [
    dict(name="a2021", seed=71, template="2021", year=2023, org="青禾县自然资源局",
         title_lines=["青禾县自然资源局", "2023年政府信息公开工作年度报告"],
         other_one_row=False, scale=120, activity=[1.0, 0.3, 0.02, 0.05, 0.1, 0.03], review_scale=5, fee=3.5,
         cell=H.plain),
    dict(name="b2019", seed=72, template="2019", year=2020, org="石门镇人民政府",
         title_lines=["石门镇人民政府2020年政府信息公开工作年度报告"],
         other_one_row=True, scale=60, activity=[1.0, 0.3, 0.0, 0.0, 0.1, 0.0], review_scale=3,
         cell=H.slash_fullwidth),
    dict(name="c2021", seed=73, template="2021", year=2024, org="东湖区卫生健康委员会",
         title_lines=["东湖区卫生健康委员会2024年政府信息公开工作年度报告"],
         other_one_row=False, scale=45, activity=[1.0, 0.2, 0.0, 0.0, 0.05, 0.0], review_scale=2, fee=0,
         cell=H.zero_blank),
]


def docx_bytes(doc):
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def read_zip(data):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(i.filename, z.read(i.filename)) for i in z.infolist()]


VALUE = re.compile(r"[-0-9０-９.,/]+")


def cell_text(tc):
    return "".join(tc.itertext()).strip()


def is_value_cell(tc):
    return bool(VALUE.fullmatch(cell_text(tc)))


def data_tables(body):
    return [t for t in body.findall("w:tbl", NS)]


def value_runs(root):
    """The runs holding a number, in value cells."""
    out = []
    for tc in root.iter(w("tc")):
        if is_value_cell(tc):
            out += [r for r in tc.iter(w("r")) if r.find("w:t", NS) is not None]
    return out


# ---------------------------------------------------------------------------
# Word layouts: each rewrites the document part (lxml root of w:document)
# ---------------------------------------------------------------------------

def m_sdt(root, rng):
    """Content controls: around each table, around groups of rows (a repeating section), around
    some cells, and around the runs of labels."""
    body = root.find("w:body", NS)
    for tbl in data_tables(body):
        rows = tbl.findall("w:tr", NS)
        for i in range(2, len(rows) - 1, 4):
            group = rows[i:i + 3]
            sdt = el("sdt", children=[el("sdtPr", children=[el("id", {"val": str(rng.randint(1, 1 << 30))})])])
            content = el("sdtContent")
            group[0].addprevious(sdt)
            for r in group:
                content.append(r)
            sdt.append(content)
        for k, tc in enumerate(list(tbl.iter(w("tc")))):
            if k % 5 == 1:
                sdt = el("sdt", children=[el("sdtPr"), el("sdtContent")])
                tc.addprevious(sdt)
                sdt[1].append(tc)
            elif not is_value_cell(tc):
                for r in list(tc.iter(w("r"))):
                    if r.getparent().tag == w("p"):
                        sdt = el("sdt", children=[el("sdtPr"), el("sdtContent")])
                        r.addprevious(sdt)
                        sdt[1].append(r)
        sdt = el("sdt", children=[el("sdtPr", children=[el("tag", {"val": "table"})]), el("sdtContent")])
        tbl.addprevious(sdt)
        sdt[1].append(tbl)


def m_tracked(root, rng):
    """Tracked changes: every number was edited (the old one deleted, the new one inserted), one
    row of the applications table was deleted with its numbers, and one row was inserted."""
    attrs = {"id": "0", "author": "审核人", "date": "2024-01-17T10:00:00Z"}
    n = 100
    for r in value_runs(root):
        t = r.find("w:t", NS)
        old = copy.deepcopy(r)
        old.find("w:t", NS).tag = w("delText")
        old.find("w:delText", NS).text = str(rng.randint(1, 999))
        n += 1
        d = el("del", dict(attrs, id=str(n)), [old])
        n += 1
        i = el("ins", dict(attrs, id=str(n)))
        r.addprevious(d)
        r.addprevious(i)
        i.append(r)
    body = root.find("w:body", NS)
    tables = data_tables(body)
    apps = max(tables, key=lambda t: len(t.findall("w:tr", NS)))
    rows = apps.findall("w:tr", NS)
    victim = rows[4]   # 二、上年结转: a copy with other numbers, deleted
    dup = copy.deepcopy(victim)
    for t in dup.iter(w("t")):
        if VALUE.fullmatch(t.text or ""):
            t.text = str(rng.randint(1000, 9999))
    for t in list(dup.iter(w("t"))):
        t.tag = w("delText")
    for tag in ("ins", "del"):
        for x in list(dup.iter(w(tag))):
            if tag == "ins":
                x.tag = w("del")
    tr_pr = dup.find("w:trPr", NS)
    if tr_pr is None:
        tr_pr = el("trPr")
        dup.insert(0, tr_pr)
    n += 1
    tr_pr.append(el("del", dict(attrs, id=str(n))))
    victim.addnext(dup)
    tr_pr = rows[3].find("w:trPr", NS)
    if tr_pr is None:
        tr_pr = el("trPr")
        rows[3].insert(0, tr_pr)
    n += 1
    tr_pr.append(el("ins", dict(attrs, id=str(n))))
    # A deleted paragraph of prose with a number in it, and a moved one.
    p = el("p", children=[el("del", dict(attrs, id=str(n + 1)), [el("r", children=[el("delText", text="全年共收到申请99999件。")])])])
    body.insert(3, p)


def m_smarttag(root, rng):
    """Runs wrapped in smart tags and hyperlinks; bookmarks and proofing marks between runs."""
    for k, r in enumerate(list(root.iter(w("r")))):
        parent = r.getparent()
        if parent.tag != w("p"):
            continue
        if k % 3 == 0:
            wrap = el("smartTag", {"uri": "urn:schemas-microsoft-com:office:smarttags", "element": "chmetcnv"})
            wrap.append(el("smartTagPr", children=[el("attr", {"name": "UnitName", "val": "件"})]))
        elif k % 3 == 1:
            wrap = el("hyperlink", {"anchor": f"_Toc{k}", "history": "1"})
        else:
            r.addprevious(el("proofErr", {"type": "spellStart"}))
            r.addprevious(el("bookmarkStart", {"id": str(k), "name": f"_Hlk{k}"}))
            r.addnext(el("bookmarkEnd", {"id": str(k)}))
            continue
        r.addprevious(wrap)
        wrap.append(r)


def m_split_runs(root, rng):
    """Numbers written one character per run (as typing and revision ids leave them), labels in
    several runs with a rendered page break mark."""
    for r in list(root.iter(w("r"))):
        t = r.find("w:t", NS)
        if t is None or not t.text or len(t.text) < 2:
            continue
        text = t.text
        if VALUE.fullmatch(text):
            pieces = list(text)
        else:
            cut = rng.randint(1, len(text) - 1)
            pieces = [text[:cut], text[cut:]]
        prev = r
        for i, piece in enumerate(pieces):
            nr = copy.deepcopy(r)
            nr.set(w("rsidR"), "00%06X" % rng.randint(0, 0xFFFFFF))
            nt = nr.find("w:t", NS)
            nt.text = piece
            if i == 1 and not VALUE.fullmatch(text):
                nt.addprevious(el("lastRenderedPageBreak"))
            prev.addnext(nr)
            prev = nr
        r.getparent().remove(r)


def field_runs(instr, result_run):
    runs = [el("r", children=[el("fldChar", {"fldCharType": "begin"})]),
            el("r", children=[el("instrText", text=instr)]),
            el("r", children=[el("fldChar", {"fldCharType": "separate"})])]
    return runs + [result_run, el("r", children=[el("fldChar", {"fldCharType": "end"})])]


def m_fields(root, rng):
    """Totals written as formula fields (=SUM(LEFT), complex and simple), a cross-reference field
    around a label, and a PAGE field in the body text."""
    for tr in root.iter(w("tr")):
        tcs = [tc for tc in tr.findall("w:tc", NS)]
        if len(tcs) < 3 or not is_value_cell(tcs[-1]):
            continue
        last = tcs[-1]
        for r in list(last.iter(w("r"))):
            p = r.getparent()
            if rng.random() < 0.5:
                for x in reversed(field_runs(" =SUM(LEFT) \\* MERGEFORMAT ", copy.deepcopy(r))):
                    r.addnext(x)
            else:
                f = el("fldSimple", {"instr": " =SUM(LEFT) "})
                r.addprevious(f)
                f.append(copy.deepcopy(r))
            p.remove(r)
        if not is_value_cell(tcs[0]):
            for r in list(tcs[0].iter(w("r")))[:1]:
                for x in reversed(field_runs(" REF _Ref1234 \\h ", copy.deepcopy(r))):
                    r.addnext(x)
                r.getparent().remove(r)
    body = root.find("w:body", NS)
    p = el("p", children=[run("第")] + field_runs(" PAGE ", run("2")) + [run("页")])
    body.insert(4, p)


def m_footnotes(root, rng):
    """Footnote references after labels and some numbers, and a label with a superscript mark."""
    k = 0
    for tc in root.iter(w("tc")):
        p = tc.find("w:p", NS)
        if p is None or not cell_text(tc):
            continue
        k += 1
        if k % 4:
            continue
        k2 = k // 4
        ref = el("r", children=[el("rPr", children=[el("rStyle", {"val": "FootnoteReference"}),
                                                      el("vertAlign", {"val": "superscript"})]),
                                el("footnoteReference", {"id": str(k2)})])
        p.append(ref)


TEXTBOX_NS = {
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
}


def q(prefix, tag):
    return "{%s}%s" % (TEXTBOX_NS[prefix], tag)


def textbox_paragraph(blocks, vml_only=False):
    """A paragraph anchoring a text box that holds `blocks` (DrawingML, with the VML fallback
    Word writes for older readers — the same content twice — or VML only, as older WPS does)."""
    def vml():
        pict = el("pict")
        shape = etree.SubElement(pict, q("v", "shape"), {"style": "position:absolute;width:450pt;height:600pt"})
        box = etree.SubElement(shape, q("v", "textbox"))
        content = el("txbxContent")
        for b in blocks:
            content.append(copy.deepcopy(b))
        box.append(content)
        return pict
    r = el("r")
    if vml_only:
        r.append(vml())
    else:
        alt = etree.SubElement(r, q("mc", "AlternateContent"))
        choice = etree.SubElement(alt, q("mc", "Choice"), {"Requires": "wps"})
        drawing = el("drawing")
        choice.append(drawing)
        anchor = etree.SubElement(drawing, q("wp", "anchor"), {"distT": "0", "distB": "0", "simplePos": "0",
                                                               "relativeHeight": "1", "behindDoc": "0",
                                                               "locked": "0", "layoutInCell": "1",
                                                               "allowOverlap": "1"})
        etree.SubElement(anchor, q("wp", "extent"), {"cx": "5715000", "cy": "7620000"})
        etree.SubElement(anchor, q("wp", "docPr"), {"id": "1", "name": "文本框 1"})
        graphic = etree.SubElement(anchor, q("a", "graphic"))
        gdata = etree.SubElement(graphic, q("a", "graphicData"),
                                 {"uri": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"})
        wsp = etree.SubElement(gdata, q("wps", "wsp"))
        txbx = etree.SubElement(wsp, q("wps", "txbx"))
        content = el("txbxContent")
        for b in blocks:
            content.append(copy.deepcopy(b))
        txbx.append(content)
        etree.SubElement(wsp, q("wps", "bodyPr"))
        fallback = etree.SubElement(alt, q("mc", "Fallback"))
        fallback.append(vml())
    return el("p", children=[r])


def m_textbox(root, rng, vml_only=False):
    """Each data table (with its heading paragraph) moved into a text box."""
    body = root.find("w:body", NS)
    for tbl in data_tables(body):
        p = textbox_paragraph([tbl, el("p")], vml_only)
        tbl.addprevious(p)
        body.remove(tbl)


def m_textbox_vml(root, rng):
    m_textbox(root, rng, vml_only=True)


def m_floating(root, rng):
    """Floating tables (tblpPr) and framed paragraphs (framePr), as WPS positions them."""
    body = root.find("w:body", NS)
    for tbl in data_tables(body):
        tbl_pr = tbl.find("w:tblPr", NS)
        tbl_pr.insert(0, el("tblpPr", {"leftFromText": "180", "rightFromText": "180", "vertAnchor": "text",
                                       "horzAnchor": "margin", "tblpY": "313"}))
        tbl_pr.append(el("tblOverlap", {"val": "never"}))
    for p in body.findall("w:p", NS)[:3]:
        p_pr = p.find("w:pPr", NS)
        if p_pr is None:
            p_pr = el("pPr")
            p.insert(0, p_pr)
        p_pr.insert(0, el("framePr", {"w": "8000", "hSpace": "180", "wrap": "around", "vAnchor": "text",
                                      "hAnchor": "margin", "y": "1"}))


def layout_table(blocks, cols=1):
    tc = el("tc", children=[el("tcPr", children=[el("tcW", {"w": "9000", "type": "dxa"})])])
    for b in blocks:
        tc.append(b)
    if not len(blocks) or blocks[-1].tag != w("p"):
        tc.append(el("p"))
    return el("tbl", children=[el("tblPr", children=[el("tblW", {"w": "9000", "type": "dxa"})]),
                               el("tblGrid", children=[el("gridCol", {"w": "9000"})]),
                               el("tr", children=[tc])])


def m_nested(root, rng):
    """Each data table inside a one-cell layout table, and the whole body inside another."""
    body = root.find("w:body", NS)
    for tbl in data_tables(body):
        holder = layout_table([])
        tbl.addprevious(holder)
        tc = holder.find(".//w:tc", NS)
        tc.insert(1, tbl)
    sect = body.find("w:sectPr", NS)
    blocks = [b for b in body if b is not sect]
    outer = layout_table([])
    tc = outer.find(".//w:tc", NS)
    for b in blocks:
        body.remove(b)
        tc.insert(len(tc) - 1, b)
    body.insert(0, outer)


def m_grid_before_after(root, rng):
    """A leading grid column every row skips (gridBefore) and a trailing one (gridAfter), as
    rows indented or cut short in WPS."""
    body = root.find("w:body", NS)
    for tbl in data_tables(body):
        grid = tbl.find("w:tblGrid", NS)
        grid.insert(0, el("gridCol", {"w": "600"}))
        grid.append(el("gridCol", {"w": "700"}))
        for tr in tbl.findall("w:tr", NS):
            tr_pr = tr.find("w:trPr", NS)
            if tr_pr is None:
                tr_pr = el("trPr")
                tr.insert(0, tr_pr)
            tr_pr.insert(0, el("gridBefore", {"val": "1"}))
            tr_pr.insert(1, el("wBefore", {"w": "600", "type": "dxa"}))
            tr_pr.append(el("gridAfter", {"val": "1"}))
            tr_pr.append(el("wAfter", {"w": "700", "type": "dxa"}))


def tbl_header(tr):
    tr_pr = tr.find("w:trPr", NS)
    if tr_pr is None:
        tr_pr = el("trPr")
        tr.insert(0, tr_pr)
    tr_pr.append(el("tblHeader"))


def header_rows(tbl):
    """The rows above the first row with a number."""
    out = []
    for tr in tbl.findall("w:tr", NS):
        if any(is_value_cell(tc) for tc in tr.findall("w:tc", NS)):
            break
        out.append(tr)
    return out


def m_split_pages(root, rng, repeat_labels=True):
    """Each table longer than 6 rows split in two over a page: a page break, the page number
    paragraph, the header rows repeated (tblHeader) and, for a vertical merge running over the
    cut, the merged label written again (repeat_labels) or left as an empty cell."""
    body = root.find("w:body", NS)
    for tbl in data_tables(body):
        rows = tbl.findall("w:tr", NS)
        heads = header_rows(tbl)
        if len(rows) < 8 or not heads:
            continue
        for h in heads:
            tbl_header(h)
        cut = len(heads) + (len(rows) - len(heads)) // 2
        second = copy.deepcopy(tbl)
        for tr in second.findall("w:tr", NS):
            second.remove(tr)
        for h in heads:
            second.append(copy.deepcopy(h))
        # Cells continuing a vertical merge over the cut: find the label of their merge.
        labels = {}
        for tr in rows[:cut]:
            col = 0
            for tc in tr.findall("w:tc", NS):
                pr = tc.find("w:tcPr", NS)
                span = int(pr.find("w:gridSpan", NS).get(w("val"))) if pr is not None and pr.find("w:gridSpan", NS) is not None else 1
                vm = pr.find("w:vMerge", NS) if pr is not None else None
                if vm is not None and vm.get(w("val")) == "restart":
                    labels[col] = tc
                col += span
        first_after = rows[cut]
        col = 0
        for tc in first_after.findall("w:tc", NS):
            pr = tc.find("w:tcPr", NS)
            span = int(pr.find("w:gridSpan", NS).get(w("val"))) if pr is not None and pr.find("w:gridSpan", NS) is not None else 1
            vm = pr.find("w:vMerge", NS) if pr is not None else None
            if vm is not None and vm.get(w("val")) != "restart":
                vm.set(w("val"), "restart")
                if repeat_labels and col in labels:
                    for p in tc.findall("w:p", NS):
                        tc.remove(p)
                    for p in labels[col].findall("w:p", NS):
                        tc.append(copy.deepcopy(p))
            col += span
        for tr in rows[cut:]:
            second.append(tr)
        brk = el("p", children=[el("r", children=[el("br", {"type": "page"})])])
        page_no = el("p", children=[el("pPr", children=[el("jc", {"val": "center"})]), run("— 2 —")])
        tbl.addnext(brk)
        brk.addnext(page_no)
        page_no.addnext(second)


def m_split_pages_blank(root, rng):
    m_split_pages(root, rng, repeat_labels=False)


def m_hidden(root, rng):
    """Hidden runs (w:vanish) with other numbers beside the numbers, and a hidden paragraph."""
    for r in value_runs(root)[::2]:
        h = copy.deepcopy(r)
        rpr = h.find("w:rPr", NS)
        if rpr is None:
            rpr = el("rPr")
            h.insert(0, rpr)
        rpr.append(el("vanish"))
        h.find("w:t", NS).text = str(rng.randint(1, 99))
        r.addnext(h)


def m_vertical_chars(root, rng):
    """Group labels written one character per paragraph (how vertical text is typed by hand)."""
    for tc in root.iter(w("tc")):
        text = cell_text(tc)
        if text in ("三、本年度办理结果", "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"):
            p0 = tc.find("w:p", NS)
            for p in tc.findall("w:p", NS):
                tc.remove(p)
            for ch in text:
                p = copy.deepcopy(p0)
                for r in p.findall("w:r", NS):
                    p.remove(r)
                p.append(run(ch))
                tc.append(p)


def m_placeholder(root, rng):
    """Blank value cells holding a content control that shows its placeholder text (a form
    left unfilled), and filled ones holding the number in a content control."""
    for tbl in root.find("w:body", NS).iter(w("tbl")):
        heads = len(header_rows(tbl))
        for tr in tbl.findall("w:tr", NS)[heads:]:
            tcs = tr.findall("w:tc", NS)
            if not any(is_value_cell(tc) for tc in tcs):
                continue
            for tc in tcs[1:]:
                text = cell_text(tc)
                if text and not is_value_cell(tc):
                    continue
                p = tc.find("w:p", NS)
                pr = el("sdtPr", children=[el("alias", {"val": "数字"})])
                if not text:
                    pr.append(el("showingPlcHdr"))
                    r = el("r", children=[el("rPr", children=[el("rStyle", {"val": "PlaceholderText"})]),
                                          el("t", text="单击或点击此处输入文字。")])
                else:
                    r = p.find("w:r", NS)
                    if r is None:
                        continue
                    p.remove(r)
                p.append(el("sdt", children=[pr, el("sdtContent", children=[r])]))


STRICT = {
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "http://purl.oclc.org/ooxml/wordprocessingml/main",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships": "http://purl.oclc.org/ooxml/officeDocument/relationships",
}

LAYOUTS = [
    ("sdt", m_sdt), ("tracked", m_tracked), ("smarttag", m_smarttag), ("splitruns", m_split_runs),
    ("fields", m_fields), ("footnotes", m_footnotes), ("textbox", m_textbox), ("textbox-vml", m_textbox_vml),
    ("floating", m_floating), ("nested", m_nested), ("gridbefore", m_grid_before_after),
    ("splitpages", m_split_pages), ("splitpages-blank", m_split_pages_blank), ("hidden", m_hidden),
    ("verticalchars", m_vertical_chars), ("placeholder", m_placeholder), ("strict", None),
    ("everything", [m_split_runs, m_smarttag, m_tracked, m_fields, m_footnotes, m_split_pages, m_sdt]),
]


def rewrite_docx(data, layout_fns, rng, strict=False):
    entries = read_zip(data)
    out = []
    for name, blob in entries:
        if name == "word/document.xml" and layout_fns:
            root = etree.fromstring(blob)
            for fn in layout_fns:
                fn(root, rng)
            blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        if strict and name.endswith(".xml") or strict and name.endswith(".rels"):
            text = blob.decode("utf-8")
            for a, b in STRICT.items():
                text = text.replace(a, b)
            text = text.replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships/",
                                "http://purl.oclc.org/ooxml/officeDocument/relationships/")
            blob = text.encode("utf-8")
        out.append((name, blob))
    return out


def write_truth(path, truth, input_name, note=None, **extra):
    t = dict(truth)
    t["input"] = input_name
    if note:
        t["note"] = note
    t.update(extra)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(t, f, ensure_ascii=False, indent=1)
        f.write("\n")


def make_docx_set(out):
    os.makedirs(out, exist_ok=True)
    made = {}
    for b in BASES:
        doc, truth = D.build(b)
        data = docx_bytes(doc)
        made[b["name"]] = (data, truth)
        for lname, fn in LAYOUTS:
            rng = random.Random(zlib.crc32(f"{b['seed']}-{lname}".encode()))
            fns = fn if isinstance(fn, list) else ([fn] if fn else [])
            entries = rewrite_docx(data, fns, rng, strict=lname == "strict")
            name = f"{b['name']}-{lname}"
            write_zip(os.path.join(out, name + ".docx"), entries)
            write_truth(os.path.join(out, name + ".truth.json"), truth, name + ".docx", note=lname)
    return made


# ---------------------------------------------------------------------------
# Markdown as converters write it
# ---------------------------------------------------------------------------

def grids(b):
    """The report's three tables as placed cells (row, column, cell) and its text."""
    rng = H.random.Random(b["seed"])
    one_row = b["other_one_row"]
    apps = H.gen_applications(rng, one_row, b["scale"], b["activity"])
    review = H.gen_review(rng, b["review_scale"])
    active = H.gen_active_2021(rng, b.get("fee", 0)) if b["template"] == "2021" else H.gen_active_2019(rng)
    rule = b["cell"]
    shown_apps, _ = H.show(rule, "applications", apps)
    shown_rev, _ = H.show(rule, "review", review)
    shown_act, _ = H.show(rule, "active", active)
    text = H.prose(b, apps, rng)
    builder = H.active_table_2021 if b["template"] == "2021" else H.active_table_2019
    tables = [D.layout(D.parse_rows(rows)) for rows in (builder(D.PLAIN, shown_act),
                                                         H.applications_table(D.PLAIN, shown_apps, one_row),
                                                         H.review_table(D.PLAIN, shown_rev))]
    return tables, text


def is_number(s):
    return bool(VALUE.fullmatch(s))


def md_html_table(placed, width, br="<br>", one_line=True):
    rows = {}
    for r, c, cell in placed:
        rows.setdefault(r, []).append((c, cell))
    out = []
    for r in sorted(rows):
        tds = []
        for c, cell in sorted(rows[r], key=lambda x: x[0]):
            span = (f' rowspan="{cell["rs"]}"' if cell["rs"] > 1 else "") + (f' colspan="{cell["cs"]}"' if cell["cs"] > 1 else "")
            tds.append(f"<td{span}>{br.join(htmlmod.escape(t) for t in cell['lines'])}</td>")
        out.append("<tr>" + "".join(tds) + "</tr>")
    sep = "" if one_line else "\n"
    return f"<table>{sep}" + sep.join(out) + f"{sep}</table>"


def md_grid(placed, width, repeat=True, br=" "):
    """The table as a full grid of texts: a merged cell's text in every slot it spans (docling)
    or in its first slot only (marker)."""
    n = max(r + cell["rs"] for r, c, cell in placed)
    grid = [[""] * width for _ in range(n)]
    for r, c, cell in placed:
        text = br.join(cell["lines"])
        for rr in range(r, r + cell["rs"]):
            for cc in range(c, c + cell["cs"]):
                if repeat or (rr == r and cc == c):
                    grid[rr][cc] = text
    return grid


def pipe_rows(grid, fmt=lambda s, r, c: s):
    return ["| " + " | ".join(fmt(s, r, c) for c, s in enumerate(row)) + " |" for r, row in enumerate(grid)]


def delim(width):
    return "|" + "|".join(["---"] * width) + "|"


def md_doc(b, text, table_md, *, bold_headings=False, heading_marks=True, footnote=False, escaped=False):
    org, year = b["org"], b["year"]
    lines = []
    title = "".join(b["title_lines"])
    lines += [f"# {title}", ""]
    lines += [text["preface"], ""]
    heads = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
             "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]

    def h(t):
        if heading_marks:
            return f"## {t}"
        return f"**{t}**" if bold_headings else t
    lines += [h(heads[0]), ""]
    for p in text["overview"]:
        if escaped:
            p = p.replace("，以公开促落实", "\\|以公开促落实")
        lines += [p, ""]
    for i, t in enumerate(table_md):
        lines += [h(heads[i + 1]), "", t, ""]
    lines += [h(heads[4]), ""] + [x for p in text["problems"] for x in (p, "")]
    lines += [h(heads[5]), ""] + [x for p in text["other"] for x in (p, "")]
    if footnote:
        lines += ["[^1]: 数据统计截至12月31日，共3类12项。", ""]
    lines += [org, f"{year + 1}年1月18日", ""]
    return "\n".join(lines)


def dollar(s, r, c):
    return f"${s}$" if is_number(s) and s else s


def bold_labels(s, r, c):
    return f"**{s}**" if s and not is_number(s) else s


def footnote_labels(s, r, c):
    return s + "[^1]" if s.startswith("（七）") or s == "行政处罚" else s


MD_KINDS = {}


def md_kind(name):
    def deco(fn):
        MD_KINDS[name] = fn
        return fn
    return deco


@md_kind("mineru-html")
def _(tables, b):
    return [md_html_table(p, wd) for p, wd in tables]


@md_kind("html-multiline")
def _(tables, b):
    return [md_html_table(p, wd, br="<br/>", one_line=False) for p, wd in tables]


@md_kind("docling-repeat")
def _(tables, b):
    out = []
    for p, wd in tables:
        g = md_grid(p, wd, repeat=True)
        rows = pipe_rows(g)
        out.append("\n".join([rows[0], delim(wd)] + rows[1:]))
    return out


@md_kind("marker-blank-br")
def _(tables, b):
    out = []
    for p, wd in tables:
        g = md_grid(p, wd, repeat=False, br="<br>")
        rows = pipe_rows(g)
        out.append("\n".join([rows[0], delim(wd)] + rows[1:]))
    return out


@md_kind("no-delimiter")
def _(tables, b):
    return ["\n".join(pipe_rows(md_grid(p, wd, repeat=True))) for p, wd in tables]


@md_kind("split-furniture")
def _(tables, b):
    out = []
    for k, (p, wd) in enumerate(tables):
        g = md_grid(p, wd, repeat=True)
        rows = pipe_rows(g)
        if len(rows) > 10:
            cut = len(rows) // 2
            # The applications table's header rows are repeated on the next page; another
            # table goes on with its next row taken for a header.
            heads = rows[:3] + rows[cut:] if k == 1 else rows[cut:]
            part = [rows[0], delim(wd)] + rows[1:cut] + ["", f"— {k + 2} —", "", f"{b['org']}{b['year']}年政府信息公开工作年度报告", ""] \
                + [heads[0], delim(wd)] + heads[1:]
            out.append("\n".join(part))
        else:
            out.append("\n".join([rows[0], delim(wd)] + rows[1:]))
    return out


@md_kind("dollar-numbers")
def _(tables, b):
    out = []
    for p, wd in tables:
        rows = pipe_rows(md_grid(p, wd, repeat=True), dollar)
        out.append("\n".join([rows[0], delim(wd)] + rows[1:]))
    return out


@md_kind("bold-labels")
def _(tables, b):
    out = []
    for p, wd in tables:
        rows = pipe_rows(md_grid(p, wd, repeat=True), bold_labels)
        out.append("\n".join([rows[0], delim(wd)] + rows[1:]))
    return out


@md_kind("footnote-markers")
def _(tables, b):
    out = []
    for p, wd in tables:
        rows = pipe_rows(md_grid(p, wd, repeat=True), footnote_labels)
        out.append("\n".join([rows[0], delim(wd)] + rows[1:]))
    return out


MD_DOC_OPTS = {
    "bold-labels": dict(heading_marks=False, bold_headings=True),
    "footnote-markers": dict(footnote=True, escaped=True),
    "no-delimiter": dict(heading_marks=False),
}


def make_markdown_set(out, made):
    os.makedirs(out, exist_ok=True)
    for b in BASES:
        tables, text = grids(b)
        truth = made[b["name"]][1]
        for kind, fn in MD_KINDS.items():
            name = f"{b['name']}-{kind}"
            ext = ".txt" if kind in ("docling-repeat", "no-delimiter") else ".md"
            md = md_doc(b, text, fn(tables, b), **MD_DOC_OPTS.get(kind, {}))
            with open(os.path.join(out, name + ext), "w", encoding="utf-8") as f:
                f.write(md)
            write_truth(os.path.join(out, name + ".truth.json"), truth, name + ext, note=kind)


# ---------------------------------------------------------------------------
# Renamed files and formats that are no report
# ---------------------------------------------------------------------------

def sample_truth(name):
    with open(os.path.join(ROOT, "Samples", name + ".numbers.json"), encoding="utf-8") as f:
        return json.load(f)


def minimal_zip(entries):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for n, d in entries:
            z.writestr(zipfile.ZipInfo(n, date_time=STAMP), d)
    return buf.getvalue()


def make_renamed_set(out, made):
    os.makedirs(out, exist_ok=True)
    S = os.path.join(ROOT, "Samples")
    renames = [
        ("sample-bordered-2021.pdf", "sample-bordered-2021", "pdf-as.html"),
        ("sample-bordered-2021.pdf", "sample-bordered-2021", "pdf-as.docx"),
        ("sample-web-2021.html", "sample-web-2021", "html-as.pdf"),
        ("sample-web-2021.html", "sample-web-2021", "html-as.txt"),
        ("sample-word-2021.docx", "sample-word-2021", "docx-as.zip"),
        ("sample-word-2021.docx", "sample-word-2021", "docx-as.doc"),
        ("sample-word-2021.docx", "sample-word-2021", "docx-as.pdf"),
        ("sample-markdown-2021.md", "sample-markdown-2021", "md-as.txt"),
        ("sample-markdown-2021.md", "sample-markdown-2021", "md-as.html"),
        ("smx-kjj-2024.txt", "smx-kjj-2024", "text-as.md"),
        ("smx-kjj-2024.txt", "smx-kjj-2024", "text-as.pdf"),
        ("sample-2019.layout.txt", "sample-2019.layout", "layout-as.md"),
        ("sample-2019.layout.txt", "sample-2019.layout", "layout-as.doc"),
    ]
    for src, truth_name, new in renames:
        stem, ext = new.rsplit(".", 1)
        name = f"{truth_name}.{stem}-{ext}"
        shutil.copy(os.path.join(S, src), os.path.join(out, f"{name}.{ext}"))
        write_truth(os.path.join(out, name + ".truth.json"), sample_truth(truth_name), f"{name}.{ext}", note=new)
    # A Word document with no extension at all, and upper case.
    data, truth = made["a2021"]
    for fname in ("a2021-noext", "a2021-upper.DOCX"):
        write_zip(os.path.join(out, fname), read_zip(data))
        write_truth(os.path.join(out, fname.split(".")[0] + ".truth.json"), truth, fname)
    # Web pages saved as one file (MHTML), as Word and CMSs export "Word" documents: under .doc,
    # quoted-printable UTF-8, and base64 GBK.
    Hh = load("html_samples_mht", "make-html-samples.py")
    for sname, ext, enc, cte in (("web-2021-utf8", "doc", "utf-8", "quoted-printable"),
                                 ("web-2021-gbk", "mht", "gbk", "base64")):
        page, truth = Hh.build(next(p for p in Hh.PAGES if p["name"] == sname))
        name = f"{sname}.mht-as-{ext}"
        with open(os.path.join(out, f"{name}.{ext}"), "wb") as f:
            f.write(mhtml(page.encode(enc), enc, cte))
        write_truth(os.path.join(out, name + ".truth.json"), truth, f"{name}.{ext}", note="MHTML")
    errors = make_error_inputs()
    for fname, (blob, code) in errors.items():
        with open(os.path.join(out, fname), "wb") as f:
            f.write(blob)
        write_truth(os.path.join(out, fname.replace(".", "_") + ".truth.json"), {}, fname, expect_error=code)


def mhtml(page, charset, cte):
    """A single-file web page as Word writes one (MIME multipart/related)."""
    boundary = "----=_NextPart_01DA4A1B.2C3D4E50"
    if cte == "base64":
        import base64
        body = base64.encodebytes(page).decode("ascii")
    else:
        import quopri
        body = quopri.encodestring(page).decode("ascii")
    head = (f"MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\tboundary=\"{boundary}\"\r\n\r\n"
            "此文档为“单个文件网页”，也称为“Web 档案”文件。\r\n\r\n")
    part = (f"--{boundary}\r\nContent-Location: file:///C:/report.htm\r\n"
            f"Content-Transfer-Encoding: {cte}\r\nContent-Type: text/html; charset=\"{charset}\"\r\n\r\n")
    image = (f"--{boundary}\r\nContent-Location: file:///C:/report.files/image001.png\r\n"
             "Content-Transfer-Encoding: base64\r\nContent-Type: image/png\r\n\r\niVBORw0KGgo=\r\n\r\n")
    return (head.encode("utf-8") + part.encode("ascii") + body.replace("\n", "\r\n").encode("ascii")
            + b"\r\n" + image.encode("ascii") + f"--{boundary}--\r\n".encode("ascii"))


def make_error_inputs():
    png = bytes.fromhex("89504E470D0A1A0A0000000D49484452000000010000000108060000001F15C4890000000D4944415478DA63F8CFC0F01F0005000201F1F7A8A50000000049454E44AE426082")
    ofd = minimal_zip([("OFD.xml", '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>'), ("Doc_0/Document.xml", "<x/>")])
    xlsx = minimal_zip([("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>")])
    pptx = minimal_zip([("[Content_Types].xml", "<Types/>"), ("ppt/presentation.xml", "<presentation/>")])
    plainzip = minimal_zip([("a.txt", "报告一"), ("b.txt", "报告二")])
    return {
        "report.ofd": (ofd, "unsupported_format"),
        "ofd-as.pdf": (ofd, "unsupported_format"),
        "reports.zip": (plainzip, "unsupported_format"),
        "zip-as.docx": (plainzip, "unsupported_format"),
        "scan.png": (png, "unsupported_format"),
        "png-as.pdf": (png, "unsupported_format"),
        "jpeg-as.docx": (bytes.fromhex("FFD8FFE000104A46494600010100000100010000FFD9"), "unsupported_format"),
        "other-ole.doc": (ole2("Contents2"), "unsupported_format"),
        "sheet.xlsx": (xlsx, "unsupported_format"),
        "sheet-as.docx": (xlsx, "unsupported_format"),
        "slides.pptx": (pptx, "unsupported_format"),
        "empty.pdf": (b"", "empty_file"),
        "empty.txt": (b"", "empty_file"),
        "report.gz": (gzip.compress(b"hello", mtime=0), "unsupported_format"),
        "gz-as.txt": (gzip.compress(b"hello", mtime=0), "unsupported_format"),
        "binary.bin": (bytes(range(256)) * 8, "unsupported_format"),
        "sheet-2003.xml": ('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook/>'.encode(),
                           "unsupported_format"),
        "not-a-report.md": ("# 会议纪要\n\n| 项目 | 数量 |\n|---|---|\n| 会议 | 3 |\n".encode(), "not_a_report"),
    }


# ---------------------------------------------------------------------------
# LibreOffice conversions
# ---------------------------------------------------------------------------

def word2003_xml(docx):
    """A Word document as Word 2003 XML (WordprocessingML 2003): one XML file, the body in a
    wx:sect, vertical merges as w:vmerge."""
    root = etree.fromstring(dict(read_zip(docx))["word/document.xml"])
    body = root.find("w:body", NS)
    blocks = "".join(etree.tostring(b, encoding="unicode") for b in body if b.tag != w("sectPr"))
    blocks = blocks.replace(W, "http://schemas.microsoft.com/office/word/2003/wordml")
    blocks = re.sub(r' xmlns:(?!w=)\w+="[^"]*"', "", blocks).replace("w:vMerge", "w:vmerge")
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n'
            '<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml" '
            'xmlns:wx="http://schemas.microsoft.com/office/word/2003/auxHint"><w:body><wx:sect>'
            + blocks + "</wx:sect></w:body></w:wordDocument>").encode("utf-8")


def soffice_convert(soffice, files, target, outdir, infilter=None):
    with tempfile.TemporaryDirectory() as tmp:
        args = [soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless"]
        if infilter:
            args.append(f"--infilter={infilter}")
        args += ["--convert-to", target, "--outdir", outdir] + files
        subprocess.run(args, check=True, capture_output=True, timeout=600)


def make_office_set(out, made, docx_dir):
    soffice = shutil.which("soffice")
    if not soffice:
        print("office/: soffice not installed, skipped")
        return
    os.makedirs(out, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        srcs = []
        for b in BASES:
            data, truth = made[b["name"]]
            p = os.path.join(tmp, b["name"] + ".docx")
            with open(p, "wb") as f:
                f.write(data)
            srcs.append(p)
        # .odt, .rtf and .doc of the python-docx reports (the .doc of one saved as .wps).
        for target, ext in (("odt", "odt"), ("rtf", "rtf"), ("doc", "doc")):
            soffice_convert(soffice, srcs, target, tmp)
        for b in BASES:
            truth = made[b["name"]][1]
            for ext in ("odt", "rtf", "doc"):
                new_ext = "wps" if ext == "doc" and b["name"] == "b2019" else ext
                name = f"{b['name']}-lo"
                shutil.copy(os.path.join(tmp, f"{b['name']}.{ext}"), os.path.join(out, f"{name}-{ext}.{new_ext}"))
                write_truth(os.path.join(out, f"{name}-{ext}.truth.json"), truth, f"{name}-{ext}.{new_ext}")
        # Word 2003 XML (what sites generate as "Word" files from templates), saved as .doc.
        # (Written here: LibreOffice's own 2003 XML export drops vertical merges.)
        for b in BASES:
            name = f"{b['name']}-word2003xml"
            with open(os.path.join(out, name + ".doc"), "wb") as f:
                f.write(word2003_xml(made[b["name"]][0]))
            write_truth(os.path.join(out, name + ".truth.json"), made[b["name"]][1], name + ".doc")
        # LibreOffice's own .docx, written from its .odt.
        odts = [os.path.join(tmp, b["name"] + ".odt") for b in BASES]
        lo = os.path.join(tmp, "lo")
        os.makedirs(lo)
        soffice_convert(soffice, odts, "docx:MS Word 2007 XML", lo)
        for b in BASES:
            name = f"{b['name']}-lo-docx"
            shutil.copy(os.path.join(lo, b["name"] + ".docx"), os.path.join(out, name + ".docx"))
            write_truth(os.path.join(out, name + ".truth.json"), made[b["name"]][1], name + ".docx")
        # Web pages (the HTML generator's) opened in Writer and saved as .docx.
        Hh = load("html_samples_plain", "make-html-samples.py")
        pages = []
        # (UTF-8 pages only: LibreOffice's HTML import ignores a GBK page's declared charset.)
        for s in [p for p in Hh.PAGES if "gbk" not in p["name"]][:3]:
            page, truth = Hh.build(s)
            p = os.path.join(tmp, "web-" + s["name"] + ".html")
            with open(p, "w", encoding="utf-8") as f:
                f.write(page)
            pages.append((p, truth, s["name"]))
        web = os.path.join(tmp, "web")
        os.makedirs(web)
        soffice_convert(soffice, [p for p, _, _ in pages], "docx:MS Word 2007 XML", web, infilter="HTML (StarWriter)")
        for p, truth, sname in pages:
            name = f"web-{sname}-lo"
            shutil.copy(os.path.join(web, os.path.basename(p)[:-5] + ".docx"), os.path.join(out, name + ".docx"))
            write_truth(os.path.join(out, name + ".truth.json"), truth, name + ".docx")


# ---------------------------------------------------------------------------
# Error codes of the refusals
# ---------------------------------------------------------------------------

def check_errors(out, binary):
    bad = 0
    for sub in sorted(os.listdir(out)):
        d = os.path.join(out, sub)
        for f in sorted(os.listdir(d)):
            if not f.endswith(".truth.json"):
                continue
            t = json.load(open(os.path.join(d, f), encoding="utf-8"))
            if "expect_error" not in t:
                continue
            p = subprocess.run([binary, "extract", os.path.join(d, t["input"])], capture_output=True)
            err = p.stderr.decode("utf-8", "replace").strip()
            ok = p.returncode != 0 and t["expect_error"] in err
            bad += not ok
            print(f"{'ok ' if ok else 'BAD'} {sub}/{t['input']}: exit {p.returncode}: {err[:160]}")
    print(f"ERRORS bad={bad}")
    return bad


# The trials that once failed, kept as test fixtures (Tests/GovReportTests/Fixtures/format-trials:
# NAME.EXT and NAME.numbers.json; FormatTrialFixtureTests reads every one).
FIXTURES = [
    ("docx", "c2021-textbox.docx", None),
    ("docx", "c2021-textbox-vml.docx", None),
    ("docx", "c2021-placeholder.docx", None),
    ("markdown", "b2019-dollar-numbers.md", None),
    ("markdown", "c2021-docling-repeat.txt", "c2021-markdown-as.html"),
    ("renamed", "web-2021-utf8.mht-as-doc.doc", None),
    ("renamed", "web-2021-gbk.mht-as-mht.mht", None),
    ("renamed", "smx-kjj-2024.text-as-md.md", None),
    ("renamed", "sample-2019.layout.layout-as-md.md", None),
    # A web page (no title in its text, related reports as links) saved as Word by LibreOffice.
    ("office", "web-web-2021-blank-zeros-lo.docx", "web-page-saved-as-word.docx"),
]


def write_fixtures(trials):
    out = os.path.join(ROOT, "Tests", "GovReportTests", "Fixtures", "format-trials")
    os.makedirs(out, exist_ok=True)
    for sub, name, new_name in FIXTURES:
        new_name = new_name or name
        if not os.path.exists(os.path.join(trials, sub, name)):
            print(f"{sub}/{name}: not made here (needs soffice), fixture left as it is")
            continue
        shutil.copy(os.path.join(trials, sub, name), os.path.join(out, new_name))
        stem = name.rsplit(".", 1)[0]
        t = json.load(open(os.path.join(trials, sub, stem + ".truth.json"), encoding="utf-8"))
        t = {k: v for k, v in t.items() if k not in ("input", "note", "variant")}
        with open(os.path.join(out, new_name.rsplit(".", 1)[0] + ".numbers.json"), "w", encoding="utf-8") as f:
            json.dump(t, f, ensure_ascii=False, indent=1)
            f.write("\n")
        print(f"{os.path.relpath(os.path.join(out, new_name))}")


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--errors":
        sys.exit(1 if check_errors(sys.argv[2], sys.argv[3]) else 0)
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    out = args[0] if args else "/tmp/govreport-format-trials"
    made = make_docx_set(os.path.join(out, "docx"))
    make_markdown_set(os.path.join(out, "markdown"), made)
    make_renamed_set(os.path.join(out, "renamed"), made)
    if "--no-office" not in sys.argv:
        make_office_set(os.path.join(out, "office"), made, os.path.join(out, "docx"))
    if "--fixtures" in sys.argv:
        write_fixtures(out)
    for sub in sorted(os.listdir(out)):
        n = len([f for f in os.listdir(os.path.join(out, sub)) if f.endswith(".truth.json")])
        print(f"{out}/{sub}: {n} inputs")


if __name__ == "__main__":
    main()
