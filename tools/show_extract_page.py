#!/usr/bin/env python3
"""Shows, for one dev-half page, what `corpus extract` got wrong.

  show_extract_page.py SET ID DOCS   (SET: wcxb or snippets; DOCS: a folder kept
                                      by eval_extract_split.py --keep)

Snippet pages: the "with" snippets missing from the output and the "without"
ones kept. WCXB pages: the reference's words missing and the extra words.
Refuses held-out pages (eval_extract_split.held_out): they are not read while
tuning.
"""
import collections
import hashlib
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from eval_extract_split import held_out  # noqa: E402


def output_text(docs, pid):
    for dirpath, _, files in os.walk(docs):
        for name in files:
            if not name.endswith(".jsonl.zst"):
                continue
            raw = subprocess.run(["zstd", "-dc", os.path.join(dirpath, name)],
                                 capture_output=True).stdout.decode("utf-8", "replace")
            for line in raw.split("\n"):
                if f'"id":"{pid}"' in line or f'"id": "{pid}"' in line:
                    return json.loads(line).get("text", "")
    return ""


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    which, pid, docs = sys.argv[1:]
    if held_out(pid):
        print(f"{pid} is a held-out page: not shown")
        return 1
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    shared = os.environ.get("CORPUS_SHARED", os.path.join(root, "..", "shared"))
    text = output_text(docs, pid)
    if which == "snippets":
        data = json.load(open(os.path.join(shared, "data", "snippets-dev", "evaldata.json")))
        for url, d in data.items():
            if hashlib.sha1(url.encode()).hexdigest()[:16] != pid:
                continue
            out = " ".join(text.split())
            print(url, d["file"])
            for s in d["with"]:
                if " ".join(s.split()) not in out:
                    print("  MISSED:", s[:200])
            for s in d["without"]:
                if " ".join(s.split()) in out:
                    print("  KEPT:  ", s[:200])
    else:
        gt = json.load(open(os.path.join(shared, "data", "wcxb-dev", "dev", "ground-truth", pid + ".json")))
        ref = gt["ground_truth"]["main_content"]
        word = re.compile(r"\w+")
        p, r = collections.Counter(word.findall(text.lower())), collections.Counter(word.findall(ref.lower()))
        print("missing:", " ".join((r - p).elements())[:1500])
        print("extra:  ", " ".join((p - r).elements())[:1500])
    return 0


if __name__ == "__main__":
    sys.exit(main())
