#!/usr/bin/env python3
"""Compares the decisions of two `corpus filter` output folders on the same input.

For every record id: kept or rejected, the reject rule and value, and a SHA-256 of the
text (C4 removes lines and PII is redacted, so kept text can change). Prints how many ids
differ in each way and the first few examples; exits 1 when anything differs, so a change
meant to be a pure speed-up can be checked to leave every decision as it was.

Usage: bench/compare_filter_outputs.py OLD_DIR NEW_DIR
"""

import glob
import hashlib
import json
import os
import subprocess
import sys


def decisions(folder):
    """id -> (kept, rule, value, text digest) over the kept and rejected shards of `folder`."""
    out = {}
    for sub, kept in (("", True), ("rejected", False)):
        for part in sorted(glob.glob(os.path.join(folder, sub, "part-*.jsonl.zst"))):
            data = subprocess.run(["zstd", "-dc", part], check=True, stdout=subprocess.PIPE).stdout
            for line in data.splitlines():
                if not line.strip():
                    continue
                r = json.loads(line)
                reject = r.get("reject") or {}
                digest = hashlib.sha256(r.get("text", "").encode("utf-8")).hexdigest()[:16]
                out[r["id"]] = (kept, reject.get("rule"), json.dumps(reject.get("value"), sort_keys=True), digest)
    return out


def compare(old_dir, new_dir, show=5):
    """Returns (one-line summary of the differences, whether there are none); prints examples."""
    old, new = decisions(old_dir), decisions(new_dir)
    only_old = sorted(set(old) - set(new))
    only_new = sorted(set(new) - set(old))
    verdict, rule, value, text = [], [], [], []
    for i in sorted(set(old) & set(new)):
        a, b = old[i], new[i]
        if a[0] != b[0]:
            verdict.append(i)
        elif a[1] != b[1]:
            rule.append(i)
        elif a[2] != b[2]:
            value.append(i)
        elif a[3] != b[3]:
            text.append(i)
    for name, ids in (("kept/rejected", verdict), ("reject rule", rule), ("reject value", value), ("text", text)):
        for i in ids[:show]:
            print(f"  {name} differs for {i}: old {old[i][:3]} new {new[i][:3]}")
    kept = sum(1 for d in new.values() if d[0])
    same = not (only_old or only_new or verdict or rule or value or text)
    return (f"{len(new)} records ({kept} kept); differ: only in old {len(only_old)}, only in new {len(only_new)}, "
            f"kept/rejected {len(verdict)}, reject rule {len(rule)}, reject value {len(value)}, text {len(text)}"), same


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    summary, same = compare(sys.argv[1], sys.argv[2])
    print(summary)
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
