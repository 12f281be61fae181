#ifndef CORPUS_FILTER_GOPHER_QUALITY_H_
#define CORPUS_FILTER_GOPHER_QUALITY_H_

#include <string>
#include <unordered_set>
#include <vector>

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
  long long min_stop_words = 2;
  // Stop words of the document's language, lower case (a language's
  // settings, docs/LANGUAGES.md). Empty: Gopher's English list for English
  // documents, and no stop-word rule for other languages.
  std::vector<std::string> stop_words;
  // Whether the mean-word-length rule judges texts written without spaces.
  // Off by default, since the English bounds [3, 10] do not fit Chinese
  // words of one or two characters; a language's settings switch it on
  // with their own bounds.
  bool word_length_all_scripts = false;
};

// GopherQualityFilter rejects documents whose word and line statistics are
// unlike prose. Word rules are checked before line rules; the first failing
// rule names the rejection. Words are the segmenter's (Document::words), so
// the word rules judge every script; see the options for the two rules that
// depend on the language (stop words, mean word length).
class GopherQualityFilter : public JudgedFilter {
 public:
  explicit GopherQualityFilter(GopherQualityOptions opts);
  std::string_view name() const override { return "gopher_quality"; }

 private:
  FilterVerdict Judge(Document& doc, QualitySignals* signals) const override;
  void EnabledRules(std::vector<SignalRule>* out) const override;
  // Each returns whether the check says to stop.
  bool ApplyWordRules(const Document& doc, RuleCheck* check) const;
  void ApplyLineRules(const Document& doc, RuleCheck* check) const;
  // Whether a stop-word list applies to `doc` (its own, or Gopher's for English).
  bool HasStopWords(const Document& doc) const;
  // Stop words of `doc` among its words, counted up to `enough`.
  size_t CountStopWords(const Document& doc, size_t enough) const;
  GopherQualityOptions opts_;
  std::unordered_set<std::string> stop_words_;  // lower case
};

}  // namespace corpus

#endif  // CORPUS_FILTER_GOPHER_QUALITY_H_
