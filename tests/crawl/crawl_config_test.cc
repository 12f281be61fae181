#include "corpus/crawl/crawl_config.h"

#include <gtest/gtest.h>

#include "corpus/crawl/checkpoint.h"

namespace corpus {
namespace {

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
  cp.host_log_length = 321;
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
  EXPECT_EQ(back.host_log_length, 321u);
  EXPECT_EQ(back.scope_extra, cp.scope_extra);
  EXPECT_FALSE(CrawlCheckpoint::FromJson("not json", &back).ok());
}

}  // namespace
}  // namespace corpus
