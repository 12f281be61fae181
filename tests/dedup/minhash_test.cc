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

}  // namespace
}  // namespace corpus::dedup
