// Crawl throughput and memory:
//   bench_crawl [--pages N] [--hosts H] [--page-kb K]    static site over H loopback hosts
//   bench_crawl --serve SECONDS [--pages N] [--hosts H]   only serve it (for wget2), then
//                                                         print the server's CPU time
//   bench_crawl --frontier N                              memory per seen URL: a site whose
//                                                         pages each link to 50 new URLs
//   --compress 1                                          let the server brotli/gzip each
//                                                         response (default 0: bodies as is)
//   --links DIR                                           link extraction on real pages
//                                                         (*.html.gz, e.g. WCXB): the tag
//                                                         scanner against a gumbo DOM walk,
//                                                         speed per core and agreement
// The crawler runs in process with delays off and robots.txt absent (404).
// Bodies are served uncompressed by default: every client then gets the same
// bytes (wget2 and curl both ask for br, which httplib compresses per request
// at quality 11, a CPU cost the server would add to the crawler's on the same
// cores).
#include <gumbo.h>
#include <sys/resource.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

#include "bench_util.h"
#include "corpus/crawl/crawler.h"
#include "corpus/crawl/links.h"
#include "corpus/site/site_server.h"
#include "corpus/url/url.h"
#include "corpus/text/charset.h"
#include "corpus/util/fs.h"

namespace {

using corpus::CrawlConfig;
using corpus::Crawler;
using corpus::SiteServer;

long PeakRssKb() {
  rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

double CpuSeconds() {
  rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

long CurrentRssKb() {
  std::string status;
  if (!corpus::ReadFile("/proc/self/status", &status).ok()) return 0;
  const size_t p = status.find("VmRSS:");
  return p == std::string::npos ? 0 : std::atol(status.c_str() + p + 6);
}

std::string TempDir() {
  std::string t = "/tmp/bench-crawl-XXXXXX";
  return ::mkdtemp(t.data());
}

// Static site: page i lives on host i % hosts at /p/i.html and links to
// pages 10i+1 .. 10i+10 (a tree, so every page is reachable from page 0).
std::string WriteSite(int pages, int hosts, int page_kb, std::vector<std::string>* addrs) {
  const std::string dir = TempDir();
  std::string hosts_txt;
  for (int h = 0; h < hosts; ++h) {
    const std::string name = "h" + std::to_string(h) + ".test";
    const std::string addr = "127.0.0." + std::to_string(h + 2);
    hosts_txt += name + " " + addr + "\n";
    addrs->push_back(addr);
    CheckOk(corpus::MakeDirs(dir + "/" + name + "/p"));
  }
  CheckOk(corpus::WriteFileAtomic(dir + "/hosts.txt", hosts_txt));
  // Filler text of words drawn at random (fixed seed), different on every
  // page, so pages compress about as well as real prose (~3x) rather than
  // 100x as one repeated sentence would, in a page or across a shard.
  static constexpr const char* kWords[] = {
      "the",     "of",       "and",    "to",       "in",        "a",         "is",       "that",
      "for",     "it",       "as",     "was",      "with",      "be",        "by",       "on",
      "not",     "he",       "this",   "are",      "or",        "his",       "from",     "at",
      "which",   "but",      "have",   "an",       "had",       "they",      "you",      "were",
      "their",   "one",      "all",    "we",       "can",       "her",       "has",      "there",
      "been",    "if",       "more",   "when",     "will",      "would",     "who",      "so",
      "crawler", "language", "model",  "corpus",   "document",  "quality",   "filter",   "network",
      "server",  "memory",   "budget", "research", "community", "published", "evidence", "policy",
      "market",  "weather",  "garden", "history",  "museum",    "railway",   "harbour",  "festival"};
  uint64_t rng = 0x9E3779B97F4A7C15ull;
  const size_t filler_bytes = static_cast<size_t>(page_kb) * 1024;
  auto filler = [&rng, filler_bytes] {
    std::string words;
    while (words.size() < filler_bytes) {
      words += "<p>";
      for (int w = 0; w < 24; ++w) {
        rng = rng * 6364136223846793005ull + 1442695040888963407ull;
        words += kWords[(rng >> 33) % (sizeof(kWords) / sizeof(kWords[0]))];
        words += w == 23 ? ".</p>\n" : " ";
      }
    }
    return words;
  };
  for (int i = 0; i < pages; ++i) {
    std::string body = "<!doctype html><html><head><title>Page " + std::to_string(i) +
                       "</title></head><body><nav>";
    for (int k = 10 * i + 1; k <= 10 * i + 10 && k < pages; ++k) {
      body += "<a href=\"http://{{host:h" + std::to_string(k % hosts) + ".test}}/p/" +
              std::to_string(k) + ".html\">" + std::to_string(k) + "</a> ";
    }
    body += "</nav>" + filler() + "</body></html>";
    // Plain writes: the site is scratch data, fsync per file would dominate.
    std::ofstream(dir + "/h" + std::to_string(i % hosts) + ".test/p/" + std::to_string(i) + ".html",
                  std::ios::binary)
        << body;
  }
  return dir;
}

int RunCrawl(const std::string& seeds_text, const std::string& label, uint64_t max_pages,
             size_t queue_memory) {
  const std::string work = TempDir();
  CheckOk(corpus::WriteFileAtomic(work + "/seeds.txt", seeds_text));
  CrawlConfig c;
  c.seeds_file = work + "/seeds.txt";
  c.out_dir = work + "/pages";
  c.allow_private_networks = true;
  c.per_host_delay_ms = 0;
  c.per_host_concurrency = 4;
  c.concurrency = 64;
  c.scope = corpus::CrawlScope::kAny;
  c.max_pages = max_pages;
  c.zstd_level = 1;
  c.queue_memory_entries = queue_memory;
  const long rss_before = CurrentRssKb();
  const double cpu_before = CpuSeconds();
  const auto t0 = std::chrono::steady_clock::now();
  Crawler crawler(c);
  const corpus::StageOutcome o = crawler.Run();
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!o.status.ok()) {
    std::fprintf(stderr, "crawl failed: %s\n", o.status.ToString().c_str());
    return 1;
  }
  const auto& counts = crawler.counts();
  auto counter = [&counts](const char* name) -> uint64_t {
    auto it = counts.counters.find(name);
    return it == counts.counters.end() ? 0 : it->second;
  };
  const uint64_t seen = counter("urls_seen");
  const double cpu = CpuSeconds() - cpu_before;
  std::printf("%s: %llu pages in %.2f s = %.0f pages/s; CPU %.2f s = %.2f ms/page (server "
              "included); bodies %.1f MB/s, on the wire %.1f MB/s; %llu URLs seen, peak RSS "
              "%ld MB, RSS growth %.1f bytes/seen URL\n",
              label.c_str(), static_cast<unsigned long long>(counts.kept), secs, counts.kept / secs,
              cpu, counts.kept ? cpu * 1000 / counts.kept : 0.0, counter("body_bytes") / secs / 1e6,
              counter("bytes_downloaded") / secs / 1e6, static_cast<unsigned long long>(seen),
              PeakRssKb() / 1024,
              seen ? (CurrentRssKb() - rss_before) * 1024.0 / static_cast<double>(seen) : 0.0);
  std::string cmd = "rm -rf " + work;
  return std::system(cmd.c_str()) == 0 ? 0 : 1;
}

// The links ExtractLinks found before the tag scanner: a gumbo HTML5 tree
// walked for the same elements (first <base href>, a/area without
// rel=nofollow, link rel=alternate|next|prev without stylesheet, frame and
// iframe src). One difference by design: gumbo's walk included <template>
// contents, which the scanner treats as inert.
std::vector<std::string> GumboLinks(const std::string& html, const std::string& page_url) {
  GumboOutput* doc = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  auto attr = [](const GumboElement& e, const char* name) -> const char* {
    const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
    return a ? a->value : nullptr;
  };
  auto has_token = [](const char* list, const std::string& token) {
    std::string s(list);
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
      const size_t start = i;
      while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
      if (s.compare(start, i - start, token) == 0 && i > start) return true;
    }
    return false;
  };
  std::vector<std::string> raw;
  std::optional<std::string> base;
  std::vector<const GumboNode*> stack{doc->root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) continue;
    const GumboElement& e = node->v.element;
    const char* rel = attr(e, "rel");
    const char* target = nullptr;
    if (e.tag == GUMBO_TAG_BASE && !base && attr(e, "href")) {
      base = attr(e, "href");
    } else if (e.tag == GUMBO_TAG_A || e.tag == GUMBO_TAG_AREA) {
      if (!rel || !has_token(rel, "nofollow")) target = attr(e, "href");
    } else if (e.tag == GUMBO_TAG_LINK && rel && !has_token(rel, "nofollow") &&
               !has_token(rel, "stylesheet") &&
               (has_token(rel, "alternate") || has_token(rel, "next") || has_token(rel, "prev"))) {
      target = attr(e, "href");
    } else if (e.tag == GUMBO_TAG_FRAME || e.tag == GUMBO_TAG_IFRAME) {
      target = attr(e, "src");
    }
    if (target) raw.emplace_back(target);
    for (unsigned i = e.children.length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(e.children.data[i - 1]));
    }
  }
  gumbo_destroy_output(&kGumboDefaultOptions, doc);
  std::string resolved_base = corpus::NormalizeUrl(page_url).value_or(page_url);
  if (base) {
    if (auto b = corpus::ResolveUrl(resolved_base, *base)) resolved_base = *b;
  }
  corpus::UrlResolver resolver(resolved_base);
  std::unordered_set<std::string> seen;
  std::vector<std::string> out;
  for (const auto& href : raw) {
    auto url = resolver.Resolve(href);
    if (url && seen.insert(*url).second) out.push_back(std::move(*url));
  }
  return out;
}

int RunLinks(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().string().ends_with(".html.gz")) files.push_back(e.path().string());
  }
  if (ec || files.empty()) {
    std::fprintf(stderr, "no *.html.gz pages in %s\n", dir.c_str());
    return 1;
  }
  std::sort(files.begin(), files.end());
  // Decoded to UTF-8 as the crawler does before extracting links.
  std::vector<std::string> pages;
  size_t bytes = 0;
  for (const auto& f : files) {
    gzFile gz = gzopen(f.c_str(), "rb");
    if (!gz) continue;
    std::string raw;
    char buf[1 << 16];
    int n;
    while ((n = gzread(gz, buf, sizeof(buf))) > 0) raw.append(buf, static_cast<size_t>(n));
    gzclose(gz);
    pages.push_back(corpus::DecodeHtmlToUtf8(raw, "").utf8);
    bytes += pages.back().size();
  }
  const std::string page_url = "http://example.test/dir/page.html";
  std::vector<std::vector<std::string>> scanned, walked;
  double t0 = ThreadCpuSeconds();
  for (const auto& p : pages) scanned.push_back(corpus::ExtractLinks(p, page_url).urls);
  const double scan_secs = ThreadCpuSeconds() - t0;
  t0 = ThreadCpuSeconds();
  for (const auto& p : pages) walked.push_back(GumboLinks(p, page_url));
  const double gumbo_secs = ThreadCpuSeconds() - t0;
  size_t same = 0, scan_links = 0, gumbo_links = 0, shown = 0;
  for (size_t i = 0; i < pages.size(); ++i) {
    scan_links += scanned[i].size();
    gumbo_links += walked[i].size();
    if (scanned[i] == walked[i]) {
      ++same;
    } else if (shown++ < 40) {
      std::unordered_set<std::string> a(scanned[i].begin(), scanned[i].end());
      std::unordered_set<std::string> b(walked[i].begin(), walked[i].end());
      size_t only_scan = 0, only_gumbo = 0;
      for (const auto& u : a) only_scan += !b.count(u);
      for (const auto& u : b) only_gumbo += !a.count(u);
      std::printf("  differs: %s (%zu vs %zu links; %zu only scanner, %zu only gumbo)\n",
                  files[i].c_str(), scanned[i].size(), walked[i].size(), only_scan, only_gumbo);
      if (std::getenv("BENCH_LINKS_VERBOSE")) {
        for (const auto& u : a) if (!b.count(u)) std::printf("    scanner only: %s\n", u.c_str());
        for (const auto& u : b) if (!a.count(u)) std::printf("    gumbo only: %s\n", u.c_str());
      }
    }
  }
  const double mb = static_cast<double>(bytes) / 1e6;
  std::printf("links of %zu pages (%.1f MB): scanner %.1f MB/s (%.3f ms/page), gumbo walk %.1f MB/s "
              "(%.3f ms/page), per core; %zu vs %zu links; same list on %zu pages (%.1f%%)\n",
              pages.size(), mb, mb / scan_secs, scan_secs * 1000 / pages.size(), mb / gumbo_secs,
              gumbo_secs * 1000 / pages.size(), scan_links, gumbo_links, same,
              100.0 * same / pages.size());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  int pages = 20000, hosts = 16, page_kb = 20, serve = 0, compress = 0;
  long frontier = 0;
  std::string links_dir;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--pages")) pages = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--hosts")) hosts = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--page-kb")) page_kb = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--serve")) serve = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--frontier")) frontier = std::atol(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--compress")) compress = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--links")) links_dir = argv[i + 1];
  }
  if (!links_dir.empty()) return RunLinks(links_dir);
  if (frontier > 0) {
    // Page n links to 50 new URLs /n/(50n+1) .. /n/(50n+50) on one host.
    SiteServer::Options o;
    o.addresses = {"127.0.0.2"};
    o.keep_request_log = false;
    o.compress = false;
    SiteServer server(o);
    if (!server.Start().ok()) return 1;
    const std::string base = server.BaseUrl("127.0.0.2");
    server.Handle("", "/n/*", [](const corpus::SiteRequest& q) {
      const long n = std::atol(q.path.c_str() + 3);
      corpus::SiteResponse r;
      r.body = "<html><body>";
      for (long k = 50 * n + 1; k <= 50 * n + 50; ++k) {
        r.body += "<a href=\"/n/" + std::to_string(k) + "\">" + std::to_string(k) + "</a>";
      }
      r.body += "</body></html>";
      return r;
    });
    return RunCrawl(base + "/n/0\n", "frontier", static_cast<uint64_t>(frontier / 50), 100000);
  }
  std::vector<std::string> addrs;
  const std::string site = WriteSite(pages, hosts, page_kb, &addrs);
  SiteServer::Options o;
  o.site_dir = site;
  o.compress = compress != 0;
  o.keep_request_log = false;  // the log would grow with every request
  SiteServer server(o);
  const corpus::Status st = server.Start();
  if (!st.ok()) {
    std::fprintf(stderr, "server: %s\n", st.ToString().c_str());
    return 1;
  }
  const std::string seed = server.BaseUrl("h0.test") + "/p/0.html\n";
  if (serve > 0) {
    std::printf("serving %d pages of %d KB on %d hosts; seed %s", pages, page_kb, hosts, seed.c_str());
    std::fflush(stdout);
    std::this_thread::sleep_for(std::chrono::seconds(serve));
    std::printf("server CPU: %.2f s for %zu requests (bodies %s)\n", CpuSeconds(),
                server.requests_served(), compress ? "compressed on request" : "as is");
    std::string cmd = "rm -rf " + site;
    return std::system(cmd.c_str()) == 0 ? 0 : 1;
  }
  const int rc = RunCrawl(seed, "static site, " + std::to_string(hosts) + " hosts, " +
                                    std::to_string(page_kb) + " KB pages",
                          0, 200000);
  std::string cmd = "rm -rf " + site;
  return rc == 0 && std::system(cmd.c_str()) == 0 ? 0 : 1;
}
