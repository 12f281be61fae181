#include "corpus/stage/signal_histogram.h"

#include <gtest/gtest.h>

#include <cmath>

namespace corpus {
namespace {

TEST(SignalHistogramTest, QuantilesFromFixedBins) {
  std::map<std::string, uint64_t> counters;
  for (int i = 1; i <= 100; ++i) counters[SignalCounterName("frac", i / 100.0 - 0.005)]++;
  for (int i = 0; i < 50; ++i) counters[SignalCounterName("words", 1000)]++;
  counters["c4_lines_policy"] = 3;  // not a signal
  const std::string table = FormatSignalDistributions(counters);
  // One row per signal; "frac" is uniform over (0, 1], so its median is the upper edge of the bin (0.49, 0.50].
  EXPECT_NE(table.find("frac "), std::string::npos) << table;
  EXPECT_NE(table.find(" 0.5 "), std::string::npos) << table;
  EXPECT_NE(table.find("words"), std::string::npos);
  EXPECT_EQ(table.find("c4_lines_policy"), std::string::npos);
  // 1000 falls in the quarter octave [2^9.75, 2^10), upper edge 1024.
  EXPECT_NE(table.find(" 1.02e+03 "), std::string::npos) << table;
}

TEST(SignalHistogramTest, BinsAreBounded) {
  std::map<std::string, uint64_t> counters;
  for (double v : {-5.0, 0.0, 1e-9, 0.3, 1.0, 7.5, 1e30, std::nan("")}) counters[SignalCounterName("x", v)]++;
  EXPECT_LE(counters.size(), 8u);
  EXPECT_EQ(SignalCounterName("x", 0.0), SignalCounterName("x", -1.0));
  EXPECT_EQ(SignalCounterName("x", 1e30), SignalCounterName("x", 1e40));  // the last bin takes the rest
  EXPECT_FALSE(FormatSignalDistributions(counters).empty());
  EXPECT_TRUE(FormatSignalDistributions({}).empty());
}

}  // namespace
}  // namespace corpus
