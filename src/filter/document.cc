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

void Document::set_text_from_lines(std::string text, const std::vector<LineCopy>& lines) {
  // Without a character that needs the dictionary, finding the words again
  // costs no more than carrying them over.
  if (!words_ || !lines_ || line_tokens_.size() != lines_->size() ||
      FindNonSpacingScript(text) == std::string::npos) {
    set_text(std::move(text));
    return;
  }
  const std::vector<Word>& old_words = *words_;
  const std::vector<Line>& old_lines = *lines_;
  std::vector<Word> words;
  std::vector<uint32_t> tokens;
  words.reserve(old_words.size());
  tokens.reserve(lines.size() + lines.size() / 2);
  thread_local std::vector<Word> new_words;
  thread_local std::vector<uint32_t> new_tokens;
  size_t w = 0;           // the first old word not yet passed
  size_t next_line = 0;   // copies must come in the order of the old lines
  size_t end = 0;         // where the previous line ended in `text`
  for (size_t k = 0; k < lines.size(); ++k) {
    const LineCopy& piece = lines[k];
    // Lines are joined by "\n" (no line between them) or "\n\n" (an empty one).
    const size_t gap = piece.offset - end;
    const bool joined = k == 0 ? piece.offset == 0 : piece.offset >= end && (gap == 1 || gap == 2);
    if (piece.size == 0 || !joined || piece.offset + piece.size > text.size()) {
      set_text(std::move(text));
      return;
    }
    if (k > 0 && gap == 2) tokens.push_back(0);
    end = piece.offset + piece.size;
    const std::string_view now(text.data() + piece.offset, piece.size);
    bool copied = false;
    if (piece.from_line != kNewLine && piece.from_line >= next_line && piece.from_line < old_lines.size() &&
        old_lines[piece.from_line].trimmed == now) {
      next_line = piece.from_line + 1;
      const Line& line = old_lines[piece.from_line];
      const char* const trimmed_begin = line.trimmed.data();
      const char* const trimmed_end = trimmed_begin + line.trimmed.size();
      while (w < old_words.size() && old_words[w].text.data() < line.text.data()) ++w;
      size_t last = w;
      copied = true;
      while (last < old_words.size() && old_words[last].text.data() < line.text.data() + line.text.size()) {
        const Word& word = old_words[last++];
        copied = copied && word.text.data() >= trimmed_begin && word.text.data() + word.text.size() <= trimmed_end;
      }
      if (copied) {
        for (; w < last; ++w) {
          Word word = old_words[w];
          word.text = std::string_view(now.data() + (word.text.data() - trimmed_begin), word.text.size());
          words.push_back(word);
        }
        tokens.push_back(line_tokens_[piece.from_line]);
      }
      w = last;
    }
    if (!copied) {
      SegmentWords(now, &new_words, &new_tokens);
      if (new_tokens.size() != 1) {  // the line held a '\n'
        set_text(std::move(text));
        return;
      }
      words.insert(words.end(), new_words.begin(), new_words.end());
      tokens.push_back(new_tokens[0]);
    }
  }
  if (end != text.size()) {
    set_text(std::move(text));
    return;
  }
  const char* const base = text.data();
  set_text(std::move(text));
  // The views point into `text`; a short text's bytes move with it.
  for (Word& word : words) word.text = std::string_view(text_.data() + (word.text.data() - base), word.text.size());
  words_ = std::move(words);
  line_tokens_ = std::move(tokens);
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
  // Without a character of a non-spacing script the share is 0 and the
  // text uses spaces, whatever its letters (most texts); the scan decodes
  // only bytes >= 0xE0.
  if (FindNonSpacingScript(text_) == std::string::npos) return *(uses_spaces_ = true);
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
