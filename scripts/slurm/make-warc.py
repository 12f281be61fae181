#!/usr/bin/env python3
"""make-warc.py: WARC/1.1 archives of the built-in site's HTML pages.

    scripts/slurm/make-warc.py --site site --out DIR [--files N] [--copies K]

Writes DIR/site-000.warc.gz ... (N files, default 8), each a series of
gzip members, one per record (as Common Crawl ships them): a warcinfo record,
then one `response` record per HTML page of site/<host>/, its URL
http://<host>/<path> (with --copies K, each page K times, the copies at
http://<host>/<path>?copy=N: bigger archives, duplicates for dedup). Pages are dealt round-robin over the files in sorted
order, so the same site gives the same bytes on every run (the WARC-Date is
fixed). scripts/slurm/ci.sh uses them as the WARC input of a Slurm run; a
user's clone has no other archive at hand.
"""
import argparse
import gzip
import hashlib
import os
import sys
import uuid

DATE = "2024-01-01T00:00:00Z"


def record(headers, payload):
    """One WARC record, bytes, with Content-Length filled in."""
    lines = ["WARC/1.1"]
    for name, value in headers:
        lines.append(f"{name}: {value}")
    lines.append(f"Content-Length: {len(payload)}")
    head = ("\r\n".join(lines) + "\r\n\r\n").encode()
    return head + payload + b"\r\n\r\n"


def record_id(text):
    return "<urn:uuid:%s>" % uuid.UUID(bytes=hashlib.sha256(text.encode()).digest()[:16])


def pages(site):
    """(url, html bytes) of every .html file under site/<host>/, sorted."""
    out = []
    for host in sorted(os.listdir(site)):
        root = os.path.join(site, host)
        if not os.path.isdir(root):
            continue
        for folder, _, files in os.walk(root):
            for name in files:
                if not name.endswith(".html"):
                    continue
                path = os.path.join(folder, name)
                rel = os.path.relpath(path, root).replace(os.sep, "/")
                with open(path, "rb") as f:
                    out.append((f"http://{host}/{rel}", f.read()))
    out.sort()
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--site", default="site")
    ap.add_argument("--out", required=True)
    ap.add_argument("--files", type=int, default=8)
    ap.add_argument("--copies", type=int, default=1)
    args = ap.parse_args()
    found = pages(args.site)
    found = [(url if k == 0 else f"{url}?copy={k}", html)
             for url, html in found for k in range(args.copies)]
    if not found:
        sys.exit(f"make-warc: no .html pages under {args.site}/<host>/")
    os.makedirs(args.out, exist_ok=True)
    for n in range(args.files):
        name = f"site-{n:03d}.warc.gz"
        tmp = os.path.join(args.out, name + ".tmp")
        with open(tmp, "wb") as f:
            info = b"software: corpus make-warc.py\r\nformat: WARC File Format 1.1\r\n"
            f.write(gzip.compress(record([
                ("WARC-Type", "warcinfo"), ("WARC-Date", DATE), ("WARC-Filename", name),
                ("WARC-Record-ID", record_id(name)), ("Content-Type", "application/warc-fields"),
            ], info), mtime=0))
            for url, html in found[n::args.files]:
                http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                        b"Content-Length: %d\r\n\r\n" % len(html)) + html
                f.write(gzip.compress(record([
                    ("WARC-Type", "response"), ("WARC-Date", DATE), ("WARC-Target-URI", url),
                    ("WARC-Record-ID", record_id(url)),
                    ("Content-Type", "application/http; msgtype=response"),
                ], http), mtime=0))
        os.replace(tmp, os.path.join(args.out, name))
    print(f"make-warc: {len(found)} pages in {args.files} files under {args.out}")


if __name__ == "__main__":
    main()
