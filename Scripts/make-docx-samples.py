#!/usr/bin/env python3
"""Writes Word (.docx) reports with known numbers, for the Samples and the Word test fixtures.

    pip install python-docx
    python3 Scripts/make-docx-samples.py           # also writes a .doc when soffice is installed

Each NAME.docx has NAME.numbers.json beside it (the shape of shared/corpus/*/NAME.truth.json).
The numbers and the three tables are the web-page generator's (Scripts/make-html-samples.py:
the same consistent numbers, printing rules and rowspan/colspan layout of the national
template); here each table is laid out on Word's grid and its merged cells are merged the
way Word merges them (python-docx writes w:gridSpan for a horizontal merge and
w:vMerge restart/continue for a vertical one). The vertical 三、本年度办理结果 cell has
w:textDirection; the page footer holds a PAGE field (page numbers live in the footer part,
which a reader must leave out). Deterministic: fixed seeds, and the package's timestamps and
core properties are fixed.

With LibreOffice installed, the Word fixture is also converted to Word 97-2003 (.doc) for the
conversion test (Tests/GovReportTests/Fixtures/word/NAME.doc).
"""
import datetime
import html
import importlib.util
import json
import os
import re
import shutil
import subprocess
import tempfile
import zipfile

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")

spec = importlib.util.spec_from_file_location("html_samples", os.path.join(HERE, "make-html-samples.py"))
H = importlib.util.module_from_spec(spec)
spec.loader.exec_module(H)


# The web generator's table builders emit <td>s through H.td; here td emits a token carrying
# the cell (text lines, rowspan, colspan), so the same builders describe the Word tables.
def token_td(content, rs=1, cs=1, tag="td", attrs=""):
    lines = [html.unescape(t) for t in content.split("<br>")] if content else []
    return "\x02" + json.dumps({"lines": lines, "rs": rs, "cs": cs, "head": tag == "th"}, ensure_ascii=False) + "\x03"


H.td = token_td
PLAIN = H.Style(number="{}", blank="", label="{}", head="{}")


def parse_rows(rows):
    return [[json.loads(m) for m in re.findall("\x02(.*?)\x03", r)] for r in rows]


def layout(rows):
    """Places each cell on the grid as a browser does: first free slot, left to right."""
    taken, placed = set(), []
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            for rr in range(r, r + cell["rs"]):
                for cc in range(c, c + cell["cs"]):
                    taken.add((rr, cc))
            placed.append((r, c, cell))
            c += cell["cs"]
    width = max(c for _, c in taken) + 1
    return placed, width


def set_cell_text(cell, lines, size=10.5, bold=False, center=False):
    p = cell.paragraphs[0]
    for extra in cell.paragraphs[1:]:
        extra._element.getparent().remove(extra._element)
    for i, line in enumerate(lines):
        run = p.add_run(line)
        run.font.size = Pt(size)
        run.bold = bold
        if i < len(lines) - 1:
            run.add_break()
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def add_table(doc, rows, vertical_text=None):
    placed, width = layout(parse_rows(rows))
    table = doc.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, c, cell in placed:
        target = table.cell(r, c)
        if cell["rs"] > 1 or cell["cs"] > 1:
            target = target.merge(table.cell(r + cell["rs"] - 1, c + cell["cs"] - 1))
        is_value = all(re.fullmatch(r"[-0-9０-９.,/]*", t) for t in cell["lines"])
        set_cell_text(target, cell["lines"], bold=cell["head"], center=is_value or cell["head"])
        if vertical_text and "".join(cell["lines"]).replace("\n", "") == vertical_text:
            tc_pr = target._tc.get_or_add_tcPr()
            direction = OxmlElement("w:textDirection")
            direction.set(qn("w:val"), "tbRlV")
            tc_pr.append(direction)
    doc.add_paragraph()
    return table


def page_field_footer(section):
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("— ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), " PAGE ")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    field.append(r)
    p._p.append(field)
    p.add_run(" —")


NUMBERED = re.compile(r"^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")


def add_numbering(doc):
    """A list definition as Word writes one for 一、/（一） headings; returns its numId."""
    numbering = doc.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    for ilvl, text in ((0, "%1、"), (1, "（%2）")):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(ilvl))
        for tag, val in (("w:start", "1"), ("w:numFmt", "chineseCounting"), ("w:lvlText", text)):
            el = OxmlElement(tag)
            el.set(qn("w:val"), val)
            lvl.append(el)
        abstract.append(lvl)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    # abstractNum elements come before num elements.
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(num)
    return "90"


def numbered(p, text, num_id):
    """With automatic numbering, the paragraph's own text leaves its number out."""
    m = NUMBERED.match(text)
    if not num_id or not m:
        return text
    p_pr = p._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    for tag, val in (("w:ilvl", "0" if m.group(1).endswith("、") else "1"), ("w:numId", num_id)):
        el = OxmlElement(tag)
        el.set(qn("w:val"), val)
        num_pr.append(el)
    p_pr.insert(0, num_pr)
    return text[m.end():]


def heading(doc, text, num_id=None):
    p = doc.add_paragraph()
    p.paragraph_format.first_line_indent = Pt(32)
    run = p.add_run(numbered(p, text, num_id))
    run.bold = True
    run.font.size = Pt(16)


def prose(doc, texts, num_id=None):
    for t in texts:
        p = doc.add_paragraph()
        p.paragraph_format.first_line_indent = Pt(32)
        p.add_run(numbered(p, t, num_id)).font.size = Pt(16)


def build(s):
    rng = H.random.Random(s["seed"])
    one_row = s["other_one_row"]
    apps = H.gen_applications(rng, one_row, s["scale"], s["activity"])
    review = H.gen_review(rng, s["review_scale"])
    active = H.gen_active_2021(rng, s.get("fee", 0)) if s["template"] == "2021" else H.gen_active_2019(rng)
    rule = s["cell"]
    shown_apps, truth_apps = H.show(rule, "applications", apps)
    shown_rev, truth_rev = H.show(rule, "review", review)
    shown_act, truth_act = H.show(rule, "active", active)
    text = H.prose(s, apps, rng)

    doc = Document()
    core = doc.core_properties
    core.author = core.last_modified_by = "govreport samples"
    core.created = core.modified = datetime.datetime(2024, 1, 18, 9, 30)
    core.revision = 1
    page_field_footer(doc.sections[0])
    for line in s["title_lines"]:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(line)
        run.bold = True
        run.font.size = Pt(22)
    n = add_numbering(doc) if s.get("auto_numbering") else None
    prose(doc, [text["preface"]])
    heading(doc, "一、总体情况", n)
    prose(doc, text["overview"], n)
    heading(doc, "二、主动公开政府信息情况", n)
    builder = H.active_table_2021 if s["template"] == "2021" else H.active_table_2019
    add_table(doc, builder(PLAIN, shown_act))
    heading(doc, "三、收到和处理政府信息公开申请情况", n)
    add_table(doc, H.applications_table(PLAIN, shown_apps, one_row), vertical_text="三、本年度办理结果")
    heading(doc, "四、政府信息公开行政复议、行政诉讼情况", n)
    add_table(doc, H.review_table(PLAIN, shown_rev))
    heading(doc, "五、存在的主要问题及改进情况", n)
    prose(doc, text["problems"])
    heading(doc, "六、其他需要报告的事项", n)
    prose(doc, text["other"])
    for line in (s["org"], f"{s['year'] + 1}年1月18日"):
        p = doc.add_paragraph(line)
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    title = "".join(s["title_lines"])
    truth = {
        "report": {"title": title, "organization": s["org"], "year": s["year"], "template": s["template"]},
        "active_disclosure": truth_act,
        "applications": {k: truth_apps[k] for k in H.app_keys(one_row)},
        "review_litigation": truth_rev,
        "expected_findings": [],
    }
    return doc, truth


def save_deterministic(doc, path):
    """python-docx stamps ZIP entries with the current time: rewrite them with a fixed one."""
    tmp = path + ".tmp"
    doc.save(tmp)
    with zipfile.ZipFile(tmp) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 18, 9, 30, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, data)
    os.remove(tmp)


DOCS = [
    # The sample: the 2021 format, the three （六） sub-rows, plain numbers, two-line title.
    dict(name="sample-word-2021", out="samples", seed=41, template="2021", year=2024,
         org="澄江县市场监督管理局", title_lines=["澄江县市场监督管理局", "2024年政府信息公开工作年度报告"],
         other_one_row=False, scale=150, activity=[1.0, 0.4, 0.02, 0.05, 0.1, 0.03], review_scale=4, fee=6.8,
         cell=H.plain),
    # The fixture: the 2019 format (report on 2020), one-row （六）, '/' placeholders and
    # full-width digits, one-line title.
    dict(name="word-2019", out="fixtures", seed=42, template="2019", year=2020,
         org="柳塘区教育局", title_lines=["柳塘区教育局2020年政府信息公开工作年度报告"],
         other_one_row=True, scale=70, activity=[1.0, 0.3, 0.0, 0.0, 0.1, 0.0], review_scale=3,
         cell=H.slash_fullwidth),
    # Headings 一、…六、 and the overview's （一）… numbered automatically (w:numPr → numbering.xml):
    # the numbers are in no run of text.
    dict(name="word-numbered-2021", out="fixtures", seed=43, template="2021", year=2023,
         org="白沙镇人民政府", title_lines=["白沙镇人民政府2023年政府信息公开工作年度报告"],
         other_one_row=False, scale=40, activity=[1.0, 0.2, 0.0, 0.0, 0.05, 0.0], review_scale=2, fee=0,
         cell=H.zero_blank, auto_numbering=True, convert=False),
]


def main():
    dirs = {"samples": os.path.join(ROOT, "Samples"),
            "fixtures": os.path.join(ROOT, "Tests", "GovReportTests", "Fixtures", "word")}
    soffice = shutil.which("soffice")
    for s in DOCS:
        doc, truth = build(s)
        out = dirs[s["out"]]
        os.makedirs(out, exist_ok=True)
        path = os.path.join(out, s["name"] + ".docx")
        save_deterministic(doc, path)
        with open(os.path.join(out, s["name"] + ".numbers.json"), "w", encoding="utf-8") as f:
            json.dump(truth, f, ensure_ascii=False, indent=1)
            f.write("\n")
        print(f"{os.path.relpath(path)}: {os.path.getsize(path)} bytes")
        if s["out"] == "fixtures" and s.get("convert", True) and soffice:
            with tempfile.TemporaryDirectory() as tmp:
                profile = "file://" + os.path.join(tmp, "profile")
                subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "doc",
                                "--outdir", tmp, path], check=True, capture_output=True, timeout=300)
                shutil.copy(os.path.join(tmp, s["name"] + ".doc"), os.path.join(out, s["name"] + ".doc"))
            print(f"{os.path.relpath(os.path.join(out, s['name'] + '.doc'))}: converted by LibreOffice")


if __name__ == "__main__":
    main()
