#include "corpus/report/top_k.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

namespace corpus {
namespace {

TEST(FrequentItemsTest, ExactBelowCapacity) {
  FrequentItems f(10);
  for (const char* k : {"en", "fr", "en", "de", "en", "fr"}) f.Add(k);
  f.Add("ja", 4);
  EXPECT_TRUE(f.exact());
  EXPECT_EQ(f.total(), 10u);
  const auto top = f.Top(3);
  ASSERT_EQ(top.size(), 3u);
  EXPECT_EQ(top[0], (std::pair<std::string, uint64_t>{"ja", 4}));
  EXPECT_EQ(top[1], (std::pair<std::string, uint64_t>{"en", 3}));
  EXPECT_EQ(top[2], (std::pair<std::string, uint64_t>{"fr", 2}));
  EXPECT_EQ(f.All().size(), 4u);
}

TEST(FrequentItemsTest, HeavyHittersSurviveManyRareKeysWithinBounds) {
  // A Zipf-like stream: a few heavy keys among 200,000 distinct rare ones.
  FrequentItems f(256);
  std::map<std::string, uint64_t> truth;
  std::mt19937_64 rng(1);
  uint64_t n = 0;
  for (int i = 0; i < 200000; ++i) {
    std::string key = "rare" + std::to_string(i);
    f.Add(key);
    ++truth[key];
    ++n;
    for (int h = 0; h < 5; ++h) {
      if (rng() % (h + 2) == 0) {
        const std::string heavy = "heavy" + std::to_string(h);
        f.Add(heavy);
        ++truth[heavy];
        ++n;
      }
    }
  }
  EXPECT_FALSE(f.exact());
  EXPECT_EQ(f.total(), n);
  EXPECT_LE(f.size(), 256u);
  EXPECT_LE(f.error(), 2 * n / 256);  // the Misra-Gries bound for this purge
  const auto top = f.Top(5);
  ASSERT_EQ(top.size(), 5u);
  for (int h = 0; h < 5; ++h) EXPECT_EQ(top[static_cast<size_t>(h)].first, "heavy" + std::to_string(h));
  for (const auto& [key, count] : f.All()) {
    EXPECT_LE(count, truth[key]) << key;
    EXPECT_GE(count + f.error(), truth[key]) << key;
  }
}

TEST(FrequentItemsTest, MergeAddsCountsAndKeepsBounds) {
  FrequentItems a(8), b(8), all(8);
  for (int i = 0; i < 1000; ++i) {
    const std::string k = "k" + std::to_string(i % 5 == 0 ? 0 : i % 40);
    (i % 2 ? a : b).Add(k);
    all.Add(k);
  }
  a.Merge(b);
  EXPECT_EQ(a.total(), 1000u);
  EXPECT_LE(a.size(), 8u);
  ASSERT_FALSE(a.Top(1).empty());
  EXPECT_EQ(a.Top(1)[0].first, "k0");
  // k0 occurs 200 times (every 5th i; i % 40 == 0 is among them).
  const uint64_t k0 = a.Top(1)[0].second;
  EXPECT_LE(k0, 200u);
  EXPECT_GE(k0 + a.error(), 200u);
}

}  // namespace
}  // namespace corpus
