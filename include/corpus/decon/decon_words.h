#ifndef CORPUS_DECON_DECON_WORDS_H_
#define CORPUS_DECON_DECON_WORDS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/text/text_units.h"

namespace corpus {

// One word of a text as decontamination compares it.
struct DeconWord {
  uint32_t begin = 0;  // the word's bytes in the original text: [begin, end)
  uint32_t end = 0;
  uint32_t norm_begin = 0;  // its normalised form in DeconWords::norm_text()
  uint32_t norm_len = 0;
  uint64_t hash = 0;  // HashBytes of the normalised form
};

// The longest n-gram decontamination matches (--ngram at most this).
inline constexpr size_t kMaxDeconNgram = 64;

// DeconWords holds the words of one text normalised the way GPT-3 compared
// training documents with benchmarks (Brown et al. 2020, appendix C):
// lowercased, punctuation removed, split into words. The words come from
// the product's one word segmenter (SegmentWords, text/word_segmenter.h),
// so Chinese, Japanese and Thai are split by ICU's dictionaries; each word
// is then lowercased (Unicode simple case mapping) and every punctuation
// character inside it removed (IsPunctuation: Python's string.punctuation
// and Unicode P*), so "Don't" and "don’t" both become "dont" and
// "state-of-the-art" becomes "stateoftheart". A word left empty is no word.
//
// An n-gram of words [i, i+k) has a 64-bit key from a polynomial hash of
// its word hashes (O(1) per n-gram from prefix sums), the same on the
// benchmark side and the document side. Keys only find candidates:
// BenchmarkIndex compares the words themselves before it reports a match.
//
// Thread-safety: not thread-safe; one per thread, reused across texts.
class DeconWords {
 public:
  DeconWords() = default;
  DeconWords(const DeconWords&) = delete;
  DeconWords& operator=(const DeconWords&) = delete;

  // Replaces the words with those of `text`. REQUIRES: text.size() < 4 GiB.
  void Assign(std::string_view text);

  size_t size() const { return words_.size(); }
  const DeconWord& operator[](size_t i) const { return words_[i]; }
  std::string_view norm(size_t i) const {
    return std::string_view(norm_).substr(words_[i].norm_begin, words_[i].norm_len);
  }
  const std::string& norm_text() const { return norm_; }

  // Key of the n-gram of words [i, i + k).
  // REQUIRES: 1 <= k <= kMaxDeconNgram, i + k <= size().
  uint64_t NgramKey(size_t i, size_t k) const;
  // The normalised words [i, i + k) joined by spaces, for reports.
  std::string NgramText(size_t i, size_t k) const;

 private:
  std::vector<Word> segmented_;
  std::vector<DeconWord> words_;
  std::string norm_;
  std::vector<uint64_t> prefix_;  // prefix_[j]: polynomial hash of words [0, j)
};

// Appends the normalised form of one word (lowercase, no punctuation) to *out.
void AppendNormalizedWord(std::string_view word, std::string* out);

}  // namespace corpus

#endif  // CORPUS_DECON_DECON_WORDS_H_
