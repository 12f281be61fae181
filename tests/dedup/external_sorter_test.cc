#include "corpus/dedup/external_sorter.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "testing/temp_dir.h"

namespace corpus::dedup {
namespace {

std::vector<BandEntry> RandomEntries(size_t n) {
  std::mt19937_64 rng(3);
  std::vector<BandEntry> v(n);
  for (auto& e : v) e = BandEntry{rng() % 1000, rng() % 50, static_cast<uint32_t>(rng() % 3)};
  return v;
}

void ExpectSortsLike(size_t n, size_t budget, size_t want_runs) {
  corpus::testing::TempDir tmp;
  const auto input = RandomEntries(n);
  ExternalSorter<BandEntry> sorter(tmp.Sub("s"), budget);
  for (const auto& e : input) ASSERT_TRUE(sorter.Add(e).ok());
  ASSERT_TRUE(sorter.Finish().ok());
  EXPECT_EQ(sorter.runs(), want_runs);
  std::vector<BandEntry> got;
  BandEntry e;
  while (sorter.Next(&e)) got.push_back(e);
  ASSERT_TRUE(sorter.status().ok());
  auto want = input;
  std::sort(want.begin(), want.end());
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_FALSE(got[i] < want[i] || want[i] < got[i]) << i;
  }
}

TEST(ExternalSorter, InMemoryWhenSmall) { ExpectSortsLike(1000, 4096, 0); }

TEST(ExternalSorter, MergesSpilledRuns) { ExpectSortsLike(10000, 1024, 10); }

TEST(ExternalSorter, RemovesRunFiles) {
  corpus::testing::TempDir tmp;
  {
    ExternalSorter<BandEntry> sorter(tmp.Sub("s"), 1024);
    for (const auto& e : RandomEntries(3000)) ASSERT_TRUE(sorter.Add(e).ok());
    ASSERT_TRUE(sorter.Finish().ok());
  }
  EXPECT_TRUE(std::filesystem::is_empty(tmp.path()));
}

}  // namespace
}  // namespace corpus::dedup
