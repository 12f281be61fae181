#ifndef CORPUS_FILTER_FINEWEB_H_
#define CORPUS_FILTER_FINEWEB_H_

#include "corpus/filter/document_filter.h"

namespace corpus {

// FineWeb's own quality rules, Penedo et al. 2024 ("The FineWeb Datasets:
// Decanting the Web for the Finest Text Data at Scale", section 3.5), as
// datatrove's FineWebQualityFilter implements them. A document is removed when
//   - the share of lines ending in punctuation is <= 0.12,
//   - the share of lines of at most 30 characters is >= 0.67,
//   - the share of characters in duplicated lines is >= 0.1.
// A negative threshold switches that rule off.
struct FineWebOptions {
  bool enabled = true;
  double min_line_punct = 0.12;
  long long short_line_length = 30;
  double max_short_lines = 0.67;
  // The paper's value. datatrove's code defaults char_duplicates_ratio to
  // 0.01, ten times stricter than what FineWeb reports using.
  double max_dup_line_chars = 0.1;
  // FineWeb-2's "list ratio" (datatrove's new_line_ratio): line breaks per
  // word above this reject the page (-1: off, as FineWeb ran English). Line
  // breaks are those between non-blank lines, since datatrove's input has
  // no blank lines between paragraphs.
  double max_newline_ratio = -1;
};

// FineWebFilter: lines are the non-blank lines (in datatrove's FineWeb run
// the C4 step before it has already dropped every blank line, so this gives
// the same numbers while keeping paragraph breaks in the text). A line
// "ends in punctuation" when it ends with . ' " ! ? (datatrove's stop_chars)
// or a sentence mark of another script (text_units.h), so CJK or Hindi pages
// are not judged by ASCII marks alone; Thai and Lao pages, which have no
// sentence marks, skip the punctuation rule.
class FineWebFilter : public JudgedFilter {
 public:
  explicit FineWebFilter(FineWebOptions opts) : JudgedFilter(opts.enabled), opts_(opts) {}
  std::string_view name() const override { return "fineweb"; }

 private:
  FilterVerdict Judge(Document& doc, QualitySignals* signals) const override;
  void EnabledRules(std::vector<SignalRule>* out) const override;
  FineWebOptions opts_;
};

// Line breaks between non-blank lines per word (datatrove divides
// text.count("\n") by the word count; a text without words counts as one).
double NewlineRatio(const Document& doc);

}  // namespace corpus

#endif  // CORPUS_FILTER_FINEWEB_H_
