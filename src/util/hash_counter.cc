#include "corpus/util/hash_counter.h"

#include <cstring>
#include <type_traits>

namespace corpus {

static_assert(std::is_trivially_copyable_v<HashCounter::Entry>, "Reset clears entries with memset");

void HashCounter::Reset(size_t n) {
  size_t cap = 16;
  while (cap < 2 * n) cap <<= 1;  // load factor at most 1/2
  // The table is the first `cap` slots of a vector that only grows, so
  // documents reuse its memory; an all-zero Entry is an empty slot, so
  // clearing is one memset.
  if (slots_.size() < cap) slots_.resize(cap);
  std::memset(static_cast<void*>(slots_.data()), 0, cap * sizeof(Entry));
  mask_ = cap - 1;
}

const HashCounter::Entry* HashCounter::Find(uint64_t hash) const {
  if (hash == 0) hash = 1;
  for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
    const Entry& e = slots_[i];
    if (e.hash == hash) return &e;
    if (e.hash == 0) return nullptr;
  }
}

}  // namespace corpus
