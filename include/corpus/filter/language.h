#ifndef CORPUS_FILTER_LANGUAGE_H_
#define CORPUS_FILTER_LANGUAGE_H_

#include <string>
#include <string_view>
#include <vector>

#include "corpus/filter/document_filter.h"
#include "corpus/text/language_id.h"

namespace corpus {

struct LanguageOptions {
  std::vector<std::string> languages = {"en"};  // keep-list; empty keeps every language
  double min_score = 0.65;                      // negative: no minimum
  // CLD2 reads at most this many bytes from the start of the text (0: all).
  // CLD2 is the costliest step (~31 MB/s of bytes read, whatever the
  // language); 2 KB (~350 English words) is far more than it needs for a
  // confident answer, and a page whose language changes after its first
  // 2 KB is rare enough to accept.
  size_t max_bytes = 2048;
  // A first, cheaper look (0: none): CLD2 reads a sample of at most this
  // many bytes, taken in pieces of kLanguageSamplePiece bytes spread evenly
  // over the text (LanguageSample). If it finds a language with a score of
  // at least kConfidentLanguageScore, that is the answer; otherwise the
  // read above decides. Texts no longer than the sample are read whole,
  // once, so their answer is the same either way.
  size_t sample_bytes = 768;
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
  // Identifies the language and records lang_score and lang_in_list (1 if
  // the keep-list takes the language).
  void Measure(Document& doc, QualitySignals* signals) const override;
  void Rules(std::vector<SignalRule>* out) const override;
  // Whether the keep-list takes `lang`.
  bool Keeps(const std::string& lang) const;

 private:
  LanguageOptions opts_;
};

}  // namespace corpus

#endif  // CORPUS_FILTER_LANGUAGE_H_
