#include "corpus/text/word_segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>
#include <unicode/utext.h>

#include <algorithm>
#include <climits>
#include <cstring>

namespace corpus {

struct WordSegmenter::Impl {
  std::unique_ptr<icu::BreakIterator> iter;
  UText text = UTEXT_INITIALIZER;
  std::vector<UChar> utf16;        // the token being split, in UTF-16
  std::vector<uint32_t> offsets;   // UTF-16 index -> byte offset in the token, and its size last

  ~Impl() { utext_close(&text); }
};

namespace {

// `s` in UTF-16 into *out, with the byte offset of each code unit (and
// s.size() after them) into *offsets; false if `s` is not well-formed UTF-8.
bool ToUtf16(std::string_view s, std::vector<UChar>* out, std::vector<uint32_t>* offsets) {
  out->clear();
  offsets->clear();
  if (s.size() > static_cast<size_t>(INT32_MAX)) return false;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    const auto at = static_cast<uint32_t>(i);
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
    if (c <= 0xFFFF) {
      out->push_back(static_cast<UChar>(c));
      offsets->push_back(at);
    } else {
      out->push_back(U16_LEAD(c));
      out->push_back(U16_TRAIL(c));
      offsets->push_back(at);
      offsets->push_back(at);
    }
  }
  offsets->push_back(static_cast<uint32_t>(n));
  return true;
}

}  // namespace

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

size_t FindNonSpacingScript(std::string_view text) {
  // Every non-spacing script lies at U+0E00 or above: three- and four-byte
  // sequences only, so only bytes >= 0xE0 (never continuation bytes) are
  // decoded, and eight bytes without a top bit set (ASCII) are passed over
  // at once.
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t block;
      std::memcpy(&block, text.data() + i, 8);
      if ((block & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    if (static_cast<uint8_t>(text[i]) < 0xE0) {
      ++i;
      continue;
    }
    const size_t at = i;
    if (IsNonSpacingScript(NextCodePoint(text, &i))) return at;
  }
  return std::string_view::npos;
}

bool HasNonSpacingScript(std::string_view word) { return FindNonSpacingScript(word) != std::string_view::npos; }

void WordSegmenter::Segment(std::string_view text, std::vector<Word>* words, std::vector<uint32_t>* line_tokens) {
  TokenizeWords(text, words, line_tokens);
  if (impl_ == nullptr) return;
  // One scan of the text finds the first character that needs the
  // dictionary; the words ending before it are final as they are (most
  // texts: all of them). A byte >= 0xE0 starts a code point wherever it is,
  // so the scan decodes what the tokeniser decoded.
  const size_t at = FindNonSpacingScript(text);
  if (at == std::string_view::npos) return;
  const char* const from = text.data() + at;
  const auto first_it = std::partition_point(words->begin(), words->end(),
                                             [from](const Word& w) { return w.text.data() + w.text.size() <= from; });
  if (first_it == words->end()) return;
  // Rebuild from the first token that may need the dictionary on.
  scratch_.assign(first_it, words->end());
  words->erase(first_it, words->end());
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
  // Well-formed text goes to ICU as UTF-16, its own form: its dictionary
  // engines copy UTF-8 input into UTF-16 with an index map for every run
  // they split, which costs more than this one conversion. Ill-formed text
  // is read over its bytes, where ICU takes each bad byte as U+FFFD. Both
  // give the same code points, so the same breaks.
  const bool wide = ToUtf16(token.text, &impl_->utf16, &impl_->offsets);
  if (wide) {
    utext_openUChars(&impl_->text, impl_->utf16.data(), static_cast<int64_t>(impl_->utf16.size()), &status);
  } else {
    utext_openUTF8(&impl_->text, token.text.data(), static_cast<int64_t>(token.text.size()), &status);
  }
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
  // Breaks are native indexes: UTF-16 units, or bytes of token.text.
  const auto byte = [&](int32_t k) {
    return wide ? size_t{impl_->offsets[static_cast<size_t>(k)]} : static_cast<size_t>(k);
  };
  int32_t begin = it.first();
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE; begin = end, end = it.next()) {
    // UBRK_WORD_NONE..UBRK_WORD_NONE_LIMIT: spaces, punctuation, symbols.
    if (it.getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;
    const std::string_view piece = token.text.substr(byte(begin), byte(end) - byte(begin));
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
