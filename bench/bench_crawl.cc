// Crawl throughput and memory (issue 3, "Speed"):
//   bench_crawl [--pages N] [--hosts H] [--page-kb K]    static site over H loopback hosts
//   bench_crawl --serve SECONDS [--pages N] [--hosts H]   only serve it (for wget2), then
//                                                         print the server's CPU time
//   bench_crawl --frontier N                              memory per seen URL: a site whose
//                                                         pages each link to 50 new URLs
//   --compress 1                                          let the server brotli/gzip each
//                                                         response (default 0: bodies as is)
// The crawler runs in process with delays off and robots.txt absent (404).
// Bodies are served uncompressed by default: every client then gets the same
// bytes (wget2 and curl both ask for br, which httplib compresses per request
// at quality 11, a CPU cost the server would add to the crawler's on the same
// cores).
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <thread>

#include "corpus/crawl/crawler.h"
#include "corpus/crawl/site_server.h"
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
    corpus::MakeDirs(dir + "/" + name + "/p");
  }
  corpus::WriteFileAtomic(dir + "/hosts.txt", hosts_txt);
  // Filler text of words drawn at random (fixed seed), so pages compress
  // about as well as real prose (zstd -1: ~3x) rather than 100x as one
  // repeated sentence would; each page gets its own slice.
  static const char* const kWords[] = {
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
  std::string words;
  const size_t filler_bytes = static_cast<size_t>(page_kb) * 1024;
  while (words.size() < filler_bytes * 4) {
    words += "<p>";
    for (int w = 0; w < 24; ++w) {
      rng = rng * 6364136223846793005ull + 1442695040888963407ull;
      words += kWords[(rng >> 33) % (sizeof(kWords) / sizeof(kWords[0]))];
      words += w == 23 ? ".</p>\n" : " ";
    }
  }
  for (int i = 0; i < pages; ++i) {
    std::string body = "<!doctype html><html><head><title>Page " + std::to_string(i) +
                       "</title></head><body><nav>";
    for (int k = 10 * i + 1; k <= 10 * i + 10 && k < pages; ++k) {
      body += "<a href=\"http://{{host:h" + std::to_string(k % hosts) + ".test}}/p/" +
              std::to_string(k) + ".html\">" + std::to_string(k) + "</a> ";
    }
    const size_t slice = (static_cast<size_t>(i) * 7919) % (words.size() - filler_bytes);
    body += "</nav>" + words.substr(slice, filler_bytes) + "</body></html>";
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
  corpus::WriteFileAtomic(work + "/seeds.txt", seeds_text);
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

}  // namespace

int main(int argc, char** argv) {
  int pages = 20000, hosts = 16, page_kb = 20, serve = 0, compress = 0;
  long frontier = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--pages")) pages = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--hosts")) hosts = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--page-kb")) page_kb = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--serve")) serve = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--frontier")) frontier = std::atol(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--compress")) compress = std::atoi(argv[i + 1]);
  }
  if (frontier > 0) {
    // Page n links to 50 new URLs /n/(50n+1) .. /n/(50n+50) on one host.
    SiteServer::Options o;
    o.addresses = {"127.0.0.2"};
    o.keep_request_log = false;
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
