// `corpus crawl` as a process: kill -9 and resume, SIGTERM and resume
//, against an in-process SiteServer.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "corpus/crawl/checkpoint.h"
#include "corpus/site/site_server.h"
#include "corpus/io/record.h"
#include "corpus/io/record_source.h"
#include "corpus/util/fs.h"
#include "testing/linked_site.h"
#include "testing/run_binary.h"
#include "testing/temp_dir.h"

namespace corpus {
namespace {

constexpr int kPagesPerHost = 25;
const std::vector<std::string> kHosts = {"127.0.0.2", "127.0.0.3", "127.0.0.4"};

using testing::StartCorpus;
using testing::WaitCorpus;

// url -> number of records with it, over the given files.
void CountRecords(const std::vector<std::string>& files, std::map<std::string, int>* out) {
  Record rec;
  for (const auto& f : files) {
    std::unique_ptr<RecordSource> src;
    if (!OpenRecordSource(f, &src).ok()) continue;
    std::string_view line;
    while (src->Next(&line)) {
      if (rec.Parse(line).ok()) (*out)[rec.GetString("url").value_or("")]++;
    }
  }
}

class CrawlE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SiteServer::Options o;
    o.addresses = kHosts;
    server_ = std::make_unique<SiteServer>(o);
    ASSERT_TRUE(server_->Start().ok());
    const std::string seeds = testing::ServeLinkedPages(server_.get(), kHosts, kPagesPerHost);
    ASSERT_TRUE(WriteFileAtomic(tmp_.Sub("seeds.txt"), seeds).ok());
    args_ = {"crawl", "--seeds", tmp_.Sub("seeds.txt"), "--out", tmp_.Sub("pages"),
             "--allow-private-networks", "--per-host-delay", "25", "--checkpoint-interval", "100",
             "--no-progress", "--log-level", "debug"};
  }
  void TearDown() override {
    server_->Stop();
    if (HasFailure()) {
      std::string log;
      EXPECT_TRUE(ReadFile(tmp_.Sub("crawl.log"), &log).ok());
      std::fprintf(stderr, "crawl log:\n%s\n", log.c_str());
    }
  }

  size_t PageRequests() const {
    size_t n = 0;
    for (const auto& e : server_->RequestLog()) n += e.target != "/robots.txt";
    return n;
  }
  void WaitForPageRequests(size_t n) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (PageRequests() < n && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
  // URLs of the page shards named by the checkpoint: what is committed.
  std::set<std::string> CommittedUrls() {
    CrawlCheckpoint cp;
    std::set<std::string> urls;
    if (!ReadCheckpoint(tmp_.Sub("pages/_crawl/checkpoint.json"), &cp).ok()) return urls;
    std::vector<std::string> files;
    for (const auto& f : cp.outputs) {
      if (f.path.rfind("rejected/", 0) != 0) files.push_back(tmp_.Sub("pages/" + f.path));
    }
    // A part still open holds committed records up to its checkpointed length.
    for (const auto& f : cp.open_parts) {
      if (f.path.rfind("rejected/", 0) == 0) continue;
      std::string bytes;
      if (!ReadFile(tmp_.Sub("pages/" + f.path + ".tmp"), &bytes).ok()) continue;
      EXPECT_GE(bytes.size(), f.file_bytes);
      bytes.resize(std::min<size_t>(bytes.size(), f.file_bytes));
      const std::string copy = tmp_.Sub("committed-" + std::to_string(files.size()) + ".jsonl.zst");
      EXPECT_TRUE(WriteFileAtomic(copy, bytes).ok());
      files.push_back(copy);
    }
    std::map<std::string, int> counts;
    CountRecords(files, &counts);
    for (const auto& [u, n] : counts) urls.insert(u);
    return urls;
  }
  // `parts`: kept part files expected (checkpoints append to one part).
  void ExpectCompleteCrawl(size_t parts) {
    std::vector<std::string> files;
    ASSERT_TRUE(ResolveInputs({tmp_.Sub("pages")}, &files).ok());
    EXPECT_EQ(files.size(), parts);
    std::map<std::string, int> counts;
    CountRecords(files, &counts);
    EXPECT_EQ(counts.size(), kHosts.size() * kPagesPerHost);
    for (const auto& [url, n] : counts) EXPECT_EQ(n, 1) << url << " written twice";
    EXPECT_TRUE(PathExists(tmp_.Sub("pages/_manifest.json")));
  }

  testing::TempDir tmp_;
  std::unique_ptr<SiteServer> server_;
  std::vector<std::string> args_;
};

TEST_F(CrawlE2eTest, Kill9ThenResumeFetchesNoCommittedPageAgain) {
  pid_t pid = StartCorpus(args_, tmp_.Sub("crawl.log"));
  WaitForPageRequests(20);
  // Kill once a checkpoint has committed pages, while the crawl still runs.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (CommittedUrls().empty() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  kill(pid, SIGKILL);
  WaitCorpus(pid);
  const std::set<std::string> committed = CommittedUrls();
  EXPECT_FALSE(committed.empty());
  EXPECT_LT(committed.size(), kHosts.size() * kPagesPerHost);
  const size_t before = server_->RequestLog().size();

  ASSERT_EQ(WaitCorpus(StartCorpus(args_, tmp_.Sub("crawl.log"))), 0);
  const auto log = server_->RequestLog();
  std::map<std::string, int> fetched_after;
  for (size_t i = before; i < log.size(); ++i) {
    if (log[i].target == "/robots.txt") continue;
    const std::string url = server_->BaseUrl(log[i].address) + log[i].target;
    EXPECT_EQ(committed.count(url), 0u) << url << " was committed yet fetched again";
    EXPECT_EQ(++fetched_after[url], 1) << url << " fetched twice by the resumed run";
  }
  // The part open at the kill is cut back to its checkpoint and continued.
  ExpectCompleteCrawl(1);
}

TEST_F(CrawlE2eTest, SigtermCheckpointsAndExitsZero) {
  pid_t pid = StartCorpus(args_, tmp_.Sub("crawl.log"));
  WaitForPageRequests(10);
  kill(pid, SIGTERM);
  EXPECT_EQ(WaitCorpus(pid), 0);
  EXPECT_FALSE(PathExists(tmp_.Sub("pages/_manifest.json")));
  EXPECT_FALSE(CommittedUrls().empty());
  ASSERT_EQ(WaitCorpus(StartCorpus(args_, tmp_.Sub("crawl.log"))), 0);
  // A graceful stop commits everything it fetched: no page is fetched twice.
  std::map<std::string, int> all;
  for (const auto& e : server_->RequestLog()) {
    if (e.target != "/robots.txt") {
      EXPECT_EQ(++all[e.address + e.target], 1) << e.target;
    }
  }
  // A stop finishes the open part; the resumed run writes the next.
  ExpectCompleteCrawl(2);
}

}  // namespace
}  // namespace corpus
