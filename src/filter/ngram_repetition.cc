#include "corpus/filter/ngram_repetition.h"

#include <algorithm>

namespace corpus {

void NgramRepetition::Reset(std::string_view text, const std::vector<Word>& words) {
  const char* text_end = text.data() + text.size();
  const size_t n_words = words.size();
  n_ = 1;
  word_hash_.resize(n_words);
  gram_hash_.resize(n_words);
  prefix_chars_.resize(n_words + 1);
  prefix_chars_[0] = 0;
  candidates_.resize(n_words);
  for (size_t i = 0; i < n_words; ++i) {
    word_hash_[i] = gram_hash_[i] = HashBytesIn(words[i].text, text_end);
    prefix_chars_[i + 1] = prefix_chars_[i] + words[i].chars;
    // Every position: filtering single words first would cost as much as
    // the first round saves, since most words of a page repeat.
    candidates_[i] = static_cast<uint32_t>(i);
  }
  slots_.clear();
}

bool NgramRepetition::Next() {
  const size_t n_words = word_hash_.size();
  if (n_ + 1 > n_words) return false;
  ++n_;
  // Extend each candidate's (n-1)-gram by one word (the same hash chain as
  // a pass over every position would build), then count among candidates:
  // every occurrence of a repeated n-gram is a candidate, so the counts of
  // repeated n-grams are exact.
  const size_t last_start = n_words - n_;
  size_t m = candidates_.size();  // drop candidates too close to the end
  while (m > 0 && candidates_[m - 1] > last_start) --m;
  candidates_.resize(m);
  counter_.Reset(m);
  slots_.resize(m);
  for (size_t k = 0; k < m; ++k) {
    const uint32_t i = candidates_[k];
    gram_hash_[i] = MixHash(gram_hash_[i], word_hash_[i + n_ - 1]);
  }
  // The table of a long page outgrows the L2 cache and the n-grams land in
  // it at random, so each insert loads its slot kAhead inserts early.
  constexpr size_t kAhead = 8;
  for (size_t k = 0; k < std::min(kAhead, m); ++k) counter_.Prefetch(gram_hash_[candidates_[k]]);
  for (size_t k = 0; k < m; ++k) {
    if (k + kAhead < m) counter_.Prefetch(gram_hash_[candidates_[k + kAhead]]);
    const uint32_t i = candidates_[k];
    slots_[k] = counter_.Insert(gram_hash_[i], i);
  }
  // Without a branch: whether an n-gram repeats is a coin toss to the
  // branch predictor on the first rounds. kept <= k, so the writes never
  // overtake the reads.
  size_t kept = 0;
  for (size_t k = 0; k < m; ++k) {
    const uint32_t slot = slots_[k];
    candidates_[kept] = candidates_[k];
    slots_[kept] = slot;
    kept += counter_.entry(slot).count >= 2;
  }
  candidates_.resize(kept);
  slots_.resize(kept);
  return true;
}

uint64_t NgramRepetition::TopGramChars() const {
  // Candidates ascend, so the first one reaching the highest count is the
  // first occurrence of the earliest n-gram with that count.
  uint32_t best_count = 0, best_first = 0;
  for (size_t k = 0; k < candidates_.size(); ++k) {
    const HashCounter::Entry& e = counter_.entry(slots_[k]);
    if (e.count > best_count) {
      best_count = e.count;
      best_first = e.first;
    }
  }
  return best_count >= 2 ? best_count * GramChars(best_first) : 0;
}

uint64_t NgramRepetition::DuplicateGramChars() {
  walked_.assign(counter_.slot_count(), 0);
  uint64_t repeated = 0;
  size_t next = 0;  // the walk's position
  for (size_t k = 0; k < candidates_.size(); ++k) {
    const size_t p = candidates_[k];
    if (p < next) continue;  // jumped over
    // The walk reaches p: every position in [next, p) holds an n-gram seen
    // once, which is never a repeat and never repeated later.
    uint8_t& walked = walked_[slots_[k]];
    if (walked) {
      repeated += GramChars(p);
      next = p + n_;
    } else {
      walked = 1;
      next = p + 1;
    }
  }
  return repeated;
}

}  // namespace corpus
