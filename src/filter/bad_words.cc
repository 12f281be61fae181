#include "corpus/filter/bad_words.h"

#include <utf8proc.h>

#include "corpus/text/text_units.h"
#include "corpus/filter/word_list.h"

namespace corpus {
namespace {

// Word characters in the sense of Python's \w: letters, digits, marks, '_'.
bool IsWordChar(char32_t c) {
  if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  if (IsLetter(c)) return true;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
      return true;
    default:
      return false;
  }
}

// Splits lower-cased text into runs of word characters.
std::vector<std::string_view> WordRuns(std::string_view s) {
  std::vector<std::string_view> runs;
  size_t i = 0, start = 0;
  bool in_word = false;
  while (i < s.size()) {
    const size_t at = i;
    const bool w = IsWordChar(NextCodePoint(s, &i));
    if (w && !in_word) start = at;
    if (!w && in_word) runs.push_back(s.substr(start, at - start));
    in_word = w;
  }
  if (in_word) runs.push_back(s.substr(start));
  return runs;
}

}  // namespace

BadWordsFilter::BadWordsFilter(const std::vector<std::string>& entries) {
  for (const std::string& e : entries) {
    const std::string lower = LowerUtf8(e);
    std::string phrase;
    size_t words = 0;
    for (std::string_view w : WordRuns(lower)) {
      if (!phrase.empty()) phrase += ' ';
      phrase.append(w);
      ++words;
    }
    if (words == 0) continue;
    phrases_.insert(phrase);
    entries_.push_back(lower);
    if (words > max_phrase_words_) max_phrase_words_ = words;
  }
}

Status BadWordsFilter::Load(const std::string& path, std::unique_ptr<BadWordsFilter>* out, std::string* digest) {
  ListFile list;
  CORPUS_RETURN_IF_ERROR(LoadListFile(path, &list));
  *out = std::make_unique<BadWordsFilter>(list.entries);
  *digest = list.sha256.substr(0, 16);
  return Status::OK();
}

FilterVerdict BadWordsFilter::Apply(Document& doc) const {
  if (phrases_.empty()) return FilterVerdict::Keep();
  const std::string lower = LowerUtf8(doc.text());
  if (!doc.UsesSpaces()) {
    for (const std::string& e : entries_) {
      if (lower.find(e) != std::string::npos) return FilterVerdict::RejectString("bad_words", e);
    }
    return FilterVerdict::Keep();
  }
  const std::vector<std::string_view> runs = WordRuns(lower);
  std::string phrase;
  for (size_t i = 0; i < runs.size(); ++i) {
    phrase.assign(runs[i]);
    for (size_t n = 1; n <= max_phrase_words_ && i + n <= runs.size(); ++n) {
      if (n > 1) {
        phrase += ' ';
        phrase.append(runs[i + n - 1]);
      }
      if (phrases_.count(phrase)) return FilterVerdict::RejectString("bad_words", phrase);
    }
  }
  return FilterVerdict::Keep();
}

}  // namespace corpus
