#include "corpus/filter/language.h"

#include <algorithm>

namespace corpus {

namespace {

// "zh" in the keep-list also keeps CLD2's "zh-Hant".
bool Listed(const std::vector<std::string>& languages, std::string_view code) {
  return std::any_of(languages.begin(), languages.end(), [code](const std::string& l) {
    return code == l || (code.starts_with(l) && code.size() > l.size() && code[l.size()] == '-');
  });
}

}  // namespace

FilterVerdict LanguageFilter::Apply(Document& doc) const {
  const std::string& text = doc.text();
  const size_t max_bytes = opts_.max_bytes == 0 ? text.size() : opts_.max_bytes;
  LanguageGuess guess;
  bool decided = false;
  if (opts_.sample_bytes > 0 && text.size() > opts_.sample_bytes && opts_.sample_bytes < max_bytes) {
    thread_local std::string buffer;
    const std::string_view sample = LanguageSample(text, opts_.sample_bytes, &buffer);
    guess = IdentifyLanguage(sample, sample.size());
    decided = guess.score >= kConfidentLanguageScore;
  }
  if (!decided) guess = IdentifyLanguage(text, max_bytes);
  doc.set_language(guess.code, guess.score);
  if (!opts_.languages.empty() && !Listed(opts_.languages, guess.code)) {
    return FilterVerdict::RejectString("language", guess.code);
  }
  if (opts_.min_score >= 0 && guess.score < opts_.min_score) {
    return FilterVerdict::Reject("lang_score", guess.score);
  }
  return FilterVerdict::Keep();
}

bool LanguageFilter::Keeps(const std::string& lang) const {
  return opts_.languages.empty() || Listed(opts_.languages, lang);
}

void LanguageFilter::Measure(Document& doc, QualitySignals* signals) const {
  Apply(doc);
  signals->Set("lang_score", doc.lang_score());
  signals->Set("lang_in_list", Keeps(doc.lang()) ? 1 : 0);
}

void LanguageFilter::Rules(std::vector<SignalRule>* out) const {
  out->push_back(SignalRule{"language", "lang_in_list", SignalRule::Op::kLess, 1, ""});
  if (opts_.min_score >= 0) out->push_back(SignalRule{"lang_score", "lang_score", SignalRule::Op::kLess, opts_.min_score, ""});
}

}  // namespace corpus
