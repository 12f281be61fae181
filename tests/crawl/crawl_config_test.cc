#include "corpus/crawl/crawl_config.h"

#include <gtest/gtest.h>

#include "corpus/crawl/checkpoint.h"

namespace corpus {
namespace {

TEST(CrawlConfigTest, ParsesSizesAndDurations) {
  uint64_t b = 0;
  EXPECT_TRUE(ParseCrawlByteSize("10MiB", &b));
  EXPECT_EQ(b, 10u << 20);
  EXPECT_TRUE(ParseCrawlByteSize("512k", &b));
  EXPECT_EQ(b, 512u * 1024);
  EXPECT_TRUE(ParseCrawlByteSize("1000", &b));
  EXPECT_EQ(b, 1000u);
  EXPECT_FALSE(ParseCrawlByteSize("lots", &b));
  EXPECT_FALSE(ParseCrawlByteSize("5 parsecs", &b));
  int ms = 0;
  EXPECT_TRUE(ParseCrawlDurationMs("30s", &ms));
  EXPECT_EQ(ms, 30000);
  EXPECT_TRUE(ParseCrawlDurationMs("250ms", &ms));
  EXPECT_EQ(ms, 250);
  EXPECT_TRUE(ParseCrawlDurationMs("2m", &ms));
  EXPECT_EQ(ms, 120000);
  EXPECT_FALSE(ParseCrawlDurationMs("soon", &ms));
}

TEST(CrawlConfigTest, FingerprintIgnoresPolitenessButNotScope) {
  CrawlConfig a;
  a.seeds_file = "s.txt";
  a.out_dir = "out";
  CrawlConfig b = a;
  b.concurrency = 8;
  b.per_host_delay_ms = 5;
  EXPECT_EQ(a.ToStageConfig("x").Fingerprint(), b.ToStageConfig("x").Fingerprint());
  b.scope = CrawlScope::kAny;
  EXPECT_NE(a.ToStageConfig("x").Fingerprint(), b.ToStageConfig("x").Fingerprint());
  EXPECT_NE(a.ToStageConfig("x").Fingerprint(), a.ToStageConfig("y").Fingerprint());
}

TEST(CrawlConfigTest, ValidatesFlags) {
  CrawlConfig c;
  EXPECT_TRUE(c.Validate().IsInvalidArgument());  // no seeds
  c.seeds_file = "s.txt";
  c.out_dir = "out";
  EXPECT_TRUE(c.Validate().ok());
  c.include_regex = "([unclosed";
  EXPECT_TRUE(c.Validate().IsInvalidArgument());
  c.include_regex.clear();
  c.concurrency = 0;
  EXPECT_TRUE(c.Validate().IsInvalidArgument());
}

TEST(CrawlCheckpointTest, RoundTrips) {
  CrawlCheckpoint cp;
  cp.fingerprint = "abc";
  cp.config_json = "{\"scope\":\"host\"}";
  cp.next_part = 7;
  OutputFile f;
  f.path = "part-00003.jsonl.zst";
  f.records = 12;
  f.sha256 = "00ff";
  cp.outputs.push_back(f);
  cp.counts.kept = 12;
  cp.counts.rejected_by_rule["robots"] = 2;
  cp.frontier.written = {10, 20};
  cp.frontier.read = {10, 5};
  cp.frontier.pending_file = "pending-4.q";
  cp.seen_log_length = 800;
  cp.scope_extra = {"www.a.test"};
  CrawlCheckpoint back;
  ASSERT_TRUE(CrawlCheckpoint::FromJson(cp.ToJson(), &back).ok());
  EXPECT_EQ(back.fingerprint, "abc");
  EXPECT_EQ(back.next_part, 7u);
  ASSERT_EQ(back.outputs.size(), 1u);
  EXPECT_EQ(back.outputs[0].path, f.path);
  EXPECT_EQ(back.outputs[0].records, 12u);
  EXPECT_EQ(back.counts.kept, 12u);
  EXPECT_EQ(back.counts.rejected_by_rule["robots"], 2u);
  EXPECT_EQ(back.frontier.written, cp.frontier.written);
  EXPECT_EQ(back.frontier.read, cp.frontier.read);
  EXPECT_EQ(back.frontier.pending_file, "pending-4.q");
  EXPECT_EQ(back.seen_log_length, 800u);
  EXPECT_EQ(back.scope_extra, cp.scope_extra);
  EXPECT_FALSE(CrawlCheckpoint::FromJson("not json", &back).ok());
}

}  // namespace
}  // namespace corpus
