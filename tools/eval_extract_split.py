#!/usr/bin/env python3
"""Scores `corpus extract` on the development sets, dev and held-out halves side by side.

Each dev set is split once and for all by the page id the scorer uses (WCXB: the
file number; snippet sets: the first 16 hex digits of sha1(url)): a page is held
out when the first byte of sha256(id) is below 64, i.e. about 1 page in 4. Tune
on the dev half only. The held-out half is reported as totals; per-page rows
(--per-page) are written for the dev half alone, so nobody reads held-out pages
while tuning.

  eval_extract_split.py [--corpus BIN] [--shared DIR] [--sets wcxb,snippets]
                        [--per-page DIR] [--json FILE] [--baseline BIN]
                        [-- extra corpus extract flags]

The scoring is ../shared/tools/extraction_eval.py's, run on each half. WCXB's
article pages are also scored alone by shingle F1 (4-grams of words, the measure
of the news-article benchmark, which is held out from us): the nearest figure for
news articles that can be measured here.

--baseline BIN runs a second build on the same pages and prints, for each half,
the change from it with a 95% paired bootstrap interval over pages (2,000
resamples, a fixed seed): a held-out change whose interval spans zero is not
told apart from noise. The held-out per-page scores this needs stay in a
temporary folder and are deleted; only the totals are printed.
"""
import argparse
import ast
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

HELD_OUT_BELOW = 64  # first byte of sha256(id) < 64: 1 in 4 held out


def held_out(pid):
    return hashlib.sha256(pid.encode("utf-8")).digest()[0] < HELD_OUT_BELOW


def page_type(ground_truth_file):
    """A WCXB page's primary type ("article", "product", ...), "" if not given."""
    meta = json.load(open(ground_truth_file, encoding="utf-8")).get("_internal") or {}
    if isinstance(meta, str):
        meta = ast.literal_eval(meta)
    kind = meta.get("page_type") or {}
    return kind.get("primary", "") if isinstance(kind, dict) else str(kind)


def split_wcxb(src, work, only_type=None):
    """Builds dev/ and held/ dataset folders (symlinks) from a WCXB split folder,
    of every page or only of pages of one type."""
    halves = {}
    prefix = "wcxb-" + (only_type + "-" if only_type else "")
    for half in ("dev", "held"):
        d = os.path.join(work, prefix + half)
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
        if only_type and page_type(os.path.join(src, "ground-truth", name)) != only_type:
            continue
        half = "held" if held_out(name[:-5]) else "dev"
        os.symlink(os.path.abspath(os.path.join(src, "ground-truth", name)),
                   os.path.join(halves[half], "ground-truth", name))
    return halves


def snippet_id(url):
    """The id the scorer gives a snippet page: the first 16 hex digits of sha1(url)."""
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]


def split_snippets(src, work):
    """Builds dev/ and held/ dataset folders from a snippet set (evaldata.json)."""
    data = json.load(open(os.path.join(src, "evaldata.json"), encoding="utf-8"))
    parts = {"dev": {}, "held": {}}
    for url, d in data.items():
        pid = snippet_id(url)
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


def extract(corpus, shard, docs, extra):
    subprocess.run([corpus, "--log-level", "warn", "extract", "--in", shard, "--out", docs,
                    "--no-progress"] + extra, check=True)


BOOTSTRAP_ROUNDS = 2000


def paired_change(name, dataset, new, base):
    """The change of the set's score from `base` to `new` (per-page rows of the same pages),
    with a 95% bootstrap interval from resampling the pages."""
    ids = sorted(new)
    if name == "wcxb":  # word F1: the mean of the pages' F1
        delta = [new[i]["f1"] - base[i]["f1"] for i in ids]

        def stat(sample):
            return sum(delta[k] for k in sample) / len(sample)
    else:  # snippet F1: from the snippets counted over the pages
        data = json.load(open(os.path.join(dataset, "evaldata.json"), encoding="utf-8"))
        wanted = {snippet_id(u): len(d["with"]) for u, d in data.items()}
        counts = [((wanted.get(i, 0), new[i]["with_missed"], new[i]["without_kept"]),
                   (wanted.get(i, 0), base[i]["with_missed"], base[i]["without_kept"])) for i in ids]

        def f1(sample, side):
            want = sum(counts[k][side][0] for k in sample)
            missed = sum(counts[k][side][1] for k in sample)
            kept = sum(counts[k][side][2] for k in sample)
            tp = want - missed
            prec = tp / (tp + kept) if tp + kept else 0.0
            rec = tp / want if want else 0.0
            return 2 * prec * rec / (prec + rec) if prec + rec else 0.0

        def stat(sample):
            return f1(sample, 0) - f1(sample, 1)
    everything = list(range(len(ids)))
    rng = random.Random(20261203)
    spread = sorted(stat([rng.randrange(len(ids)) for _ in ids]) for _ in range(BOOTSTRAP_ROUNDS))
    if name == "wcxb":
        better = sum(1 for d in delta if d > 1e-9)
        worse = sum(1 for d in delta if d < -1e-9)
    else:
        better = sum(1 for (n, b) in counts if n[1] + n[2] < b[1] + b[2])
        worse = sum(1 for (n, b) in counts if n[1] + n[2] > b[1] + b[2])
    return {"change": stat(everything), "low": spread[int(0.025 * BOOTSTRAP_ROUNDS)],
            "high": spread[int(0.975 * BOOTSTRAP_ROUNDS) - 1], "pages_better": better,
            "pages_worse": worse, "pages": len(ids)}


def report_changes(changes, baseline):
    print(f"change from {baseline} (95% paired bootstrap interval over pages)")
    labels = {"wcxb": "WCXB word F1", "snippets": "snippets F1"}
    for name, halves in changes.items():
        for half, c in halves.items():
            print(f"  {labels[name]:<14} {'dev' if half == 'dev' else 'held-out':<9}"
                  f"{c['change']:+.4f} [{c['low']:+.4f}, {c['high']:+.4f}]  "
                  f"pages better {c['pages_better']}, worse {c['pages_worse']} of {c['pages']}")


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=os.path.join(root, "build", "corpus"))
    ap.add_argument("--shared", default=os.environ.get("CORPUS_SHARED", os.path.join(root, "..", "shared")))
    ap.add_argument("--sets", default="wcxb,snippets")
    ap.add_argument("--per-page", help="folder for per-page rows of the dev halves")
    ap.add_argument("--json", help="file for all numbers")
    ap.add_argument("--keep", help="folder to keep the extracted records in (<set>-docs/)")
    ap.add_argument("--baseline", help="another corpus binary: print the change from it, with intervals")
    ap.add_argument("extra", nargs="*", help="flags passed to corpus extract")
    args = ap.parse_args()
    evaltool = os.path.join(args.shared, "tools", "extraction_eval.py")
    sets = {"wcxb": (os.path.join(args.shared, "data", "wcxb-dev", "dev"), split_wcxb),
            "snippets": (os.path.join(args.shared, "data", "snippets-dev"), split_snippets)}
    if not os.path.exists(evaltool):
        print(f"eval-extract: skipped ({evaltool} not found)")
        return 0
    work = tempfile.mkdtemp(prefix="corpus-eval-")
    results, changes = {}, {}
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
            extract(args.corpus, shard, docs, args.extra)
            halves = splitter(src, work)
            results[name] = {}
            rows_of = {}  # half -> per-page rows file of this build (with --baseline)
            for half in ("dev", "held"):
                pp = None
                if args.per_page and half == "dev":
                    os.makedirs(args.per_page, exist_ok=True)
                    pp = os.path.join(args.per_page, name + "-dev.jsonl")
                elif args.baseline:
                    pp = os.path.join(work, f"{name}-{half}-new.jsonl")
                results[name][half] = score(evaltool, halves[half], docs, pp)
                rows_of[half] = pp
            if name == "wcxb":
                # The news-article proxy: shingle F1 (the article-extraction
                # benchmark's measure) on WCXB's article pages alone.
                articles = split_wcxb(src, work, only_type="article")
                for half in ("dev", "held"):
                    a = score(evaltool, articles[half], docs)
                    results[name][half]["article_shingle"] = {
                        "n": a["pages"], "f1": a["shingle_f1"],
                        "precision": a["shingle_precision"], "recall": a["shingle_recall"]}
            if args.baseline:
                base_docs = os.path.join(work, name + "-baseline-docs")
                extract(args.baseline, shard, base_docs, args.extra)
                changes[name] = {}
                for half in ("dev", "held"):
                    base_pp = os.path.join(work, f"{name}-{half}-base.jsonl")
                    score(evaltool, halves[half], base_docs, base_pp)
                    rows = [{r["id"]: r for r in map(json.loads, open(pp, encoding="utf-8"))}
                            for pp in (rows_of[half], base_pp)]
                    changes[name][half] = paired_change(name, halves[half], *rows)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report(results)
    if changes:
        report_changes(changes, args.baseline)
    if args.json:
        if changes:
            results["change_from_baseline"] = changes
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
        if "article_shingle" in d:
            da, ha = d["article_shingle"], h["article_shingle"]
            print("WCXB article pages, shingle F1 (4-grams, the news benchmark's measure)")
            for k in ("f1", "precision", "recall"):
                print(f"  {k:<20}  {da[k]:.4f}        {ha[k]:.4f}")
    if "snippets" in results:
        d, h = results["snippets"]["dev"], results["snippets"]["held"]
        print(f"snippets                dev (n={d['pages']})    held-out (n={h['pages']})")
        for k in ("f1", "precision", "recall"):
            print(f"  {k:<20}  {d['snippet_' + k]:.4f}        {h['snippet_' + k]:.4f}")


if __name__ == "__main__":
    sys.exit(main())
