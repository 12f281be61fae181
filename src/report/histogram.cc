#include "corpus/report/histogram.h"

#include <algorithm>
#include <cmath>

namespace corpus {
namespace {

constexpr double kGamma = 1.02;  // bucket width: 2% in value, 1% error from the middle
constexpr double kZero = 1e-9;   // magnitudes below this count as zero

}  // namespace

int Histogram::BucketOf(double magnitude) {
  return static_cast<int>(std::ceil(std::log(magnitude) / std::log(kGamma)));
}

double Histogram::ValueOf(int bucket) {
  // The value with the same relative distance to both ends of the bucket
  // (DDSketch's estimate): 2 gamma^i / (gamma + 1).
  return 2.0 * std::pow(kGamma, bucket) / (kGamma + 1.0);
}

void Histogram::Add(double v) {
  if (!std::isfinite(v)) return;
  ++count_;
  sum_ += v;
  min_ = std::min(min_, v);
  max_ = std::max(max_, v);
  if (integral_ && v != std::floor(v)) integral_ = false;
  if (std::fabs(v) < kZero) {
    ++zeros_;
  } else if (v > 0) {
    ++positive_[BucketOf(v)];
  } else {
    ++negative_[BucketOf(-v)];
  }
}

void Histogram::Merge(const Histogram& o) {
  if (o.count_ == 0) return;
  count_ += o.count_;
  zeros_ += o.zeros_;
  sum_ += o.sum_;
  min_ = std::min(min_, o.min_);
  max_ = std::max(max_, o.max_);
  integral_ = integral_ && o.integral_;
  for (const auto& [b, n] : o.positive_) positive_[b] += n;
  for (const auto& [b, n] : o.negative_) negative_[b] += n;
}

double Histogram::Quantile(double q) const {
  if (count_ == 0) return 0;
  if (q <= 0) return min_;
  if (q >= 1) return max_;
  const double rank = q * static_cast<double>(count_ - 1);
  uint64_t seen = 0;
  auto clamp = [this](double v) { return std::clamp(v, min_, max_); };
  for (auto it = negative_.rbegin(); it != negative_.rend(); ++it) {
    seen += it->second;
    if (static_cast<double>(seen) > rank) return clamp(-ValueOf(it->first));
  }
  seen += zeros_;
  if (static_cast<double>(seen) > rank) return clamp(0);
  for (const auto& [b, n] : positive_) {
    seen += n;
    if (static_cast<double>(seen) > rank) return clamp(ValueOf(b));
  }
  return max_;
}

Histogram::Scale Histogram::ChooseScale() const {
  if (count_ == 0 || min_ < 0) return Scale::kLinear;
  return max_ > 100.0 * std::max(1.0, min_) ? Scale::kLog : Scale::kLinear;
}

std::vector<Histogram::Bin> Histogram::Bins(size_t max_bins, Scale scale) const {
  std::vector<Bin> bins;
  if (count_ == 0 || max_bins == 0) return bins;
  // Bars are never narrower than 1.5 buckets where the buckets are widest,
  // or they would alternate full and empty with the bucket grid.
  const double kMinBarBuckets = 1.5;
  // Bar edges, ascending; bar k is [edges[k], edges[k+1]).
  std::vector<double> edges;
  size_t zero_bar = 0;  // log scale: zeros counted in a bar of their own
  if (scale == Scale::kLog && min_ >= 0) {
    double lo = min_;
    if (lo < kZero) lo = positive_.empty() ? 1 : std::clamp(ValueOf(positive_.begin()->first), kZero, max_);
    if (integral_) lo = std::max(1.0, std::floor(lo));
    const double hi = std::max(max_, lo);
    const double fit = std::floor(std::log(hi / lo) / (kMinBarBuckets * std::log(kGamma)));
    const size_t n = static_cast<size_t>(std::clamp(fit, 1.0, static_cast<double>(max_bins - (zeros_ ? 1 : 0))));
    for (size_t k = 0; k <= n; ++k) {
      double e = lo * std::pow(hi / lo, static_cast<double>(k) / static_cast<double>(n));
      if (integral_) e = std::round(e);
      if (k == n) e = hi;
      if (edges.empty() || e > edges.back()) edges.push_back(e);
    }
    if (edges.size() == 1) edges.push_back(edges[0]);
    zero_bar = zeros_;
  } else {
    const double widest = kMinBarBuckets * (kGamma - 1) * std::max(std::fabs(min_), std::fabs(max_));
    size_t n = max_bins;
    if (widest > 0 && max_ > min_) {
      n = static_cast<size_t>(std::clamp(std::floor((max_ - min_) / widest), 1.0, static_cast<double>(max_bins)));
    }
    if (integral_) {
      const double width = std::max(1.0, std::ceil((max_ - min_ + 1) / static_cast<double>(n)));
      const size_t bars = static_cast<size_t>(std::ceil((max_ - min_ + 1) / width));
      // Counted, not stepped to max_: past 2^53, e + 1 == e.
      for (size_t k = 0; k <= bars; ++k) {
        const double e = min_ + width * static_cast<double>(k);
        if (edges.empty() || e > edges.back()) edges.push_back(e);
      }
      if (edges.size() == 1) edges.push_back(edges[0] + width);
    } else if (max_ > min_) {
      const double width = (max_ - min_) / static_cast<double>(n);
      for (size_t k = 0; k <= n; ++k) edges.push_back(min_ + width * static_cast<double>(k));
      edges.back() = max_;
    } else {
      edges = {min_, max_};
    }
  }
  if (zero_bar) bins.push_back(Bin{0, 0, zeros_});
  const size_t first = bins.size();
  for (size_t k = 0; k + 1 < edges.size(); ++k) bins.push_back(Bin{edges[k], edges[k + 1], 0});
  auto place = [&](double v, uint64_t n) {
    if (zero_bar && std::fabs(v) < kZero) return;  // already in the zero bar
    v = std::clamp(v, min_, max_);
    if (integral_) v = std::round(v);
    // The last bar whose lower edge is <= v.
    size_t k = static_cast<size_t>(std::upper_bound(edges.begin(), edges.end() - 1, v) - edges.begin());
    k = k == 0 ? 0 : k - 1;
    k = std::min(k, bins.size() - first - 1);
    bins[first + k].count += n;
  };
  for (const auto& [b, n] : negative_) place(-ValueOf(b), n);
  if (!zero_bar && zeros_) place(0, zeros_);
  for (const auto& [b, n] : positive_) place(ValueOf(b), n);
  return bins;
}

}  // namespace corpus
