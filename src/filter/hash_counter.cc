#include "corpus/filter/hash_counter.h"

#include <algorithm>

namespace corpus {

void HashCounter::Reset(size_t n) {
  size_t cap = 16;
  while (cap < 2 * n) cap <<= 1;  // load factor at most 1/2
  if (slots_.size() != cap) {
    slots_.assign(cap, Entry{});
  } else {
    std::fill(slots_.begin(), slots_.end(), Entry{});
  }
  mask_ = cap - 1;
}

size_t HashCounter::Insert(uint64_t hash, uint32_t position) {
  if (hash == 0) hash = 1;
  for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
    Entry& e = slots_[i];
    if (e.hash == hash) {
      ++e.count;
      return i;
    }
    if (e.hash == 0) {
      e.hash = hash;
      e.count = 1;
      e.first = position;
      return i;
    }
  }
}

bool HashCounter::Contains(uint64_t hash) const {
  if (hash == 0) hash = 1;
  for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
    const Entry& e = slots_[i];
    if (e.hash == hash) return true;
    if (e.hash == 0) return false;
  }
}

}  // namespace corpus
