#!/usr/bin/env python3
"""Sweeps of browser and LibreOffice prints of generated web reports (issue 11), for scoring,
not for the repository: each variant is built with real_kinds.py's machinery into $OUT as
NAME.pdf + NAME.truth.json (the shape score.py reads).

Usage:  OUT=/tmp/sweep/wrap python3 Scripts/stress/lo_sweep.py SET
        python3 ../shared/eval/score.py /tmp/sweep/wrap -- .build/release/govreport extract {}
SET: lo_wrap (Word pages, narrow value cells, numbers wrapped), lo_pages (page breaks moved
by the prose before the tables), zeros (single zeros, labels filling their cells), wordzeros
(Word pages with zero rows), breadth, breadth2 (Chromium and LibreOffice, both templates,
widths, borders, wrapped cells, split review tables), orphan, orphan_left, orphan_lone,
orphan_random (N=, SEED=): the applications header left at the foot of a page with 0, 1 or 2
rows, its other rows from the next page (a spacer before the table is searched until the break
falls there; documents where it cannot are skipped), Word and plain pages, zeros in the first
value column next to the break, a row printing a single 0 and its other zeros blank."""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
OUT = os.environ.get("OUT", "/tmp/sweep/out")
os.environ["REAL_OUT"] = OUT
import real_kinds as K
K.OUT = OUT
os.makedirs(OUT, exist_ok=True); os.makedirs(K.TMP, exist_ok=True)
D = K.D
def _positions(pdf, labels):
    """(page, top) of the applications header and of the first rows' labels after it."""
    import fitz
    doc = fitz.open(pdf)
    head = None
    for i, pg in enumerate(doc):
        for r in pg.search_for("申请人情况"):
            head = head or (i, r.y0)
    if head is None:
        return None, []
    rows = []
    for lab in labels:
        found = None
        for i, pg in enumerate(doc):
            for r in pg.search_for(lab):
                if (i, r.y0) > head and (found is None or (i, r.y0) < found):
                    if not rows or (i, r.y0) > rows[-1]:
                        found = (i, r.y0)
        rows.append(found)
    return head, rows


def orphan_build(d, keep):
    """Build d with a spacer searched so that the header and `keep` rows end a page."""
    r = K.make_report(d["spec"])
    labels = [r.labels.row(k, r.one_row)[:4] for k in ("new_received", "carried_over", "granted", "partially_granted", "denied_state_secret")]
    lo, hi = 0.0, 700.0
    s = 0.0
    for _ in range(14):
        d["opts"]["spacer_pt"] = s
        out = K.build(d)
        head, rows = _positions(out, labels)
        if head is None or rows[keep] is None:
            return None
        if s == 0:
            page0 = head[0]
        stay = [x[0] == head[0] for x in rows[:keep]]
        if head[0] == page0 and all(stay) and rows[keep][0] == head[0] + 1 and rows[keep][1] < 120:
            return out
        if head[0] == page0 and all(stay) and rows[keep][0] == head[0]:
            lo = s          # the break is still below the kept rows: push further
        else:
            hi = s          # pushed too far
        s = (lo + hi) / 2 if hi < 700 else (s + 120 if s else 100)
        if hi - lo < 1:
            return None
    return None


docs = []
which = sys.argv[1]
base = int(os.environ.get("SEED", "0"))   # another sweep of the same shapes
if which == "lo_wrap":
    for i, (nw, fs, sc) in enumerate([(30, 14, 300), (26, 14, 700), (30, 16, 2000), (24, 12, 300), (34, 16, 900), (28, 14, 5000)]):
        docs.append(D(f"lo_wrap_{i}", "lo_html", dict(seed=900 + base + i, template="2021", year=2023, org="泗阳县住房和城乡建设局", scale=sc),
                      dict(word=True, word_num_w=nw, word_font=fs)))
elif which == "lo_pages":
    for i in range(10):
        docs.append(D(f"lo_pages_{i}", "lo_html", dict(seed=950 + i, template="2021", year=2024, org="泗阳县教育局", scale=100 + 40 * i),
                      dict(table_font=14 + (i % 3), extra_paras=i, table_attr='border="1" cellspacing="0" cellpadding="2"' if i % 2 else "")))
elif which == "zeros":
    for i in range(12):
        docs.append(D(f"lo_zero_{i}", "lo_html", dict(seed=1100 + i, template="2021", year=2023, org="泗阳县教育局", scale=[20, 40, 80][i % 3],
                                                       zero_rows=["denied_security_stability", "denied_state_secret", "other_overdue_fee"]),
                      dict(table_font=[13, 14, 15, 16][i % 4], extra_paras=i % 5, max_width=[600, 700, 760][i % 3],
                           label_widths=[(20, 40, 80), (24, 60, 120), None][i % 3], num_w=[30, 40, 48][i % 3],
                           css=["table.t td{text-align:left}", "", "table.t td.l{text-align:left}"][i % 3],
                           table_attr='border="1" cellspacing="0" cellpadding="2"' if i % 2 else "")))
elif which == "wordzeros":
    for i in range(10):
        docs.append(D(f"lo_wz_{i}", "lo_html", dict(seed=1200 + i, template="2021", year=2023, org="泗阳县民政局", scale=[30, 90, 300, 1500, 8000][i % 5],
                                                     zero_rows=["denied_security_stability", "denied_state_secret", "other_overdue_fee"]),
                      dict(word=True, word_num_w=[30, 36, 44, 30, 26][i % 5], word_font=[None, 12, 14, 10.5, 12][i % 5], extra_paras=i)))
elif which == "breadth2":
    for i in range(10):
        kind = ["chromium", "lo_html"][i % 2]
        tmpl = "2019" if i in (1, 2, 5, 8) else "2021"
        if i < 4:
            o = dict(word=True, word_num_w=[26, 30, 34, 28][i], word_font=[12, 14, 12, 13][i], extra_paras=i * 3)
        elif i < 7:
            o = dict(max_width=560, table_font=13, label_widths=(24, 44, 90), num_w=22, extra_paras=i,
                     css="table.t{table-layout:fixed;line-height:1.6} table.t td{word-break:break-all}")
        else:
            o = dict(max_width=[640, 700, 820][i - 7], table_font=[15, 16, 12][i - 7], extra_paras=i, split_review=(i == 8),
                     table_attr='border="1" cellspacing="0" cellpadding="3"')
        docs.append(D(f"br2_{i}", kind, dict(seed=1300 + i, template=tmpl, year=2020 + i % 4, org="宿迁市宿城区某某局",
                                             scale=[50, 300, 1200, 4000, 900][i % 5]), o))
elif which == "breadth":
    for i in range(10):
        kind = "lo_html" if i % 2 == 0 else "chromium"
        docs.append(D(f"br_{i}", kind, dict(seed=1000 + i, template="2021" if i % 3 else "2019", year=2022 + i % 3, org="宿迁市某某局", scale=[60, 150, 400, 1200, 3000][i % 5]),
                      dict(max_width=[560, 660, 760, 900][i % 4], table_font=[12, 13, 14, 16][i % 4], extra_paras=i * 2,
                           table_attr='border="1" cellspacing="0" cellpadding="2"' if i % 4 < 2 else "")))
elif which == "orphan":
    # The applications table's header alone at the foot of a page, its rows from the next
    # (KEEP rows with the header: 0, 1 or 2): LibreOffice prints of Word pages and plain pages,
    # zeros in the first value column on the rows next to the break. The spacer before the
    # table is searched until the break falls where wanted.
    variants = []
    for i in range(12):
        keep = i % 3
        word = i % 2 == 0
        zr = [["new_received"], ["carried_over"], ["granted"], ["partially_granted"]][i % 4]
        spec = dict(seed=1400 + base + i, template="2021" if i % 5 else "2019", year=2022 + i % 3, org="泗阳县教育局",
                    scale=[20, 90, 400, 1500][i % 4], zero_rows=zr + ["denied_security_stability", "denied_state_secret"])
        if word:
            o = dict(word=True, word_num_w=[30, 36, 44][i % 3], word_font=[12, 10.5, 14][i % 3])
        else:
            o = dict(table_font=[13, 14, 15][i % 3], head_tag="tbody", num_w=[30, 40, 48][i % 3],
                     label_widths=[(20, 40, 80), (24, 60, 120), None][i % 3],
                     table_attr='border="1" cellspacing="0" cellpadding="2"' if i % 4 < 2 else "")
        docs.append((D(f"lo_orphan_{base + i}", "lo_html", spec, o), keep))
elif which == "orphan_left":
    # As orphan, with Word's value cells left-aligned, numbers wrapping in narrow cells, and
    # 危及“三安全一稳定” printing 0 for natural persons beside other numbers.
    for i in range(12):
        keep = i % 3
        nz = [("denied_security_stability", c) for c in ("commercial", "research", "social_welfare", "legal_services", "other_org")]
        spec = dict(seed=1500 + base + i, template="2021", year=2022 + i % 3, org="泗阳县公安局",
                    scale=[300, 700, 2000, 150][i % 4], force_nonzero=nz if i % 2 else [],
                    zero_rows=[] if i % 2 else ["denied_security_stability"])
        o = dict(word=True, word_num_w=[26, 30, 36, 44][i % 4], word_font=[14, 12, 14, 10.5][i % 4],
                 word_align=["left", "left", "center"][i % 3])
        if os.environ.get("SLIVER0"):
            o["word_split"] = {0: "sliver", 3: "span", 6: "sliver"}
        docs.append((D(f"lo_orphl_{base + i}", "lo_html", spec, o), keep))
elif which == "orphan_lone":
    # The header alone at a page's foot; the row next to the break (the first of the next
    # page, or the last kept with the header) prints a single 0 for natural persons and leaves
    # its other zeros blank.
    from common import Printer
    first = ["new_received", "carried_over", "granted", "partially_granted"]
    for i in range(12):
        j = 1 + i % 3
        keep = j if i % 4 < 2 else j + 1
        row = first[j]
        pr = Printer(zero="", zero_rows=[row], special={("applications", row, "natural_person"): ("0", 0)})
        spec = dict(seed=1600 + base + i, template="2021", year=2023, org="泗阳县公安局", scale=[300, 90, 1200][i % 3],
                    zero_rows=[row], printer=pr)
        if i % 2 == 0:
            o = dict(word=True, word_num_w=[26, 30, 36][i % 3], word_font=[14, 12, 10.5][i % 3], word_align=["left", "center"][i % 2])
        else:
            o = dict(table_font=[13, 14, 15][i % 3], head_tag="tbody", num_w=[30, 40, 48][i % 3],
                     label_widths=[(20, 40, 80), (24, 60, 120), None][i % 3],
                     table_attr='border="1" cellspacing="0" cellpadding="2"' if i % 3 else "")
        docs.append((D(f"lo_lone_{base + i}", "lo_html", spec, o), keep))
elif which == "orphan_random":
    # Orphaned headers with the printing knobs drawn at random (SEED= for another draw).
    import random
    from common import Printer
    rng = random.Random(base)
    rows = ["carried_over", "granted", "partially_granted", "denied_state_secret", "denied_security_stability"]
    for i in range(int(os.environ.get("N", "10"))):
        keep = rng.choice([0, 0, 1, 2, 3])
        zr = rng.sample(rows, 2)
        blank = rng.random() < 0.4
        pr = Printer(zero="", zero_rows=rng.sample(rows, 2)) if blank else None
        spec = dict(seed=rng.randint(1, 10 ** 6), template="2021", year=rng.choice([2022, 2023, 2024]), org="泗阳县公安局",
                    scale=rng.choice([20, 60, 150, 400, 1200, 3000]), zero_rows=zr)
        if pr:
            spec["printer"] = pr
        if rng.random() < 0.6:
            o = dict(word=True, word_num_w=rng.choice([24, 26, 30, 36, 44]), word_font=rng.choice([None, 10.5, 12, 14]),
                     word_align=rng.choice(["left", "center", "right"]), word_valign=rng.choice(["top", "middle", "bottom"]))
            if rng.random() < 0.3:
                o["word_split"] = rng.choice([{0: "sliver"}, {0: "span", 1: "sliver"}, {}])
        else:
            o = dict(table_font=rng.choice([12, 13, 14, 15, 16]), head_tag="tbody", num_w=rng.choice([22, 30, 40, 48]),
                     label_widths=rng.choice([(20, 40, 80), (24, 60, 120), None]),
                     css=rng.choice(["", "table.t td{text-align:left}", "table.t td{text-align:left;vertical-align:top}",
                                     "table.t td{vertical-align:bottom}"]),
                     table_attr=rng.choice(['border="1" cellspacing="0" cellpadding="2"', '', 'border="1" cellspacing="0" cellpadding="0"']))
        docs.append((D(f"lo_orand_{base}_{i}", "lo_html", spec, o), keep))
for d in docs:
    if isinstance(d, tuple):
        d, keep = d
        out = orphan_build(d, keep)
        if out is None:
            print("no break found for", d["name"])
            continue
    else:
        out = K.build(d)
    stem = os.path.splitext(out)[0]
    t = json.load(open(stem + ".numbers.json"))
    t["input"] = os.path.basename(out)
    json.dump(t, open(stem + ".truth.json", "w"), ensure_ascii=False)
    os.remove(stem + ".numbers.json")
    print(out)
