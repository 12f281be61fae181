// `corpus crawl --warc DIR` as a process against an in-process SiteServer:
// every fetch archived once (also across kill -9 and resume), the files read
// back by corpus's WarcReader and by an independent reader (warcio, from
// npm, when scripts/install-test-tools.sh installed it), and `corpus extract`
// on the WARC files giving the documents it gives on pages/.
#include <dirent.h>
#include <signal.h>
#include <sys/stat.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "corpus/crawl/checkpoint.h"
#include "corpus/site/site_server.h"
#include "corpus/io/byte_stream.h"
#include "corpus/io/record.h"
#include "corpus/io/warc_reader.h"
#include "corpus/io/warc_writer.h"
#include "corpus/util/fs.h"
#include "corpus/util/sha256.h"
#include "testing/linked_site.h"
#include "testing/record_lines.h"
#include "testing/run_binary.h"
#include "testing/temp_dir.h"

namespace corpus {
namespace {

using testing::ReadRecordLines;
using testing::RunCorpus;
using testing::StartCorpus;
using testing::WaitCorpus;

constexpr int kPagesPerHost = 30;
const std::vector<std::string> kHosts = {"127.0.0.2", "127.0.0.3", "127.0.0.4"};

// What corpus's own WarcReader finds in a --warc folder.
struct WarcScan {
  std::vector<std::string> files;       // finished files, full paths, sorted
  std::vector<std::string> open_files;  // still *.open
  std::map<std::string, int> responses;  // WARC-Target-URI -> response/revisit records
  std::map<std::string, int> requests;
  size_t records = 0;
  std::string damage;  // the first file that did not parse to its end, and why
  bool warcinfo_first = true;
  bool pairs_linked = true;
};

WarcScan ScanWarcDir(const std::string& dir) {
  WarcScan scan;
  std::vector<std::string> names;
  if (DIR* d = ::opendir(dir.c_str())) {
    while (dirent* e = ::readdir(d)) names.emplace_back(e->d_name);
    ::closedir(d);
  }
  std::sort(names.begin(), names.end());
  for (const auto& n : names) {
    if (n.size() > 5 && n.compare(n.size() - 5, 5, ".open") == 0) scan.open_files.push_back(n);
    if (n.size() > 8 && n.compare(n.size() - 8, 8, ".warc.gz") == 0) scan.files.push_back(JoinPath(dir, n));
  }
  for (const auto& path : scan.files) {
    std::unique_ptr<ByteStream> stream;
    if (!ByteStream::Open(path, &stream).ok()) {
      scan.damage = path + ": cannot open";
      continue;
    }
    WarcReader reader(std::move(stream), path);
    WarcRecord rec;
    std::map<std::string, std::string> concurrent;  // record id -> WARC-Concurrent-To
    bool first = true;
    while (reader.Next(&rec)) {
      ++scan.records;
      if (first && rec.type() != "warcinfo") scan.warcinfo_first = false;
      first = false;
      const std::string uri(rec.Header("WARC-Target-URI"));
      if (rec.type() == "response" || rec.type() == "revisit") ++scan.responses[uri];
      if (rec.type() == "request") ++scan.requests[uri];
      if (rec.type() != "warcinfo") {
        concurrent[std::string(rec.Header("WARC-Record-ID"))] = std::string(rec.Header("WARC-Concurrent-To"));
      }
    }
    if (!reader.status().ok() && scan.damage.empty()) scan.damage = reader.status().ToString();
    for (const auto& [id, other] : concurrent) {
      auto back = concurrent.find(other);
      if (back == concurrent.end() || back->second != id) scan.pairs_linked = false;
    }
  }
  return scan;
}

// Where scripts/install-test-tools.sh put warcio: $CORPUS_TEST_TOOLS, or
// test-tools/ beside the corpus binary (the build folder). "" when absent
// or when node is not installed.
std::string WarcioModules() {
  const char* env = std::getenv("CORPUS_TEST_TOOLS");
  std::string dir = env ? env : std::string(CORPUS_BINARY).substr(0, std::string(CORPUS_BINARY).rfind('/')) + "/test-tools";
  dir += "/node_modules";
  if (!PathExists(dir + "/warcio/package.json")) return "";
  if (std::system("command -v node > /dev/null 2>&1") != 0) return "";
  return dir;
}

// Runs tests/tools/warc_check.mjs over `files`; its JSON lines.
std::vector<std::string> WarcioCheck(const std::string& modules, const std::vector<std::string>& files,
                                     int* exit_code) {
  std::string cmd = "node " + std::string(CORPUS_SOURCE_DIR) + "/tests/tools/warc_check.mjs " + modules;
  for (const auto& f : files) cmd += " " + f;
  std::vector<std::string> lines;
  FILE* p = ::popen((cmd + " 2>&1").c_str(), "r");
  if (!p) return lines;
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof(buf), p)) > 0) out.append(buf, n);
  const int status = ::pclose(p);
  *exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  size_t start = 0;
  while (start < out.size()) {
    size_t nl = out.find('\n', start);
    if (nl == std::string::npos) nl = out.size();
    if (nl > start) lines.push_back(out.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

// url -> field of every record line under `dir`.
std::map<std::string, std::string> FieldByUrl(const std::string& dir, const std::string& field) {
  std::map<std::string, std::string> out;
  Record rec;
  for (const auto& line : ReadRecordLines(dir)) {
    if (!rec.Parse(line).ok()) continue;
    out[rec.GetString("url").value_or("")] = rec.GetString(field).value_or("");
  }
  return out;
}

class CrawlWarcE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SiteServer::Options o;
    o.addresses = kHosts;
    server_ = std::make_unique<SiteServer>(o);  // compresses pages (br/gzip) as most servers do
    ASSERT_TRUE(server_->Start().ok());
    const std::string seeds = testing::ServeLinkedPages(
        server_.get(), kHosts, kPagesPerHost, [](int n, const std::string&) {
          std::string html = "<h1>Page " + std::to_string(n) + "</h1><p>The harbour opened at dawn, and boats " +
                             "left one after another into the grey morning.</p><p>Paragraph two of page " +
                             std::to_string(n) + ".</p>";
          if (n == 0) html += "<a href=\"/doc.pdf\">pdf</a><a href=\"/old\">old</a><a href=\"/hidden\">h</a>";
          return html;
        });
    for (const auto& h : kHosts) {
      server_->Handle(h, "/doc.pdf", [](const SiteRequest&) {
        SiteResponse r;
        r.content_type = "application/pdf";
        r.body = "%PDF-1.4 " + std::string(5000, 'x');
        return r;
      });
      server_->Handle(h, "/old", [](const SiteRequest&) {
        SiteResponse r;
        r.status = 301;
        r.headers = {{"Location", "/p1"}};
        return r;
      });
      server_->Handle(h, "/hidden", [](const SiteRequest&) {
        SiteResponse r;
        r.body = "<html><head><meta name=\"robots\" content=\"noindex\"></head><body><p>Not for the "
                 "index, but fetched and archived all the same.</p></body></html>";
        return r;
      });
    }
    ASSERT_TRUE(WriteFileAtomic(tmp_.Sub("seeds.txt"), seeds).ok());
    args_ = {"crawl", "--seeds", tmp_.Sub("seeds.txt"), "--out", tmp_.Sub("pages"),
             "--warc", tmp_.Sub("warc"), "--allow-private-networks", "--per-host-delay", "20",
             "--checkpoint-interval", "100", "--no-progress", "--log-level", "debug"};
  }
  void TearDown() override {
    server_->Stop();
    if (HasFailure()) {
      std::string log;
      EXPECT_TRUE(ReadFile(tmp_.Sub("crawl.log"), &log).ok());
      std::fprintf(stderr, "crawl log (tail):\n%s\n", log.substr(log.size() > 6000 ? log.size() - 6000 : 0).c_str());
    }
  }

  // How often each URL was requested from the server.
  std::map<std::string, int> Fetches() const {
    std::map<std::string, int> out;
    for (const auto& e : server_->RequestLog()) ++out[server_->BaseUrl(e.address) + e.target];
    return out;
  }
  size_t PageRequests() const {
    size_t n = 0;
    for (const auto& e : server_->RequestLog()) n += e.target != "/robots.txt";
    return n;
  }
  // The committed WARC state of the checkpoint, parsed; false while none.
  bool CommittedWarc(WarcWriter::State* state) const {
    CrawlCheckpoint cp;
    if (!ReadCheckpoint(tmp_.Sub("pages/_crawl/checkpoint.json"), &cp).ok() || cp.warc_state.empty()) return false;
    return WarcWriter::State::FromJson(cp.warc_state, state).ok();
  }

  testing::TempDir tmp_;
  std::unique_ptr<SiteServer> server_;
  std::vector<std::string> args_;
};

TEST_F(CrawlWarcE2eTest, ArchivesEveryFetchOnceAndRoundTripsThroughExtract) {
  ASSERT_EQ(WaitCorpus(StartCorpus(args_, tmp_.Sub("crawl.log"))), 0);
  const WarcScan scan = ScanWarcDir(tmp_.Sub("warc"));
  ASSERT_FALSE(scan.files.empty());
  EXPECT_TRUE(scan.open_files.empty()) << scan.open_files[0];
  EXPECT_EQ(scan.damage, "");
  EXPECT_TRUE(scan.warcinfo_first);
  EXPECT_TRUE(scan.pairs_linked);
  // Every request the server answered is archived once: pages, robots.txt,
  // the redirect, the 404s, the PDF (cut after its head) and the noindex page.
  const auto fetches = Fetches();
  EXPECT_EQ(scan.responses, fetches);
  EXPECT_EQ(scan.requests, fetches);
  for (const auto& h : kHosts) EXPECT_EQ(scan.responses.count(server_->BaseUrl(h) + "/robots.txt"), 1u) << h;
  EXPECT_EQ(scan.responses.count(server_->BaseUrl(kHosts[0]) + "/doc.pdf"), 1u);

  // The archive is a crawl `extract` reads: the same documents as from pages/.
  const std::string warcs = [&] {
    std::string s;
    for (const auto& f : scan.files) s += " " + f;
    return s;
  }();
  ASSERT_EQ(RunCorpus("extract --in" + warcs + " --out " + tmp_.Sub("docs_warc") + " --no-progress 2>&1").exit_code, 0);
  ASSERT_EQ(RunCorpus("extract --in " + tmp_.Sub("pages") + " --out " + tmp_.Sub("docs_pages") + " --no-progress 2>&1").exit_code, 0);
  const auto from_warc = FieldByUrl(tmp_.Sub("docs_warc"), "text");
  const auto from_pages = FieldByUrl(tmp_.Sub("docs_pages"), "text");
  EXPECT_EQ(from_pages.size(), kHosts.size() * kPagesPerHost);
  for (const auto& [url, text] : from_pages) {
    auto it = from_warc.find(url);
    ASSERT_NE(it, from_warc.end()) << url;
    EXPECT_EQ(it->second, text) << url;
    EXPECT_NE(text.find("The harbour opened at dawn"), std::string::npos) << url;
  }
  // The WARC also holds the pages the crawl kept out of pages/ for noindex.
  const auto rejected = FieldByUrl(tmp_.Sub("pages/rejected"), "id");
  for (const auto& [url, text] : from_warc) {
    if (from_pages.count(url)) continue;
    EXPECT_EQ(url.substr(url.size() - 7), "/hidden") << url;
    EXPECT_EQ(rejected.count(url), 1u) << url;
  }
}

TEST_F(CrawlWarcE2eTest, Kill9ThenResumeArchivesEachFetchOnce) {
  std::vector<std::string> args = args_;
  args.insert(args.end(), {"--warc-max-size", "24KiB"});  // several files, rotated across the kill
  const pid_t pid = StartCorpus(args, tmp_.Sub("crawl.log"));
  // Kill once a checkpoint has committed WARC records and more have been
  // written after it (the tail the resume must cut).
  WarcWriter::State committed;
  auto uncommitted_tail = [&] {
    if (!CommittedWarc(&committed) || committed.closed.empty() || committed.current.empty()) return false;
    struct stat st;
    const std::string open = tmp_.Sub("warc/" + committed.current + ".open");
    return ::stat(open.c_str(), &st) == 0 && static_cast<uint64_t>(st.st_size) > committed.current_bytes;
  };
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline && !(PageRequests() >= 30 && uncommitted_tail())) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  kill(pid, SIGKILL);
  WaitCorpus(pid);
  ASSERT_TRUE(CommittedWarc(&committed));
  ASSERT_LT(PageRequests(), kHosts.size() * kPagesPerHost) << "the crawl finished before the kill";

  ASSERT_EQ(WaitCorpus(StartCorpus(args, tmp_.Sub("crawl.log"))), 0);
  const WarcScan scan = ScanWarcDir(tmp_.Sub("warc"));
  EXPECT_GT(scan.files.size(), 2u);
  EXPECT_TRUE(scan.open_files.empty());
  EXPECT_EQ(scan.damage, "");
  EXPECT_TRUE(scan.warcinfo_first);
  EXPECT_TRUE(scan.pairs_linked);
  // Fetches of the killed run after its last checkpoint were fetched again
  // and their first records are gone: each URL is archived exactly once.
  for (const auto& [uri, n] : scan.responses) EXPECT_EQ(n, 1) << uri;
  EXPECT_EQ(scan.requests, scan.responses);
  const auto pages = FieldByUrl(tmp_.Sub("pages"), "id");
  EXPECT_EQ(pages.size(), kHosts.size() * kPagesPerHost);
  for (const auto& [url, id] : pages) EXPECT_EQ(scan.responses.count(url), 1u) << url;

  const std::string modules = WarcioModules();
  if (!modules.empty()) {
    int code = -1;
    const auto lines = WarcioCheck(modules, scan.files, &code);
    EXPECT_EQ(code, 0) << (lines.empty() ? "" : lines.back());
    ASSERT_FALSE(lines.empty());
    EXPECT_NE(lines.back().find("\"records\":" + std::to_string(scan.records) + ","), std::string::npos)
        << lines.back();
  }
}

TEST_F(CrawlWarcE2eTest, WarcioReadsEveryRecordAndAgreesOnDigestsAndBodies) {
  const std::string modules = WarcioModules();
  if (modules.empty()) GTEST_SKIP() << "node or warcio absent (scripts/install-test-tools.sh installs warcio)";
  ASSERT_EQ(WaitCorpus(StartCorpus(args_, tmp_.Sub("crawl.log"))), 0);
  const WarcScan scan = ScanWarcDir(tmp_.Sub("warc"));
  int code = -1;
  const auto lines = WarcioCheck(modules, scan.files, &code);
  ASSERT_EQ(code, 0) << (lines.empty() ? "" : lines.back());
  ASSERT_EQ(lines.size(), scan.records + 1);
  EXPECT_EQ(lines.back(), "{\"summary\":{\"records\":" + std::to_string(scan.records) + ",\"errors\":[]}}");
  const auto html = FieldByUrl(tmp_.Sub("pages"), "html");
  std::map<std::string, int> types;
  size_t bodies_compared = 0;
  Record rec;
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    ASSERT_TRUE(rec.Parse(lines[i]).ok()) << lines[i];
    const std::string type = rec.GetString("type").value_or("");
    ++types[type];
    EXPECT_NE(rec.GetRaw("block_ok").value_or(""), "false") << lines[i];
    EXPECT_NE(rec.GetRaw("payload_ok").value_or(""), "false") << lines[i];
    if (type == "warcinfo") continue;
    EXPECT_EQ(rec.GetRaw("block_ok").value_or(""), "true") << lines[i];
    if (type != "response") continue;
    EXPECT_EQ(rec.GetRaw("payload_ok").value_or(""), "true") << lines[i];
    // warcio's decoding of the archived (compressed) body gives the page.
    auto page = html.find(rec.GetString("uri").value_or(""));
    if (page == html.end()) continue;
    EXPECT_EQ(rec.GetString("content_sha256").value_or(""), Sha256Hex(page->second)) << page->first;
    ++bodies_compared;
  }
  EXPECT_EQ(bodies_compared, html.size());
  EXPECT_EQ(types["warcinfo"], static_cast<int>(scan.files.size()));
  EXPECT_EQ(types["request"], types["response"]);
}

}  // namespace
}  // namespace corpus
