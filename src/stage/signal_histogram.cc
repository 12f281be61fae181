#include "corpus/stage/signal_histogram.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace corpus {
namespace {

constexpr std::string_view kPrefix = "signal.";
constexpr int kLinearBins = 100;  // (0, 1] in steps of 0.01
constexpr int kMaxBin = kLinearBins + 4 * 64;

int BinOf(double v) {
  if (!(v > 0)) return 0;  // 0, negatives and NaN
  if (v <= 1) return std::clamp(static_cast<int>(std::ceil(v * kLinearBins)), 1, kLinearBins);
  return std::min(kMaxBin, kLinearBins + 1 + static_cast<int>(std::floor(4 * std::log2(v))));
}

// The upper edge of a bin's range (0 for bin 0), so a quantile read from
// the bins is an upper bound: exact for 0 and 1, within 0.01 for fractions.
double EdgeOf(int bin) {
  if (bin <= 0) return 0;
  if (bin <= kLinearBins) return static_cast<double>(bin) / kLinearBins;
  const int k = bin - kLinearBins - 1;
  return std::exp2((k + 1) / 4.0);
}

std::string FormatValue(double v) {
  char buf[32];
  if (v == 0 || (std::fabs(v) >= 0.01 && std::fabs(v) < 1e6)) {
    std::snprintf(buf, sizeof(buf), "%.3g", v);
  } else {
    std::snprintf(buf, sizeof(buf), "%.2e", v);
  }
  return buf;
}

}  // namespace

std::string SignalCounterName(std::string_view name, double value) {
  std::string out(kPrefix);
  out += name;
  out += '#';
  out += std::to_string(BinOf(value));
  return out;
}

bool IsSignalCounter(std::string_view counter) { return counter.starts_with(kPrefix); }

std::string FormatSignalDistributions(const std::map<std::string, uint64_t>& counters) {
  // signal -> (bin -> documents); the map's order groups a signal's bins.
  std::map<std::string, std::map<int, uint64_t>> by_signal;
  for (auto it = counters.lower_bound(std::string(kPrefix)); it != counters.end() && IsSignalCounter(it->first);
       ++it) {
    const size_t hash = it->first.rfind('#');
    if (hash == std::string::npos || hash < kPrefix.size()) continue;
    const std::string name = it->first.substr(kPrefix.size(), hash - kPrefix.size());
    by_signal[name][std::atoi(it->first.c_str() + hash + 1)] += it->second;
  }
  if (by_signal.empty()) return "";
  static constexpr const char* kBars[] = {" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  constexpr int kColumns = 24;
  std::string out;
  char buf[256];
  std::snprintf(buf, sizeof(buf), "  %-38s %9s %9s %9s %9s %9s %9s  %s\n", "signal", "documents", "p1", "p10",
                "p50", "p90", "p99", "histogram (min .. max)");
  out += buf;
  for (const auto& entry : by_signal) {
    // Named, not a structured binding: lambdas below capture it (clang
    // before 16 cannot capture structured bindings).
    const std::string& name = entry.first;
    const auto& bins = entry.second;
    uint64_t total = 0;
    for (const auto& [bin, n] : bins) total += n;
    const auto quantile = [&](double q) {
      const auto target = static_cast<uint64_t>(std::ceil(q * static_cast<double>(total)));
      uint64_t seen = 0;
      for (const auto& [bin, n] : bins) {
        seen += n;
        if (seen >= std::max<uint64_t>(target, 1)) return EdgeOf(bin);
      }
      return EdgeOf(bins.rbegin()->first);
    };
    // Histogram: the bins from the lowest to the highest seen, in columns.
    const int lo = bins.begin()->first, hi = bins.rbegin()->first;
    std::vector<uint64_t> columns(kColumns, 0);
    for (const auto& [bin, n] : bins) {
      const int c = hi == lo ? 0 : static_cast<int>(static_cast<int64_t>(bin - lo) * (kColumns - 1) / (hi - lo));
      columns[c] += n;
    }
    const uint64_t peak = *std::max_element(columns.begin(), columns.end());
    std::string bars;
    for (uint64_t n : columns) bars += kBars[n == 0 ? 0 : 1 + (n * 7) / peak];
    std::snprintf(buf, sizeof(buf), "  %-38s %9llu %9s %9s %9s %9s %9s  |%s| %s .. %s\n", name.c_str(),
                  static_cast<unsigned long long>(total), FormatValue(quantile(0.01)).c_str(),
                  FormatValue(quantile(0.10)).c_str(), FormatValue(quantile(0.50)).c_str(),
                  FormatValue(quantile(0.90)).c_str(), FormatValue(quantile(0.99)).c_str(), bars.c_str(),
                  FormatValue(EdgeOf(lo)).c_str(), FormatValue(EdgeOf(hi)).c_str());
    out += buf;
  }
  return out;
}

}  // namespace corpus
