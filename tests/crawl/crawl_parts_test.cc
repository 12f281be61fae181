// The crawler's part files: one pair across checkpoints, rolled at the record
// limit, each record written once, the manifest naming every part.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "corpus/crawl/crawler.h"
#include "corpus/site/site_server.h"
#include "corpus/util/fs.h"
#include "crawl/crawl_test_util.h"
#include "testing/temp_dir.h"

namespace corpus {
namespace {

constexpr int kPages = 120;

class CrawlPartsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SiteServer::Options o;
    o.addresses = {"127.0.0.2"};
    server_ = std::make_unique<SiteServer>(o);
    // Page i links pages 4i+1 .. 4i+4 and one missing page (a rejected line).
    // The missing pages have a shape of their own: a leaf page linking one
    // URL of its own shape would feed a chain (docs/crawl-traps.md), and
    // which of those links the trap budget refuses depends on the order the
    // pages are parsed in.
    server_->Handle("127.0.0.2", "/p/*", [](const SiteRequest& q) {
      const int i = std::atoi(q.path.c_str() + 3);
      SiteResponse r;
      if (i >= kPages) {
        r.status = 404;
        return r;
      }
      r.body = "<html><body><p>page " + std::to_string(i) + "</p>";
      for (int k = 4 * i + 1; k <= 4 * i + 4 && k < kPages; ++k) {
        r.body += "<a href=\"/p/" + std::to_string(k) + "\">l</a>";
      }
      r.body += "<a href=\"/gone/" + std::to_string(i) + "\">gone</a></body></html>";
      return r;
    });
    server_->Handle("127.0.0.2", "/gone/*", [](const SiteRequest&) {
      SiteResponse r;
      r.status = 404;
      return r;
    });
    ASSERT_TRUE(server_->Start().ok());
    ASSERT_TRUE(WriteFileAtomic(tmp_.Sub("seeds.txt"), server_->BaseUrl("127.0.0.2") + "/p/0\n").ok());
  }
  void TearDown() override { server_->Stop(); }

  std::vector<std::string> Parts(const std::string& sub) {
    std::vector<std::string> files;
    EXPECT_TRUE(ExpandGlob(tmp_.Sub("out/" + sub + "part-*.jsonl.zst"), &files).ok());
    return files;
  }

  // The rejected lines of pages that exist (each page's one missing link is
  // rejected by design), to say why a crawl came out short.
  std::string Unexpected() {
    std::string out;
    for (const auto& [url, line] : testing::ReadRecordsByUrl(tmp_.Sub("out/rejected"))) {
      if (url.find("/gone/") == std::string::npos) out += line + "\n";
    }
    return out;
  }

  testing::TempDir tmp_;
  std::unique_ptr<SiteServer> server_;
};

TEST_F(CrawlPartsTest, ManyCheckpointsOnePart) {
  CrawlConfig c = testing::TestCrawlConfig(tmp_.Sub("seeds.txt"), tmp_.Sub("out"));
  c.checkpoint_interval_ms = 50;  // many checkpoints in a short crawl
  Crawler crawler(c);
  ASSERT_TRUE(crawler.Run().status.ok());
  EXPECT_EQ(Parts("").size(), 1u);
  EXPECT_EQ(Parts("rejected/").size(), 1u);
  EXPECT_EQ(testing::ReadRecordsByUrl(tmp_.Sub("out")).size(), static_cast<size_t>(kPages)) << Unexpected();
}

TEST_F(CrawlPartsTest, RollsAtTheRecordLimitWritingEachRecordOnce) {
  CrawlConfig c = testing::TestCrawlConfig(tmp_.Sub("seeds.txt"), tmp_.Sub("out"));
  c.part_max_records = 25;
  Crawler crawler(c);
  ASSERT_TRUE(crawler.Run().status.ok());
  const size_t parts = Parts("").size();
  EXPECT_GE(parts, static_cast<size_t>(kPages / 25));
  EXPECT_LE(parts, static_cast<size_t>(kPages / 25) + 3);
  int duplicates = 0;
  EXPECT_EQ(testing::ReadRecordsByUrl(tmp_.Sub("out"), &duplicates).size(), static_cast<size_t>(kPages)) << Unexpected();
  EXPECT_EQ(duplicates, 0);
  std::string manifest;
  ASSERT_TRUE(ReadFile(tmp_.Sub("out/_manifest.json"), &manifest).ok());
  for (const auto& f : Parts("")) {
    EXPECT_NE(manifest.find(BaseName(f)), std::string::npos) << f;
  }
  std::vector<std::string> temps;
  ExpandGlob(tmp_.Sub("out/*.tmp"), &temps).IgnoreError();  // an error when nothing matches
  EXPECT_TRUE(temps.empty()) << temps.front();
}

}  // namespace
}  // namespace corpus
