// `corpus crawl` on hostile sites and its part files (docs/crawl-traps.md):
//   bench_crawl_hostile --corpus build/corpus [--timeout 30s] [CRAWL FLAGS...]
//       the hostile mix of tests/crawl/hostile_site.h (one ordinary site, four
//       link traps, silence, a drip, a gzip bomb, redirect loops and chains,
//       broken responses, huge/failing robots.txt, metadata redirects), crawled
//       by the binary with default flags plus --allow-private-networks (the
//       hosts are on loopback) and any flags given; prints the wall time,
//       requests into traps, ordinary pages kept and the crawler's peak RSS.
//   --kill-after SECONDS: a crawl still running then gets SIGTERM (for a
//       crawler that does not end by itself, e.g. an older build as reference)
//   bench_crawl_hostile --corpus build/corpus --parts PAGES [--per-host-delay MS]
//       a tree site of PAGES pages over 16 hosts, crawled at that delay; prints
//       the part files written (kept and rejected) and the time.
// The crawler runs as a child process (the whole command a user runs), so
// its RSS is its own; its wall and CPU time (user + sys) are printed. There
// is no reference crawler to run beside it offline; --corpus OTHER_BUILD
// measures another build on the same sites.
#include <sys/resource.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "../tests/crawl/hostile_site.h"
#include "bench_proc.h"
#include "bench_util.h"
#include "corpus/url/url.h"
#include "corpus/io/record.h"
#include "corpus/io/record_source.h"
#include "corpus/util/fs.h"

namespace {

using corpus::SiteServer;
using corpus::testing::HostileSite;

struct ChildResult {
  int exit_code = -1;
  double seconds = 0;
  double cpu = 0;  // user + sys
  long max_rss_kb = 0;
  bool killed = false;  // still running after --kill-after
};

int g_kill_after_s = 0;

ChildResult RunCorpus(const std::string& bin, const std::vector<std::string>& args) {
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = corpus_bench::StartProcess(bin, args);
  int status = 0;
  rusage ru{};
  ChildResult r;
  while (wait4(pid, &status, WNOHANG, &ru) == 0) {
    const double ran = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (g_kill_after_s > 0 && ran > g_kill_after_s && !r.killed) {
      ::kill(pid, SIGTERM);
      r.killed = true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.max_rss_kb = ru.ru_maxrss;
  r.cpu = corpus_bench::CpuSeconds(ru);
  return r;
}

std::set<std::string> UrlsIn(const std::string& dir) {
  std::set<std::string> urls;
  std::vector<std::string> files;
  if (!corpus::ResolveInputs({dir}, &files).ok()) return urls;
  corpus::Record rec;
  for (const auto& f : files) {
    std::unique_ptr<corpus::RecordSource> src;
    if (!corpus::OpenRecordSource(f, &src).ok()) continue;
    std::string_view line;
    while (src->Next(&line)) {
      if (rec.Parse(line).ok()) urls.insert(rec.GetString("url").value_or(""));
    }
  }
  return urls;
}

size_t PartFiles(const std::string& dir) {
  size_t n = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    n += name.rfind("part-", 0) == 0 && name.ends_with(".jsonl.zst");
  }
  return n;
}

std::string TempDir() {
  std::string t = "/tmp/bench-hostile-XXXXXX";
  return ::mkdtemp(t.data());
}

int Hostile(const std::string& bin, const std::vector<std::string>& extra) {
  corpus::testing::HostileSiteOptions o;
  o.bomb_bytes = 1ull << 30;         // beyond the 10 MiB body cap either way
  o.huge_page_bytes = 50ull << 20;
  o.robots_bytes = 10ull << 20;
  o.header_bytes = 1 << 20;
  o.chain_hops = 50;
  HostileSite site(o);
  if (!site.Start().ok()) {
    std::fprintf(stderr, "cannot start the hostile site\n");
    return 1;
  }
  const std::string dir = TempDir();
  std::string seeds;
  for (const auto& s : site.Seeds()) seeds += s + "\n";
  CheckOk(corpus::WriteFileAtomic(dir + "/seeds.txt", seeds));
  std::vector<std::string> args = {"crawl", "--seeds", dir + "/seeds.txt", "--out", dir + "/out",
                                   "--allow-private-networks", "--no-progress"};
  args.insert(args.end(), extra.begin(), extra.end());
  const ChildResult r = RunCorpus(bin, args);
  const std::set<std::string> pages = UrlsIn(dir + "/out");
  const std::set<std::string> rejects = UrlsIn(dir + "/out/rejected");
  size_t ordinary_kept = 0;
  const std::vector<std::string> ordinary = site.OrdinaryUrls();
  for (const auto& u : ordinary) ordinary_kept += pages.count(u);
  size_t requests = site.server().RequestLog().size() + site.raw().Requests().size();
  size_t unaccounted = 0;
  for (const auto& e : site.server().RequestLog()) {
    if (e.target == "/robots.txt") continue;
    const std::string url = corpus::NormalizeUrl("http://" + e.address + ":" +
                                                 std::to_string(site.server().port()) + e.target)
                                .value_or("");
    unaccounted += !pages.count(url) && !rejects.count(url);
  }
  std::printf("hostile mix (%s): exit %d%s, %.1f s wall, %.1f s CPU, %zu requests (%zu into the 4 link traps: calendar %zu, "
              "pagination %zu, session ids %zu, sort orders %zu), ordinary pages kept %zu/%zu, "
              "%zu pages, %zu rejected, fetched URLs in neither: %zu, peak RSS %.0f MB\n",
              bin.c_str(), r.exit_code, r.killed ? " (did not end by itself: stopped)" : "", r.seconds, r.cpu,
              requests, site.TrapRequests(),
              site.server().RequestLogFor(HostileSite::Address(HostileSite::kCalendar)).size(),
              site.server().RequestLogFor(HostileSite::Address(HostileSite::kPagination)).size(),
              site.server().RequestLogFor(HostileSite::Address(HostileSite::kSessionIds)).size(),
              site.server().RequestLogFor(HostileSite::Address(HostileSite::kSortOrders)).size(),
              ordinary_kept, ordinary.size(), pages.size(), rejects.size(), unaccounted,
              r.max_rss_kb / 1024.0);
  site.Stop();
  std::filesystem::remove_all(dir);
  return r.exit_code == 0 ? 0 : 1;
}

// A tree over 16 hosts: page i on host i % 16 links pages 10i+1 .. 10i+10.
int Parts(const std::string& bin, int pages, const std::vector<std::string>& extra) {
  SiteServer::Options so;
  for (int h = 0; h < 16; ++h) so.addresses.push_back("127.0.0." + std::to_string(2 + h));
  so.compress = false;
  SiteServer server(so);
  server.Handle("", "/p/*", [&server, pages](const corpus::SiteRequest& q) {
    const int i = std::atoi(q.path.c_str() + 3);
    corpus::SiteResponse r;
    r.body = "<html><body><p>page " + std::to_string(i) + " " + std::string(2000, 'x') + "</p>";
    for (int k = 10 * i + 1; k <= 10 * i + 10 && k < pages; ++k) {
      r.body += "<a href=\"" + server.BaseUrl("127.0.0." + std::to_string(2 + k % 16)) + "/p/" +
                std::to_string(k) + "\">l</a>";
    }
    r.body += "</body></html>";
    return r;
  });
  if (!server.Start().ok()) return 1;
  const std::string dir = TempDir();
  CheckOk(corpus::WriteFileAtomic(dir + "/seeds.txt", server.BaseUrl("127.0.0.2") + "/p/0\n"));
  std::vector<std::string> args = {"crawl", "--seeds", dir + "/seeds.txt", "--out", dir + "/out",
                                   "--allow-private-networks", "--no-progress", "--scope", "any"};
  args.insert(args.end(), extra.begin(), extra.end());
  const ChildResult r = RunCorpus(bin, args);
  std::printf("parts (%s): exit %d%s, %zu pages in %.1f s wall, %.1f s CPU, %zu kept part files, %zu rejected part files, "
              "peak RSS %.0f MB\n",
              bin.c_str(), r.exit_code, r.killed ? " (stopped)" : "", UrlsIn(dir + "/out").size(),
              r.seconds, r.cpu, PartFiles(dir + "/out"),
              PartFiles(dir + "/out/rejected"), r.max_rss_kb / 1024.0);
  server.Stop();
  std::filesystem::remove_all(dir);
  return r.exit_code == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::string bin = CORPUS_BINARY;
  int parts = 0;
  std::vector<std::string> extra;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--corpus") && i + 1 < argc) {
      bin = argv[++i];
    } else if (!std::strcmp(argv[i], "--kill-after") && i + 1 < argc) {
      g_kill_after_s = std::atoi(argv[++i]);
    } else if (!std::strcmp(argv[i], "--parts") && i + 1 < argc) {
      parts = std::atoi(argv[++i]);
    } else {
      extra.push_back(argv[i]);
    }
  }
  std::printf("reference: none (no other crawler to run offline; --corpus OTHER_BUILD compares builds)\n");
  return parts > 0 ? Parts(bin, parts, extra) : Hostile(bin, extra);
}
