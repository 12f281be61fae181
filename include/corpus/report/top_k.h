#ifndef CORPUS_REPORT_TOP_K_H_
#define CORPUS_REPORT_TOP_K_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace corpus {

// FrequentItems counts how often each key occurs (languages, domains, hosts,
// content types) in memory bounded by `capacity` keys, for the top-K lists of
// `corpus report` (docs/report.md).
//
// While at most `capacity` distinct keys have been seen every count is exact.
// Past that it is the Misra-Gries summary (Misra and Gries, 1982) with the
// batched purge of Apache DataSketches' frequent-items sketch: when the table
// overflows, the median count is subtracted from every key, keys left at zero
// or below are dropped, and the subtracted amount is added to `error()`. A
// reported count is then a lower bound and count + error() an upper bound
// of the truth; every key whose true count exceeds total / (capacity / 2) is
// kept. Summaries merge (Agarwal et al., "Mergeable summaries", 2012), so
// threads fill their own.
//
// Not thread-safe; copyable.
class FrequentItems {
 public:
  // REQUIRES: capacity >= 2.
  explicit FrequentItems(size_t capacity = 1024);

  void Add(std::string_view key, uint64_t weight = 1);
  void Merge(const FrequentItems& other);

  // The `k` keys with the highest counts, highest first; ties by key.
  std::vector<std::pair<std::string, uint64_t>> Top(size_t k) const;
  // Every key kept, as Top() orders them.
  std::vector<std::pair<std::string, uint64_t>> All() const { return Top(counts_.size()); }

  uint64_t total() const { return total_; }   // sum of all weights added
  uint64_t error() const { return error_; }   // 0 while counts are exact
  bool exact() const { return error_ == 0; }
  size_t size() const { return counts_.size(); }

 private:
  void Purge();

  size_t capacity_;
  uint64_t total_ = 0;
  uint64_t error_ = 0;
  std::unordered_map<std::string, uint64_t> counts_;
};

}  // namespace corpus

#endif  // CORPUS_REPORT_TOP_K_H_
