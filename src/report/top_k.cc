#include "corpus/report/top_k.h"

#include <algorithm>

namespace corpus {

FrequentItems::FrequentItems(size_t capacity) : capacity_(std::max<size_t>(2, capacity)) {}

void FrequentItems::Add(std::string_view key, uint64_t weight) {
  if (weight == 0) return;
  total_ += weight;
  auto it = counts_.find(std::string(key));
  if (it != counts_.end()) {
    it->second += weight;
    return;
  }
  counts_.emplace(std::string(key), weight);
  if (counts_.size() > capacity_) Purge();
}

void FrequentItems::Merge(const FrequentItems& other) {
  total_ += other.total_;
  error_ += other.error_;
  for (const auto& [k, n] : other.counts_) counts_[k] += n;
  while (counts_.size() > capacity_) Purge();
}

void FrequentItems::Purge() {
  std::vector<uint64_t> values;
  values.reserve(counts_.size());
  for (const auto& [k, n] : counts_) values.push_back(n);
  auto mid = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), mid, values.end());
  const uint64_t median = *mid;
  for (auto it = counts_.begin(); it != counts_.end();) {
    if (it->second <= median) {
      it = counts_.erase(it);
    } else {
      it->second -= median;
      ++it;
    }
  }
  error_ += median;
}

std::vector<std::pair<std::string, uint64_t>> FrequentItems::Top(size_t k) const {
  std::vector<std::pair<std::string, uint64_t>> all(counts_.begin(), counts_.end());
  auto by_count = [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  };
  k = std::min(k, all.size());
  std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(k), all.end(), by_count);
  all.resize(k);
  return all;
}

}  // namespace corpus
