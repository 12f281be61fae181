#include "corpus/filter/language.h"

#include <cld2/public/compact_lang_det.h>

#include <algorithm>

namespace corpus {

LanguageGuess IdentifyLanguage(std::string_view text, size_t max_bytes) {
  LanguageGuess guess;
  if (text.size() > max_bytes) {
    // Cut at a code point boundary.
    size_t cut = max_bytes;
    while (cut > 0 && (static_cast<uint8_t>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  if (text.empty()) return guess;
  CLD2::Language language3[3];
  int percent3[3] = {0, 0, 0};
  double normalized_score3[3];
  int text_bytes = 0;
  bool is_reliable = false;
  int valid_prefix_bytes = 0;
  const CLD2::Language top = CLD2::ExtDetectLanguageSummaryCheckUTF8(
      text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true, /*cld_hints=*/nullptr,
      /*flags=*/0, language3, percent3, normalized_score3, /*resultchunkvector=*/nullptr, &text_bytes,
      &is_reliable, &valid_prefix_bytes);
  if (top == CLD2::UNKNOWN_LANGUAGE || top == CLD2::TG_UNKNOWN_LANGUAGE) return guess;
  guess.code = CLD2::LanguageCode(top);
  int percent = 0;
  for (int i = 0; i < 3; ++i) {
    if (language3[i] == top) percent = percent3[i];
  }
  guess.score = std::clamp(percent / 100.0, 0.0, 1.0);
  return guess;
}

namespace {

// "zh" in the keep-list also keeps CLD2's "zh-Hant".
bool Listed(const std::vector<std::string>& languages, std::string_view code) {
  return std::any_of(languages.begin(), languages.end(), [code](const std::string& l) {
    return code == l || (code.starts_with(l) && code.size() > l.size() && code[l.size()] == '-');
  });
}

}  // namespace

FilterVerdict LanguageFilter::Apply(Document& doc) const {
  LanguageGuess guess = IdentifyLanguage(doc.text(), opts_.max_bytes == 0 ? doc.text().size() : opts_.max_bytes);
  doc.set_language(guess.code, guess.score);
  if (!opts_.languages.empty() && !Listed(opts_.languages, guess.code)) {
    return FilterVerdict::RejectString("language", guess.code);
  }
  if (opts_.min_score >= 0 && guess.score < opts_.min_score) {
    return FilterVerdict::Reject("lang_score", guess.score);
  }
  return FilterVerdict::Keep();
}

}  // namespace corpus
