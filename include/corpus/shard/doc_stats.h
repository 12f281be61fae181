#ifndef CORPUS_SHARD_DOC_STATS_H_
#define CORPUS_SHARD_DOC_STATS_H_

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "corpus/stage/stage_stats.h"
#include "corpus/text/text_units.h"
#include "corpus/text/word_segmenter.h"

namespace corpus {

// A document's words are CountWords (text/word_segmenter.h), as the filter
// counts them; its characters are code points (CountCodePoints,
// text/text_units.h).
inline uint64_t CountCharacters(std::string_view text) { return CountCodePoints(text); }

// ReleaseStats describes the documents of a release for its card: how many,
// their words and characters, the language distribution (from `lang`, as set
// by `corpus filter`) and a histogram of document length in words. It is
// additive, so per-input numbers are summed into the release's.
class ReleaseStats {
 public:
  // Upper bounds (exclusive) of the length histogram bins, in words; the
  // last bin is open-ended.
  static constexpr std::array<uint64_t, 8> kLengthBins = {50, 100, 250, 500, 1000, 2500, 5000, 10000};
  static std::string BinLabel(size_t bin);

  void AddDocument(uint64_t words, uint64_t characters, std::string_view lang);
  void Add(const ReleaseStats& other);

  // Stored in a `_done` marker's counters under the "release." prefix.
  void ToCounters(StageCounts* counts) const;
  // Reads them back and removes them from `counts`, which then holds the
  // stage's ordinary counters only.
  static ReleaseStats TakeFromCounters(StageCounts* counts);
  // {"documents","words","characters","languages":{..},"length_histogram":[..]}
  std::string ToJson() const;

  uint64_t documents = 0;
  uint64_t words = 0;
  uint64_t characters = 0;
  std::map<std::string, uint64_t> languages;  // "unknown" when `lang` is absent
  std::array<uint64_t, kLengthBins.size() + 1> length_histogram{};
};

}  // namespace corpus

#endif  // CORPUS_SHARD_DOC_STATS_H_
