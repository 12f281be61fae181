#!/usr/bin/env bash
# corpus crawl beside wget2 on a static site served by nginx (BENCHMARKS.md,
# "`corpus crawl` benchmarks").
#
#   bench/crawl_vs_wget2.sh [CORPUS_BINARY]        (default: build/corpus)
#
# Writes a site of HOSTS x PAGES_PER_HOST pages of about PAGE_KB KB of ordinary
# English text (sentences drawn from a word-pair model of this repository's own
# docs, different on every page, so it compresses like prose), serves it with
# nginx on 127.0.0.2, 127.0.0.3, ... (its own config, logs and pid file in a
# temporary folder; nothing of the system's nginx is used), then crawls it with
# `corpus crawl` and with wget2, alternately, ROUNDS times each. Every page
# links to ten others, page i to pages 10i+1..10i+10 spread over the hosts, so
# both crawlers find the whole site from page 0. Bodies go out uncompressed
# (nginx's gzip is off), the same bytes to both crawlers.
#
# For each run it prints wall time, user+sys CPU of the crawler process (GNU
# time), pages/s, ms of CPU per page and peak RSS; then the best of the rounds
# and corpus/wget2 ratios. Environment knobs (defaults): HOSTS=16
# PAGES_PER_HOST=300 PAGE_KB=20 ROUNDS=3 WGET2_THREADS=16 NGINX_WORKERS=1
# CORPUS_FLAGS="--concurrency N --per-host-concurrency N" with N = WGET2_THREADS
# (wget2's --max-threads is its number of downloads at once, with no limit per
# host: the same for both) KEEP=0 (1: keep the temporary folder) BASELINE=
# (another corpus binary to run each round too).
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-$here/build/corpus}
hosts=${HOSTS:-16}
per_host=${PAGES_PER_HOST:-300}
page_kb=${PAGE_KB:-20}
rounds=${ROUNDS:-3}
wget2_threads=${WGET2_THREADS:-16}
nginx_workers=${NGINX_WORKERS:-1}
corpus_flags=${CORPUS_FLAGS:---concurrency $wget2_threads --per-host-concurrency $wget2_threads}

for tool in nginx wget2 python3 /usr/bin/time; do
  if ! command -v "$tool" > /dev/null 2>&1; then
    echo "crawl_vs_wget2: $tool is missing (CORPUS_WITH_BENCH_TOOLS=1 scripts/install-deps.sh)" >&2
    exit 2
  fi
done
[[ -x $corpus ]] || { echo "crawl_vs_wget2: no corpus binary at $corpus" >&2; exit 2; }
if (( hosts < 1 || hosts > 200 )); then echo "crawl_vs_wget2: HOSTS must be 1..200" >&2; exit 2; fi

work=$(mktemp -d /tmp/crawl-vs-wget2.XXXXXX)
nginx_pid=""
cleanup() {
  if [[ -n $nginx_pid ]]; then kill "$nginx_pid" 2> /dev/null || true; wait "$nginx_pid" 2> /dev/null || true; fi
  if [[ ${KEEP:-0} != 1 ]]; then rm -rf "$work"; else echo "kept $work"; fi
}
trap cleanup EXIT
# nginx's workers run as nobody when started by root: the site must be readable.
chmod 755 "$work"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.2", 0)); print(s.getsockname()[1])')
pages=$((hosts * per_host))

python3 - "$work/site" "$hosts" "$pages" "$page_kb" "$port" "$here" << 'EOF'
import glob, os, random, re, sys
out, hosts, pages, page_kb, port, repo = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6]
# A word-pair model of the repository's prose: sampled sentences read like
# English and compress like it, and no two pages share their text.
text = ""
for path in sorted(glob.glob(os.path.join(repo, "docs", "*.md"))) + [os.path.join(repo, "README.md")]:
    with open(path, encoding="utf-8") as f:
        text += " " + re.sub(r"[`*#|<>\[\]()_]", " ", f.read())
words = [w for w in text.split() if re.fullmatch(r"[A-Za-z][A-Za-z'-]*[.,;:]?", w)]
follow = {}
for a, b in zip(words, words[1:]):
    follow.setdefault(a.lower(), []).append(b)
starts = [w for w in words if w[0].isupper()]
rng = random.Random(20261202)
def sentence():
    w = rng.choice(starts)
    out = [w]
    for _ in range(rng.randint(8, 30)):
        nxt = follow.get(w.lower())
        if not nxt:
            break
        w = rng.choice(nxt)
        out.append(w)
    s = " ".join(out).rstrip(".,;:")
    return s[0].upper() + s[1:] + "."
def host(i):
    return "127.0.0.%d:%s" % (2 + i % hosts, port)
target = page_kb * 1024
for h in range(hosts):
    os.makedirs(os.path.join(out, str(2 + h), "p"), exist_ok=True)
for i in range(pages):
    head = ('<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
            '<title>Notes on the corpus, part %d</title></head>\n<body><header><nav>' % i)
    links = " ".join('<a href="http://%s/p/%d.html">Part %d</a>' % (host(k), k, k)
                     for k in range(10 * i + 1, min(10 * i + 11, pages)))
    body = [head, links, "</nav></header>\n<main><h1>Notes on the corpus, part %d</h1>\n" % i]
    size = sum(map(len, body))
    while size < target:
        para = "<p>" + " ".join(sentence() for _ in range(rng.randint(3, 7))) + "</p>\n"
        if rng.random() < 0.08:
            para = "<h2>" + sentence()[:-1] + "</h2>\n" + para
        body.append(para)
        size += len(para)
    body.append("</main><footer><p>Part %d of %d.</p></footer></body></html>\n" % (i, pages))
    with open(os.path.join(out, str(2 + i % hosts), "p", "%d.html" % i), "w", encoding="utf-8") as f:
        f.write("".join(body))
EOF
chmod -R a+rX "$work/site"

mkdir -p "$work/nginx/logs"
{
  echo "worker_processes $nginx_workers;"
  echo "pid $work/nginx/nginx.pid;"
  echo "error_log $work/nginx/logs/error.log warn;"
  echo "events { worker_connections 1024; }"
  echo "http {"
  echo "  access_log off;"
  echo "  sendfile on; tcp_nopush on; keepalive_requests 100000; gzip off;"
  echo "  default_type text/html;"
  for t in client_body proxy fastcgi uwsgi scgi; do echo "  ${t}_temp_path $work/nginx/$t;"; done
  for ((h = 0; h < hosts; h++)); do
    echo "  server { listen 127.0.0.$((2 + h)):$port; root $work/site/$((2 + h)); }"
  done
  echo "}"
} > "$work/nginx/nginx.conf"
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
for ((i = 0; i < 100; i++)); do
  python3 -c "import socket,sys; socket.create_connection(('127.0.0.$((1 + hosts))', $port), 0.2)" 2> /dev/null && break
  kill -0 "$nginx_pid" 2> /dev/null || { cat "$work/nginx/logs/error.log" >&2; exit 1; }
  python3 -c 'import time; time.sleep(0.05)'
done

seed="http://127.0.0.2:$port/p/0.html"
echo "$seed" > "$work/seeds.txt"
domains=$(for ((h = 0; h < hosts; h++)); do printf '127.0.0.%d,' $((2 + h)); done)
domains=${domains%,}
site_bytes=$(du -sb "$work/site" | cut -f1)
echo "site: $pages pages on $hosts hosts, $((site_bytes / pages)) bytes per page on average, nginx $(nginx -v 2>&1 | sed 's/.*\///'), port $port"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%S) UTC"
echo "corpus crawl $corpus_flags; wget2 --max-threads=$wget2_threads"

# One run: "<wall> <user> <sys> <maxrss_kb>" in $work/time.txt.
run_corpus() {  # BINARY
  rm -rf "$work/out-corpus"
  /usr/bin/time -f '%e %U %S %M' -o "$work/time.txt" \
    "$1" crawl --seeds "$work/seeds.txt" --out "$work/out-corpus" --allow-private-networks \
    --per-host-delay 0 --scope any --no-progress --log-level warn $corpus_flags
}
run_wget2() {
  rm -rf "$work/out-wget2"
  /usr/bin/time -f '%e %U %S %M' -o "$work/time.txt" \
    wget2 -r -l 0 -H -D "$domains" --max-threads="$wget2_threads" -q -P "$work/out-wget2" "$seed" || true
}
count_pages() {  # corpus|wget2
  if [[ $1 == wget2 ]]; then
    find "$work/out-wget2" -name '*.html' | wc -l
  else
    "$corpus" cat "$work/out-corpus" 2> /dev/null | wc -l
  fi
}

# BASELINE=path/to/another/corpus adds a third crawler to each round (an
# earlier build, say), labelled "base".
contenders=(corpus wget2)
[[ -n ${BASELINE:-} ]] && contenders+=(base)
results=()
for ((r = 1; r <= rounds; r++)); do
  for who in "${contenders[@]}"; do
    case $who in
      corpus) run_corpus "$corpus" ;;
      base) run_corpus "$BASELINE" ;;
      wget2) run_wget2 ;;
    esac
    read -r wall user sys rss < "$work/time.txt"
    n=$(count_pages "$who")
    out_bytes=0
    [[ $who != wget2 ]] && out_bytes=$(du -sb --exclude=_crawl "$work/out-corpus" | cut -f1)
    line=$(python3 -c "
w, u, s, n = $wall, $user, $sys, $n
out = ', output %.1f MB' % ($out_bytes / 1e6) if $out_bytes else ''
print('%-6s round %d: %d pages, wall %.2f s = %.0f pages/s, CPU %.2f s (user %.2f + sys %.2f) = %.3f ms/page, peak RSS %d MB%s' % (
  '$who', $r, n, w, n / w if w else 0, u + s, u, s, (u + s) * 1000 / n if n else 0, $rss // 1024, out))")
    echo "$line"
    results+=("$who $wall $user $sys $n")
  done
done
echo "pages served: $site_bytes bytes"
printf '%s\n' "${results[@]}" | python3 -c "
import sys
best = {}
for line in sys.stdin:
    who, wall, user, sys_, n = line.split()
    wall, cpu, n = float(wall), float(user) + float(sys_), int(n)
    b = best.setdefault(who, {'rate': 0, 'cpu': 1e9, 'n': n})
    b['rate'] = max(b['rate'], n / wall if wall else 0)
    b['cpu'] = min(b['cpu'], cpu * 1000 / n if n else 1e9)
w = best['wget2']
for who, b in sorted(best.items()):
    print('best of %d, %-6s: %.0f pages/s, %.3f ms CPU/page' % ($rounds, who, b['rate'], b['cpu']))
for who in ('corpus', 'base'):
    if who in best:
        b = best[who]
        print('%s/wget2: %.2fx pages/s, %.2fx CPU per page' % (who, b['rate'] / w['rate'], b['cpu'] / w['cpu']))
"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
