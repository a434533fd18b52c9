#!/usr/bin/env python3
"""Make a set of scanned reports with known numbers, to measure OCR on more than a handful of
files: each is a sample report from make-samples.py with new numbers (another seed and scale),
another organization and year, rendered to an image-only PDF by make-scan.py with its own
resolution, skew, speckle, JPEG quality, seal and colour. Both templates (2019, 2021), ruled
tables, one inconsistent report (a rule that does not hold).

--structure varies the tables' and title's structure too (the kinds scans of real reports get
wrong as a whole row or as metadata): tight rows, narrow label columns (labels wrapped over
more lines), rows printed blank (every cell of a zero row empty), one-line or two-line titles
in other sizes, and the seal stamped over the title. Without it a seed gives the same set
as before the option existed.

  python3 Scripts/make-scan-set.py OUT_DIR [--count N] [--seed S] [--structure]

Writes OUT_DIR/NAME.pdf and OUT_DIR/NAME.truth.json (the shape `score.py` reads), and the
text-layer originals under OUT_DIR/src/. Score with:

  python3 ../shared/eval/score.py OUT_DIR -- .build/release/govreport extract --ocr auto {}

Needs what make-samples.py and make-scan.py need (reportlab, pymupdf, pillow, the WenQuanYi
Zen Hei font). Deterministic for a given seed and library versions.
"""
import argparse, importlib.util, json, os, random, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name):
    spec = importlib.util.spec_from_file_location(name.replace("-", "_"), os.path.join(HERE, name + ".py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


PLACES = ["青石", "白沙", "东川", "柳塘", "云岭", "南浦", "金河", "石门", "桐乡", "北岸", "枫林", "雁湖"]
BODIES = ["区人民政府", "县人民政府", "市教育局", "县交通运输局", "区卫生健康委员会", "镇人民政府",
          "市自然资源和规划局", "县财政局"]


def structure(samples, s, rnd):
    """The structural kinds of --structure, drawn from their own random stream."""
    w0, w1, w2 = s["app_label_widths"]
    s.update(app_row_h=rnd.choice([12, 13, 14, s["app_row_h"]]), active_row_h=rnd.choice([13, 14, 16, 20]),
             app_label_widths=(w0, w1, int(w2 * rnd.choice([0.7, 0.8, 1]))), title_size=rnd.choice([18, 20, 22]))
    if rnd.random() < 0.5 and s["template"] == "2021":
        s["app_cell"] = samples.s2_cell
    if rnd.random() < 0.4:
        s["title_lines"] = ["".join(s["title_lines"])]
    return rnd.random() < 0.4


def variant(samples, rnd, i):
    """One of the ruled samples with new numbers and names."""
    base = rnd.choice([samples.S1, samples.S3, samples.S4, samples.S1, samples.S3])
    s = dict(base)
    org = rnd.choice(PLACES) + rnd.choice(BODIES)
    year = rnd.randint(2020, 2025) if s["template"] == "2021" else 2020
    s.update(
        name=f"gen-{i:02d}-{s['template']}", seed=rnd.randint(1, 10 ** 6), year=year, org=org,
        title_lines=[org, f"{year}年政府信息公开工作年度报告"], signed=f"{year + 1}年1月{rnd.randint(10, 28)}日",
        scale=int(s["scale"] * rnd.choice([0.3, 0.6, 1, 1.5, 3, 6])), assert_events=[],
    )
    return s


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--count", type=int, default=10)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--structure", action="store_true", help="vary row heights, label widths, blank rows, titles, seals")
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    kinds = random.Random(a.seed * 7919 + 1)
    samples = load("make-samples")
    samples.register_font()
    src = os.path.join(a.out, "src")
    os.makedirs(src, exist_ok=True)
    for i in range(1, a.count + 1):
        s = variant(samples, rnd, i)
        seal_title = structure(samples, s, kinds) if a.structure else False
        path, _, _ = samples.build(s, src)
        dpi = rnd.choice([150, 200, 200, 300])
        skew = round(rnd.uniform(-1, 1), 2)
        speckle = rnd.choice([0, 150, 300, 600])
        quality = rnd.choice([55, 70, 85])
        args = [sys.executable, os.path.join(HERE, "make-scan.py"), path, os.path.join(a.out, s["name"] + ".pdf"),
                "--dpi", str(dpi), "--skew", str(skew), "--speckle", str(speckle), "--quality", str(quality),
                "--seed", str(rnd.randint(1, 1000))]
        if rnd.random() < 0.7:
            args.append("--seal")
        if rnd.random() < 0.5:
            args.append("--colour")
        if seal_title:
            args.append("--seal-title")
        subprocess.run(args, check=True)
        os.replace(os.path.join(a.out, s["name"] + ".numbers.json"), os.path.join(a.out, s["name"] + ".truth.json"))


if __name__ == "__main__":
    main()
