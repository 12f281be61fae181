#ifndef CORPUS_FILTER_LANGUAGE_SCORE_H_
#define CORPUS_FILTER_LANGUAGE_SCORE_H_

#include "corpus/filter/document_filter.h"

namespace corpus {

// LanguageScoreFilter rejects a document whose language score is below a
// minimum ("lang_score", value: the score). The score is the one
// LanguageFilter stored on the Document, which must have run first. The
// pipeline builds one per language set, so each language can have its own
// minimum, as FineWeb-2 (Penedo et al. 2025) sets one per language
// (configs/languages/<code>.toml, `min-lang-score`; docs/LANGUAGES.md,
// "Language score").
// Immutable; thread-safe.
class LanguageScoreFilter : public DocumentFilter {
 public:
  // REQUIRES: min_score >= 0 (a run without a minimum builds no such step).
  explicit LanguageScoreFilter(double min_score) : min_score_(min_score) {}
  std::string_view name() const override { return "lang_score"; }
  FilterVerdict Apply(Document& doc) const override;
  // lang_score is recorded by LanguageFilter::Measure; nothing to add.
  void Measure(Document& doc, QualitySignals* signals) const override;
  void Rules(std::vector<SignalRule>* out) const override;

 private:
  double min_score_;
};

}  // namespace corpus

#endif  // CORPUS_FILTER_LANGUAGE_SCORE_H_
