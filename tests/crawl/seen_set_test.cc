#include "corpus/crawl/seen_set.h"

#include <gtest/gtest.h>

#include "testing/temp_dir.h"

namespace corpus {
namespace {

TEST(SeenSetTest, InsertsOnce) {
  testing::TempDir tmp;
  SeenSet seen(tmp.path(), 1000);
  ASSERT_TRUE(seen.Open(0).ok());
  EXPECT_TRUE(seen.Insert("http://a.test/"));
  EXPECT_FALSE(seen.Insert("http://a.test/"));
  EXPECT_TRUE(seen.Contains("http://a.test/"));
  EXPECT_FALSE(seen.Contains("http://b.test/"));
  EXPECT_EQ(seen.size(), 1u);
}

TEST(SeenSetTest, SpillsToRunsAndStillFindsEverything) {
  testing::TempDir tmp;
  SeenSet seen(tmp.path(), 100);  // tiny budget: many spills and merges
  ASSERT_TRUE(seen.Open(0).ok());
  for (uint64_t i = 0; i < 5000; ++i) {
    ASSERT_TRUE(seen.InsertHash(i * 0x9E3779B97F4A7C15ull + 7)) << i;
  }
  EXPECT_GT(seen.runs(), 0u);
  EXPECT_LE(seen.runs(), 9u);  // merged when more than 8
  for (uint64_t i = 0; i < 5000; ++i) {
    EXPECT_FALSE(seen.InsertHash(i * 0x9E3779B97F4A7C15ull + 7)) << i;
  }
  EXPECT_FALSE(seen.ContainsHash(12345));
  EXPECT_EQ(seen.size(), 5000u);
  EXPECT_TRUE(seen.status().ok());
}

TEST(SeenSetTest, ReopenKeepsOnlyTheSyncedPrefix) {
  testing::TempDir tmp;
  uint64_t committed = 0;
  {
    SeenSet seen(tmp.path(), 64);
    ASSERT_TRUE(seen.Open(0).ok());
    for (int i = 0; i < 200; ++i) seen.Insert("http://a.test/" + std::to_string(i));
    ASSERT_TRUE(seen.Sync(&committed).ok());
    for (int i = 200; i < 300; ++i) seen.Insert("http://a.test/" + std::to_string(i));
    uint64_t later;
    ASSERT_TRUE(seen.Sync(&later).ok());  // written, but not named by a checkpoint
  }
  SeenSet seen(tmp.path(), 64);
  ASSERT_TRUE(seen.Open(committed).ok());
  EXPECT_EQ(seen.size(), 200u);
  EXPECT_TRUE(seen.Contains("http://a.test/199"));
  EXPECT_FALSE(seen.Contains("http://a.test/200"));
  EXPECT_TRUE(seen.Insert("http://a.test/250"));
}

TEST(SeenSetTest, MemoryStaysBoundedBeyondBudget) {
  testing::TempDir tmp;
  SeenSet seen(tmp.path(), 4096);
  ASSERT_TRUE(seen.Open(0).ok());
  for (uint64_t i = 1; i <= 200000; ++i) seen.InsertHash(i * 0x9E3779B97F4A7C15ull);
  // Table of at most 8192 slots plus sparse run indexes (1 key in 512).
  EXPECT_LT(seen.MemoryBytes(), 8192 * 8 + 200000 / 512 * 8 + 64 * 1024);
}

}  // namespace
}  // namespace corpus
