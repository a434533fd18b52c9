#!/usr/bin/env python3
"""Page-break sweeps of LibreOffice prints (issue 11 kind 5, a single zero read as blank on a
table that continues over pages), for scoring, not for the repository: one report printed
again and again with a blank paragraph of growing height before the applications table, so
that the page break falls after every row in turn (the header left on the previous page).
All pages of one sweep go through one LibreOffice run.

Usage:  OUT=/tmp/r4/NAME python3 Scripts/stress/break_sweep.py CONFIG [STEP_PT] [MAX_PT]
        python3 ../shared/eval/score.py $OUT -- .build/release/govreport extract {}
CONFIG (SEED= for another draw of the numbers):
  allzero      zeros printed 0 everywhere (many all-zero rows), labels wrapping in narrow
               cells, values centred between a label's lines (HTML's default)
  lone         危及“三安全一稳定” prints one 0 (natural persons), its other zeros blank
  lonetop      as lone, values at the top of their cells
  word         Word-made page (valign=top, 5.4 pt paddings), zeros printed 0
  wordlone     Word-made page, the lone 0 row
  blank        zeros blank except the lone 0, labels on one line
  y2019        the 2019 template, zeros 0, labels wrapping
  docx         a Word document (python-docx) printed by LibreOffice: header rows not repeated,
               cells centred vertically, zeros 0, page numbers `- N -` in the footer
  docxtimes    as docx, the digits in a Latin font of their own (Times New Roman)
  docxlone     as docxtimes, the lone 0 row
  glued        no cell padding, values at the left of their cells: a 0 right after a label
               that fills its cell, closer to it than a word gap (lone 0 row)
  gluedall     as glued, zeros printed 0 everywhere
  wordglued    Word-made page, no cell padding, values at the left of their cells, the item
               labels' column WIDTH= px (env) so that a label's line ends flush with its cell
               and the lone 0 of 危及“三安全一稳定” stands right after it
  natzero      natural persons' zeros printed 0, every other zero blank, few applications:
               many rows print a lone 0 on a line of its own (labels wrapping, values centred)
  wordwrap     Word-made page with narrow value cells (numbers wrap, 217 as 21 over 7),
               危及“三安全一稳定” printing numbers for organizations and 0 for natural persons
  wordwrapleft as wordwrap, values at the left of their cells
"""
import json, os, shutil, subprocess, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
OUT = os.environ.get("OUT", "/tmp/r4/out")
os.environ["REAL_OUT"] = OUT
import real_kinds as K
from common import COLS, Printer

K.OUT = OUT
SEED = int(os.environ.get("SEED", "0"))
LONE = {("applications", "denied_security_stability", "natural_person"): ("0", 0)}


def zero_natural(row):
    """A fix-up: `row` holds 0 for natural persons, the totals kept consistent."""
    def fix(apps):
        v = apps[row]["natural_person"]
        apps[row]["natural_person"] = 0
        for k in (row, "total_processed", "new_received"):
            if k != row:
                apps[k]["natural_person"] -= v
            apps[k]["total"] -= v if k != row else v
        apps[row]["total"] = sum(apps[row][c] for c in apps[row] if c != "total")
    return fix


def config(name):
    zr = ["denied_security_stability", "denied_state_secret", "denied_query_matters"]
    spec = dict(seed=2000 + SEED, template="2021", year=2023, org="泗阳县公安局", scale=40, zero_rows=zr)
    plain = dict(table_font=14, head_tag="tbody", num_w=40, label_widths=(24, 50, 90),
                 table_attr='border="1" cellspacing="0" cellpadding="2"')
    if name == "allzero":
        return spec, plain
    if name in ("lone", "lonetop", "blank"):
        spec["printer"] = Printer(zero="", zero_rows=None if name == "blank" else ["denied_security_stability"], special=LONE)
        o = dict(plain)
        if name == "lonetop":
            o["css"] = "table.t td{vertical-align:top}"
        if name == "blank":
            o["label_widths"] = (30, 90, 300)
        return spec, o
    if name == "word":
        return dict(spec, scale=300), dict(word=True, word_num_w=36, word_font=12)
    if name == "wordlone":
        spec["printer"] = Printer(zero="", zero_rows=["denied_security_stability"], special=LONE)
        return dict(spec, scale=300), dict(word=True, word_num_w=36, word_font=12)
    if name.startswith("glued"):
        if name == "glued":
            spec["printer"] = Printer(zero="", zero_rows=["denied_security_stability"], special=LONE)
        return spec, dict(plain, table_attr='border="1" cellspacing="0" cellpadding="0"', label_widths=(24, 50, 84),
                          css="table.t td{text-align:left;padding:0} table.t td.v{text-align:center}")
    if name == "wordglued":
        spec["printer"] = Printer(zero="", zero_rows=["denied_security_stability"], special=LONE)
        return dict(spec, scale=300), dict(word=True, word_num_w=40, word_font=12, word_align=os.environ.get("ALIGN", "left"), word_pad=0,
                                           word_label_w=int(os.environ.get("WIDTH", "154")))
    if name == "natzero":
        spec = dict(spec, scale=15, zero_rows=[], printer=Printer(zero="", zero_cols=COLS[1:] + ["total"]))
        return spec, dict(plain, label_widths=(24, 40, 70))
    if name.startswith("docx"):
        o = dict(docx=True, repeat_header=False, page_fmt="- {PAGE} -", table_size=10.5)
        if name != "docx":
            o["num_font"] = "Times New Roman"
        if name == "docxlone":
            spec["printer"] = Printer(zero="", zero_rows=["denied_security_stability"], special=LONE)
        return spec, o
    if name.startswith("wordwrap"):
        row = "denied_security_stability"
        nz = [(row, c) for c in ("commercial", "research", "social_welfare", "legal_services", "other_org")]
        spec = dict(seed=2100 + SEED, template="2021", year=2023, org="泗阳县公安局", scale=700,
                    force_nonzero=nz, app_fixups=[zero_natural(row)])
        return spec, dict(word=True, word_num_w=26, word_font=14, word_align="left" if name == "wordwrapleft" else "center")
    if name == "y2019":
        return dict(spec, template="2019", year=2020), plain
    raise SystemExit("unknown config " + name)


def main():
    name = sys.argv[1]
    step = float(sys.argv[2]) if len(sys.argv) > 2 else 8.0
    top = float(sys.argv[3]) if len(sys.argv) > 3 else 760.0
    spec, o = config(name)
    os.makedirs(OUT, exist_ok=True)
    src = os.path.join("/tmp/r4/src", name + str(SEED))
    shutil.rmtree(src, ignore_errors=True)
    os.makedirs(src)
    htmls = []
    s = 0.0
    while s <= top:
        nm = f"{name}{SEED}{os.environ.get('WIDTH', '')}_{int(s * 10):05d}"
        sp = dict(spec, name=nm)
        r = K.make_report(sp)
        if o.get("docx"):
            import docx_r
            p = os.path.join(src, nm + ".docx")
            docx_r.render(r, dict(o, spacer_pt=s or None), p)
        else:
            p = os.path.join(src, nm + ".html")
            open(p, "w", encoding="utf-8").write(K.page(r, dict(o, spacer_pt=s)))
        t = dict(r.truth)
        t["input"] = nm + ".pdf"
        t["variant"] = {"set": "break_sweep", "config": name, "spacer_pt": s}
        json.dump(t, open(os.path.join(OUT, nm + ".truth.json"), "w"), ensure_ascii=False)
        htmls.append(p)
        s += step
    fmt = "pdf" if o.get("docx") else "pdf:writer_web_pdf_Export"
    profile = "file:///tmp/r4/lo-profile-" + str(os.getpid())
    subprocess.run(["soffice", "-env:UserInstallation=" + profile, "--headless", "--convert-to", fmt, "--outdir", OUT] + htmls,
                   check=True, capture_output=True, timeout=3000)
    print(len(htmls), "documents in", OUT)


if __name__ == "__main__":
    main()
