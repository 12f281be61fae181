#include "corpus/report/histogram.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace corpus {
namespace {

uint64_t Total(const std::vector<Histogram::Bin>& bins) {
  uint64_t n = 0;
  for (const auto& b : bins) n += b.count;
  return n;
}

TEST(HistogramTest, CountSumMinMaxAreExact) {
  Histogram h;
  for (double v : {3.0, 1.0, 4.0, 1.0, 5.0}) h.Add(v);
  h.Add(std::nan(""));  // not a number: ignored
  EXPECT_EQ(h.count(), 5u);
  EXPECT_DOUBLE_EQ(h.sum(), 14);
  EXPECT_DOUBLE_EQ(h.min(), 1);
  EXPECT_DOUBLE_EQ(h.max(), 5);
  EXPECT_DOUBLE_EQ(h.mean(), 2.8);
  EXPECT_TRUE(h.integral());
  h.Add(0.5);
  EXPECT_FALSE(h.integral());
}

TEST(HistogramTest, QuantilesWithinOnePercent) {
  Histogram h;
  std::mt19937_64 rng(7);
  std::lognormal_distribution<double> dist(6, 1.5);
  std::vector<double> values;
  for (int i = 0; i < 100000; ++i) {
    values.push_back(dist(rng));
    h.Add(values.back());
  }
  std::sort(values.begin(), values.end());
  for (double q : {0.01, 0.1, 0.5, 0.9, 0.99}) {
    const double truth = values[static_cast<size_t>(q * (values.size() - 1))];
    EXPECT_NEAR(h.Quantile(q), truth, 0.0101 * truth) << q;
  }
  EXPECT_DOUBLE_EQ(h.Quantile(0), values.front());
  EXPECT_DOUBLE_EQ(h.Quantile(1), values.back());
}

TEST(HistogramTest, NegativeAndZeroValues) {
  Histogram h;
  for (int i = -50; i <= 50; ++i) h.Add(i);
  EXPECT_NEAR(h.Quantile(0.5), 0, 1e-9);
  EXPECT_NEAR(h.Quantile(0.25), -25, 0.5);
  EXPECT_EQ(h.ChooseScale(), Histogram::Scale::kLinear);
  EXPECT_EQ(Total(h.Bins(10, Histogram::Scale::kLinear)), 101u);
}

TEST(HistogramTest, MergeEqualsAddingEverything) {
  Histogram a, b, all;
  for (int i = 1; i <= 1000; ++i) {
    (i % 3 ? a : b).Add(i * 1.5);
    all.Add(i * 1.5);
  }
  a.Merge(b);
  EXPECT_EQ(a.count(), all.count());
  EXPECT_DOUBLE_EQ(a.sum(), all.sum());
  EXPECT_DOUBLE_EQ(a.min(), all.min());
  EXPECT_DOUBLE_EQ(a.max(), all.max());
  for (double q : {0.1, 0.5, 0.9}) EXPECT_DOUBLE_EQ(a.Quantile(q), all.Quantile(q));
  const auto x = a.Bins(20, Histogram::Scale::kLinear), y = all.Bins(20, Histogram::Scale::kLinear);
  ASSERT_EQ(x.size(), y.size());
  for (size_t i = 0; i < x.size(); ++i) EXPECT_EQ(x[i].count, y[i].count);
}

TEST(HistogramTest, SmallWholeNumbersGetOneBarEach) {
  Histogram h;
  for (double v : {1, 1, 2, 3, 3, 3, 5}) h.Add(v);
  const auto bins = h.Bins(40, h.ChooseScale());
  ASSERT_EQ(bins.size(), 5u);  // 1, 2, 3, 4, 5
  const uint64_t expect[] = {2, 1, 3, 0, 1};
  for (size_t i = 0; i < bins.size(); ++i) {
    EXPECT_DOUBLE_EQ(bins[i].lo, 1.0 + i);
    EXPECT_DOUBLE_EQ(bins[i].hi, 2.0 + i);
    EXPECT_EQ(bins[i].count, expect[i]) << i;
  }
}

TEST(HistogramTest, WideRangesUseLogBarsWithZeroApart) {
  Histogram h;
  for (int i = 0; i < 10; ++i) h.Add(0);
  for (int e = 0; e <= 6; ++e) {
    for (int k = 0; k < 100; ++k) h.Add(std::pow(10, e));
  }
  ASSERT_EQ(h.ChooseScale(), Histogram::Scale::kLog);
  const auto bins = h.Bins(13, Histogram::Scale::kLog);
  ASSERT_FALSE(bins.empty());
  EXPECT_EQ(bins[0].lo, 0);
  EXPECT_EQ(bins[0].hi, 0);
  EXPECT_EQ(bins[0].count, 10u);
  EXPECT_EQ(Total(bins), h.count());
  EXPECT_LE(bins.size(), 13u);
  // Log bars: each a constant factor wider than the last.
  for (size_t i = 2; i + 1 < bins.size(); ++i) {
    EXPECT_NEAR((bins[i].hi / bins[i].lo) / (bins[i - 1].hi / bins[i - 1].lo), 1.0, 0.35) << i;
  }
  // Every power of ten lands in a different bar.
  size_t filled = 0;
  for (size_t i = 1; i < bins.size(); ++i) filled += bins[i].count > 0;
  EXPECT_EQ(filled, 7u);
}

TEST(HistogramTest, FractionsSpreadOverLinearBars) {
  Histogram h;
  for (int i = 0; i < 1000; ++i) h.Add(i / 1000.0);
  ASSERT_EQ(h.ChooseScale(), Histogram::Scale::kLinear);
  const auto bins = h.Bins(10, Histogram::Scale::kLinear);
  ASSERT_EQ(bins.size(), 10u);
  EXPECT_EQ(Total(bins), 1000u);
  // About 100 per bar: a bucket is 2% wide, so edges move a few values.
  for (const auto& b : bins) EXPECT_NEAR(static_cast<double>(b.count), 100.0, 12.0) << b.lo;
}

TEST(HistogramTest, BarsAreNeverNarrowerThanTheBuckets) {
  // Buckets near 1 are 2% wide; 40 bars over [0.5, 1] would be 1.25% wide
  // and every other one would stay empty.
  Histogram h;
  for (int i = 0; i <= 10000; ++i) h.Add(0.5 + i / 20000.0);
  const auto bins = h.Bins(40, Histogram::Scale::kLinear);
  EXPECT_LT(bins.size(), 40u);
  EXPECT_GE(bins.size(), 10u);
  for (const auto& b : bins) EXPECT_GT(b.count, 0u) << b.lo;
  EXPECT_EQ(Total(bins), 10001u);
}

TEST(HistogramTest, OneValueMakesOneBar) {
  // 1e17 + 1 == 1e17 in a double: the bar edges must still end.
  for (double v : {0.25, 1e17}) {
    Histogram h;
    h.Add(v);
    h.Add(v);
    const auto bins = h.Bins(40, h.ChooseScale());
    ASSERT_EQ(bins.size(), 1u) << v;
    EXPECT_EQ(bins[0].count, 2u) << v;
  }
  EXPECT_TRUE(Histogram().Bins(40, Histogram::Scale::kLinear).empty());
}

}  // namespace
}  // namespace corpus
