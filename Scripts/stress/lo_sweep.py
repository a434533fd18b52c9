#!/usr/bin/env python3
"""Sweeps of browser and LibreOffice prints of generated web reports (issue 11), for scoring,
not for the repository: each variant is built with real_kinds.py's machinery into $OUT as
NAME.pdf + NAME.truth.json (the shape score.py reads).

Usage:  OUT=/tmp/sweep/wrap python3 Scripts/stress/lo_sweep.py SET
        python3 ../shared/eval/score.py /tmp/sweep/wrap -- .build/release/govreport extract {}
SET: lo_wrap (Word pages, narrow value cells, numbers wrapped), lo_pages (page breaks moved
by the prose before the tables), zeros (single zeros, labels filling their cells), wordzeros
(Word pages with zero rows), breadth, breadth2 (Chromium and LibreOffice, both templates,
widths, borders, wrapped cells, split review tables)."""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
OUT = os.environ.get("OUT", "/tmp/sweep/out")
os.environ["REAL_OUT"] = OUT
import real_kinds as K
K.OUT = OUT
os.makedirs(OUT, exist_ok=True); os.makedirs(K.TMP, exist_ok=True)
D = K.D
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
for d in docs:
    out = K.build(d)
    stem = os.path.splitext(out)[0]
    t = json.load(open(stem + ".numbers.json"))
    t["input"] = os.path.basename(out)
    json.dump(t, open(stem + ".truth.json", "w"), ensure_ascii=False)
    os.remove(stem + ".numbers.json")
    print(out)
