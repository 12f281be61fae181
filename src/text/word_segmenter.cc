#include "corpus/text/word_segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

namespace corpus {

struct WordSegmenter::Impl {
  std::unique_ptr<icu::BreakIterator> iter;
  UText text = UTEXT_INITIALIZER;

  ~Impl() { utext_close(&text); }
};

WordSegmenter::WordSegmenter() {
  UErrorCode status = U_ZERO_ERROR;
  // The root locale's word rules already use ICU's dictionaries for Han,
  // Kana, Thai, Lao, Khmer and Myanmar; no per-language instance is needed.
  std::unique_ptr<icu::BreakIterator> iter(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || iter == nullptr) return;
  impl_ = std::make_unique<Impl>();
  impl_->iter = std::move(iter);
}

WordSegmenter::~WordSegmenter() = default;

bool HasNonSpacingScript(std::string_view word) {
  // Every non-spacing script lies at U+0E00 or above: three- and four-byte
  // sequences only, so words of other scripts are passed over by their bytes.
  for (size_t i = 0; i < word.size();) {
    if (static_cast<uint8_t>(word[i]) < 0xE0) {
      ++i;
      continue;
    }
    if (IsNonSpacingScript(NextCodePoint(word, &i))) return true;
  }
  return false;
}

void WordSegmenter::Segment(std::string_view text, std::vector<Word>* words, std::vector<uint32_t>* line_tokens) {
  TokenizeWords(text, words, line_tokens);
  if (impl_ == nullptr) return;
  size_t first = 0;
  while (first < words->size() && !HasNonSpacingScript((*words)[first].text)) ++first;
  if (first == words->size()) return;
  // Rebuild from the first token that needs the dictionary on.
  scratch_.assign(words->begin() + static_cast<std::ptrdiff_t>(first), words->end());
  words->resize(first);
  for (const Word& token : scratch_) {
    if (HasNonSpacingScript(token.text)) {
      SplitToken(token, words);
    } else {
      words->push_back(token);
    }
  }
}

void WordSegmenter::SplitToken(const Word& token, std::vector<Word>* out) {
  UErrorCode status = U_ZERO_ERROR;
  utext_openUTF8(&impl_->text, token.text.data(), static_cast<int64_t>(token.text.size()), &status);
  if (U_FAILURE(status)) {
    out->push_back(token);
    return;
  }
  icu::BreakIterator& it = *impl_->iter;
  it.setText(&impl_->text, status);
  if (U_FAILURE(status)) {
    out->push_back(token);
    return;
  }
  // Offsets are native (UTF-8 byte) indexes into token.text.
  int32_t begin = it.first();
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE; begin = end, end = it.next()) {
    // UBRK_WORD_NONE..UBRK_WORD_NONE_LIMIT: spaces, punctuation, symbols.
    if (it.getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;
    const std::string_view piece = token.text.substr(static_cast<size_t>(begin), static_cast<size_t>(end - begin));
    Word w{piece, 0, false};
    for (size_t i = 0; i < piece.size();) {
      const char32_t c = NextCodePoint(piece, &i);
      ++w.chars;
      w.has_letter = w.has_letter || IsLetter(c);
    }
    out->push_back(w);
  }
}

void SegmentWords(std::string_view text, std::vector<Word>* words, std::vector<uint32_t>* line_tokens) {
  thread_local WordSegmenter segmenter;
  segmenter.Segment(text, words, line_tokens);
}

size_t CountWords(std::string_view text) {
  thread_local std::vector<Word> words;
  SegmentWords(text, &words);
  return words.size();
}

}  // namespace corpus
