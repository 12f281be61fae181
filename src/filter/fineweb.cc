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

FilterVerdict FineWebFilter::Apply(Document& doc) const {
  if (!opts_.enabled) return FilterVerdict::Keep();
  const std::vector<std::string_view>& lines = doc.non_blank_lines();
  if (lines.empty()) return FilterVerdict::Keep();
  const auto n = static_cast<double>(lines.size());

  size_t punct = 0, short_lines = 0, line_chars = 0;
  for (std::string_view line : lines) {
    punct += EndsWithStopChar(line);
    const size_t chars = CountCodePoints(line);
    short_lines += static_cast<long long>(chars) <= opts_.short_line_length;
    line_chars += chars;
  }
  const double punct_share = static_cast<double>(punct) / n;
  if (opts_.min_line_punct >= 0 && doc.MarksSentences() && punct_share <= opts_.min_line_punct) {
    return FilterVerdict::Reject("fineweb_line_punct", punct_share);
  }
  const double short_share = static_cast<double>(short_lines) / n;
  if (opts_.max_short_lines >= 0 && short_share >= opts_.max_short_lines) {
    return FilterVerdict::Reject("fineweb_short_lines", short_share);
  }
  // Characters of duplicate lines over all characters but newlines
  // (datatrove: len(doc.text.replace("\n", ""))); blank lines add nothing.
  if (opts_.max_dup_line_chars >= 0) {
    const DuplicateStats d = FindDuplicates(lines);
    const double share = line_chars == 0 ? 0 : static_cast<double>(d.chars) / static_cast<double>(line_chars);
    if (share >= opts_.max_dup_line_chars) return FilterVerdict::Reject("fineweb_dup_line_chars", share);
  }
  if (opts_.max_newline_ratio >= 0) {
    const double ratio = NewlineRatio(doc);
    if (ratio > opts_.max_newline_ratio) return FilterVerdict::Reject("fineweb_list_ratio", ratio);
  }
  return FilterVerdict::Keep();
}

}  // namespace corpus
