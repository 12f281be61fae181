#include "corpus/dedup/minhash.h"

#include <gtest/gtest.h>

#include <cmath>

#include "corpus/dedup/text_normalizer.h"
#include "dedup/dedup_test_util.h"

namespace corpus::dedup {
namespace {

CompactSignature Sign(const MinHasher& h, const std::string& text) {
  std::vector<uint64_t> sig;
  EXPECT_TRUE(h.Compute(NormalizeDedupText(text), &sig));
  CompactSignature c(sig.size());
  CompactSignatureOf(sig, c.data());
  return c;
}

TEST(MinHasher, DefaultsAreFineWebs) {
  MinHashParams p;
  EXPECT_EQ(p.ngram, 5);
  EXPECT_EQ(p.bands, 14);
  EXPECT_EQ(p.rows, 8);
  EXPECT_EQ(p.num_hashes(), 112);
}

TEST(MinHasher, NormalisedEqualTextsHaveEqualSignatures) {
  MinHasher h{MinHashParams{}};
  const auto a = Sign(h, "The quick brown fox jumps over the lazy dog in 2023.");
  const auto b = Sign(h, "the QUICK brown fox -- jumps over the lazy dog in 1999");
  EXPECT_EQ(a, b);
  EXPECT_DOUBLE_EQ(EstimateJaccard(a.data(), b.data(), 112), 1.0);
}

TEST(MinHasher, EmptyTextHasNoSignature) {
  MinHasher h{MinHashParams{}};
  std::vector<uint64_t> sig;
  EXPECT_FALSE(h.Compute("", &sig));
  EXPECT_TRUE(sig.empty());
  EXPECT_TRUE(h.Compute("short", &sig));  // fewer words than n: one shingle
  EXPECT_EQ(sig.size(), 112u);
}

TEST(MinHasher, SeedChangesThePermutations) {
  MinHashParams p;
  MinHasher a(p);
  p.seed = 2;
  MinHasher b(p);
  EXPECT_NE(Sign(a, "one two three four five six"), Sign(b, "one two three four five six"));
}

TEST(MinHasher, EstimateTracksExactJaccard) {
  // Over many pairs the mean absolute error of a 112-hash estimate is about
  // sqrt(J(1-J)/112) * 0.8, i.e. below 0.05.
  testing::CorpusGenerator gen(7);
  MinHasher h{MinHashParams{}};
  double total_error = 0;
  int pairs = 0;
  for (double target : {0.9, 0.8, 0.7, 0.5, 0.3}) {
    for (int i = 0; i < 10; ++i) {
      const auto words = gen.Words(200);
      const auto variant = gen.Variant(words, target);
      const std::string a = testing::CorpusGenerator::Join(words);
      const std::string b = testing::CorpusGenerator::Join(variant);
      const double exact = testing::ExactJaccard(testing::Shingles(a, 5), testing::Shingles(b, 5));
      const auto sa = Sign(h, a), sb = Sign(h, b);
      total_error += std::fabs(EstimateJaccard(sa.data(), sb.data(), 112) - exact);
      ++pairs;
    }
  }
  EXPECT_LT(total_error / pairs, 0.05);
}

TEST(MinHasher, BandHashesDifferAcrossBandsAndMatchForEqualRows) {
  MinHasher h{MinHashParams{}};
  std::vector<uint64_t> sig(112, 42), bands;
  h.BandHashes(sig, &bands);
  ASSERT_EQ(bands.size(), 14u);
  EXPECT_NE(bands[0], bands[1]);  // same rows, different band
  std::vector<uint64_t> other = sig, other_bands;
  other[8] = 7;  // first row of band 1
  h.BandHashes(other, &other_bands);
  EXPECT_EQ(bands[0], other_bands[0]);
  EXPECT_NE(bands[1], other_bands[1]);
}

// A Chinese page and a near copy (three characters changed, a header and a
// footer added): with shingles over dictionary words the pair's Jaccard is
// high and the signatures agree as much; over whitespace tokens (one token
// per sentence) the two would share almost nothing.
TEST(MinHasher, ChineseNearCopyIsNearDuplicate) {
  const std::string page =
      "\u6625\u5929\u6765\u4e86\uff0c\u516c\u56ed\u91cc\u7684\u82b1\u90fd\u5f00\u4e86\u3002"  // 春天来了，公园里的花都开了。
      "\u5b69\u5b50\u4eec\u5728\u8349\u5730\u4e0a\u8dd1\u6765\u8dd1\u53bb\uff0c"              // 孩子们在草地上跑来跑去，
      "\u8001\u4eba\u4eec\u5750\u5728\u6811\u4e0b\u804a\u5929\u3002"                            // 老人们坐在树下聊天。
      "\u6211\u4eec\u6cbf\u7740\u6e56\u8fb9\u6162\u6162\u5730\u8d70\uff0c"                      // 我们沿着湖边慢慢地走，
      "\u770b\u89c1\u5f88\u591a\u5c0f\u8239\u5728\u6c34\u4e0a\u6f02\u3002"                      // 看见很多小船在水上漂。
      "\u4e2d\u5348\u6211\u4eec\u5728\u9910\u5385\u5403\u996d\uff0c"                            // 中午我们在餐厅吃饭，
      "\u4e0b\u5348\u53c8\u53bb\u535a\u7269\u9986\u53c2\u89c2\u4e86\u5386\u53f2\u5c55\u89c8\u3002"  // 下午又去博物馆参观了历史展览。
      "\u665a\u4e0a\u56de\u5bb6\u7684\u65f6\u5019\uff0c\u5927\u5bb6\u90fd\u5f88\u7d2f\uff0c"  // 晚上回家的时候，大家都很累，
      "\u4f46\u662f\u5fc3\u91cc\u5f88\u9ad8\u5174\u3002";                                       // 但是心里很高兴。
  std::string page4;
  for (int i = 0; i < 4; ++i) page4 += page + "\n\n";
  std::string near = page4;
  near.replace(near.find("\u9910\u5385"), 6, "\u996d\u5e97");  // 餐厅 -> 饭店
  near = "\u9996\u9875 | \u65b0\u95fb\n\n" + near + "\u7248\u6743\u6240\u6709";  // 首页 | 新闻 ... 版权所有
  const double exact = testing::ExactJaccard(testing::Shingles(page4, 5), testing::Shingles(near, 5));
  EXPECT_GT(exact, 0.85);
  MinHasher h{MinHashParams{}};
  const CompactSignature a = Sign(h, page4), b = Sign(h, near);
  EXPECT_GT(EstimateJaccard(a.data(), b.data(), static_cast<int>(a.size())), 0.75);
}

}  // namespace
}  // namespace corpus::dedup
