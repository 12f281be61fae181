#ifndef CORPUS_FILTER_GOPHER_QUALITY_H_
#define CORPUS_FILTER_GOPHER_QUALITY_H_

#include "corpus/filter/document_filter.h"

namespace corpus {

// Thresholds of the Gopher quality rules, Rae et al. 2021 ("Scaling Language
// Models: Methods, Analysis & Insights from Training Gopher", appendix A.1.1),
// with the defaults of the paper and of datatrove's GopherQualityFilter.
// A negative value switches a single rule off.
struct GopherQualityOptions {
  bool enabled = true;
  long long min_words = 50;
  long long max_words = 100000;
  double min_mean_word_length = 3;
  double max_mean_word_length = 10;
  double max_symbol_word_ratio = 0.1;   // '#' per word, and '...'/'…' per word
  double max_bullet_lines = 0.9;        // share of lines starting with a bullet
  double max_ellipsis_lines = 0.3;      // share of lines ending in an ellipsis
  double min_alpha_words = 0.8;         // share of words with a letter
  long long min_stop_words = 2;         // English only
};

// GopherQualityFilter rejects documents whose word and line statistics are
// unlike prose. Word rules are checked before line rules; the first failing
// rule names the rejection. Word rules apply only to texts written with
// spaces (Document::UsesSpaces); the stop-word rule only to English, since
// its list is English ("the", "be", "to", "of", "and", "that", "have", "with").
class GopherQualityFilter : public DocumentFilter {
 public:
  explicit GopherQualityFilter(GopherQualityOptions opts) : opts_(opts) {}
  std::string_view name() const override { return "gopher_quality"; }
  FilterVerdict Apply(Document& doc) const override;

 private:
  FilterVerdict ApplyWordRules(const Document& doc) const;
  FilterVerdict ApplyLineRules(const Document& doc) const;
  GopherQualityOptions opts_;
};

}  // namespace corpus

#endif  // CORPUS_FILTER_GOPHER_QUALITY_H_
