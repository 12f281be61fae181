#!/usr/bin/env python3
"""Prose kept and spam rejected by `corpus filter`, per language.

Measures the per-language filter defaults (configs/languages/*.toml under
configs/fineweb.toml, configs/fineweb2.toml, ...) on real text: how much
well-formed prose of each language they keep, and how much spam and
boilerplate made from that prose they reject. docs/LANGUAGES.md
("Evaluating the settings") explains the method; BENCHMARKS.md "## Languages"
holds the results.

Sources, all offline, each skipped when absent:
  - Debian's translated manual pages (manpages-{de,fr,es,it,pl,ru,zh,ja} and
    the translations other packages ship under /usr/share/man/<locale>/),
    rendered with man(1) and col(1);
  - the wcxb-dev and snippets-dev pages of ../shared, packed with
    ../shared/tools/extraction_eval.py, extracted with `corpus extract`, and
    sorted by the language CLD2 gives them (`corpus filter --annotate`).

Well-formed prose. A document is built from one source text: its lines of at
least 60 characters (25 for Chinese and Japanese) that end in sentence
punctuation, minus lines that are not in the document's language (untranslated
English left in a translated manual page, found by English function words for
Latin scripts and by the share of the language's own script otherwise) and
minus repeats of a line already taken (a paragraph a page repeats is
boilerplate; the spam variants test repetition). It
needs at least 5 such lines and 1,500 characters (600 for Chinese and
Japanese). Lines are kept as paragraphs. Code inside these lines (`{`, option
names, paths) stays: it is what technical prose holds, and the report names
the rule behind every loss, so losses to a code rule are visible as such.

Halves. A document is in the held-out half if sha256 of its id is odd, else in
the tune half. Tune on the tune half only (`--half tune`) and report both.

Spam. Five variants per document: its first paragraph 12 times then two more;
25 lines of 8 comma-joined keywords from it; a menu of 80 one-word lines; three
paragraphs of lorem ipsum before four of its own; 40 lines of symbol runs each
with one word. Each should be rejected.

Usage:
  tools/eval_languages.py --config configs/fineweb.toml --config configs/fineweb2.toml
  tools/eval_languages.py --half tune --config configs/fineweb.toml -- --min-lang-score 0.5
Arguments after `--` go to every `corpus filter` run. Exits 0 with a note when
no source is present.
"""

import argparse
import collections
import concurrent.futures
import glob
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Manual-page locale folder -> the CLD2 code the pages should get.
MAN_LOCALES = {
    "de": "de", "es": "es", "fr": "fr", "it": "it", "ja": "ja", "ko": "ko", "pl": "pl", "ru": "ru",
    "zh_CN": "zh", "zh_TW": "zh-Hant", "nl": "nl", "pt": "pt", "pt_BR": "pt", "sv": "sv", "uk": "uk",
    "tr": "tr", "cs": "cs", "id": "id",
}
NO_SPACES = ("zh", "zh-Hant", "ja")
SENTENCE_END = tuple(".!?。！？")
CLOSERS = "\"'”’»」』）)"

# English function words that are not common words of the other Latin-script
# languages here ("to" and "do" are Polish and Czech, "was" and "will"
# German, "an" German, "on" French, "all" Swedish); Dutch also uses "is" and
# "of", German "also".
ENGLISH_WORDS = frozenset(
    "the and of is are this that with which be by you from can if when not it for were has have these those "
    "such than then there their they its into only also should would must does any each other some what how "
    "even".split())
ENGLISH_WORDS_NOT_IN = {"nl": {"is", "of"}, "de": {"also"}}

LOREM = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut "
         "labore et dolore magna aliqua.")
SYMBOLS = "★☆■□▲△●○◆◇※→←↑↓#=*|~"


def script_share(line, lang):
    """Share of the line's letters in the script(s) of `lang`, or None when
    the language is written in Latin script (judged by words instead)."""
    ranges = {
        "zh": [(0x4E00, 0x9FFF), (0x3400, 0x4DBF)],
        "ja": [(0x4E00, 0x9FFF), (0x3040, 0x30FF)],
        "ko": [(0xAC00, 0xD7AF), (0x1100, 0x11FF), (0x3130, 0x318F)],
        "ru": [(0x0400, 0x04FF)],
        "uk": [(0x0400, 0x04FF)],
    }.get(lang.split("-")[0])
    if ranges is None:
        return None
    letters = [c for c in line if c.isalpha()]
    if not letters:
        return 0.0
    own = sum(1 for c in letters if any(lo <= ord(c) <= hi for lo, hi in ranges))
    return own / len(letters)


def in_language(line, lang):
    """Whether a prose line is written in `lang` (not left in English)."""
    if lang == "en":
        return True
    share = script_share(line, lang)
    if share is not None:
        return share >= 0.5
    words = re.findall(r"[^\W\d_]+", line.lower())
    if not words:
        return False
    english = ENGLISH_WORDS - ENGLISH_WORDS_NOT_IN.get(lang, set())
    hits = sum(1 for w in words if w in english)
    return not (hits >= 2 and hits / len(words) >= 0.12)


def prose_lines(text, lang):
    cjk = lang in NO_SPACES
    out, seen = [], set()
    for raw in text.split("\n"):
        line = " ".join(raw.split())
        if line in seen:  # a repeated line is boilerplate, not prose
            continue
        seen.add(line)
        if len(line) < (25 if cjk else 60) or line.startswith(("-", "[", "•", "*")):
            continue
        if not line.rstrip(CLOSERS).endswith(SENTENCE_END):
            continue
        if in_language(line, lang):
            out.append(line)
    return out


def make_document(doc_id, lang, text):
    lines = prose_lines(text, lang)
    body = "\n\n".join(lines)
    cjk = lang in NO_SPACES
    if len(lines) < 5 or len(body) < (600 if cjk else 1500):
        return None
    return {"id": doc_id, "lang_expected": lang, "text": body}


def held_out(doc_id):
    return int(hashlib.sha256(doc_id.encode()).hexdigest(), 16) % 2 == 1


def render_page(args):
    path, out = args
    if os.path.exists(out):
        return
    env = dict(os.environ, MANWIDTH="4000")
    try:
        man = subprocess.run(["man", "--encoding=UTF-8", "-l", path], capture_output=True, env=env, timeout=30)
        col = subprocess.run(["col", "-bx"], input=man.stdout, capture_output=True, timeout=30)
        text = col.stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        text = ""
    with open(out + ".tmp", "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(out + ".tmp", out)


def man_documents(man_root, work, threads):
    if shutil.which("man") is None or shutil.which("col") is None:
        print("note: man(1) or col(1) missing; manual pages skipped", file=sys.stderr)
        return []
    jobs, where = [], []
    for locale, lang in MAN_LOCALES.items():
        pages = sorted(glob.glob(os.path.join(man_root, locale, "man[1-8]", "*.gz")))
        if not pages:
            continue
        os.makedirs(os.path.join(work, "man", locale), exist_ok=True)
        for p in pages:
            out = os.path.join(work, "man", locale, os.path.basename(p)[:-3] + ".txt")
            jobs.append((p, out))
            where.append((locale, lang, out))
    print(f"rendering {len(jobs)} manual pages (cached in {work}/man)", file=sys.stderr)
    with concurrent.futures.ThreadPoolExecutor(threads) as pool:
        list(pool.map(render_page, jobs))
    docs = []
    for locale, lang, out in where:
        with open(out, encoding="utf-8", errors="replace") as f:
            d = make_document(f"man/{locale}/{os.path.basename(out)[:-4]}", lang, f.read())
        if d:
            docs.append(d)
    return docs


def corpus_records(corpus, folder):
    out = subprocess.run([corpus, "cat", folder], capture_output=True, text=True, check=True).stdout
    return [json.loads(l) for l in out.split("\n") if l.strip()]


def shared_documents(shared, corpus, work, threads):
    tool = os.path.join(shared, "tools", "extraction_eval.py")
    sets = {"wcxb": os.path.join(shared, "data", "wcxb-dev", "dev"),
            "snippets": os.path.join(shared, "data", "snippets-dev")}
    sets = {k: v for k, v in sets.items() if os.path.isdir(v)}
    if not os.path.exists(tool) or not sets:
        print(f"note: no pages under {shared}; web pages skipped", file=sys.stderr)
        return []
    docs = []
    for name, path in sets.items():
        pack = os.path.join(work, f"{name}.jsonl.zst")
        extracted = os.path.join(work, f"{name}-docs")
        annotated = os.path.join(work, f"{name}-lang")
        if not os.path.exists(pack):
            subprocess.run([sys.executable, tool, "pack", path, pack], check=True, capture_output=True)
        if not os.path.exists(os.path.join(annotated, "_manifest.json")):
            subprocess.run([corpus, "extract", "--in", pack, "--out", extracted, "--threads", str(threads),
                            "--no-progress"], check=True, capture_output=True)
            subprocess.run([corpus, "filter", "--annotate", "--languages", "all", "--in", extracted, "--out",
                            annotated, "--threads", str(threads), "--no-progress"], check=True, capture_output=True)
        for r in corpus_records(corpus, annotated):
            lang = r.get("lang", "un")
            if lang in ("un", "xx") or not r.get("text"):
                continue
            d = make_document(f"{name}/{r['id']}", lang, r["text"])
            if d:
                docs.append(d)
    return docs


def spam_variants(doc):
    rng = random.Random(doc["id"])
    paras = doc["text"].split("\n\n")
    words = [w for w in re.findall(r"\w+", doc["text"]) if len(w) > 1][:60] or ["word"]
    return {
        "repeated_lines": "\n".join([paras[0]] * 12 + paras[1:3]),
        "keyword_list": "\n".join(", ".join(rng.sample(words, min(len(words), 8))) for _ in range(25)),
        "menu": "\n".join(rng.choice(words) for _ in range(80)),
        "lorem_ipsum": "\n\n".join([LOREM] * 3 + paras[:4]),
        "symbol_runs": "\n".join("".join(rng.choice(SYMBOLS) for _ in range(60)) + " " + rng.choice(words)
                                 for _ in range(40)),
    }


def write_inputs(docs, work):
    prose_path, spam_path = os.path.join(work, "prose.jsonl"), os.path.join(work, "spam.jsonl")
    with open(prose_path, "w", encoding="utf-8") as p, open(spam_path, "w", encoding="utf-8") as s:
        for d in docs:
            p.write(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n")
            for variant, text in spam_variants(d).items():
                s.write(json.dumps({"id": f"{d['id']}#{variant}", "text": text}, ensure_ascii=False) + "\n")
    return prose_path, spam_path


def run_filter(corpus, config, inputs, out, threads, extra):
    subprocess.run([corpus, "filter", "--config", config, "--in", inputs, "--out", out, "--threads", str(threads),
                    "--no-progress", "--force"] + extra, check=True, capture_output=True)
    kept = {r["id"] for r in corpus_records(corpus, out)}
    rejected = {r["id"]: r.get("reject", {}).get("rule", "?") for r in corpus_records(corpus, os.path.join(out, "rejected"))}
    return kept, rejected


def evaluate(corpus, config, docs, prose_path, spam_path, work, threads, extra, halves):
    tag = re.sub(r"\W", "_", os.path.basename(config))
    prose_kept, prose_rej = run_filter(corpus, config, prose_path, os.path.join(work, f"out-{tag}-prose"), threads, extra)
    spam_kept, _ = run_filter(corpus, config, spam_path, os.path.join(work, f"out-{tag}-spam"), threads, extra)
    rows = collections.defaultdict(collections.Counter)
    why = collections.defaultdict(collections.Counter)
    spam_left = collections.defaultdict(collections.Counter)
    for d in docs:
        half = "held" if held_out(d["id"]) else "tune"
        if half not in halves:
            continue
        row = rows[(d["lang_expected"], half)]
        row["prose"] += 1
        if d["id"] in prose_kept:
            row["prose_kept"] += 1
        else:
            why[d["lang_expected"]][prose_rej.get(d["id"], "?")] += 1
        for variant in spam_variants(d):
            row["spam"] += 1
            if f"{d['id']}#{variant}" in spam_kept:
                spam_left[d["lang_expected"]][variant] += 1
            else:
                row["spam_rejected"] += 1
    return rows, why, spam_left


def ratio(row, part, whole):
    return f"{row[part] / row[whole]:.3f} ({row[part]}/{row[whole]})" if row[whole] else "–"


def report(config, rows, why, spam_left, halves, extra):
    print(f"\n### `{os.path.relpath(config, REPO)}`" + (f" `{' '.join(extra)}`" if extra else ""))
    heads = [f"prose kept ({h})" for h in halves] + [f"spam rejected ({h})" for h in halves]
    print("\n| language | " + " | ".join(heads) + " |")
    print("|---|" + "---:|" * len(heads))
    for lang in sorted({k[0] for k in rows}):
        cells = [ratio(rows[(lang, h)], "prose_kept", "prose") for h in halves]
        cells += [ratio(rows[(lang, h)], "spam_rejected", "spam") for h in halves]
        print(f"| {lang} | " + " | ".join(cells) + " |")
    print("\nProse removed, by rule: " + "; ".join(
        f"{lang} " + ", ".join(f"{rule} {n}" for rule, n in c.most_common(5)) for lang, c in sorted(why.items())))
    print("Spam kept, by variant: " + ("; ".join(
        f"{lang} " + ", ".join(f"{v} {n}" for v, n in c.most_common()) for lang, c in sorted(spam_left.items()))
        or "none"))


def main():
    argv = sys.argv[1:]
    extra = []
    if "--" in argv:
        extra = argv[argv.index("--") + 1:]
        argv = argv[:argv.index("--")]
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=os.path.join(REPO, "build", "corpus"), help="the corpus binary")
    ap.add_argument("--config", action="append", help="filter config (repeatable; default configs/fineweb.toml)")
    ap.add_argument("--shared", default=os.path.join(REPO, "..", "shared"), help="the shared data folder")
    ap.add_argument("--man-root", default="/usr/share/man")
    ap.add_argument("--work", default="/tmp/corpus-eval-languages", help="cache and output folder")
    ap.add_argument("--half", choices=["tune", "held", "both"], default="both")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--min-docs", type=int, default=10, help="languages with fewer documents are left out")
    args = ap.parse_args(argv)
    configs = args.config or [os.path.join(REPO, "configs", "fineweb.toml")]
    if not os.access(args.corpus, os.X_OK):
        print(f"skipped: no corpus binary at {args.corpus}")
        return 0
    os.makedirs(args.work, exist_ok=True)
    docs = man_documents(args.man_root, args.work, args.threads)
    docs += shared_documents(args.shared, args.corpus, args.work, args.threads)
    seen, unique = set(), []
    for d in docs:  # a page installed under several names counts once
        h = hashlib.sha256(d["text"].encode()).digest()
        if h not in seen:
            seen.add(h)
            unique.append(d)
    counts = collections.Counter(d["lang_expected"] for d in unique)
    docs = [d for d in unique if counts[d["lang_expected"]] >= args.min_docs]
    if not docs:
        print("skipped: no source text (no translated manual pages, no ../shared pages)")
        return 0
    print("documents: " + ", ".join(f"{l} {n}" for l, n in counts.most_common() if n >= args.min_docs))
    prose_path, spam_path = write_inputs(docs, args.work)
    langs = sorted({d["lang_expected"] for d in docs})
    run_args = extra
    if not any(a == "--languages" or a.startswith("--languages=") for a in extra):
        run_args = ["--languages", ",".join(langs)] + extra
    halves = ["tune", "held"] if args.half == "both" else [args.half]
    for config in configs:
        rows, why, spam_left = evaluate(args.corpus, config, docs, prose_path, spam_path, args.work, args.threads,
                                        run_args, halves)
        report(config, rows, why, spam_left, halves, extra)
    return 0


if __name__ == "__main__":
    sys.exit(main())
