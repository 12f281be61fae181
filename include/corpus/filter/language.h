#ifndef CORPUS_FILTER_LANGUAGE_H_
#define CORPUS_FILTER_LANGUAGE_H_

#include <string>
#include <string_view>
#include <vector>

#include "corpus/filter/document_filter.h"

namespace corpus {

// What the identifier found in a text.
struct LanguageGuess {
  std::string code = "un";  // CLD2's code: "en", "fr", "zh", "zh-Hant", ...; "un" if unknown
  double score = 0;         // share of the text's letters in that language, 0..1
};

// Identifies the main language of plain text with CLD2 (thread-safe). The
// score is CLD2's percentage of the text bytes attributed to the top
// language, so 0.65 means "at least 65% of the text is in it"; it plays the
// part of fastText's probability in FineWeb's 0.65 threshold (Penedo et al.
// 2024, section 3.3). At most `max_bytes` from the start are read (a whole
// paragraph boundary is not needed: CLD2 scores letter runs).
LanguageGuess IdentifyLanguage(std::string_view text, size_t max_bytes = 1 << 20);

struct LanguageOptions {
  std::vector<std::string> languages = {"en"};  // keep-list; empty keeps every language
  double min_score = 0.65;                      // negative: no minimum
  // CLD2 reads at most this many bytes from the start of the text (0: all).
  // CLD2 is the costliest step (~37 ms per MB); 2 KB (~350 English words)
  // is far more than it needs for a confident answer, and a page whose
  // language changes after its first 2 KB is rare enough to accept.
  size_t max_bytes = 2048;
};

// LanguageFilter identifies the document's language (stored on the Document,
// and by the stage on every record as "lang"/"lang_score") and rejects
// documents outside the keep-list ("language", value: the code) or below the
// minimum score ("lang_score", value: the score). FineWeb keeps English with
// score >= 0.65.
class LanguageFilter : public DocumentFilter {
 public:
  explicit LanguageFilter(LanguageOptions opts) : opts_(std::move(opts)) {}
  std::string_view name() const override { return "language"; }
  FilterVerdict Apply(Document& doc) const override;

 private:
  LanguageOptions opts_;
};

}  // namespace corpus

#endif  // CORPUS_FILTER_LANGUAGE_H_
