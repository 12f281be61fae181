#!/usr/bin/env python3
"""Trains the extractor's learned block model (configs/extract/block_model.gbt).

Uses the DEV halves of the development sets only (eval_extract_split.py's split:
a page is held out when the first byte of sha256(id) is below 64); held-out pages
are never read.

  train_block_model.py [--shared DIR] [--blocks BIN] [--out FILE] [--cache FILE]
                       [--oof-only] [--oracle] [--method hist|exact] [--trees N] [--leaves N] ...

1. Every dev page goes through `corpus-extract-blocks --no-block-model`
   (tools/extract_blocks.cc), which runs the extractor and dumps the candidate
   blocks of its selected main content with their features: training sees
   exactly what the extractor computes at run time.
2. Labels. WCXB: a block is main text when its words occur, in order, in the
   page's reference text (or, for blocks of 5+ words, when 60% of its word
   trigrams do); else boilerplate. Snippet pages: a block holding (or held in)
   a must-keep snippet is main text, one holding (or held in) a must-drop
   snippet is boilerplate; other blocks are unlabelled.
3. Weights follow the scores: a WCXB block weighs its share of the page's
   words (word F1 is a mean over pages); each labelled snippet block weighs
   --snippet-weight (snippet F1 counts snippets).
4. A gradient-boosted tree ensemble (scikit-learn's
   HistGradientBoostingClassifier by default: 150 trees of at most 7 leaves,
   learning rate 0.1, 50 blocks per leaf) is fitted; the drop threshold is
   chosen on out-of-fold predictions (5 folds by page) to maximise the mean
   gain of simulated WCXB word F1 and snippet F1, with the extractor's guards
   (a page loses at most --max-drop-share of its block text, none on pages of
   fewer than --min-blocks blocks, and, unless --all-pages, none on pages whose
   content does not read as an article). --oof-only stops there.
   --oracle instead drops exactly the blocks labelled boilerplate (unlabelled
   blocks stay), without and with the guards, and stops: what a perfect block
   model could gain inside the selected content (BENCHMARKS.md, "How much the
   blocks inside the chosen container hold").
5. The model is written in the text format BlockModel::Parse reads; the
   exported trees are checked to reproduce scikit-learn's probabilities.

Needs python3-numpy and python3-sklearn (scripts/install-deps.sh, optional dev
tools); the build and the extractor do not.
"""
import argparse
import collections
import hashlib
import json
import math
import os
import re
import subprocess
import sys

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier, HistGradientBoostingClassifier

HELD_OUT_BELOW = 64
WORD = re.compile(r"\w+")


def held_out(pid):
    return hashlib.sha256(pid.encode("utf-8")).digest()[0] < HELD_OUT_BELOW


def load_eval(shared):
    sys.path.insert(0, os.path.join(shared, "tools"))
    import extraction_eval  # noqa: E402  (../shared/tools)
    return extraction_eval


def dump_blocks(ev, shared, blocks_bin, cache):
    """Returns (pages, blocks): dev pages by (set, id) and their dumped blocks."""
    sets = {"wcxb": os.path.join(shared, "data", "wcxb-dev", "dev"),
            "snippets": os.path.join(shared, "data", "snippets-dev")}
    pages = {}
    for name, root in sets.items():
        for pid, p in ev.load_dataset(root).items():
            if not held_out(pid):
                pages[(name, pid)] = p
    if cache and os.path.exists(cache):
        rows = [json.loads(l) for l in open(cache, encoding="utf-8")]
    else:
        feed = []
        for (name, pid), p in sorted(pages.items()):
            feed.append(json.dumps({"id": name + ":" + pid, "url": p["url"],
                                    "html": ev.read_html(p["html_path"])}, ensure_ascii=False))
        out = subprocess.run([blocks_bin, "--no-block-model"], input=("\n".join(feed) + "\n").encode(),
                             stdout=subprocess.PIPE, check=True).stdout.decode("utf-8")
        if cache:
            open(cache, "w", encoding="utf-8").write(out)
        rows = [json.loads(l) for l in out.split("\n") if l.strip()]
    by_page = collections.defaultdict(list)
    for r in rows:
        name, pid = r["id"].split(":", 1)
        by_page[(name, pid)].append(r)
    return pages, by_page


def words(text):
    return WORD.findall(text.lower())


def trigrams(ws):
    return {tuple(ws[i:i + 3]) for i in range(len(ws) - 2)}


def fold(s):
    return " ".join(s.split())


def label_pages(pages, by_page):
    """Per block: (page key, label 0/1 or None, words of the block)."""
    out = []
    for key, blocks in by_page.items():
        name, _ = key
        p = pages[key]
        if name == "wcxb":
            ref_words = words(p["text"])
            ref_joined = " " + " ".join(ref_words) + " "
            ref_tri = trigrams(ref_words)
            for b in blocks:
                bw = words(b["text"])
                if not bw:
                    out.append((key, None, bw))
                    continue
                main = (" " + " ".join(bw) + " ") in ref_joined
                if not main and len(bw) >= 5:
                    tri = trigrams(bw)
                    main = len(tri & ref_tri) >= 0.6 * len(tri)
                out.append((key, int(main), bw))
        else:
            keep = [fold(s) for s in p["with"] if fold(s)]
            drop = [fold(s) for s in p["without"] if fold(s)]
            for b in blocks:
                t = fold(b["text"])
                pos = any(s in t or (len(t) >= 20 and t in s) for s in keep)
                neg = any(s in t or (len(t) >= 10 and t in s) for s in drop)
                label = 1 if pos else (0 if neg else None)
                out.append((key, label, words(b["text"])))
    return out


def simulate(pages, by_page, prob, threshold, max_drop_share, min_blocks, by_type=None):
    """Mean WCXB word-F1 gain and snippet-F1 gain when dropping blocks below threshold.
    With `by_type` (a dict), also collects the WCXB gains by page type."""
    f1_gain = []
    tp = fp = fn = tp0 = fp0 = fn0 = 0
    for key, blocks in by_page.items():
        name, _ = key
        ps = prob[key]
        total = sum(len("".join(b["text"].split())) for b in blocks)
        dropped = sum(len("".join(b["text"].split())) for b, q in zip(blocks, ps) if q < threshold)
        apply = dropped > 0 and dropped <= max_drop_share * total and len(blocks) >= min_blocks
        kept = [b for b, q in zip(blocks, ps) if not (apply and q < threshold)]
        if name == "wcxb":
            ref = collections.Counter(words(pages[key]["text"]))
            before = collections.Counter(w for b in blocks for w in words(b["text"]))
            after = collections.Counter(w for b in kept for w in words(b["text"]))
            f1_gain.append(word_f1(after, ref) - word_f1(before, ref))
            if by_type is not None:
                by_type.setdefault(pages[key]["type"], []).append(f1_gain[-1])
        else:
            p = pages[key]
            for text_blocks, acc in ((blocks, 0), (kept, 1)):
                out = " ".join(fold(b["text"]) for b in text_blocks)
                t = sum(1 for s in p["with"] if fold(s) in out)
                f = sum(1 for s in p["without"] if fold(s) in out)
                if acc:
                    tp, fp, fn = tp + t, fp + f, fn + len(p["with"]) - t
                else:
                    tp0, fp0, fn0 = tp0 + t, fp0 + f, fn0 + len(p["with"]) - t
    return (sum(f1_gain) / max(1, len(f1_gain)), snippet_f1(tp, fp, fn) - snippet_f1(tp0, fp0, fn0))


def report_oracle(pages, by_page, labelled, args):
    """Prints the gains of dropping exactly the blocks labelled boilerplate."""
    prob, i = {}, 0
    for key, blocks in by_page.items():
        prob[key] = np.array([0.0 if labelled[i + j][1] == 0 else 1.0 for j in range(len(blocks))])
        i += len(blocks)
    for name, share, min_blocks in (("no guard", 1.0, 0),
                                    ("the guards", args.max_drop_share, args.min_blocks)):
        by_type = {}
        wg, sg = simulate(pages, by_page, prob, 0.5, share, min_blocks, by_type)
        print(f"oracle, {name}: WCXB word F1 {wg:+.4f}, snippet F1 {sg:+.4f}; by page type: " +
              ", ".join(f"{t} {sum(g) / len(g):+.4f}" for t, g in sorted(by_type.items())),
              file=sys.stderr)
    return 0


def word_f1(pred, ref):
    if not ref:
        return 1.0 if not pred else 0.0
    if not pred:
        return 0.0
    common = sum((pred & ref).values())
    p, r = common / sum(pred.values()), common / sum(ref.values())
    return 2 * p * r / (p + r) if p + r else 0.0


def snippet_f1(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def make_model(args):
    if args.method == "hist":
        return HistGradientBoostingClassifier(max_iter=args.trees, max_depth=args.depth or None,
                                              max_leaf_nodes=args.leaves,
                                              learning_rate=args.learning_rate,
                                              min_samples_leaf=args.min_leaf,
                                              l2_regularization=args.l2, early_stopping=False,
                                              random_state=0)
    return GradientBoostingClassifier(n_estimators=args.trees, max_depth=args.depth or 3,
                                      learning_rate=args.learning_rate, subsample=0.8,
                                      min_samples_leaf=20, random_state=0)


def export_trees(clf):
    """(base log-odds, trees): each tree a list of (feature, threshold, left, right, value)
    nodes, root first, children after their parent, leaf values with the learning rate
    applied; x[feature] <= threshold goes left, as BlockModel::MainProbability walks them."""
    trees = []
    if isinstance(clf, HistGradientBoostingClassifier):
        base = float(np.ravel(clf._baseline_prediction)[0])
        for (pred,) in clf._predictors:
            nodes = pred.nodes
            tree = []
            for i in range(len(nodes)):
                n = nodes[i]
                if n["is_leaf"]:
                    tree.append((-1, 0.0, 0, 0, float(n["value"])))
                else:
                    assert not n["is_categorical"] and n["left"] > i and n["right"] > i
                    tree.append((int(n["feature_idx"]), float(n["num_threshold"]),
                                 int(n["left"]), int(n["right"]), 0.0))
            trees.append(tree)
        return base, trees
    base = float(clf._raw_predict_init(np.zeros((1, clf.n_features_in_), dtype=np.float32))[0, 0])
    lr = clf.learning_rate
    for est in clf.estimators_[:, 0]:
        t = est.tree_
        tree = []
        for i in range(t.node_count):
            if t.children_left[i] < 0:
                tree.append((-1, 0.0, 0, 0, float(t.value[i, 0, 0]) * lr))
            else:
                tree.append((int(t.feature[i]), float(t.threshold[i]), int(t.children_left[i]),
                             int(t.children_right[i]), 0.0))
        trees.append(tree)
    return base, trees


def raw_scores(base, trees, X):
    """The log-odds the exported trees give the rows of X (float32, as the extractor)."""
    X = X.astype(np.float32).astype(np.float64)
    raw = np.full(len(X), base)
    for tree in trees:
        for r in range(len(X)):
            i = 0
            while tree[i][0] >= 0:
                f, thr, left, right, _ = tree[i]
                i = left if X[r, f] <= thr else right
            raw[r] += tree[i][4]
    return raw


def write_model(path, clf, names, threshold, max_drop_share, min_blocks, prose_only, X, note):
    base, trees = export_trees(clf)
    lines = [
        "corpus-block-model 1",
        "# The extractor's learned block model (src/extract/block_model.h): gradient-boosted",
        "# regression trees over the features of src/extract/block_features.cc, written by",
        "# tools/train_block_model.py. " + note,
        "#",
        "# Format: the header line; `features` names the inputs in order (must match the",
        "# extractor's); `base` is the initial log-odds; a block whose probability of being",
        "# main text (logistic of base + the sum of its leaves) is below `drop_below` is left",
        "# out, unless the blocks so found hold more than `max_drop_share` of the selected",
        "# content's block text or the content has fewer than `min_blocks` blocks; with",
        "# `prose_pages_only 1` only pages whose content reads as an article are touched. `tree N`",
        "# is followed by N nodes, the root first, each `feature threshold left right value`:",
        "# x[feature] <= threshold goes to node `left` of the same tree, else `right`;",
        "# feature -1 is a leaf whose value (learning rate applied) is added.",
        "features " + " ".join(names),
        f"base {base!r}",
        f"drop_below {threshold!r}",
        f"max_drop_share {max_drop_share!r}",
        f"min_blocks {min_blocks}",
        f"prose_pages_only {int(prose_only)}",
    ]
    for tree in trees:
        lines.append(f"tree {len(tree)}")
        for f, thr, left, right, value in tree:
            if f < 0:
                lines.append(f"-1 0 0 0 {value!r}")
            else:
                lines.append(f"{f} {thr!r} {left} {right} 0")
    open(path, "w").write("\n".join(lines) + "\n")
    # The file must reproduce scikit-learn's probabilities.
    check = X[:300].astype(np.float32)
    got = 1 / (1 + np.exp(-raw_scores(base, trees, check)))
    want = clf.predict_proba(check)[:, 1]
    assert np.allclose(got, want, atol=1e-9), "exported trees do not reproduce the model"


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=os.environ.get("CORPUS_SHARED", os.path.join(root, "..", "shared")))
    ap.add_argument("--blocks", default=os.path.join(root, "build", "corpus-extract-blocks"))
    ap.add_argument("--out", default=os.path.join(root, "configs", "extract", "block_model.gbt"))
    ap.add_argument("--cache", help="file to keep the block dump in (reused when present)")
    ap.add_argument("--method", choices=["hist", "exact"], default="hist",
                    help="HistGradientBoostingClassifier (hist) or GradientBoostingClassifier")
    ap.add_argument("--trees", type=int, default=150)
    ap.add_argument("--depth", type=int, default=None, help="deepest tree (exact: 3 if unset)")
    ap.add_argument("--leaves", type=int, default=7, help="hist: most leaves per tree")
    ap.add_argument("--min-leaf", type=int, default=50, help="hist: fewest blocks in a leaf")
    ap.add_argument("--l2", type=float, default=0.0, help="hist: L2 regularisation of leaves")
    ap.add_argument("--learning-rate", type=float, default=0.1)
    ap.add_argument("--snippet-weight", type=float, default=0.2)
    ap.add_argument("--max-drop-share", type=float, default=0.3)
    ap.add_argument("--min-blocks", type=int, default=5)
    ap.add_argument("--all-pages", action="store_true",
                    help="let the model act on every page, not only on articles")
    ap.add_argument("--threshold", type=float, help="fixed drop threshold (default: chosen out of fold)")
    ap.add_argument("--oof-only", action="store_true",
                    help="report the out-of-fold gains and write no model")
    ap.add_argument("--oracle", action="store_true",
                    help="report the gains of dropping exactly the blocks labelled boilerplate, "
                         "and write no model")
    args = ap.parse_args()

    ev = load_eval(args.shared)
    names = subprocess.run([args.blocks, "--features"], stdout=subprocess.PIPE, check=True,
                           text=True).stdout.split()
    pages, by_page = dump_blocks(ev, args.shared, args.blocks, args.cache)
    labelled = label_pages(pages, by_page)
    keys, X, y, w = [], [], [], []
    i = 0
    page_words = collections.Counter()
    for key, label, bw in labelled:
        page_words[key] += len(bw)
    for key, blocks in by_page.items():
        for b in blocks:
            k, label, bw = labelled[i]
            assert k == key
            i += 1
            if label is None:
                continue
            keys.append(key)
            X.append(b["x"])
            y.append(label)
            w.append(len(bw) / max(1, page_words[key]) if key[0] == "wcxb" else args.snippet_weight)
    X, y, w = np.array(X, dtype=np.float64), np.array(y), np.array(w)
    print(f"{len(by_page)} dev pages, {len(y)} labelled blocks ({int(y.sum())} main), "
          f"{X.shape[1]} features", file=sys.stderr)

    if args.oracle:
        return report_oracle(pages, by_page, labelled, args)

    # Out-of-fold probabilities for every dumped block, folds by page.
    page_list = sorted(by_page)
    fold_of = {k: int(hashlib.sha1(repr(k).encode()).hexdigest(), 16) % 5 for k in page_list}
    prob = {}
    for f in range(5):
        train = np.array([fold_of[k] != f for k in keys])
        clf = make_model(args).fit(X[train], y[train], sample_weight=w[train])
        for k in page_list:
            if fold_of[k] == f and by_page[k]:
                prob[k] = clf.predict_proba(np.array([b["x"] for b in by_page[k]], dtype=np.float32))[:, 1]
    if not args.all_pages:  # the extractor leaves pages that are not articles alone
        prose = names.index("page_prose")
        for k in prob:
            if by_page[k][0]["x"][prose] == 0:
                prob[k] = np.ones(len(prob[k]))
    best = None
    for t in ([args.threshold] if args.threshold else [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5]):
        wg, sg = simulate(pages, by_page, prob, t, args.max_drop_share, args.min_blocks)
        print(f"threshold {t:.2f}: out-of-fold WCXB word F1 {wg:+.4f}, snippet F1 {sg:+.4f}",
              file=sys.stderr)
        if best is None or wg + sg > best[0]:
            best = (wg + sg, t)
    threshold = best[1]
    by_type = {}
    simulate(pages, by_page, prob, threshold, args.max_drop_share, args.min_blocks, by_type)
    print("out-of-fold WCXB word F1 gain by page type: " +
          ", ".join(f"{t} {sum(g) / len(g):+.4f}" for t, g in sorted(by_type.items())), file=sys.stderr)
    if args.oof_only:
        return 0
    clf = make_model(args).fit(X, y, sample_weight=w)
    if hasattr(clf, "feature_importances_"):
        imp = sorted(zip(clf.feature_importances_, names), reverse=True)[:12]
        print("top features: " + ", ".join(f"{n} {v:.3f}" for v, n in imp), file=sys.stderr)
    shape = (f"of at most {args.leaves} leaves" if args.method == "hist"
             else f"of depth {args.depth or 3}")
    note = (f"{args.trees} trees {shape}, trained on {len(y)} labelled blocks of "
            f"{len(by_page)} dev pages.")
    write_model(args.out, clf, names, threshold, args.max_drop_share, args.min_blocks,
                not args.all_pages, X, note)
    print(f"wrote {args.out} (drop_below {threshold})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
