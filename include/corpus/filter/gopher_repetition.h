#ifndef CORPUS_FILTER_GOPHER_REPETITION_H_
#define CORPUS_FILTER_GOPHER_REPETITION_H_

#include <vector>

#include "corpus/filter/document_filter.h"

namespace corpus {

// Thresholds of the Gopher repetition rules, Rae et al. 2021, table A1 (the
// defaults of datatrove's GopherRepetitionFilter). A document is rejected
// when a measured fraction is strictly above its threshold; a negative
// threshold switches that rule off.
struct GopherRepetitionOptions {
  bool enabled = true;
  double max_dup_line_frac = 0.30;
  double max_dup_para_frac = 0.30;
  double max_dup_line_char_frac = 0.20;
  double max_dup_para_char_frac = 0.20;
  // Top n-gram character fraction for n = 2, 3, 4, ...
  std::vector<double> max_top_ngram_frac = {0.20, 0.18, 0.16};
  // Duplicate n-gram character fraction for n = 5, 6, 7, ...
  std::vector<double> max_dup_ngram_frac = {0.15, 0.14, 0.13, 0.12, 0.11, 0.10};
};

// GopherRepetitionFilter rejects documents that repeat themselves: repeated
// paragraphs and lines (by count and by characters), one n-gram taking a large
// share of the text, or many characters inside repeated n-grams. Characters
// are code points; fractions are over all characters of the text.
// The n-gram rules count the segmenter's words (Document::words), so they
// apply to every script, as the line and paragraph rules do.
class GopherRepetitionFilter : public JudgedFilter {
 public:
  explicit GopherRepetitionFilter(GopherRepetitionOptions opts) : JudgedFilter(opts.enabled), opts_(std::move(opts)) {}
  std::string_view name() const override { return "gopher_repetition"; }

 private:
  FilterVerdict Judge(Document& doc, QualitySignals* signals) const override;
  void EnabledRules(std::vector<SignalRule>* out) const override;
  void ApplyNgramRules(const Document& doc, RuleCheck* check) const;
  GopherRepetitionOptions opts_;
};

// Duplicates among `items` in order: every occurrence after the first counts
// (datatrove's find_duplicates). Exposed for the FineWeb rules and tests.
struct DuplicateStats {
  size_t elements = 0;  // duplicate occurrences
  size_t chars = 0;     // their code points
};
DuplicateStats FindDuplicates(const std::vector<std::string_view>& items);

}  // namespace corpus

#endif  // CORPUS_FILTER_GOPHER_REPETITION_H_
