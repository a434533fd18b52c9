#!/usr/bin/env python3
"""Checks the outputs of `govreport batch`.

  python3 Scripts/batch-verify.py check CORPUS OUT [--bin .build/release/govreport]
      CORPUS made by Scripts/make-batch-corpus.py (its expected.tsv says which files are good
      and which error each bad one must get), OUT the batch's --out folder, the batch run on
      CORPUS as one folder argument. Every good file must be extracted exactly as
      `govreport extract FILE` prints it (run once per distinct content), every bad file listed
      as failed with its expected error and a reason; reports.jsonl, cells.csv and failures.csv
      must hold exactly those, in source order.

  python3 Scripts/batch-verify.py compare OUT_A OUT_B
      The two batches' outputs are the same: JSONL, CSV files byte for byte after sorting their
      lines by source, every SQLite table row for row, every per-document JSON file.

Exit status 0 when everything holds, 1 otherwise (the differences are printed).
"""
import csv
import filecmp
import hashlib
import json
import os
import sqlite3
import subprocess
import sys


def manifest(out):
    entries = {}
    with open(os.path.join(out, "manifest.jsonl"), encoding="utf-8") as f:
        for line in f:
            try:
                e = json.loads(line)
            except ValueError:
                continue
            entries[e["path"]] = e
    return entries


def doc_path(out, path):
    parts = [p for p in path.split("/") if p and p != "."]
    parts = ["_up" if p == ".." else p for p in parts]
    if path.startswith("/"):
        parts.insert(0, "_root")
    return os.path.join(out, "docs", *parts[:-1], parts[-1] + ".json")


def check(corpus, out, binary):
    corpus = os.path.abspath(corpus).rstrip("/")
    entries = manifest(out)
    expected = []
    with open(os.path.join(corpus, "expected.tsv"), encoding="utf-8") as f:
        for line in f:
            rel, verdict, code = line.rstrip("\n").split("\t")
            expected.append((corpus + "/" + rel, verdict, code))
    problems = []
    oracle = {}  # sha256 -> (representative path, extract stdout)
    good = bad = 0
    for path, verdict, code in expected:
        e = entries.get(path)
        if e is None:
            problems.append(f"{path}: not in the manifest")
            continue
        if verdict == "bad":
            if e["status"] != "failed" or e.get("error") != code or not e.get("message"):
                problems.append(f"{path}: expected failed/{code}, got {e['status']}/{e.get('error')}")
            else:
                bad += 1
            continue
        if e["status"] != "ok":
            problems.append(f"{path}: a good report failed: {e.get('error')}: {e.get('message')}")
            continue
        with open(path, "rb") as f:
            sha = hashlib.sha256(f.read()).hexdigest()
        if sha not in oracle:
            r = subprocess.run([binary, "extract", path], capture_output=True)
            oracle[sha] = (path, r.stdout.decode("utf-8"))
        rep, text = oracle[sha]
        want = text.replace(f'"path": {json.dumps(rep, ensure_ascii=False)}',
                            f'"path": {json.dumps(path, ensure_ascii=False)}', 1)
        with open(doc_path(out, path), encoding="utf-8") as f:
            got = f.read()
        if got != want:
            problems.append(f"{path}: the batch's document differs from `govreport extract`")
        else:
            good += 1
    n_good = sum(1 for _, v, _ in expected if v == "good")
    n_bad = len(expected) - n_good

    per_file = len(problems)
    # Combined outputs: exactly the good documents / the bad files, in source order.
    with open(os.path.join(out, "reports.jsonl"), encoding="utf-8") as f:
        sources = [json.loads(line)["source"]["path"] for line in f]
    want_sources = sorted((p for p, v, _ in expected if v == "good"), key=lambda s: s.encode())
    if sources != want_sources:
        problems.append(f"reports.jsonl: {len(sources)} documents, not the {n_good} good ones in source order")
    with open(os.path.join(out, "failures.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))[1:]
    want_failed = sorted(((p, c) for p, v, c in expected if v == "bad"), key=lambda t: t[0].encode())
    if [(r[0], r[2]) for r in rows] != want_failed:
        problems.append("failures.csv: not every bad file with its error, in source order")
    with open(os.path.join(out, "cells.csv"), encoding="utf-8", newline="") as f:
        cell_sources = {r[0] for r in list(csv.reader(f))[1:]}
    if cell_sources != set(want_sources):
        problems.append("cells.csv: not the cells of exactly the good documents")
    db = sqlite3.connect(os.path.join(out, "reports.sqlite"))
    n_reports = db.execute("SELECT count(*) FROM reports").fetchone()[0]
    n_failures = db.execute("SELECT count(*) FROM failures").fetchone()[0]
    if (n_reports, n_failures) != (n_good, n_bad):
        problems.append(f"reports.sqlite: {n_reports} reports, {n_failures} failures; want {n_good}, {n_bad}")

    for p in problems[:30]:
        print("  " + p)
    print(f"check: {good}/{n_good} good files extracted exactly (checked against `extract` on "
          f"{len(oracle)} distinct contents), {bad}/{n_bad} bad files failed with the expected reason; "
          f"combined outputs (JSONL, CSV, SQLite) {'right' if len(problems) == per_file else 'WRONG'}")
    return not problems


def sorted_lines(path, header):
    with open(path, "rb") as f:
        lines = f.read().split(b"\n")
    head = lines[:1] if header else []
    return head + sorted(l for l in lines[len(head):] if l)


def table_rows(db_path):
    db = sqlite3.connect(db_path)
    out = {}
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
        cols = [r[1] for r in db.execute(f"PRAGMA table_info({name})")]
        order = ", ".join(str(i + 1) for i in range(len(cols)))
        out[name] = db.execute(f"SELECT * FROM {name} ORDER BY {order}").fetchall()
    out["indexes"] = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").fetchall()
    return out


def compare(a, b):
    ok = True
    for name, header in [("reports.jsonl", False), ("cells.csv", True), ("failures.csv", True)]:
        same = sorted_lines(os.path.join(a, name), header) == sorted_lines(os.path.join(b, name), header)
        exact = filecmp.cmp(os.path.join(a, name), os.path.join(b, name), shallow=False)
        print(f"compare: {name}: {'same' if same else 'DIFFERENT'} after sorting by source"
              f"{' (and byte for byte as written)' if exact else ''}")
        ok = ok and same
    ra, rb = table_rows(os.path.join(a, "reports.sqlite")), table_rows(os.path.join(b, "reports.sqlite"))
    for t in sorted(set(ra) | set(rb)):
        same = ra.get(t) == rb.get(t)
        print(f"compare: reports.sqlite {t}: {len(ra.get(t, []))} vs {len(rb.get(t, []))} rows, "
              f"{'same' if same else 'DIFFERENT'}")
        ok = ok and same
    diffs = []

    def walk(rel):
        cmp = filecmp.dircmp(os.path.join(a, rel), os.path.join(b, rel))
        diffs.extend(os.path.join(rel, x) for x in cmp.left_only + cmp.right_only)
        _, mismatch, errors = filecmp.cmpfiles(os.path.join(a, rel), os.path.join(b, rel), cmp.common_files,
                                               shallow=False)
        diffs.extend(os.path.join(rel, x) for x in mismatch + errors)
        for d in cmp.common_dirs:
            walk(os.path.join(rel, d))

    walk("docs")
    n_docs = sum(len(files) for _, _, files in os.walk(os.path.join(a, "docs")))
    print(f"compare: docs/: {n_docs} files, {'same' if not diffs else f'{len(diffs)} DIFFERENT: ' + ', '.join(diffs[:5])}")
    return ok and not diffs


def main():
    args = sys.argv[1:]
    binary = ".build/release/govreport"
    if "--bin" in args:
        i = args.index("--bin")
        binary = args[i + 1]
        del args[i:i + 2]
    if len(args) == 3 and args[0] == "check":
        sys.exit(0 if check(args[1], args[2], binary) else 1)
    if len(args) == 3 and args[0] == "compare":
        sys.exit(0 if compare(args[1], args[2]) else 1)
    sys.exit(__doc__)


if __name__ == "__main__":
    main()
