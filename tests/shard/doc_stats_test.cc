#include "corpus/shard/doc_stats.h"

#include <gtest/gtest.h>

#include "corpus/shard/shard_config.h"

namespace corpus {
namespace {

TEST(DocStatsTest, WordsAndCharacters) {
  EXPECT_EQ(CountWords(""), 0u);
  EXPECT_EQ(CountWords("  one two\n\nthree\t"), 3u);
  // The product's one segmenter: punctuation alone is no word, and Chinese
  // is split into dictionary words ("我们 去 公园 散步").
  EXPECT_EQ(CountWords("one - two ,"), 2u);
  EXPECT_EQ(CountWords("我们去公园散步。"), 4u);
  EXPECT_EQ(CountCharacters("h\xC3\xA9llo \xE4\xB8\xAD"), 7u);  // héllo 中
}

TEST(DocStatsTest, CountersRoundTripAndStayOutOfStageCounters) {
  ReleaseStats s;
  s.AddDocument(10, 50, "en");
  s.AddDocument(120, 600, "fr");
  s.AddDocument(20000, 1, "");
  StageCounts c;
  c.counters["other"] = 4;
  s.ToCounters(&c);
  ReleaseStats back = ReleaseStats::TakeFromCounters(&c);
  EXPECT_EQ(c.counters.size(), 1u);
  EXPECT_EQ(back.documents, 3u);
  EXPECT_EQ(back.words, 20130u);
  EXPECT_EQ(back.languages["unknown"], 1u);
  EXPECT_EQ(back.length_histogram[0], 1u);                // 0-49
  EXPECT_EQ(back.length_histogram[2], 1u);                // 100-249
  EXPECT_EQ(back.length_histogram.back(), 1u);            // 10000+
  EXPECT_EQ(ReleaseStats::BinLabel(0), "0-49");
  EXPECT_EQ(ReleaseStats::BinLabel(ReleaseStats::kLengthBins.size()), "10000+");
}

TEST(ShardConfigTest, ByteSizes) {
  uint64_t b = 0;
  ASSERT_TRUE(ParseByteSize("256MiB", &b).ok());
  EXPECT_EQ(b, 256ull << 20);
  ASSERT_TRUE(ParseByteSize("1GB", &b).ok());
  EXPECT_EQ(b, 1000000000ull);
  ASSERT_TRUE(ParseByteSize("4096", &b).ok());
  EXPECT_EQ(b, 4096u);
  ASSERT_TRUE(ParseByteSize("1.5k", &b).ok());
  EXPECT_EQ(b, 1536u);
  EXPECT_FALSE(ParseByteSize("MiB", &b).ok());
  EXPECT_FALSE(ParseByteSize("12 parsecs", &b).ok());
  EXPECT_FALSE(ParseByteSize("0", &b).ok());
}

TEST(ShardConfigTest, Validation) {
  ShardConfig c;
  EXPECT_TRUE(c.Validate().ok());
  c.docs_per_shard = 5;
  EXPECT_FALSE(c.Validate().ok());  // both size and count
  c.target_bytes = 0;
  EXPECT_TRUE(c.Validate().ok());
  c.val_fraction = 1;
  EXPECT_FALSE(c.Validate().ok());
  c.val_fraction = 0;
  c.fields = {"id", "id"};
  EXPECT_FALSE(c.Validate().ok());
}

}  // namespace
}  // namespace corpus
