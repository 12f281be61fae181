#ifndef CORPUS_FILTER_NGRAM_REPETITION_H_
#define CORPUS_FILTER_NGRAM_REPETITION_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "corpus/util/hash_counter.h"
#include "corpus/text/text_units.h"

namespace corpus {

// NgramRepetition measures, for n = 2, 3, ... in turn, the two n-gram
// statistics of the Gopher repetition rules (Rae et al. 2021, table A1) over
// a document's words. An n-gram's length in characters is that of its words
// joined by single spaces (" ".join in datatrove).
//
// Only repeated n-grams matter to either statistic, and an n-gram can repeat
// only where its (n-1)-word prefix repeats. So each round looks only at the
// positions whose (n-1)-gram occurs more than once in the whole document
// (the "candidates"; every position for n = 2), which on prose shrink to a
// few percent of the words within a few rounds. The results are exactly those of counting every
// n-gram (see each method). Words and n-grams are compared by 64-bit hashes.
//
// Not thread-safe; reuse one per thread (the buffers keep their memory).
class NgramRepetition {
 public:
  // Starts over with the words of `text` (n = 1).
  void Reset(std::string_view text, const std::vector<Word>& words);
  // Moves to n + 1. Returns false (and stays) when there are fewer words.
  bool Next();
  size_t n() const { return n_; }
  // Whether some n-gram occurs twice; once false, it is false for every
  // larger n, and both statistics below are 0.
  // (Before the first Next(), whether there are any words.)
  bool AnyRepeats() const { return !candidates_.empty(); }

  // Characters of the most frequent n-gram times its count, the earliest
  // n-gram winning ties (Counter.most_common); 0 when no n-gram occurs twice.
  uint64_t TopGramChars() const;
  // Characters inside duplicate n-grams, walking left to right: an n-gram
  // seen before at a visited position adds its characters and the walk
  // jumps past it (datatrove's find_all_duplicate). Positions whose n-gram
  // occurs once change nothing, so only candidates are looked up.
  uint64_t DuplicateGramChars();

 private:
  // Characters of the n-gram starting at word i.
  uint64_t GramChars(size_t i) const { return prefix_chars_[i + n_] - prefix_chars_[i] + (n_ - 1); }

  size_t n_ = 0;
  std::vector<uint64_t> word_hash_;
  std::vector<uint64_t> prefix_chars_;  // code points of words [0, i)
  std::vector<uint64_t> gram_hash_;     // hash of the n-gram at i (kept for candidates only)
  std::vector<uint32_t> candidates_;    // ascending positions whose n-gram occurs twice or more
  std::vector<uint32_t> slots_;         // candidates_[k]'s slot in counter_
  std::vector<uint8_t> walked_;         // per slot: seen by the duplicate walk
  HashCounter counter_;
};

}  // namespace corpus

#endif  // CORPUS_FILTER_NGRAM_REPETITION_H_
