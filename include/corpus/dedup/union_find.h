#ifndef CORPUS_DEDUP_UNION_FIND_H_
#define CORPUS_DEDUP_UNION_FIND_H_

#include <cstdint>
#include <numeric>
#include <vector>

namespace corpus::dedup {

// Disjoint sets over 0..n-1 (Tarjan 1975) with path halving and union by
// size, for the clusters of duplicate pairs. Find() is iterative, so deep
// chains from adversarial input cannot overflow the stack.
class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n), size_(n, 1) {
    std::iota(parent_.begin(), parent_.end(), uint32_t{0});
  }
  uint32_t Find(uint32_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }
  void Union(uint32_t a, uint32_t b) {
    a = Find(a);
    b = Find(b);
    if (a == b) return;
    if (size_[a] < size_[b]) std::swap(a, b);
    parent_[b] = a;
    size_[a] += size_[b];
  }

 private:
  std::vector<uint32_t> parent_;
  std::vector<uint32_t> size_;
};

}  // namespace corpus::dedup

#endif  // CORPUS_DEDUP_UNION_FIND_H_
