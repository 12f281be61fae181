#ifndef CORPUS_DECON_BENCHMARK_INDEX_H_
#define CORPUS_DECON_BENCHMARK_INDEX_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "corpus/decon/benchmark_reader.h"
#include "corpus/decon/decon_words.h"
#include "corpus/util/hash_counter.h"
#include "corpus/util/status.h"

namespace corpus {

// How benchmark text is matched (see BenchmarkIndex).
struct NgramMatchOptions {
  int ngram = 13;       // n-gram length in words (GPT-3: 13)
  int min_ngram = 8;    // shortest item matched whole
  int max_matches = 10; // n-grams in more items than this are too common
  std::vector<std::string> fields;  // JSON fields read from benchmark items; empty: every string

  // kInvalidArgument unless 1 <= min_ngram <= ngram <= kMaxDeconNgram and max_matches >= 1.
  Status Validate() const;
};

// What one benchmark file contributed to the index.
struct BenchmarkStats {
  std::string name;
  std::string path;
  std::string sha256;            // of the decompressed file
  uint64_t items = 0;            // items read (non-blank lines with text)
  uint64_t items_indexed = 0;    // items with at least min_ngram words
  uint64_t items_whole = 0;      // of those, shorter than ngram: matched whole
  uint64_t ngrams = 0;           // distinct n-grams of the items (per item)
};

// One indexed benchmark item.
struct BenchmarkItem {
  uint32_t benchmark = 0;   // index into BenchmarkIndex::benchmarks()
  uint32_t line = 0;        // 1-based line of the benchmark file
  uint32_t first_word = 0;  // its words in the index's word store
  uint32_t words = 0;
  std::string excerpt;      // its first 80 characters
};

// A stretch of a document equal to a stretch of a benchmark item.
struct NgramMatch {
  uint32_t word = 0;   // document words [word, word + words)
  uint32_t words = 0;
  uint32_t item = 0;   // BenchmarkIndex::item(); the first item holding the n-gram
};

// BenchmarkIndex holds every n-gram of a set of benchmarks and finds them in
// documents, as GPT-3 decontaminated its training data (Brown et al. 2020,
// appendix C), with exact matching.
//
// Words are DeconWords (lowercase, punctuation removed, the product's word
// segmentation). An item with at least `ngram` words contributes each of
// its `ngram`-word windows; an item with fewer words but at least
// `min_ngram` contributes itself whole (so a short question is found when
// all of it appears in a document); shorter items are not indexed (a match
// of a few words says nothing). An n-gram found in more than `max_matches`
// distinct items is too common to count: it is template text ("which of the
// following statements is true"), not one item's content.
// (GPT-3 counted the n-gram's occurrences in training documents instead;
// counting benchmark items needs no pass over the corpus.)
//
// The index is a hash set of 64-bit n-gram keys (no Bloom filter). A key
// found in a document is a candidate only: the document's words are
// compared with the item's words, so a 64-bit collision never makes a
// false match. Memory: the items' normalised words (about the size of the
// benchmark text), 32 to 64 bytes per distinct n-gram and two bytes per
// n-gram for the prefilters; never the corpus.
//
// Thread-safety: immutable after Build; FindMatches may be called from any
// number of threads at once.
class BenchmarkIndex {
 public:
  BenchmarkIndex(const BenchmarkIndex&) = delete;
  BenchmarkIndex& operator=(const BenchmarkIndex&) = delete;

  // Reads every file and indexes its items. kInvalidArgument for bad
  // options, unreadable or malformed benchmark files, or when no item of
  // any file has `min_ngram` words.
  static Status Build(const std::vector<BenchmarkFile>& files, const NgramMatchOptions& options,
                      std::unique_ptr<BenchmarkIndex>* out);

  // Replaces *matches with every verified match in `doc`, by position; at
  // one position an n-gram and a shorter whole item may both match.
  void FindMatches(const DeconWords& doc, std::vector<NgramMatch>* matches) const;

  const std::vector<BenchmarkStats>& benchmarks() const { return benchmarks_; }
  const BenchmarkItem& item(uint32_t i) const { return items_[i]; }
  // Distinct n-grams held in more than max_matches items (not matched).
  uint64_t too_common() const { return too_common_; }
  const NgramMatchOptions& options() const { return options_; }

 private:
  BenchmarkIndex() = default;

  // A one-hash bit set over 64-bit keys (a Bloom filter with k = 1).
  struct Bitmap {
    std::vector<uint64_t> words;
    uint64_t mask = 0;
    void Reset(size_t keys);
    void Set(uint64_t key) { words[Bit(key) >> 6] |= uint64_t{1} << (Bit(key) & 63); }
    bool MayHold(uint64_t key) const { return (words[Bit(key) >> 6] >> (Bit(key) & 63) & 1) != 0; }
    // Bits other than the table's slot index (the key's low bits).
    uint64_t Bit(uint64_t key) const { return (key >> 24) & mask; }
  };

  // Adds one item's words; appends its n-gram keys (with word positions)
  // to *keys and the keys of their first min_ngram words to *starts.
  void AddItem(uint32_t benchmark, uint64_t line, std::string_view text, DeconWords* words,
               std::vector<std::pair<uint64_t, uint32_t>>* keys, std::vector<uint64_t>* starts);
  // Whether the document's words [i, i + k) equal the store's from `first`.
  bool SameWords(const DeconWords& doc, size_t i, size_t k, uint32_t first) const;
  std::string_view StoredWord(uint32_t w) const {
    return std::string_view(store_).substr(word_off_[w], word_off_[w + 1] - word_off_[w]);
  }
  uint32_t ItemOfWord(uint32_t w) const;

  NgramMatchOptions options_;
  std::vector<BenchmarkStats> benchmarks_;
  std::vector<BenchmarkItem> items_;
  std::string store_;               // normalised words of all items, back to back
  std::vector<uint32_t> word_off_{0};  // word w is store_[word_off_[w], word_off_[w + 1])
  std::vector<uint32_t> lengths_;   // n-gram lengths that have keys, ascending
  HashCounter table_;               // key -> distinct items (count), first position
  // Prefilters, about 8 bits per key each, small enough to stay in cache
  // while the table does not: most document positions start no benchmark
  // n-gram. `starts_` has a bit set for the key of the first min_ngram
  // words of every indexed n-gram (each starts with min_ngram words), so a
  // position is passed over after one check whatever the lengths indexed;
  // `keys_` has a bit for every key. A set bit only sends the key on to
  // the table and the word comparison.
  Bitmap starts_;
  Bitmap keys_;
  uint64_t too_common_ = 0;
};

}  // namespace corpus

#endif  // CORPUS_DECON_BENCHMARK_INDEX_H_
