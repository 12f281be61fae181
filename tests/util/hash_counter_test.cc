#include "corpus/util/hash_counter.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <random>

namespace corpus {
namespace {

TEST(HashCounter, CountsAndRemembersTheFirstPosition) {
  HashCounter c;
  c.Reset(4);
  EXPECT_EQ(c.Add(42, 0), 1u);
  EXPECT_EQ(c.Add(7, 1), 1u);
  EXPECT_EQ(c.Add(42, 2), 2u);
  EXPECT_EQ(c.Add(42, 3), 3u);
  const HashCounter::Entry* e = c.Find(42);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->count, 3u);
  EXPECT_EQ(e->first, 0u);
  EXPECT_EQ(c.Find(7)->first, 1u);
  EXPECT_FALSE(c.Contains(8));
}

TEST(HashCounter, HashZeroIsAKeyLikeAnyOther) {
  HashCounter c;
  c.Reset(2);
  EXPECT_FALSE(c.Contains(0));
  EXPECT_EQ(c.Add(0, 5), 1u);
  EXPECT_EQ(c.Add(0, 6), 2u);
  ASSERT_TRUE(c.Contains(0));
  EXPECT_EQ(c.Find(0)->first, 5u);
}

TEST(HashCounter, SlotsStayPutAndProbingWrapsAround) {
  HashCounter c;
  c.Reset(8);  // 16 slots
  const size_t slots = c.slot_count();
  ASSERT_EQ(slots, 16u);
  // Every key starts probing at the last slot, so the probe wraps to 0.
  std::map<uint64_t, size_t> slot_of;
  for (uint64_t k = 0; k < 8; ++k) {
    const uint64_t hash = (k << 32) | (slots - 1);
    c.Prefetch(hash);
    slot_of[hash] = c.Insert(hash, static_cast<uint32_t>(k));
    EXPECT_LT(slot_of[hash], slots);
  }
  for (const auto& [hash, slot] : slot_of) {
    EXPECT_EQ(c.Insert(hash, 99), slot);
    EXPECT_EQ(c.entry(slot).hash, hash);
    EXPECT_EQ(c.entry(slot).count, 2u);
    EXPECT_EQ(c.entry(slot).first, hash >> 32);
  }
}

TEST(HashCounter, MatchesAMapAndResetForgets) {
  HashCounter c;
  std::mt19937_64 rng(3);
  for (int round = 0; round < 3; ++round) {
    const size_t n = round == 1 ? 50 : 2000;  // a smaller table reuses the memory
    c.Reset(n);
    std::map<uint64_t, uint32_t> expected;
    for (size_t i = 0; i < 3 * n; ++i) {
      const uint64_t hash = rng() % n + 1 + round * 1'000'000ULL;
      EXPECT_EQ(c.Add(hash, static_cast<uint32_t>(i)), ++expected[hash]);
    }
    for (const auto& [hash, count] : expected) EXPECT_EQ(c.Find(hash)->count, count);
    // Keys of the earlier round are gone.
    if (round > 0) {
      EXPECT_FALSE(c.Contains(1 + (round - 1) * 1'000'000ULL));
    }
  }
}

}  // namespace
}  // namespace corpus
