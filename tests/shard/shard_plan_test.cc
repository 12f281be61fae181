#include "corpus/shard/shard_plan.h"

#include <gtest/gtest.h>

#include <random>

#include "corpus/shard/shuffle_key.h"

namespace corpus {
namespace {

ShardConfig BySize(uint64_t target) {
  ShardConfig c;
  c.target_bytes = target;
  return c;
}

// Walks records of the given sizes through the plan, as pack does, and
// returns the number of records per shard.
std::vector<uint64_t> Assign(const SplitPlan& plan, const std::vector<uint64_t>& sizes) {
  std::vector<uint64_t> per_shard(plan.shards(), 0);
  uint64_t pos = 0;
  uint64_t prev = 0;
  for (uint64_t s : sizes) {
    const uint64_t shard = plan.ShardOf(pos);
    EXPECT_LT(shard, plan.shards());
    EXPECT_GE(shard, prev);
    EXPECT_LE(shard, prev + 1) << "a shard index was skipped";
    prev = shard;
    per_shard[shard]++;
    pos += plan.Advance(s);
  }
  return per_shard;
}

TEST(SplitPlanTest, BalancedShardsUnderTarget) {
  std::vector<uint64_t> sizes(1000, 100);  // 100 kB in 100-byte records
  SplitPlan plan(0, {1000}, {100000}, 100, BySize(30000));
  EXPECT_EQ(plan.shards(), 4u);  // ceil(100000 / 30000)
  const auto per = Assign(plan, sizes);
  for (uint64_t n : per) EXPECT_EQ(n, 250u);
  EXPECT_EQ(plan.ShardUnit(3), "train-00003-of-00004");
  EXPECT_EQ(plan.ShardFileName(0), "train-00000-of-00004.jsonl.zst");
}

TEST(SplitPlanTest, DocsPerShardLastShardSmaller) {
  ShardConfig c;
  c.target_bytes = 0;
  c.docs_per_shard = 3;
  SplitPlan plan(1, {4, 6}, {40, 60}, 10, c);
  EXPECT_EQ(plan.shards(), 4u);
  const auto per = Assign(plan, std::vector<uint64_t>(10, 10));
  EXPECT_EQ(per, (std::vector<uint64_t>{3, 3, 3, 1}));
  EXPECT_EQ(plan.ShardUnit(0), "validation-00000-of-00004");
}

TEST(SplitPlanTest, HugeRecordShrinksShardCountInsteadOfLeavingEmptyShards) {
  // 9 small records and one of half the total: ceil(T/t) = 10 would skip
  // indexes; the plan takes floor(T/max) = 2 shards.
  std::vector<uint64_t> sizes = {10, 10, 10, 100, 10, 10, 10, 10, 10, 10};
  SplitPlan plan(0, {10}, {200}, 100, BySize(20));
  EXPECT_EQ(plan.shards(), 2u);
  for (uint64_t n : Assign(plan, sizes)) EXPECT_GT(n, 0u);
}

TEST(SplitPlanTest, RandomSizesNeverGiveEmptyShards) {
  std::mt19937_64 rng(7);
  for (int trial = 0; trial < 200; ++trial) {
    const size_t n = 1 + rng() % 300;
    std::vector<uint64_t> sizes(n);
    uint64_t total = 0, max = 0;
    for (auto& s : sizes) {
      s = 1 + (rng() % 10 == 0 ? rng() % 5000 : rng() % 200);
      total += s;
      max = std::max(max, s);
    }
    const uint64_t target = 1 + rng() % 3000;
    SplitPlan plan(0, {n}, {total}, max, BySize(target));
    ASSERT_GE(plan.shards(), 1u);
    const auto per = Assign(plan, sizes);
    for (uint64_t c : per) ASSERT_GT(c, 0u) << "trial " << trial;
  }
}

TEST(SplitPlanTest, BucketsOfShardCoverEveryRecordOfTheShard) {
  // Three buckets of 5 records of 10 bytes; 4 shards.
  SplitPlan plan(0, {5, 5, 5}, {50, 50, 50}, 10, BySize(40));
  ASSERT_EQ(plan.shards(), 4u);
  uint64_t pos = 0;
  for (uint32_t b = 0; b < 3; ++b) {
    EXPECT_EQ(plan.BucketStart(b), pos);
    for (int i = 0; i < 5; ++i, pos += 10) {
      uint32_t first, last;
      plan.BucketsOfShard(plan.ShardOf(pos), &first, &last);
      EXPECT_LE(first, b);
      EXPECT_GE(last, b);
    }
  }
}

TEST(SplitPlanTest, EmptySplitHasNoShards) {
  SplitPlan plan(1, {0, 0}, {0, 0}, 0, BySize(100));
  EXPECT_EQ(plan.shards(), 0u);
}

TEST(ShuffleKeyTest, BucketsAreMonotoneKeyRanges) {
  EXPECT_EQ(BucketOfKey(0, 7), 0u);
  EXPECT_EQ(BucketOfKey(~0ull, 7), 6u);
  uint32_t prev = 0;
  for (uint64_t k = 0; k < 64; ++k) {
    const uint32_t b = BucketOfKey(k << 58, 5);
    EXPECT_GE(b, prev);
    prev = b;
  }
}

TEST(ShuffleKeyTest, SeedChangesKeysButValidationSplitIgnoresSeed) {
  EXPECT_NE(ShuffleKey(1, "doc-1"), ShuffleKey(2, "doc-1"));
  EXPECT_EQ(ShuffleKey(1, "doc-1"), ShuffleKey(1, "doc-1"));
  int held = 0;
  for (int i = 0; i < 20000; ++i) held += InValidationSplit("doc-" + std::to_string(i), 0.1);
  EXPECT_GT(held, 1700);
  EXPECT_LT(held, 2300);
  EXPECT_FALSE(InValidationSplit("doc-1", 0));
  // A larger fraction only adds documents to the held-out side.
  for (int i = 0; i < 2000; ++i) {
    const std::string id = "doc-" + std::to_string(i);
    if (InValidationSplit(id, 0.05)) {
      EXPECT_TRUE(InValidationSplit(id, 0.2)) << id;
    }
  }
}

}  // namespace
}  // namespace corpus
