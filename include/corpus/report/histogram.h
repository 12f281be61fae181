#ifndef CORPUS_REPORT_HISTOGRAM_H_
#define CORPUS_REPORT_HISTOGRAM_H_

#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <vector>

namespace corpus {

// Histogram summarises a stream of numbers in bounded memory, for the
// distributions `corpus report` draws (docs/report.md).
//
// Values go into logarithmic buckets of 1% relative width, as DDSketch
// (Masson, Rim and Lee, VLDB 2019) does: bucket i of the positive values holds
// (gamma^(i-1), gamma^i] with gamma = 1.02, so any quantile is known to within
// 1% of its value, whatever the range, and a stream of ten million values
// needs a few hundred buckets. Negative values mirror the positive ones;
// values of magnitude below 1e-9 count as zero. Count, sum, min and max are
// exact. Histograms are additive (Merge), so threads fill their own and sum.
//
// Not thread-safe; copyable.
class Histogram {
 public:
  // One bar of a drawn histogram: values in [lo, hi) (the last bar also
  // holds hi).
  struct Bin {
    double lo = 0;
    double hi = 0;
    uint64_t count = 0;
  };
  // How Bins() lays out the bars.
  enum class Scale { kLinear, kLog };

  void Add(double v);
  void Merge(const Histogram& other);

  uint64_t count() const { return count_; }
  double sum() const { return sum_; }
  double min() const { return count_ ? min_ : 0; }
  double max() const { return count_ ? max_ : 0; }
  double mean() const { return count_ ? sum_ / static_cast<double>(count_) : 0; }
  // True when every value added was a whole number (words, lines, counts).
  bool integral() const { return integral_; }

  // The q-quantile (0 <= q <= 1), within 1% of the true value; exact at 0
  // and 1 (min and max).
  double Quantile(double q) const;

  // The scale Bins() picks: logarithmic when the values are non-negative and
  // span more than two orders of magnitude above 1, linear otherwise.
  Scale ChooseScale() const;
  // Up to `max_bins` bars covering [min, max]. Linear bars of whole numbers
  // have whole-number edges; logarithmic bars put zero in a bar of its own.
  // Each bucket is counted in the bar holding its representative value, so a
  // bar edge may be off by the bucket width (1%).
  std::vector<Bin> Bins(size_t max_bins, Scale scale) const;

 private:
  static int BucketOf(double magnitude);
  static double ValueOf(int bucket);

  uint64_t count_ = 0;
  uint64_t zeros_ = 0;
  double sum_ = 0;
  double min_ = std::numeric_limits<double>::infinity();
  double max_ = -std::numeric_limits<double>::infinity();
  bool integral_ = true;
  std::map<int, uint64_t> positive_;  // bucket -> count
  std::map<int, uint64_t> negative_;  // bucket of |v| -> count
};

}  // namespace corpus

#endif  // CORPUS_REPORT_HISTOGRAM_H_
