#!/usr/bin/env python3
"""Scores `corpus extract` on the development sets, dev and held-out halves side by side.

Each dev set is split once and for all by the page id the scorer uses (WCXB: the
file number; snippet sets: the first 16 hex digits of sha1(url)): a page is held
out when the first byte of sha256(id) is below 64, i.e. about 1 page in 4. Tune
on the dev half only. The held-out half is reported as totals; per-page rows
(--per-page) are written for the dev half alone, so nobody reads held-out pages
while tuning.

  eval_extract_split.py [--corpus BIN] [--shared DIR] [--sets wcxb,snippets]
                        [--per-page DIR] [--json FILE] [--baseline BIN] [--intervals]
                        [-- extra corpus extract flags]

The scoring is ../shared/tools/extraction_eval.py's, run on each half. WCXB's
article pages are also scored alone by shingle F1 (4-grams of words, the measure
of the news-article benchmark, which is held out from us): the nearest figure for
news articles that can be measured here.

--intervals prints each half's score (WCXB: also each page type's) with a 95%
bootstrap interval over its pages: how far a figure of this many pages may lie
from the same measure on more pages of the same kind, e.g. another split of the
same benchmark. Only totals are printed.

--baseline BIN runs a second build on the same pages and prints, for each half,
the change from it with a 95% paired bootstrap interval over pages (2,000
resamples, a fixed seed): a held-out change whose interval spans zero is not
told apart from noise. The held-out per-page scores this needs stay in a
temporary folder and are deleted; only the totals are printed.
"""
import argparse
import ast
import hashlib
import importlib.util
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


def snippet_counts(dataset, rows, ids):
    """(wanted, missed, kept) snippets of each page in `ids`, from its per-page row."""
    data = json.load(open(os.path.join(dataset, "evaldata.json"), encoding="utf-8"))
    wanted = {snippet_id(u): len(d["with"]) for u, d in data.items()}
    return [(wanted.get(i, 0), rows[i]["with_missed"], rows[i]["without_kept"]) for i in ids]


def snippet_f1(counts, sample):
    """Snippet F1 of the pages `sample` (indexes into `counts`): from the snippets
    counted over those pages, as the scorer counts them."""
    want = sum(counts[k][0] for k in sample)
    missed = sum(counts[k][1] for k in sample)
    kept = sum(counts[k][2] for k in sample)
    tp = want - missed
    prec = tp / (tp + kept) if tp + kept else 0.0
    rec = tp / want if want else 0.0
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def bootstrap(n, stat):
    """stat over all n pages, and the 95% interval of stat over resamples of the pages
    (BOOTSTRAP_ROUNDS, a fixed seed)."""
    rng = random.Random(20261203)
    spread = sorted(stat([rng.randrange(n) for _ in range(n)]) for _ in range(BOOTSTRAP_ROUNDS))
    return {"value": stat(list(range(n))), "low": spread[int(0.025 * BOOTSTRAP_ROUNDS)],
            "high": spread[int(0.975 * BOOTSTRAP_ROUNDS) - 1], "pages": n}


def paired_change(name, dataset, new, base):
    """The change of the set's score from `base` to `new` (per-page rows of the same pages),
    with a 95% bootstrap interval from resampling the pages."""
    ids = sorted(new)
    if name == "wcxb":  # word F1: the mean of the pages' F1
        delta = [new[i]["f1"] - base[i]["f1"] for i in ids]
        result = bootstrap(len(ids), lambda sample: sum(delta[k] for k in sample) / len(sample))
        better = sum(1 for d in delta if d > 1e-9)
        worse = sum(1 for d in delta if d < -1e-9)
    else:  # snippet F1: from the snippets counted over the pages
        n, b = snippet_counts(dataset, new, ids), snippet_counts(dataset, base, ids)
        result = bootstrap(len(ids), lambda sample: snippet_f1(n, sample) - snippet_f1(b, sample))
        better = sum(1 for k in range(len(ids)) if n[k][1] + n[k][2] < b[k][1] + b[k][2])
        worse = sum(1 for k in range(len(ids)) if n[k][1] + n[k][2] > b[k][1] + b[k][2])
    result["change"] = result.pop("value")
    result.update(pages_better=better, pages_worse=worse)
    return result


def score_intervals(name, dataset, rows):
    """The set's score on one half with a 95% bootstrap interval over its pages: how
    far the figure of this many pages may be from the same measure on more pages of
    the same kind. WCXB: word F1 and each page type's; snippets: snippet F1."""
    ids = sorted(rows)
    if name != "wcxb":
        counts = snippet_counts(dataset, rows, ids)
        return {"f1": bootstrap(len(ids), lambda sample: snippet_f1(counts, sample))}
    out = {}
    for kind in [None] + sorted({rows[i]["type"] for i in ids}):
        f1 = [rows[i]["f1"] for i in ids if kind is None or rows[i]["type"] == kind]
        out[kind or "all"] = bootstrap(len(f1), lambda sample, f1=f1: sum(f1[k] for k in sample) / len(sample))
    return out


def load_scorer(evaltool):
    """The scorer (../shared/tools/extraction_eval.py) as a module, for its own functions."""
    spec = importlib.util.spec_from_file_location("extraction_eval", evaltool)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    return scorer


def shingle_interval(scorer, dataset, preds):
    """Shingle F1 of the pages of `dataset`, with a 95% bootstrap interval over them,
    computed with the scorer's (load_scorer) own functions from the extracted texts
    `preds` (its read_predictions)."""
    triples = [scorer.shingle_tp_fp_fn(preds.get(pid, ""), page["text"])
               for pid, page in sorted(scorer.load_dataset(dataset).items())]
    return bootstrap(len(triples), lambda sample: scorer.shingle_f1([triples[k] for k in sample])[2])


def read_rows(per_page_file):
    """The scorer's per-page rows, by page id."""
    return {r["id"]: r for r in map(json.loads, open(per_page_file, encoding="utf-8"))}


def report_intervals(intervals):
    print("95% bootstrap intervals over each half's pages")
    for name, halves in intervals.items():
        for key in halves["dev"]:
            label = {"snippets": "snippets F1"}.get(name, "WCXB word F1, " + key)
            if key == "article, shingle":
                label = "WCXB articles, shingle F1"
            row = [halves[h].get(key) for h in ("dev", "held")]
            cells = [f"{c['value']:.4f} [{c['low']:.4f}, {c['high']:.4f}]" if c else "-" for c in row]
            print(f"  {label:<28} {cells[0]:<26} {cells[1]}")


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
    ap.add_argument("--intervals", action="store_true",
                    help="print each half's score with a 95%% bootstrap interval over its pages")
    ap.add_argument("extra", nargs="*", help="flags passed to corpus extract")
    args = ap.parse_args()
    evaltool = os.path.join(args.shared, "tools", "extraction_eval.py")
    sets = {"wcxb": (os.path.join(args.shared, "data", "wcxb-dev", "dev"), split_wcxb),
            "snippets": (os.path.join(args.shared, "data", "snippets-dev"), split_snippets)}
    if not os.path.exists(evaltool):
        print(f"eval-extract: skipped ({evaltool} not found)")
        return 0
    work = tempfile.mkdtemp(prefix="corpus-eval-")
    results, changes, intervals = {}, {}, {}
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
            rows_of = {}  # half -> per-page rows file of this build (--baseline, --intervals)
            for half in ("dev", "held"):
                pp = None
                if args.per_page and half == "dev":
                    os.makedirs(args.per_page, exist_ok=True)
                    pp = os.path.join(args.per_page, name + "-dev.jsonl")
                elif args.baseline or args.intervals:
                    pp = os.path.join(work, f"{name}-{half}-new.jsonl")
                results[name][half] = score(evaltool, halves[half], docs, pp)
                rows_of[half] = pp
            if args.intervals:
                intervals[name] = {half: score_intervals(name, halves[half], read_rows(rows_of[half]))
                                   for half in ("dev", "held")}
            if name == "wcxb":
                # The news-article proxy: shingle F1 (the article-extraction
                # benchmark's measure) on WCXB's article pages alone.
                articles = split_wcxb(src, work, only_type="article")
                if args.intervals:  # the texts read once for both halves
                    scorer = load_scorer(evaltool)
                    preds = scorer.read_predictions(docs)
                for half in ("dev", "held"):
                    a = score(evaltool, articles[half], docs)
                    results[name][half]["article_shingle"] = {
                        "n": a["pages"], "f1": a["shingle_f1"],
                        "precision": a["shingle_precision"], "recall": a["shingle_recall"]}
                    if args.intervals:
                        intervals[name][half]["article, shingle"] = shingle_interval(
                            scorer, articles[half], preds)
            if args.baseline:
                base_docs = os.path.join(work, name + "-baseline-docs")
                extract(args.baseline, shard, base_docs, args.extra)
                changes[name] = {}
                for half in ("dev", "held"):
                    base_pp = os.path.join(work, f"{name}-{half}-base.jsonl")
                    score(evaltool, halves[half], base_docs, base_pp)
                    changes[name][half] = paired_change(name, halves[half], read_rows(rows_of[half]),
                                                        read_rows(base_pp))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report(results)
    if intervals:
        report_intervals(intervals)
    if changes:
        report_changes(changes, args.baseline)
    if args.json:
        if intervals:
            results["intervals"] = intervals
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
