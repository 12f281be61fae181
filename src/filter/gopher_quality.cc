#include "corpus/filter/gopher_quality.h"

#include <array>

#include "corpus/filter/word_list.h"

namespace corpus {
namespace {

// Gopher's stop words (Rae et al. 2021, A.1.1; datatrove's STOP_WORDS).
constexpr std::array<std::string_view, 8> kStopWords = {"the", "be", "to", "of", "and", "that", "have", "with"};

bool IsStopWord(std::string_view w) {
  if (w.size() < 2 || w.size() > 4) return false;
  char lower[4];
  for (size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    lower[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  const std::string_view lw(lower, w.size());
  for (std::string_view s : kStopWords) {
    if (lw == s) return true;
  }
  return false;
}

// Bullets: datatrove checks only "•"; we also accept the other common bullet
// characters and Markdown-style "- " / "* " items, which is what a bullet is
// on pages whose lists were flattened to text.
bool StartsWithBullet(std::string_view line) {
  line = TrimSpace(line);
  static constexpr std::array<std::string_view, 10> kBullets = {"•", "●", "○", "◦", "▪", "▫", "■", "‣", "⁃", "➢"};
  for (std::string_view b : kBullets) {
    if (line.starts_with(b)) return true;
  }
  return line.size() >= 2 && (line[0] == '-' || line[0] == '*') && line[1] == ' ';
}

bool EndsWithEllipsis(std::string_view line) {
  line = TrimSpace(line);
  return line.ends_with("...") || line.ends_with("…");
}

}  // namespace

GopherQualityFilter::GopherQualityFilter(GopherQualityOptions opts) : opts_(std::move(opts)) {
  for (const std::string& w : opts_.stop_words) stop_words_.insert(LowerUtf8(w));
}

size_t GopherQualityFilter::CountStopWords(const Document& doc, size_t enough) const {
  const std::vector<Word>& words = doc.words();
  size_t n = 0;
  if (stop_words_.empty()) {
    if (doc.lang() != "en") return enough;  // no list: the rule does not apply
    for (size_t i = 0; i < words.size() && n < enough; ++i) n += IsStopWord(words[i].text);
    return n;
  }
  std::string lower;
  for (size_t i = 0; i < words.size() && n < enough; ++i) {
    lower = LowerUtf8(words[i].text);
    n += stop_words_.count(lower);
  }
  return n;
}

FilterVerdict GopherQualityFilter::Apply(Document& doc) const {
  if (!opts_.enabled) return FilterVerdict::Keep();
  FilterVerdict v = ApplyWordRules(doc);
  if (!v.keep) return v;
  return ApplyLineRules(doc);
}

FilterVerdict GopherQualityFilter::ApplyWordRules(const Document& doc) const {
  const std::vector<Word>& words = doc.words();
  const auto n_words = static_cast<long long>(words.size());
  // "word count in [50, 100000]"
  if (opts_.min_words >= 0 && n_words < opts_.min_words) {
    return FilterVerdict::Reject("gopher_min_words", static_cast<double>(n_words));
  }
  if (opts_.max_words >= 0 && n_words > opts_.max_words) {
    return FilterVerdict::Reject("gopher_max_words", static_cast<double>(n_words));
  }
  if (n_words == 0) return FilterVerdict::Keep();  // only when min_words is off

  // "mean word length in [3, 10] characters"
  size_t total_chars = 0, alpha_words = 0;
  for (const Word& w : words) {
    total_chars += w.chars;
    alpha_words += w.has_letter;
  }
  const double mean_len = static_cast<double>(total_chars) / static_cast<double>(n_words);
  const bool judge_length = opts_.word_length_all_scripts || doc.UsesSpaces();
  if (judge_length && opts_.min_mean_word_length >= 0 && mean_len < opts_.min_mean_word_length) {
    return FilterVerdict::Reject("gopher_min_mean_word_length", mean_len);
  }
  if (judge_length && opts_.max_mean_word_length >= 0 && mean_len > opts_.max_mean_word_length) {
    return FilterVerdict::Reject("gopher_max_mean_word_length", mean_len);
  }

  // "symbol-to-word ratio greater than 0.1 for either the hash symbol or the
  // ellipsis": datatrove counts '#' and ('...' + '…') in the raw text.
  if (opts_.max_symbol_word_ratio >= 0) {
    const std::string& text = doc.text();
    const double hashes = static_cast<double>(CountSubstr(text, "#")) / static_cast<double>(n_words);
    if (hashes > opts_.max_symbol_word_ratio) return FilterVerdict::Reject("gopher_hash_ratio", hashes);
    const double ellipses =
        static_cast<double>(CountSubstr(text, "...") + CountSubstr(text, "…")) / static_cast<double>(n_words);
    if (ellipses > opts_.max_symbol_word_ratio) return FilterVerdict::Reject("gopher_ellipsis_ratio", ellipses);
  }

  // "at least 80% of words contain at least one alphabetic character"
  const double alpha = static_cast<double>(alpha_words) / static_cast<double>(n_words);
  if (opts_.min_alpha_words >= 0 && alpha < opts_.min_alpha_words) {
    return FilterVerdict::Reject("gopher_alpha_words", alpha);
  }

  // "at least two of the English stop words", or of the language's own
  // (FineWeb-2). datatrove matches them case sensitively; we ignore case so
  // a sentence-initial "The" counts.
  if (opts_.min_stop_words > 0) {
    // Counted up to the minimum only: the count is reported only below it.
    const auto needed = static_cast<size_t>(opts_.min_stop_words);
    const size_t stop_words = CountStopWords(doc, needed);
    if (stop_words < needed) return FilterVerdict::Reject("gopher_stop_words", static_cast<double>(stop_words));
  }
  return FilterVerdict::Keep();
}

FilterVerdict GopherQualityFilter::ApplyLineRules(const Document& doc) const {
  // Lines are the non-blank lines (blank lines separate paragraphs here; in
  // datatrove's input, paragraphs are single lines).
  const std::vector<std::string_view>& lines = doc.non_blank_lines();
  if (lines.empty()) return FilterVerdict::Keep();
  size_t bullets = 0, ellipses = 0;
  for (std::string_view line : lines) {
    bullets += StartsWithBullet(line);
    ellipses += EndsWithEllipsis(line);
  }
  const auto n = static_cast<double>(lines.size());
  // "more than 90% of lines starting with a bullet point"
  if (opts_.max_bullet_lines >= 0 && static_cast<double>(bullets) / n > opts_.max_bullet_lines) {
    return FilterVerdict::Reject("gopher_bullet_lines", static_cast<double>(bullets) / n);
  }
  // "more than 30% ending with an ellipsis"
  if (opts_.max_ellipsis_lines >= 0 && static_cast<double>(ellipses) / n > opts_.max_ellipsis_lines) {
    return FilterVerdict::Reject("gopher_ellipsis_lines", static_cast<double>(ellipses) / n);
  }
  return FilterVerdict::Keep();
}

}  // namespace corpus
