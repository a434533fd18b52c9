#!/usr/bin/env python3
"""Widens the format trials (Scripts/make-format-trials.py) with variety that script does not
make: other Word layouts, real converter outputs of the same reports (pandoc, markitdown,
pymupdf4llm when installed), hand-written converter quirks, and renamed or re-encoded files.
Numbers known by construction: each input has NAME.truth.json beside it (the shape
../shared/eval/score.py reads).

    pip install python-docx lxml            # required
    apt-get install pandoc; pip install markitdown pymupdf4llm   # optional converters
    python3 Scripts/stress/format_heldout.py OUT      # default /tmp/govreport-format-heldout
    python3 ../shared/eval/score.py OUT/docx -- .build/release/govreport extract {}
    python3 ../shared/eval/score.py OUT/markdown -- .build/release/govreport extract {}
    python3 ../shared/eval/score.py OUT/renamed -- .build/release/govreport extract {}
    python3 Scripts/stress/format_heldout.py --fixtures OUT   # also (re)writes the test fixtures

Word layouts (docx/): several paragraphs and line breaks in value cells, a number broken by a
line break, fullwidth digits, ideographic and no-break spaces around numbers, a content
control around every row (and nested ones), tables two levels deep inside layout cells with
captions beside them, numbers inside hyperlinks / smart tags / merge fields (field codes
holding digits), explicit vMerge="continue", legacy hMerge instead of gridSpan, missing or
wrong tblGrid, rows cut short (trailing empty cells left out), WPS namespaces and custom
properties, macro-enabled (.docm) and template (.dotx) packages, and the three tables as
pictures (no numbers to read: a clear error, never numbers).

Markdown (markdown/): pandoc's writers (gfm, markdown with grid/multiline tables,
markdown_strict, commonmark_x, markdown_mmd) from the Word document, markitdown's, pymupdf4llm's
of the LibreOffice PDF; by hand: LaTeX tabulars as Nougat writes them (multi-line and one-line,
\\multicolumn/\\multirow), bold numbers, &nbsp; in empty cells, aligned delimiter rows, <thead>/<th>
HTML tables, tables cut every few rows by page furniture, GB18030 and UTF-16 encodings.

Renamed (renamed/): the Word document as .wps/.zip/.doc, web pages as .txt/.doc, UTF-16 text.
"""
import copy
import importlib.util
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zlib

from lxml import etree

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPTS = os.path.join(HERE, "..")


def load(name, file):
    spec = importlib.util.spec_from_file_location(name, os.path.join(SCRIPTS, file))
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m


T = load("format_trials", "make-format-trials.py")
D, H = T.D, T.H
W, NS, el, w, run = T.W, T.NS, T.el, T.w, T.run
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
FULL = str.maketrans("0123456789.", "０１２３４５６７８９．")


def value_cells(root):
    return [tc for tc in root.iter(w("tc")) if T.is_value_cell(tc) and T.cell_text(tc)]


def value_text_nodes(root):
    out = []
    for tc in value_cells(root):
        out += [t for t in tc.iter(w("t")) if t.text and T.VALUE.fullmatch(t.text)]
    return out


# ---------------------------------------------------------------------------
# Word layouts
# ---------------------------------------------------------------------------

def m_cell_paragraphs(root, rng):
    """Value cells with empty paragraphs and a trailing line break around the number; labels
    broken over two paragraphs."""
    for tc in value_cells(root):
        p = tc.find("w:p", NS)
        tc.insert(list(tc).index(p), el("p"))
        p.addnext(el("p"))
        p.append(el("r", children=[el("br")]))
    for tc in root.iter(w("tc")):
        text = T.cell_text(tc)
        if len(text) >= 6 and not T.is_value_cell(tc) and len(tc.findall("w:p", NS)) == 1:
            p = tc.find("w:p", NS)
            ts = list(p.iter(w("t")))
            if len(ts) != 1:
                continue
            cut = len(ts[0].text) // 2
            p2 = copy.deepcopy(p)
            list(p2.iter(w("t")))[0].text = ts[0].text[cut:]
            ts[0].text = ts[0].text[:cut]
            p.addnext(p2)


def m_break_in_number(root, rng):
    """Numbers of three or more digits wrapped by hand inside a narrow cell: digits, a line
    break, the rest of the digits (one number)."""
    for t in value_text_nodes(root):
        s = t.text
        if len(s) >= 3 and s.isdigit():
            r = t.getparent()
            t.text = s[:len(s) // 2]
            r.append(el("br"))
            t2 = el("t", text=s[len(s) // 2:])
            r.append(t2)


def m_fullwidth(root, rng):
    for t in value_text_nodes(root):
        t.text = t.text.translate(FULL)


def m_spaces(root, rng):
    """Numbers padded with ideographic and no-break spaces (centering by hand)."""
    for k, t in enumerate(value_text_nodes(root)):
        pad = ["\u3000", "\u00a0", " \u3000", "\u2002"][k % 4]
        t.text = pad + t.text + pad
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def m_sdt_rows(root, rng):
    """A content control around every row, and two nested around the header rows."""
    for tbl in T.data_tables(root.find("w:body", NS)):
        rows = tbl.findall("w:tr", NS)
        for i, tr in enumerate(rows):
            inner = el("sdt", children=[el("sdtPr", children=[el("id", {"val": str(1000 + i)})]), el("sdtContent")])
            tr.addprevious(inner)
            inner[1].append(tr)
            if i < 2:
                outer = el("sdt", children=[el("sdtPr"), el("sdtContent")])
                inner.addprevious(outer)
                outer[1].append(inner)


def m_nested_deep(root, rng):
    """Each data table two levels deep: in the right cell of a two-column layout table whose
    left cell holds a caption, that table inside a one-cell frame table."""
    body = root.find("w:body", NS)
    for k, tbl in enumerate(T.data_tables(body)):
        left = el("tc", children=[el("tcPr", children=[el("tcW", {"w": "600", "type": "dxa"})]),
                                  el("p", children=[run(f"表{k + 1}")])])
        right = el("tc", children=[el("tcPr", children=[el("tcW", {"w": "8400", "type": "dxa"})])])
        two = el("tbl", children=[el("tblPr", children=[el("tblW", {"w": "9000", "type": "dxa"})]),
                                  el("tblGrid", children=[el("gridCol", {"w": "600"}), el("gridCol", {"w": "8400"})]),
                                  el("tr", children=[left, right])])
        frame = T.layout_table([])
        tbl.addprevious(frame)
        right.append(tbl)
        right.append(el("p"))
        frame.find(".//w:tc", NS).insert(1, two)


def m_link_numbers(root, rng):
    """Numbers inside hyperlinks (relationship ids), smart tags, and MERGEFIELD / formula
    fields whose codes hold digits of their own."""
    for k, t in enumerate(value_text_nodes(root)):
        r = t.getparent()
        p = r.getparent()
        if p.tag != w("p"):
            continue
        kind = k % 4
        if kind == 0:
            h = el("hyperlink")
            h.set("{%s}id" % R_NS, "rId99")
            r.addprevious(h)
            h.append(r)
        elif kind == 1:
            s = el("smartTag", {"uri": "urn:schemas-microsoft-com:office:smarttags", "element": "chmetcnv"},
                   [el("smartTagPr", children=[el("attr", {"name": "SourceValue", "val": "2023"}),
                                               el("attr", {"name": "UnitName", "val": "件"})])])
            r.addprevious(s)
            s.append(r)
        elif kind == 2:
            f = el("fldSimple", {"instr": f" MERGEFIELD 数量_{2020 + k % 5}_{k} "})
            r.addprevious(f)
            f.append(r)
        else:
            runs = T.field_runs(f" = {k} + 2024 - {k + 2024} + {t.text or 0} ", copy.deepcopy(r))
            for x in reversed(runs):
                r.addnext(x)
            p.remove(r)


def m_vmerge_continue(root, rng):
    """vMerge written with an explicit val="continue", and the restart cell's merge written
    with val="restart" only (as LibreOffice does)."""
    for vm in root.iter(w("vMerge")):
        if vm.get(w("val")) is None:
            vm.set(w("val"), "continue")


def m_hmerge(root, rng):
    """Horizontal merges written as legacy hMerge (one w:tc per grid column, the first
    restart and the others continue) instead of gridSpan."""
    for tc in list(root.iter(w("tc"))):
        pr = tc.find("w:tcPr", NS)
        gs = pr.find("w:gridSpan", NS) if pr is not None else None
        if gs is None:
            continue
        n = int(gs.get(w("val")))
        pr.remove(gs)
        pr.insert(0, el("hMerge", {"val": "restart"}))
        prev = tc
        for _ in range(n - 1):
            c = el("tc", children=[el("tcPr", children=[el("hMerge", {"val": "continue"})]), el("p")])
            vm = pr.find("w:vMerge", NS)
            if vm is not None:
                c[0].append(copy.deepcopy(vm))
            prev.addnext(c)
            prev = c


def m_bad_grid(root, rng):
    """tblGrid left out on one table and with too few columns on the others (WPS and web
    exporters write whatever widths they had)."""
    for k, tbl in enumerate(T.data_tables(root.find("w:body", NS))):
        g = tbl.find("w:tblGrid", NS)
        if k == 0:
            tbl.remove(g)
        else:
            for gc in g.findall("w:gridCol", NS)[2:]:
                g.remove(gc)


def m_short_rows(root, rng):
    """Rows cut short: trailing empty cells left out, no gridAfter."""
    for tr in root.iter(w("tr")):
        tcs = tr.findall("w:tc", NS)
        while len(tcs) > 2 and not T.cell_text(tcs[-1]) and tcs[-1].find("w:tcPr/w:vMerge", NS) is None:
            tr.remove(tcs[-1])
            tcs = tcs[:-1]


def m_tbl_header_all(root, rng):
    """Every header row marked tblHeader and cantSplit on every row, exact row heights."""
    for tbl in T.data_tables(root.find("w:body", NS)):
        for h in T.header_rows(tbl):
            T.tbl_header(h)
        for tr in tbl.findall("w:tr", NS):
            pr = tr.find("w:trPr", NS)
            if pr is None:
                pr = el("trPr")
                tr.insert(0, pr)
            pr.append(el("cantSplit"))
            pr.append(el("trHeight", {"val": "454", "hRule": "exact"}))


WPS_NS = "http://www.wps.cn/officeDocument/2013/wpsCustomData"


def m_wps(root, rng):
    """WPS's marks: its custom-data namespace, eastAsia font hints on every run, auto widths."""
    for r in root.iter(w("r")):
        rpr = r.find("w:rPr", NS)
        if rpr is None:
            rpr = el("rPr")
            r.insert(0, rpr)
        rpr.insert(0, el("rFonts", {"hint": "eastAsia"}))
    for tcw in root.iter(w("tcW")):
        tcw.set(w("type"), "auto")
        tcw.set(w("w"), "0")


def images_for_tables(root, rng):
    """The three tables replaced by pictures (a scan pasted in): nothing to read."""
    body = root.find("w:body", NS)
    A = "http://schemas.openxmlformats.org/drawingml/2006/main"
    PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
    WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    for k, tbl in enumerate(T.data_tables(body)):
        d = el("drawing")
        inline = etree.SubElement(d, "{%s}inline" % WP)
        etree.SubElement(inline, "{%s}extent" % WP, {"cx": "5400000", "cy": "7000000"})
        etree.SubElement(inline, "{%s}docPr" % WP, {"id": str(k + 1), "name": f"图片 {k + 1}"})
        g = etree.SubElement(inline, "{%s}graphic" % A)
        gd = etree.SubElement(g, "{%s}graphicData" % A, {"uri": PIC})
        pic = etree.SubElement(gd, "{%s}pic" % PIC)
        bf = etree.SubElement(pic, "{%s}blipFill" % PIC)
        blip = etree.SubElement(bf, "{%s}blip" % A)
        blip.set("{%s}embed" % R_NS, "rId98")
        tbl.addprevious(el("p", children=[el("r", children=[d])]))
        body.remove(tbl)


LAYOUTS = [
    ("cellparas", [m_cell_paragraphs]), ("brnumber", [m_break_in_number]), ("fullwidth", [m_fullwidth]),
    ("spaces", [m_spaces]), ("sdtrows", [m_sdt_rows]), ("nesteddeep", [m_nested_deep]),
    ("linknumbers", [m_link_numbers]), ("vmergecontinue", [m_vmerge_continue]), ("hmerge", [m_hmerge]),
    ("badgrid", [m_bad_grid]), ("shortrows", [m_short_rows]), ("tblheader", [m_tbl_header_all]),
    ("wps", [m_wps]),
    ("mixed", [m_cell_paragraphs, m_fullwidth, m_sdt_rows, m_link_numbers, T.m_split_pages, m_short_rows]),
    ("mixed2", [T.m_tracked, m_hmerge, m_spaces, m_vmerge_continue, m_nested_deep]),
]

DOCM = "application/vnd.ms-word.document.macroEnabled.main+xml"
DOTX = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def retype(entries, content_type):
    out = []
    for name, blob in entries:
        if name == "[Content_Types].xml":
            blob = blob.replace(DOCX_MAIN.encode(), content_type.encode())
        out.append((name, blob))
    return out


def wps_package(entries):
    out = []
    for name, blob in entries:
        if name == "docProps/app.xml":
            blob = re.sub(rb"<Application>[^<]*</Application>", b"<Application>WPS Office_12.1.0.16120_F1E327BC-269C-435d-A152-05C5408002CA</Application>", blob)
        out.append((name, blob))
    names = {n for n, _ in out}
    item = next(f"customXml/item{k}.xml" for k in range(1, 100) if f"customXml/item{k}.xml" not in names)
    out.append((item, ('<s:customData xmlns="http://www.wps.cn/officeDocument/2013/wpsCustomData" '
                                        'xmlns:s="http://www.wps.cn/officeDocument/2013/wpsCustomData">'
                                        '<customSectProps><customSectPr/></customSectProps></s:customData>').encode()))
    out.append(("docProps/custom.xml", ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
                                        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
                                        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer">'
                                        '<vt:lpwstr>2052-12.1.0.16120</vt:lpwstr></property></Properties>').encode()))
    return out


def make_docx(out):
    os.makedirs(out, exist_ok=True)
    made = {}
    for b in T.BASES:
        doc, truth = D.build(b)
        data = T.docx_bytes(doc)
        made[b["name"]] = (data, truth)
        for lname, fns in LAYOUTS:
            rng = random.Random(zlib.crc32(f"{b['seed']}-held-{lname}".encode()))
            entries = T.rewrite_docx(data, fns, rng)
            if lname == "wps":
                entries = wps_package(entries)
            name = f"{b['name']}-{lname}"
            T.write_zip(os.path.join(out, name + ".docx"), entries)
            T.write_truth(os.path.join(out, name + ".truth.json"), truth, name + ".docx", note=lname)
        for ext, ctype in (("docm", DOCM), ("dotx", DOTX)):
            name = f"{b['name']}-{ext}"
            T.write_zip(os.path.join(out, f"{name}.{ext}"), retype(T.read_zip(data), ctype))
            T.write_truth(os.path.join(out, name + ".truth.json"), truth, f"{name}.{ext}", note=ext)
        name = f"{b['name']}-images"
        T.write_zip(os.path.join(out, name + ".docx"), T.rewrite_docx(data, [images_for_tables], random.Random(1)))
        T.write_truth(os.path.join(out, name + ".truth.json"), {}, name + ".docx", note="tables as pictures",
                      expect_error="not_a_report")
    return made


# ---------------------------------------------------------------------------
# Markdown: real converters and hand-made quirks
# ---------------------------------------------------------------------------

PANDOC = [("gfm", "md"), ("markdown", "md"), ("markdown_strict", "md"), ("commonmark_x", "md"),
          ("markdown_mmd", "md"), ("markdown-pipe_tables-simple_tables-grid_tables", "txt"),
          ("markdown-pipe_tables-simple_tables-multiline_tables", "md"), ("plain", "txt")]


def converter_outputs(out, made, tmp):
    pandoc = shutil.which("pandoc")
    try:
        import markitdown  # noqa: F401
        has_markitdown = True
    except Exception:
        has_markitdown = False
    try:
        import pymupdf4llm  # noqa: F401
        has_p4 = True
    except Exception:
        has_p4 = False
    soffice = shutil.which("soffice")
    for name, (data, truth) in made.items():
        src = os.path.join(tmp, name + ".docx")
        with open(src, "wb") as f:
            f.write(data)
        if pandoc:
            for fmt, ext in PANDOC:
                tag = re.sub(r"[^a-z0-9]+", "-", fmt.split("-")[0] + ("-" + "-".join(x for x in fmt.split("-")[1:] if x) if "-" in fmt else ""))
                oname = f"{name}-pandoc-{tag}"
                r = subprocess.run([pandoc, "-f", "docx", "-t", fmt, "--wrap=none", src, "-o",
                                    os.path.join(out, f"{oname}.{ext}")], capture_output=True)
                if r.returncode == 0:
                    T.write_truth(os.path.join(out, oname + ".truth.json"), truth, f"{oname}.{ext}", note=f"pandoc -t {fmt}")
            oname = f"{name}-pandoc-gfm-columns40"
            r = subprocess.run([pandoc, "-f", "docx", "-t", "markdown", "--columns=40", src, "-o",
                                os.path.join(out, f"{oname}.md")], capture_output=True)
            if r.returncode == 0:
                T.write_truth(os.path.join(out, oname + ".truth.json"), truth, f"{oname}.md", note="pandoc --columns=40")
        if has_markitdown:
            try:
                from markitdown import MarkItDown
                md = MarkItDown().convert(src).text_content
                oname = f"{name}-markitdown"
                with open(os.path.join(out, oname + ".md"), "w", encoding="utf-8") as f:
                    f.write(md)
                T.write_truth(os.path.join(out, oname + ".truth.json"), truth, oname + ".md", note="markitdown")
            except Exception as e:
                print("markitdown:", e, file=sys.stderr)
        if has_p4 and soffice:
            prof = tempfile.mkdtemp(prefix="lo-prof-")
            subprocess.run([soffice, f"-env:UserInstallation=file://{prof}", "--headless", "--convert-to", "pdf",
                            "--outdir", tmp, src], capture_output=True, timeout=180)
            pdf = os.path.join(tmp, name + ".pdf")
            if os.path.exists(pdf):
                import pymupdf4llm
                md = pymupdf4llm.to_markdown(pdf)
                oname = f"{name}-pymupdf4llm"
                with open(os.path.join(out, oname + ".md"), "w", encoding="utf-8") as f:
                    f.write(md)
                T.write_truth(os.path.join(out, oname + ".truth.json"), truth, oname + ".md", note="pymupdf4llm")


def bold_numbers(s, r, c):
    return f"**{s}**" if s and T.is_number(s) else s


def many_pages(tables, b, every=5):
    out = []
    page = 2
    for p, wd in tables:
        g = T.md_grid(p, wd, repeat=True)
        rows = T.pipe_rows(g)
        part = [rows[0], T.delim(wd)]
        for i, row in enumerate(rows[1:], 1):
            part.append(row)
            if i % every == 0 and i < len(rows) - 1:
                part += ["", f"- {page} -", "", f"{b['org']}{b['year']}年政府信息公开工作年度报告", "",
                         "|" + "|".join([" "] * wd) + "|", T.delim(wd)]
                page += 1
        out.append("\n".join(part))
    return out


def thead_html(tables, b):
    out = []
    for p, wd in tables:
        h = T.md_html_table(p, wd)
        first = h.index("</tr>") + 5
        head = h[len("<table>"):first].replace("<td", "<th").replace("</td>", "</th>")
        out.append("<table>\n<thead>" + head + "</thead>\n<tbody>" + h[first:-len("</table>")] + "</tbody>\n</table>")
    return out


def latex_table(placed, width, one_line=False):
    """A table as Nougat writes one: a LaTeX tabular, merged cells as \\multicolumn and
    \\multirow (the slots a \\multirow covers below are empty cells), rows ending in \\\\ \\hline."""
    covered = {}
    starts = {}
    for r, c, cell in placed:
        starts[(r, c)] = cell
        for rr in range(r + 1, r + cell["rs"]):
            covered[(rr, c)] = cell["cs"]
    n = max(r + cell["rs"] for r, c, cell in placed)
    rows = []
    for r in range(n):
        cells, c = [], 0
        while c < width:
            if (r, c) in starts:
                cell = starts[(r, c)]
                text = "".join(cell["lines"])
                if cell["rs"] > 1:
                    text = f"\\multirow{{{cell['rs']}}}{{*}}{{{text}}}"
                if cell["cs"] > 1:
                    text = f"\\multicolumn{{{cell['cs']}}}{{|c|}}{{{text}}}"
                cells.append(text)
                c += cell["cs"]
            elif (r, c) in covered:
                cs = covered[(r, c)]
                cells.append(f"\\multicolumn{{{cs}}}{{|c|}}{{}}" if cs > 1 else "")
                c += cs
            else:
                cells.append("")
                c += 1
        rows.append(" & ".join(cells) + " \\\\ \\hline")
    spec = "|" + "|".join(["c"] * width) + "|"
    if one_line:
        return f"\\begin{{tabular}}{{{spec}}} \\hline " + " ".join(rows) + " \\end{tabular}"
    return "\n".join(["\\begin{table}", "\\centering", f"\\begin{{tabular}}{{{spec}}}", "\\hline"] + rows
                     + ["\\end{tabular}", "\\end{table}"])


HAND = {
    "latex-tabular": lambda tables, b: [latex_table(p, wd) for p, wd in tables],
    "latex-one-line": lambda tables, b: [latex_table(p, wd, one_line=True) for p, wd in tables],
    "bold-numbers": lambda tables, b: ["\n".join([r[0], T.delim(wd)] + r[1:])
                                        for p, wd in tables for r in [T.pipe_rows(T.md_grid(p, wd), bold_numbers)]],
    "nbsp-cells": lambda tables, b: ["\n".join([r[0], T.delim(wd)] + r[1:])
                                      for p, wd in tables for r in [T.pipe_rows(T.md_grid(p, wd, repeat=False),
                                                                                lambda s, rr, cc: s or "&nbsp;")]],
    "many-pages": many_pages,
    "thead-html": thead_html,
    "aligned-delims": lambda tables, b: ["\n".join([r[0], "|" + "|".join([":---"] + [":---:"] * (wd - 1)) + "|"] + r[1:])
                                          for p, wd in tables for r in [T.pipe_rows(T.md_grid(p, wd))]],
}


def make_markdown(out, made):
    os.makedirs(out, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="gr-heldout-")
    converter_outputs(out, made, tmp)
    for b in T.BASES:
        tables, text = T.grids(b)
        truth = made[b["name"]][1]
        for kind, fn in HAND.items():
            name = f"{b['name']}-{kind}"
            md = T.md_doc(b, text, fn(tables, b))
            with open(os.path.join(out, name + ".md"), "w", encoding="utf-8") as f:
                f.write(md)
            T.write_truth(os.path.join(out, name + ".truth.json"), truth, name + ".md", note=kind)
        md = T.md_doc(b, text, T.MD_KINDS["docling-repeat"](tables, b))
        for enc, ext in (("gb18030", "md"), ("utf-16", "txt")):
            name = f"{b['name']}-{enc}"
            with open(os.path.join(out, f"{name}.{ext}"), "wb") as f:
                f.write(md.encode(enc))
            T.write_truth(os.path.join(out, name + ".truth.json"), truth, f"{name}.{ext}", note=enc)
    shutil.rmtree(tmp, ignore_errors=True)


# ---------------------------------------------------------------------------
# Renamed files
# ---------------------------------------------------------------------------

def make_renamed(out, made):
    os.makedirs(out, exist_ok=True)
    data, truth = made["a2021"]
    for ext in ("wps", "zip", "doc", "docx.bak"):
        name = f"a2021-docx-as-{ext.replace('.', '-')}"
        T.write_zip(os.path.join(out, f"{name}.{ext}"), T.read_zip(data))
        T.write_truth(os.path.join(out, name + ".truth.json"), truth, f"{name}.{ext}", note=f"docx as .{ext}")
    Hh = load("html_samples_heldout", "make-html-samples.py")
    for p in Hh.PAGES[:2]:
        page, ptruth = Hh.build(p)
        for ext, enc in (("txt", "utf-8"), ("doc", "utf-8"), ("wps", "gb18030")):
            name = f"{p['name']}-html-as-{ext}"
            body = page
            if enc != "utf-8":
                body = re.sub(r'charset=["\']?[-\w]+', "charset=gb18030", page)
            with open(os.path.join(out, f"{name}.{ext}"), "wb") as f:
                f.write(body.encode(enc, errors="replace"))
            T.write_truth(os.path.join(out, name + ".truth.json"), ptruth, f"{name}.{ext}", note=f"html as .{ext}")
    S = os.path.join(T.ROOT, "Samples")
    for src, tname in (("sample-2019.layout.txt", "sample-2019.layout"), ("smx-kjj-2024.txt", "smx-kjj-2024")):
        with open(os.path.join(S, src), encoding="utf-8") as f:
            text = f.read()
        for enc in ("utf-16", "utf-16-be", "gb18030"):
            name = f"{tname.replace('.', '-')}-{enc}"
            blob = text.encode(enc)
            if enc == "utf-16-be":
                blob = b"\xfe\xff" + blob
            with open(os.path.join(out, name + ".txt"), "wb") as f:
                f.write(blob)
            T.write_truth(os.path.join(out, name + ".truth.json"), T.sample_truth(tname), name + ".txt", note=enc)


# Inputs copied into Tests/GovReportTests/Fixtures/format-trials (read by FormatTrialFixtureTests):
# one of each kind that came out wrong, and a few mixtures.
FIXTURES = [
    ("docx", "c2021-shortrows.docx", "format-trials/heldout-word-short-rows.docx"),
    ("docx", "b2019-mixed.docx", "format-trials/heldout-word-mixed.docx"),
    ("docx", "c2021-mixed2.docx", "format-trials/heldout-word-mixed2.docx"),
    ("markdown", "a2021-markitdown.md", "format-trials/heldout-markitdown.md"),
    ("markdown", "c2021-markitdown.md", "format-trials/heldout-markitdown-blank-zeros.md"),
    ("markdown", "a2021-pandoc-markdown.md", "format-trials/heldout-pandoc-multiline.md"),
    ("markdown", "c2021-pandoc-markdown-pipe-tables-simple-tables-multiline-tables.md", "format-trials/heldout-pandoc-grid.md"),
    ("markdown", "b2019-pandoc-gfm-columns40.md", "format-trials/heldout-pandoc-columns40.md"),
    ("markdown", "c2021-pandoc-plain.txt", "format-trials/heldout-pandoc-plain.txt"),
    ("markdown", "b2019-latex-tabular.md", "format-trials/heldout-nougat-latex.md"),
    # An error, not numbers: no numbers file beside it.
    ("docx", "a2021-images.docx", "word/word-tables-as-pictures.docx"),
]


def write_fixtures(out):
    dest = os.path.join(T.ROOT, "Tests", "GovReportTests", "Fixtures")
    for sub, name, new_name in FIXTURES:
        src = os.path.join(out, sub, name)
        if not os.path.exists(src):
            print(f"{sub}/{name}: not made here (needs its converter), fixture left as it is")
            continue
        shutil.copy(src, os.path.join(dest, new_name))
        t = json.load(open(os.path.join(out, sub, name.rsplit(".", 1)[0] + ".truth.json"), encoding="utf-8"))
        if "expect_error" not in t:
            t = {k: v for k, v in t.items() if k not in ("input", "note", "variant")}
            with open(os.path.join(dest, new_name.rsplit(".", 1)[0] + ".numbers.json"), "w", encoding="utf-8") as f:
                json.dump(t, f, ensure_ascii=False, indent=1)
                f.write("\n")
        print(os.path.relpath(os.path.join(dest, new_name)))


def main():
    if "--help" in sys.argv or "-h" in sys.argv:
        # Say how, and write nothing (the default folder would be wiped and rebuilt).
        print(__doc__)
        return
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    out = args[0] if args else "/tmp/govreport-format-heldout"
    if os.path.exists(out):
        shutil.rmtree(out)
    made = make_docx(os.path.join(out, "docx"))
    make_markdown(os.path.join(out, "markdown"), made)
    make_renamed(os.path.join(out, "renamed"), made)
    if "--fixtures" in sys.argv:
        write_fixtures(out)
    print(out)


if __name__ == "__main__":
    main()
