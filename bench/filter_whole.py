#!/usr/bin/env python3
"""Whole-process throughput of `corpus filter --threads 1 --config configs/fineweb.toml`.

Runs the command as a user would, on real text, with two binaries side by side (the one
being measured and a reference build, e.g. main's), alternating them round by round, and
prints MB/s of document text by wall time and by CPU time (user+sys of the process), and
the same shard's `zstd -dc` as a floor: no filter can read its input faster than that.
After the runs it compares the two binaries' decisions (kept and rejected ids, reject
rules and values, kept text) with bench/compare_filter_outputs.py.

Inputs (built once into --work, reused on later runs):
  en   the WCXB development pages of ../shared/data/wcxb-dev through `corpus extract`,
       those CLD2 calls English, repeated with new ids to --mb MB of text;
  cjk  Debian's translated manual pages (manpages-zh, manpages-ja: /usr/share/man/{zh_CN,
       zh_TW,ja}) rendered by `man -l`, keeping lines of at least 25 characters that end in
       sentence punctuation and pages with at least 5 such lines and 600 characters (as the
       languages benchmark in BENCHMARKS.md built them), repeated to --mb MB; filtered with
       --languages zh,zh-Hant,ja;
  cjk-prose  the same manual pages without every line that holds a Latin letter (their English
       option names and commands), pages with at least 5 such lines and 1,500 bytes: Chinese
       and Japanese prose as the web mostly has it, repeated to --mb MB; same languages.
An input whose source is absent is skipped with a message.

Usage:
  bench/filter_whole.py --new build/corpus --old /path/to/main/corpus [--sets en,cjk,cjk-prose]
                        [--rounds 2] [--mb 50] [--work /tmp/filter-whole]
Run from the repository root (configs/fineweb.toml is read from there).
"""

import argparse
import glob
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import compare_filter_outputs  # noqa: E402

CJK_LANGS = "zh,zh-Hant,ja"
SENTENCE_END = tuple(".!?。．！？")
LATIN_LETTER = re.compile("[A-Za-z]")


def read_records(path):
    """Yields the JSON records of a .jsonl.zst shard."""
    out = subprocess.run(["zstd", "-dc", path], check=True, stdout=subprocess.PIPE).stdout
    for line in out.splitlines():
        if line.strip():
            yield json.loads(line)


def write_repeated(docs, mb, path, prefix):
    """Writes `docs` ({"id","url","text"}) repeated with new ids until `mb` MB of text."""
    target = int(mb * 1e6)
    total = 0
    rnd = 0
    tmp = path + ".jsonl"
    with open(tmp, "w", encoding="utf-8") as f:
        while total < target:
            for d in docs:
                rec = {"id": f"{prefix}-{rnd}-{d['id']}", "url": d["url"], "text": d["text"]}
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
                total += len(d["text"].encode("utf-8"))
                if total >= target:
                    break
            rnd += 1
    subprocess.run(["zstd", "-q", "-f", "-3", "--rm", tmp, "-o", path], check=True)
    with open(path + ".bytes", "w") as f:
        f.write(str(total))


def build_en(args, corpus):
    pages = os.path.join(args.shared, "data", "wcxb-dev", "dev")
    if not os.path.isdir(pages):
        print(f"en: skipped ({pages} is absent)")
        return None
    shard = os.path.join(args.work, "en.jsonl.zst")
    if os.path.exists(shard + ".bytes"):
        return shard
    work = os.path.join(args.work, "en-build")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    packed = os.path.join(work, "pages.jsonl.zst")
    subprocess.run([sys.executable, os.path.join(args.shared, "tools", "extraction_eval.py"), "pack", pages, packed],
                   check=True, stdout=subprocess.DEVNULL)
    ext = os.path.join(work, "ext")
    subprocess.run([corpus, "extract", "--no-progress", "--in", packed, "--out", ext], check=True)
    # Language id alone picks the pages CLD2 calls English.
    lang = os.path.join(work, "lang")
    subprocess.run([corpus, "filter", "--no-progress", "--in", ext, "--out", lang, "--languages", "en",
                    "--no-gopher-repetition", "--no-gopher-quality", "--no-c4", "--no-fineweb", "--no-pii"],
                   check=True)
    docs = []
    for part in sorted(glob.glob(os.path.join(lang, "part-*.jsonl.zst"))):
        for r in read_records(part):
            docs.append({"id": r["id"], "url": r.get("url", ""), "text": r["text"]})
    print(f"en: {len(docs)} English pages, {sum(len(d['text'].encode()) for d in docs) / 1e6:.1f} MB")
    write_repeated(docs, args.mb, shard, "en")
    return shard


def render_man(path):
    """The page as `man` shows it, or "" when troff does not finish in 5 s (a few pages loop)."""
    env = dict(os.environ, MANWIDTH="80", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    p = subprocess.Popen(["man", "-l", path], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         start_new_session=True)
    try:
        out, _ = p.communicate(timeout=5)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, 9)
        p.communicate()
        return ""
    return out.decode("utf-8", "replace")


_rendered = None  # (paths, texts) of the CJK manual pages, rendered once per run


def rendered_cjk_pages():
    global _rendered
    if _rendered is None:
        files = []
        for folder in ("zh_CN", "zh_TW", "ja"):
            files += sorted(glob.glob(f"/usr/share/man/{folder}/man*/*"))
        with ThreadPoolExecutor(2) as pool:
            _rendered = (files, list(pool.map(render_man, files)))
    return _rendered


def build_cjk(args, name):
    """The `cjk` set, or with name "cjk-prose" the same pages without their lines that hold a Latin letter."""
    shard = os.path.join(args.work, f"{name}.jsonl.zst")
    if os.path.exists(shard + ".bytes"):
        return shard
    files, texts = rendered_cjk_pages()
    if not files:
        print(f"{name}: skipped (no manual pages under /usr/share/man/{{zh_CN,zh_TW,ja}}: "
              "apt-get install manpages-zh manpages-ja)")
        return None
    latin_free = name == "cjk-prose"
    docs = []
    for path, text in zip(files, texts):
        lines = []
        for line in text.splitlines():
            line = line.strip()
            if latin_free and LATIN_LETTER.search(line):
                continue
            if len(line) >= 25 and line.endswith(SENTENCE_END):
                lines.append(line)
        body = "\n".join(lines)
        min_bytes = 1500 if latin_free else 600
        if len(lines) >= 5 and len(body.encode() if latin_free else body) >= min_bytes:
            rel = os.path.relpath(path, "/usr/share/man")
            docs.append({"id": hashlib.sha256(rel.encode()).hexdigest()[:16], "url": "file:///usr/share/man/" + rel,
                         "text": body})
    print(f"{name}: {len(docs)} manual pages, {sum(len(d['text'].encode()) for d in docs) / 1e6:.1f} MB")
    write_repeated(docs, args.mb, shard, name)
    return shard


def timed(cmd, stdout=subprocess.DEVNULL):
    """Runs cmd; returns (wall seconds, user+sys seconds of the process)."""
    start = time.monotonic()
    p = subprocess.Popen(cmd, stdout=stdout)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.monotonic() - start
    if os.waitstatus_to_exitcode(status) not in (0, 3):
        raise SystemExit(f"failed ({os.waitstatus_to_exitcode(status)}): {' '.join(cmd)}")
    return wall, usage.ru_utime + usage.ru_stime


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--new", required=True, help="corpus binary measured")
    ap.add_argument("--old", help="reference corpus binary (e.g. main's), run beside it")
    ap.add_argument("--sets", default="en,cjk")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--mb", type=float, default=50)
    ap.add_argument("--work", default="/tmp/filter-whole")
    ap.add_argument("--shared", default=os.path.join(HERE, "..", "..", "shared"))
    ap.add_argument("--config", default="configs/fineweb.toml")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    bins = [("new", args.new)] + ([("old", args.old)] if args.old else [])

    inputs = []
    for s in args.sets.split(","):
        shard = build_en(args, args.new) if s == "en" else build_cjk(args, s) if s in ("cjk", "cjk-prose") else None
        if shard:
            inputs.append((s, shard))
    if not inputs:
        print("nothing to measure")
        return

    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'input':9} {'binary':6} {'round':>5} {'wall s':>7} {'CPU s':>7} {'MB/s wall':>10} {'MB/s CPU':>9} "
          f"{'CPU / zstd -dc':>15}")
    for name, shard in inputs:
        with open(shard + ".bytes") as f:
            mb = int(f.read()) / 1e6
        extra = ["--languages", CJK_LANGS] if name.startswith("cjk") else []
        for rnd in range(args.rounds):
            _, zcpu = timed(["zstd", "-dc", shard])
            order = bins if rnd % 2 == 0 else list(reversed(bins))
            for label, binary in order:
                out = os.path.join(args.work, f"out-{name}-{label}")
                wall, cpu = timed([binary, "filter", "--threads", "1", "--no-progress", "--force", "--config",
                                   args.config, "--in", shard, "--out", out] + extra)
                print(f"{name:9} {label:6} {rnd + 1:>5} {wall:7.2f} {cpu:7.2f} {mb / wall:10.1f} {mb / cpu:9.1f} "
                      f"{cpu / max(zcpu, 1e-3):15.1f}", flush=True)
            print(f"{name:9} {'zstd':6} {rnd + 1:>5} {'':7} {zcpu:7.2f} {'':10} {mb / max(zcpu, 1e-3):9.1f}")
        if args.old:
            diff, _ = compare_filter_outputs.compare(os.path.join(args.work, f"out-{name}-old"),
                                                  os.path.join(args.work, f"out-{name}-new"))
            print(f"{name}: decisions old vs new: {diff}")
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
