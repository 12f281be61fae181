#include "corpus/filter/document.h"

#include <algorithm>
#include <array>

#include "corpus/text/word_segmenter.h"

namespace corpus {
namespace {

// CLD2 codes of languages written without spaces between words.
constexpr std::array<std::string_view, 8> kNonSpacingLanguages = {"zh", "zh-Hant", "ja", "th",
                                                                  "lo", "km",      "my", "bo"};

// The share of letters from non-spacing scripts above which a text is
// treated as such whatever the language identifier said (mixed pages).
constexpr double kNonSpacingLetterShare = 0.3;

}  // namespace

void Document::set_text(std::string text) {
  text_ = std::move(text);
  text_changed_ = true;
  lines_.reset();
  non_blank_lines_.reset();
  paragraphs_.reset();
  words_.reset();
  line_tokens_.clear();
  line_words_.reset();
  char_count_.reset();
  uses_spaces_.reset();
}

void Document::set_language(std::string lang, double score) {
  lang_ = std::move(lang);
  lang_score_ = score;
  uses_spaces_.reset();
  line_words_.reset();
}

const std::vector<Line>& Document::lines() const {
  if (!lines_) SplitTrimmedLines(text_, &lines_.emplace());
  return *lines_;
}

const std::vector<std::string_view>& Document::non_blank_lines() const {
  if (!non_blank_lines_) NonBlankLines(lines(), &non_blank_lines_.emplace());
  return *non_blank_lines_;
}

const std::vector<std::string_view>& Document::paragraphs() const {
  if (!paragraphs_) Paragraphs(lines(), &paragraphs_.emplace());
  return *paragraphs_;
}

const std::vector<Word>& Document::words() const {
  if (!words_) SegmentWords(text_, &words_.emplace(), &line_tokens_);
  return *words_;
}

const std::vector<uint32_t>& Document::line_tokens() const {
  words();
  return line_tokens_;
}

const std::vector<uint32_t>& Document::line_words() const {
  if (line_words_) return *line_words_;
  if (UsesSpaces()) return *(line_words_ = line_tokens());
  const std::vector<Line>& ls = lines();
  const std::vector<Word>& ws = words();
  std::vector<uint32_t>& counts = line_words_.emplace(ls.size(), 0);
  // Words and lines are views into text_ in order: walk both at once.
  size_t w = 0;
  for (size_t k = 0; k < ls.size(); ++k) {
    const char* end = ls[k].text.data() + ls[k].text.size();
    while (w < ws.size() && ws[w].text.data() < end) {
      ++counts[k];
      ++w;
    }
  }
  return counts;
}

size_t Document::char_count() const {
  if (!char_count_) char_count_ = CountCodePoints(text_);
  return *char_count_;
}

bool Document::UsesSpaces() const {
  if (uses_spaces_) return *uses_spaces_;
  for (std::string_view code : kNonSpacingLanguages) {
    if (lang_ == code) return *(uses_spaces_ = false);
  }
  // Non-spacing scripts start at U+0E00, so their UTF-8 lead bytes are
  // 0xE0 or above: without such a byte the share is 0 and the text uses
  // spaces, whatever its letters (most texts; no decoding needed).
  uint8_t highest = 0;  // a max reduction, which vectorizes
  for (const char ch : text_) highest = std::max(highest, static_cast<uint8_t>(ch));
  if (highest < 0xE0) return *(uses_spaces_ = true);
  size_t letters = 0, non_spacing = 0;
  size_t i = 0;
  while (i < text_.size()) {
    if (static_cast<uint8_t>(text_[i]) < 0x80) {  // ASCII: only letters matter
      const char ch = text_[i++];
      letters += (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z';
      continue;
    }
    const char32_t c = NextCodePoint(text_, &i);
    if (IsNonSpacingScript(c)) {
      ++letters;
      ++non_spacing;
    } else if (IsLetter(c)) {
      ++letters;
    }
  }
  uses_spaces_ = letters == 0 || non_spacing < kNonSpacingLetterShare * static_cast<double>(letters);
  return *uses_spaces_;
}

void Document::Count(std::string_view counter, uint64_t n) {
  for (auto& [name, value] : counts_) {
    if (name == counter) {
      value += n;
      return;
    }
  }
  counts_.emplace_back(std::string(counter), n);
}

}  // namespace corpus
