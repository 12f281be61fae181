#ifndef CORPUS_UTIL_HASH_COUNTER_H_
#define CORPUS_UTIL_HASH_COUNTER_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace corpus {

// HashCounter counts 64-bit hashes (of lines, paragraphs, n-grams) with open
// addressing: the repetition rules insert every n-gram of a document, so a
// node-based map would dominate the filter's run time. It also remembers
// the first position each hash was seen at. Reuse one per thread: Reset()
// keeps the memory.
class HashCounter {
 public:
  struct Entry {
    uint64_t hash = 0;    // 0: empty slot (real hash 0 is stored as 1)
    uint32_t count = 0;
    uint32_t first = 0;   // position passed with the first Add/Insert
  };

  // Prepares for up to `n` distinct keys.
  void Reset(size_t n);
  // Adds one occurrence; returns the count after adding.
  uint32_t Add(uint64_t hash, uint32_t position) { return slots_[Insert(hash, position)].count; }
  // Adds one occurrence; returns its slot (below slot_count()), which stays
  // the same until the next Reset. Inline: the n-gram rules call it once per
  // word and round.
  size_t Insert(uint64_t hash, uint32_t position) {
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
  // Asks the CPU to load the slot `hash` starts probing at, so an Insert a
  // few hashes later finds it in cache (tables past the L2 cache miss on
  // almost every insert otherwise). Changes nothing observable.
  void Prefetch(uint64_t hash) const { __builtin_prefetch(&slots_[(hash == 0 ? 1 : hash) & mask_], 1); }
  bool Contains(uint64_t hash) const { return Find(hash) != nullptr; }
  // The entry of `hash`, or nullptr if it was never added.
  const Entry* Find(uint64_t hash) const;
  const Entry& entry(size_t slot) const { return slots_[slot]; }
  size_t slot_count() const { return mask_ + 1; }

 private:
  std::vector<Entry> slots_;
  size_t mask_ = 0;
};

}  // namespace corpus

#endif  // CORPUS_UTIL_HASH_COUNTER_H_
