#include "corpus/filter/fineweb.h"

#include <algorithm>

#include "corpus/filter/gopher_repetition.h"

namespace corpus {
namespace {

bool EndsWithStopChar(std::string_view line) {
  if (line.empty()) return false;
  const char last = line.back();
  return last == '.' || last == '\'' || last == '"' || last == '!' || last == '?' || EndsWithSentenceMark(line);
}

}  // namespace

double NewlineRatio(const Document& doc) {
  const size_t lines = doc.non_blank_lines().size();
  const size_t words = doc.words().size();
  if (lines == 0) return 0;
  return static_cast<double>(lines - 1) / static_cast<double>(std::max<size_t>(words, 1));
}

void FineWebFilter::EnabledRules(std::vector<SignalRule>* out) const {
  using Op = SignalRule::Op;
  AddThresholdRule(out, "fineweb_line_punct", "fineweb_line_punct_frac", Op::kLessEqual, opts_.min_line_punct);
  AddThresholdRule(out, "fineweb_short_lines", "fineweb_short_lines_frac", Op::kGreaterEqual, opts_.max_short_lines);
  AddThresholdRule(out, "fineweb_dup_line_chars", "fineweb_dup_line_chars_frac", Op::kGreaterEqual,
                   opts_.max_dup_line_chars);
  AddThresholdRule(out, "fineweb_list_ratio", "fineweb_newline_ratio", Op::kGreater, opts_.max_newline_ratio);
}

FilterVerdict FineWebFilter::Judge(Document& doc, QualitySignals* signals) const {
  const std::vector<std::string_view>& lines = doc.non_blank_lines();
  if (lines.empty()) return FilterVerdict::Keep();
  RuleCheck check(signals);
  const auto n = static_cast<double>(lines.size());

  size_t punct = 0, short_lines = 0, line_chars = 0;
  for (std::string_view line : lines) {
    punct += EndsWithStopChar(line);
    const size_t chars = CountCodePoints(line);
    short_lines += static_cast<long long>(chars) <= opts_.short_line_length;
    line_chars += chars;
  }
  // Thai and Lao mark no sentences: the punctuation share says nothing there
  // and is not recorded.
  const double punct_share = static_cast<double>(punct) / n;
  if (doc.MarksSentences() &&
      check.Check("fineweb_line_punct_frac", punct_share,
                  opts_.min_line_punct >= 0 && punct_share <= opts_.min_line_punct, "fineweb_line_punct")) {
    return check.verdict();
  }
  const double short_share = static_cast<double>(short_lines) / n;
  if (check.Check("fineweb_short_lines_frac", short_share,
                  opts_.max_short_lines >= 0 && short_share >= opts_.max_short_lines, "fineweb_short_lines")) {
    return check.verdict();
  }
  // Characters of duplicate lines over all characters but newlines
  // (datatrove: len(doc.text.replace("\n", ""))); blank lines add nothing.
  if (opts_.max_dup_line_chars >= 0 || check.measuring()) {
    const DuplicateStats d = FindDuplicates(lines);
    const double share = line_chars == 0 ? 0 : static_cast<double>(d.chars) / static_cast<double>(line_chars);
    if (check.Check("fineweb_dup_line_chars_frac", share,
                    opts_.max_dup_line_chars >= 0 && share >= opts_.max_dup_line_chars, "fineweb_dup_line_chars")) {
      return check.verdict();
    }
  }
  if (opts_.max_newline_ratio >= 0 || check.measuring()) {
    const double ratio = NewlineRatio(doc);
    check.Check("fineweb_newline_ratio", ratio, opts_.max_newline_ratio >= 0 && ratio > opts_.max_newline_ratio,
                "fineweb_list_ratio");
  }
  return check.verdict();
}

}  // namespace corpus
