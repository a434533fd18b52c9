#!/usr/bin/env python3
"""Held-out "real Markdown conversions" (issue 12): generated reports printed to PDF the ways
published ones are (Chromium and LibreOffice prints of generated web pages and of Word-made
pages, drawn as in Scripts/stress/layout_heldout.py), each PDF converted to Markdown by
pymupdf4llm with each of its table strategies (lines_strict, lines, text); beside them the
converter shapes Scripts/make-format-trials.py knows (MinerU HTML tables, docling pipe tables
with merged cells repeated, marker's with them left empty, ...) written for freshly drawn
reports. Numbers known by construction: NAME.md with NAME.truth.json beside it (the shape
../shared/eval/score.py reads; `input` names the Markdown file).

Usage (from the repository root):
  OUT=/tmp/mdc SEED=1 N=9 python3 Scripts/stress/md_converters.py
  python3 ../shared/eval/score.py /tmp/mdc -- .build/release/govreport extract {}
Environment: OUT (default /tmp/mdc), SEED (the draw, default 1), N (PDFs, default 9; taken in
turn from KINDS), KINDS (comma list of chromium, lo_web, lo_word; default all), STRATEGIES
(pymupdf4llm table strategies, default "lines_strict,lines,text"), SHAPES (reports drawn for
the converter shapes, default 3; 0: none).

Needs what layout_heldout.py needs (chromium, soffice, fonts-wqy-zenhei), pymupdf4llm,
python-docx and lxml. Pages that hide their report with CSS are never drawn (no converter
input looks like that). Every knob is drawn from SEED.
"""
import json
import os
import random
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
OUT = os.path.abspath(os.environ.get("OUT", "/tmp/mdc"))
os.environ["OUT"] = OUT
import layout_heldout as L  # noqa: E402  (sets real_kinds' OUT/TMP under OUT/pdf)

K = L.K


def strategies():
    return [s for s in os.environ.get("STRATEGIES", "lines_strict,lines,text").split(",") if s]


def write(name, md, truth, note):
    with open(os.path.join(OUT, name + ".md"), "w", encoding="utf-8") as f:
        f.write(md)
    t = dict(truth, input=name + ".md", note=note)
    with open(os.path.join(OUT, name + ".truth.json"), "w", encoding="utf-8") as f:
        json.dump(t, f, ensure_ascii=False)


def converted(seed, n):
    """pymupdf4llm's Markdown of printed reports, one file per table strategy."""
    import pymupdf4llm
    kinds = [k for k in os.environ.get("KINDS", "chromium,lo_web,lo_word").split(",") if k]
    for i in range(n):
        rng = random.Random(seed * 1000 + i)
        kind = kinds[i % len(kinds)]
        spec, o = L.draw(rng, i, kind)
        name = f"mdc{seed}_{i:02d}_{kind}"
        renderer = {"chromium": "chromium", "lo_web": "lo_html", "lo_word": "lo_html"}[kind]
        try:
            pdf = K.build(K.D(name, renderer, spec, o))
        except Exception as e:  # a draw the renderer cannot print: skip it
            print("skipped", name, type(e).__name__, e, file=sys.stderr)
            continue
        truth = json.load(open(os.path.splitext(pdf)[0] + ".numbers.json"))
        truth.pop("expected_diagnostics", None)
        for st in strategies():
            try:
                md = pymupdf4llm.to_markdown(pdf, table_strategy=st, show_progress=False)
            except TypeError:
                md = pymupdf4llm.to_markdown(pdf, table_strategy=st)
            write(f"{name}.{st}", md, truth, f"pymupdf4llm table_strategy={st} of a {kind} print")
        print(pdf)


def shapes(seed, n):
    """The converter shapes of make-format-trials.py (MD_KINDS) for freshly drawn reports."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("format_trials", os.path.join(HERE, "..", "make-format-trials.py"))
    T = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(T)
    H = T.H
    rules = [H.plain, H.zero_blank, H.slash_fullwidth]
    for i in range(n):
        rng = random.Random(seed * 7919 + i)
        tmpl = rng.choice(["2021", "2021", "2019"])
        year = rng.choice([2021, 2022, 2023, 2024]) if tmpl == "2021" else rng.choice([2019, 2020])
        org = rng.choice(L.ORGS)
        b = dict(name=f"shape{seed}_{i:02d}", seed=rng.randint(1, 10 ** 6), template=tmpl, year=year, org=org,
                 title_lines=rng.choice([[org, f"{year}年政府信息公开工作年度报告"], [f"{org}{year}年政府信息公开工作年度报告"]]),
                 other_one_row=tmpl == "2019" and rng.random() < 0.5, scale=rng.choice([20, 60, 150, 600, 3000]),
                 activity=[1.0, rng.choice([0.1, 0.3]), rng.choice([0.0, 0.02]), rng.choice([0.0, 0.05]), 0.1, rng.choice([0.0, 0.03])],
                 review_scale=rng.choice([1, 3, 8, 20]), fee=rng.choice([0, 0, 2.5, 13.75]), cell=rng.choice(rules))
        _, truth = T.D.build(b)
        tables, text = T.grids(b)
        for kind, fn in T.MD_KINDS.items():
            md = T.md_doc(b, text, fn(tables, b), **T.MD_DOC_OPTS.get(kind, {}))
            write(f"{b['name']}.{kind}", md, truth, f"{kind} shape")


def main():
    seed = int(os.environ.get("SEED", "1"))
    n = int(os.environ.get("N", "9"))
    os.makedirs(L.PDF, exist_ok=True)
    os.makedirs(K.TMP, exist_ok=True)
    converted(seed, n)
    shapes(seed, int(os.environ.get("SHAPES", "3")))
    shutil.rmtree(K.TMP, ignore_errors=True)
    print(OUT)


if __name__ == "__main__":
    main()
