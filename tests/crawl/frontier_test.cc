#include "corpus/crawl/frontier.h"

#include <gtest/gtest.h>

#include "testing/temp_dir.h"

namespace corpus {
namespace {

FrontierEntry Entry(const std::string& url, int depth) {
  FrontierEntry e;
  e.url = url;
  e.depth = depth;
  return e;
}

TEST(FrontierEntryTest, RoundTrips) {
  FrontierEntry e = Entry("http://a.test/x?y=1", 3);
  e.hops = 2;
  e.retries = 1;
  e.kind = FrontierEntry::kSitemap;
  e.etag = "\"abc\tdef\"";
  e.last_modified = "Tue, 01 Jan 2030 00:00:00 GMT";
  FrontierEntry back;
  ASSERT_TRUE(FrontierEntry::Parse(e.Serialize(), &back));
  EXPECT_EQ(back.url, e.url);
  EXPECT_EQ(back.depth, 3);
  EXPECT_EQ(back.hops, 2);
  EXPECT_EQ(back.retries, 1);
  EXPECT_EQ(back.kind, FrontierEntry::kSitemap);
  EXPECT_EQ(back.etag, "\"abc def\"");  // tabs cannot survive the line format
  EXPECT_EQ(back.last_modified, e.last_modified);
  EXPECT_FALSE(FrontierEntry::Parse("garbage", &back));
}

TEST(FrontierTest, PopsLowestDepthFirst) {
  testing::TempDir tmp;
  Frontier f(tmp.path());
  ASSERT_TRUE(f.Open(FrontierState{}).ok());
  ASSERT_TRUE(f.Push(Entry("http://a.test/2", 2)).ok());
  ASSERT_TRUE(f.Push(Entry("http://a.test/0", 0)).ok());
  ASSERT_TRUE(f.Push(Entry("http://a.test/1", 1)).ok());
  ASSERT_TRUE(f.Push(Entry("http://a.test/0b", 0)).ok());
  EXPECT_EQ(f.size(), 4u);
  FrontierEntry e;
  std::vector<std::string> order;
  while (f.Pop(&e)) order.push_back(e.url);
  EXPECT_EQ(order, (std::vector<std::string>{"http://a.test/0", "http://a.test/0b",
                                             "http://a.test/1", "http://a.test/2"}));
  EXPECT_EQ(f.size(), 0u);
}

TEST(FrontierTest, ResumesFromCheckpointDiscardingLaterAppends) {
  testing::TempDir tmp;
  FrontierState state;
  {
    Frontier f(tmp.path());
    ASSERT_TRUE(f.Open(FrontierState{}).ok());
    for (int i = 0; i < 5; ++i) ASSERT_TRUE(f.Push(Entry("http://a.test/" + std::to_string(i), 0)).ok());
    FrontierEntry popped;
    ASSERT_TRUE(f.Pop(&popped));  // /0 is in memory (in flight) at the checkpoint
    ASSERT_TRUE(f.Checkpoint({&popped}, &state).ok());
    // After the checkpoint: more pops and pushes that a crash loses.
    ASSERT_TRUE(f.Pop(&popped));
    ASSERT_TRUE(f.Push(Entry("http://a.test/late", 1)).ok());
    FrontierState ignored;
    ASSERT_TRUE(f.Checkpoint({}, &ignored).ok());
  }
  Frontier f(tmp.path());
  ASSERT_TRUE(f.Open(state).ok());
  std::vector<FrontierEntry> pending;
  ASSERT_TRUE(f.LoadPending(&pending).ok());
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending[0].url, "http://a.test/0");
  EXPECT_EQ(f.size(), 4u);
  FrontierEntry e;
  std::vector<std::string> order;
  while (f.Pop(&e)) order.push_back(e.url);
  EXPECT_EQ(order, (std::vector<std::string>{"http://a.test/1", "http://a.test/2",
                                             "http://a.test/3", "http://a.test/4"}));
}

}  // namespace
}  // namespace corpus
