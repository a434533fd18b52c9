#!/usr/bin/env python3
"""Mutation fuzzing of govreport: every input kind, each run bounded in time and memory.

Mutates the samples of every input kind (PDF, HTML, text; JSON through `check`; Markdown and
Word files too when Samples/ has them) with bit flips, byte overwrites, truncation, duplicated,
deleted and swapped chunks, broken numbers (PDF `/Length`s and xref offsets), deep nesting and
unclosed elements, and runs each mutant through `govreport extract` (JSON through
`govreport check`) with the command's own bounds (--timeout, --max-memory) and an outer one.

Reports, per run and in a summary:
  signal     the command died of a signal (a crash: always a bug)
  crash      the command's worker died (error code `crash`): a crash too
  overrun    the command took longer than its bound (--timeout + grace)
  memory     the peak memory of the command and its worker was above --max-memory
  exit       an exit status the README does not document
  damage     (--damage) a PDF answered not_a_report or no_text_layer of which Poppler
             (pdftotext) reports damage (it must be damaged_pdf)
  code       an error code (the `[code]` ending each message) the README does not document
Each such mutant is kept under --keep (default /tmp/govreport-fuzz) with the command that shows
it, so it can be made into a small regression test.

Usage:
  python3 Scripts/fuzz.py [--binary .build/release/govreport] [--minutes 3 | --count N]
                          [--seed S] [--jobs 2] [--timeout 20] [--max-memory 1024] [--keep DIR]
                          [--kinds pdf,html,text,markdown,docx,json] [--damage]

  CI (a few minutes):   python3 Scripts/fuzz.py --minutes 3
  long run (hours):     python3 Scripts/fuzz.py --count 100000 --jobs 2 --seed $RANDOM
  extract only:         python3 Scripts/fuzz.py --count 10000 --seed 2 --kinds pdf,html,text,markdown,docx
  the OCR path too:     python3 Scripts/fuzz.py --count 300 --seed 3 --kinds pdf --ocr auto

Exits 1 when any problem was found, 0 otherwise. SIGINT or SIGTERM ends a run early (after the
mutants in flight) with its summary; a line every 500 mutants tells the progress. Deterministic for a given --seed and --count.
"""
import argparse
import json
import os
import random
import re
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, ".."))
DOCUMENTED_EXITS = set(range(0, 12))


def documented_codes():
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        return set(re.findall(r"`([a-z][a-z0-9_]*)`", f.read()))


def seeds(kinds=None):
    """Sample files by kind: (kind, name, bytes), only of `kinds` when given."""
    out = []
    sample_dir = os.path.join(ROOT, "Samples")
    for name in sorted(os.listdir(sample_dir)):
        path = os.path.join(sample_dir, name)
        ext = name.rsplit(".", 1)[-1].lower()
        kind = {"pdf": "pdf", "html": "html", "htm": "html", "txt": "text", "md": "markdown",
                "docx": "docx", "json": "json"}.get(ext)
        if kind is None or name.endswith(".numbers.json") or (kinds and kind not in kinds):
            continue
        with open(path, "rb") as f:
            out.append((kind, name, f.read()))
    return out


# --- mutators: each takes (rng, bytes, kind) and returns bytes -------------------------------

def bit_flips(rng, b, kind):
    b = bytearray(b)
    for _ in range(rng.randint(1, 50)):
        i = rng.randrange(len(b))
        b[i] ^= 1 << rng.randrange(8)
    return bytes(b)


def overwrite(rng, b, kind):
    b = bytearray(b)
    i = rng.randrange(len(b))
    n = rng.randint(1, 256)
    b[i:i + n] = bytes(rng.randrange(256) for _ in range(min(n, len(b) - i)))
    return bytes(b)


def truncate(rng, b, kind):
    return b[:rng.randrange(1, len(b))]


def duplicate_chunk(rng, b, kind):
    i = rng.randrange(len(b))
    n = rng.randint(1, 4096)
    j = rng.randrange(len(b))
    return b[:j] + b[i:i + n] + b[j:]


def delete_chunk(rng, b, kind):
    i = rng.randrange(len(b))
    return b[:i] + b[i + rng.randint(1, 4096):]


def swap_chunks(rng, b, kind):
    i, j = sorted(rng.randrange(len(b)) for _ in range(2))
    n = min(rng.randint(1, 2048), j - i)
    if n <= 0:
        return b
    return b[:i] + b[j:j + n] + b[i + n:j] + b[i:i + n] + b[j + n:]


def break_numbers(rng, b, kind):
    """Replaces numbers (PDF /Length, xref offsets, object numbers, table values) with others."""
    nums = [m for m in re.finditer(rb"\d+", b[:2_000_000])]
    if not nums:
        return bit_flips(rng, b, kind)
    out = bytearray(b)
    for m in sorted(rng.sample(nums, min(len(nums), rng.randint(1, 20))), key=lambda m: -m.start()):
        new = str(rng.choice([0, 1, -1, 2 ** 31, 2 ** 63, 10 ** 12, rng.randrange(10 ** 6),
                              int(m.group()) * 1000])).encode()
        out[m.start():m.end()] = new
    return bytes(out)


def huge_box(rng, b, kind):
    if kind != "pdf":
        return break_numbers(rng, b, kind)
    return re.sub(rb"/MediaBox\s*\[[^\]]*\]",
                  lambda m: b"/MediaBox [0 0 %d %d]" % (rng.choice([10 ** 9, 2 * 10 ** 9, 10 ** 15]),
                                                         rng.choice([842, 10 ** 9])), b, count=rng.randint(1, 3))


def deep_nesting(rng, b, kind):
    n = rng.choice([300, 5000, 100_000])
    i = rng.randrange(len(b))
    if kind == "html":
        ins = b"<div>" * n
    elif kind == "json":
        ins = b"[" * n
    elif kind == "pdf":
        ins = b"[" * n
    else:
        ins = b"(" * n
    return b[:i] + ins + b[i:]


def unclosed(rng, b, kind):
    if kind != "html":
        return overwrite(rng, b, kind)
    tag = rng.choice([b"<embed src=a.swf>", b"<object>", b"<table>", b"<td>", b"<script>", b"<!--", b"<iframe>"])
    m = re.search(rb"<body[^>]*>", b)
    i = m.end() if m and rng.random() < 0.5 else rng.randrange(len(b))
    return b[:i] + tag + b[i:]


MUTATORS = [bit_flips, overwrite, truncate, duplicate_chunk, delete_chunk, swap_chunks, break_numbers,
            huge_box, deep_nesting, unclosed]


def mutate(rng, data, kind):
    b = data
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        b = rng.choice(MUTATORS)(rng, b, kind) or b"x"
    return b


# --- running ------------------------------------------------------------------------------------

def run_one(binary, path, kind, args):
    cmd = [binary, "check" if kind == "json" else "extract", "--timeout", str(args.timeout),
           "--max-memory", str(args.max_memory), "--ocr", args.ocr, path]
    start = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         env=dict(os.environ, SWIFT_BACKTRACE="enable=no"))
    timer = threading.Timer(args.timeout + 30 + ocr_allowance(path, args), p.kill)
    timer.start()
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    timer.cancel()
    wall = time.monotonic() - start
    return cmd, p.returncode, err.decode("utf-8", "replace"), wall, usage.ru_maxrss / 1024.0


def poppler_damage(path):
    """What Poppler (pdftotext) says of damage in the PDF, or None (also without pdftotext).
    A damaged report must be `damaged_pdf`, not "not a report" or "a scan"."""
    try:
        p = subprocess.run(["pdftotext", "-layout", path, "/dev/null"], capture_output=True,
                           timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    for line in p.stderr.decode("utf-8", "replace").splitlines():
        if line.startswith(("Syntax Error", "Internal Error", "I/O Error")):
            return line
    return None


def ocr_allowance(path, args):
    """Seconds the command's own limit grows by when it reads pages by OCR (30 s a page, as
    the README says); an upper bound from the file's page-object count, capped at 40 pages."""
    if args.ocr == "never":
        return 0
    try:
        with open(path, "rb") as f:
            pages = len(re.findall(rb"/Type\s*/Page[^s]", f.read(1 << 24)))
    except OSError:
        pages = 0
    return 30 * min(max(pages, 1), 40)


def problems_of(result, args, codes):
    cmd, rc, err, wall, peak = result
    out = []
    if rc < 0:
        out.append(f"signal {-rc}")
    elif rc not in DOCUMENTED_EXITS:
        out.append(f"exit {rc}")
    if wall > args.timeout + 10 + ocr_allowance(cmd[-1], args):
        out.append(f"overrun {wall:.1f}s")
    if peak > args.max_memory:
        out.append(f"memory {peak:.0f}MiB")
    for code in set(re.findall(r"\[([a-z_]+)\]\s*$", err, re.M)):
        if code not in codes:
            out.append(f"code {code}")
        elif code == "crash":
            # The worker died (a signal in Poppler or a Swift trap): a crash, however well reported.
            out.append("worker crash: " + next((l for l in err.splitlines() if "[crash]" in l), "")[:160])
    for line in err.splitlines():
        if line and not line.startswith("govreport"):
            out.append("stray stderr: " + line[:120])
            break
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build/release/govreport"))
    ap.add_argument("--minutes", type=float, default=None)
    ap.add_argument("--count", type=int, default=None)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=20)
    ap.add_argument("--max-memory", type=int, default=1024)
    ap.add_argument("--keep", default="/tmp/govreport-fuzz")
    ap.add_argument("--ocr", default="never", choices=["never", "auto", "always"],
                    help="the commands' --ocr (default never: mutants that lose their text would each "
                         "spend seconds in OCR; `auto` fuzzes the OCR path too, with its time allowance)")
    ap.add_argument("--damage", action="store_true",
                    help="also ask pdftotext whether a PDF answered not_a_report or no_text_layer is damaged")
    ap.add_argument("--kinds", default=None,
                    help="comma-separated input kinds to mutate (pdf, html, text, markdown, docx, json); "
                         "default all; without json every mutant goes through `extract`")
    args = ap.parse_args()
    if args.minutes is None and args.count is None:
        args.minutes = 3
    codes = documented_codes()
    corpus = seeds(set(args.kinds.split(",")) if args.kinds else None)
    if not corpus:
        sys.exit("fuzz: no samples in Samples/")
    os.makedirs(args.keep, exist_ok=True)
    work = tempfile.mkdtemp(prefix="govreport-fuzz-")
    deadline = time.monotonic() + args.minutes * 60 if args.minutes else None
    lock = threading.Lock()
    state = {"n": 0, "problems": 0, "exits": {}, "errors": {}, "peak": 0.0, "slowest": 0.0}

    stop = threading.Event()
    # SIGINT / SIGTERM end the run after the mutants in flight, with the summary.
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())

    def worker(w):
        while True:
            with lock:
                n = state["n"]
                if stop.is_set() or (args.count is not None and n >= args.count) or (deadline and time.monotonic() > deadline):
                    return
                state["n"] += 1
            rng = random.Random(args.seed * 1_000_003 + n)
            kind, name, data = corpus[n % len(corpus)]
            mutant = mutate(rng, data, kind)
            ext = name.rsplit(".", 1)[-1]
            path = os.path.join(work, f"w{w}-mutant.{ext}")
            with open(path, "wb") as f:
                f.write(mutant)
            result = run_one(args.binary, path, kind, args)
            found = problems_of(result, args, codes)
            if args.damage and kind == "pdf" and result[1] in (5, 6):
                said = poppler_damage(path)
                if said:
                    found.append(f"damage called {'no_text_layer' if result[1] == 5 else 'not_a_report'} "
                                 f"(pdftotext: {said[:100]})")
            with lock:
                rc, err, wall, peak = result[1], result[2], result[3], result[4]
                state["exits"][rc] = state["exits"].get(rc, 0) + 1
                for code in re.findall(r"\[([a-z_]+)\]\s*$", err, re.M):
                    state["errors"][code] = state["errors"].get(code, 0) + 1
                state["peak"] = max(state["peak"], peak)
                state["slowest"] = max(state["slowest"], wall)
                done = sum(state["exits"].values())
                if done % 500 == 0:
                    print(f"fuzz: {done} run, {state['problems']} with problems, peak {state['peak']:.0f} MiB, "
                          f"slowest {state['slowest']:.1f} s", flush=True)
                if found:
                    state["problems"] += 1
                    keep = os.path.join(args.keep, f"seed{args.seed}-{n}-{name}")
                    with open(keep, "wb") as f:
                        f.write(mutant)
                    print(f"fuzz: {n} {name}: {'; '.join(found)} -> {keep}", flush=True)

    threads = [threading.Thread(target=worker, args=(w,)) for w in range(args.jobs)]
    for t in threads:
        t.start()
    for t in threads:
        while t.is_alive():
            t.join(0.5)
    print(f"fuzz: {state['n']} mutants, {state['problems']} with problems; exits "
          f"{dict(sorted(state['exits'].items()))}; error codes {dict(sorted(state['errors'].items()))}; "
          f"peak memory {state['peak']:.0f} MiB; slowest {state['slowest']:.1f} s", flush=True)
    sys.exit(1 if state["problems"] else 0)


if __name__ == "__main__":
    main()
