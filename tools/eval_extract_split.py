#!/usr/bin/env python3
"""Scores `corpus extract` on the development sets, dev and held-out halves side by side.

Each dev set is split once and for all by the page id the scorer uses (WCXB: the
file number; snippet sets: the first 16 hex digits of sha1(url)): a page is held
out when the first byte of sha256(id) is below 64, i.e. about 1 page in 4. Tune
on the dev half only. The held-out half is reported as totals; per-page rows
(--per-page) are written for the dev half alone, so nobody reads held-out pages
while tuning.

  eval_extract_split.py [--corpus BIN] [--shared DIR] [--sets wcxb,snippets]
                        [--per-page DIR] [--json FILE] [-- extra corpus extract flags]

The scoring is ../shared/tools/extraction_eval.py's, run on each half.
"""
import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

HELD_OUT_BELOW = 64  # first byte of sha256(id) < 64: 1 in 4 held out


def held_out(pid):
    return hashlib.sha256(pid.encode("utf-8")).digest()[0] < HELD_OUT_BELOW


def split_wcxb(src, work):
    """Builds dev/ and held/ dataset folders (symlinks) from a WCXB split folder."""
    halves = {}
    for half in ("dev", "held"):
        d = os.path.join(work, "wcxb-" + half)
        os.makedirs(os.path.join(d, "ground-truth"))
        os.symlink(os.path.abspath(os.path.join(src, "html")), os.path.join(d, "html"))
        for cand in (os.path.join(src, "metadata.json"), os.path.join(src, "..", "metadata.json")):
            if os.path.exists(cand):
                os.symlink(os.path.abspath(cand), os.path.join(d, "metadata.json"))
                break
        halves[half] = d
    for name in sorted(os.listdir(os.path.join(src, "ground-truth"))):
        if not name.endswith(".json"):
            continue
        half = "held" if held_out(name[:-5]) else "dev"
        os.symlink(os.path.abspath(os.path.join(src, "ground-truth", name)),
                   os.path.join(halves[half], "ground-truth", name))
    return halves


def split_snippets(src, work):
    """Builds dev/ and held/ dataset folders from a snippet set (evaldata.json)."""
    data = json.load(open(os.path.join(src, "evaldata.json"), encoding="utf-8"))
    parts = {"dev": {}, "held": {}}
    for url, d in data.items():
        pid = hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]
        parts["held" if held_out(pid) else "dev"][url] = d
    halves = {}
    for half, sub in parts.items():
        d = os.path.join(work, "snippets-" + half)
        os.makedirs(d)
        os.symlink(os.path.abspath(os.path.join(src, "html")), os.path.join(d, "html"))
        json.dump(sub, open(os.path.join(d, "evaldata.json"), "w", encoding="utf-8"))
        halves[half] = d
    return halves


def score(evaltool, dataset, docs, per_page=None):
    out = os.path.join(os.path.dirname(dataset), os.path.basename(dataset) + ".json")
    cmd = [sys.executable, evaltool, "score", dataset, docs, "--json", out]
    if per_page:
        cmd += ["--per-page", per_page]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return json.load(open(out))


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=os.path.join(root, "build", "corpus"))
    ap.add_argument("--shared", default=os.environ.get("CORPUS_SHARED", os.path.join(root, "..", "shared")))
    ap.add_argument("--sets", default="wcxb,snippets")
    ap.add_argument("--per-page", help="folder for per-page rows of the dev halves")
    ap.add_argument("--json", help="file for all numbers")
    ap.add_argument("--keep", help="folder to keep the extracted records in (<set>-docs/)")
    ap.add_argument("extra", nargs="*", help="flags passed to corpus extract")
    args = ap.parse_args()
    evaltool = os.path.join(args.shared, "tools", "extraction_eval.py")
    sets = {"wcxb": (os.path.join(args.shared, "data", "wcxb-dev", "dev"), split_wcxb),
            "snippets": (os.path.join(args.shared, "data", "snippets-dev"), split_snippets)}
    if not os.path.exists(evaltool):
        print(f"eval-extract: skipped ({evaltool} not found)")
        return 0
    work = tempfile.mkdtemp(prefix="corpus-eval-")
    results = {}
    try:
        for name in args.sets.split(","):
            src, splitter = sets[name]
            if not os.path.isdir(src):
                print(f"eval-extract: {name} skipped ({src} not found)")
                continue
            shard = os.path.join(work, name + ".jsonl.zst")
            docs = os.path.join(args.keep or work, name + "-docs")
            if args.keep:
                shutil.rmtree(docs, ignore_errors=True)
            subprocess.run([sys.executable, evaltool, "pack", src, shard], check=True,
                           stdout=subprocess.DEVNULL)
            subprocess.run([args.corpus, "--log-level", "warn", "extract", "--in", shard,
                            "--out", docs, "--no-progress"] + args.extra, check=True)
            halves = splitter(src, work)
            results[name] = {}
            for half in ("dev", "held"):
                pp = None
                if args.per_page and half == "dev":
                    os.makedirs(args.per_page, exist_ok=True)
                    pp = os.path.join(args.per_page, name + "-dev.jsonl")
                results[name][half] = score(evaltool, halves[half], docs, pp)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report(results)
    if args.json:
        json.dump(results, open(args.json, "w"), indent=2)
    return 0


def report(results):
    if "wcxb" in results:
        d, h = results["wcxb"]["dev"], results["wcxb"]["held"]
        print(f"WCXB word F1            dev (n={d['pages']})   held-out (n={h['pages']})")
        print(f"  all                   {d['word_f1']:.3f}         {h['word_f1']:.3f}")
        print(f"  precision             {d['word_precision']:.3f}         {h['word_precision']:.3f}")
        print(f"  recall                {d['word_recall']:.3f}         {h['word_recall']:.3f}")
        for t in sorted(d["by_type"]):
            hv = h["by_type"].get(t, {"n": 0, "f1": 0.0})
            print(f"  {t:<20}  {d['by_type'][t]['f1']:.3f} ({d['by_type'][t]['n']:>3})   "
                  f"{hv['f1']:.3f} ({hv['n']:>3})")
    if "snippets" in results:
        d, h = results["snippets"]["dev"], results["snippets"]["held"]
        print(f"snippets                dev (n={d['pages']})    held-out (n={h['pages']})")
        for k in ("f1", "precision", "recall"):
            print(f"  {k:<20}  {d['snippet_' + k]:.4f}        {h['snippet_' + k]:.4f}")


if __name__ == "__main__":
    sys.exit(main())
