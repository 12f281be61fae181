#ifndef CORPUS_FILTER_DOCUMENT_H_
#define CORPUS_FILTER_DOCUMENT_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "corpus/text/text_units.h"

namespace corpus {

// Document is what the filter steps see of one record: its text (which a
// step may rewrite, e.g. C4 line removal or PII redaction), its URL and the
// language found by the identifier. Derived views (lines, paragraphs, words,
// script) are computed once, on first use, and shared by every rule: the text
// is split and tokenised once, not once per rule. They are dropped when the
// text changes. Steps also leave counts here (e.g. "pii_email"), which the
// stage forwards to `corpus stats`.
// Not thread-safe; one Document per record.
class Document {
 public:
  Document(std::string text, std::string url) : text_(std::move(text)), url_(std::move(url)) {}

  const std::string& text() const { return text_; }
  void set_text(std::string text);

  // One line of a text given to set_text_from_lines: where it starts in that
  // text, its length, and the index in lines() of the line whose trimmed
  // form it copies byte for byte, or kNewLine.
  struct LineCopy {
    size_t offset;
    size_t size;
    size_t from_line;
  };
  static constexpr size_t kNewLine = SIZE_MAX;
  // set_text for a text made of non-empty lines joined by "\n" or "\n\n",
  // described in order by `lines`, most of them copies of trimmed lines of
  // the current text (C4's line removal). When words() was computed, the
  // words of each copied line are carried over rather than found again
  // (ICU's dictionaries, the costly part for Chinese and Japanese, run only
  // on new lines): words are found token by token and tokens never span a
  // line, so words() and line_tokens() are what set_text(text) would give.
  // REQUIRES: `lines` describes `text` (a text it does not describe is
  // segmented again in full).
  void set_text_from_lines(std::string text, const std::vector<LineCopy>& lines);
  bool text_changed() const { return text_changed_; }
  const std::string& url() const { return url_; }

  // ISO 639-1 style code from CLD2 ("en", "zh-Hant"), "un" when unknown.
  const std::string& lang() const { return lang_; }
  double lang_score() const { return lang_score_; }
  void set_language(std::string lang, double score);

  // The lines of the text (SplitTrimmedLines), its non-blank lines and its
  // paragraphs (NonBlankLines, Paragraphs of text_units.h).
  const std::vector<Line>& lines() const;
  const std::vector<std::string_view>& non_blank_lines() const;
  const std::vector<std::string_view>& paragraphs() const;
  // The words of the text (SegmentWords of text/word_segmenter.h: words
  // split by spaces, and by ICU's dictionaries in scripts written without
  // them), and the number of whitespace-separated tokens of each line of
  // lines(), from the same pass.
  const std::vector<Word>& words() const;
  const std::vector<uint32_t>& line_tokens() const;
  // Words per line of lines(): line_tokens() for texts that use spaces
  // (UsesSpaces), else the segmenter's words that fall on each line, so a
  // Chinese line of ten words counts ten, not one.
  const std::vector<uint32_t>& line_words() const;
  size_t char_count() const;
  // Whether the text is written with spaces between words: false for
  // languages written without them (zh, ja, th, lo, km, my, bo), and for any
  // text where at least 30% of the letters are from such scripts. Word rules
  // run either way (on the segmenter's words); this picks line_words().
  bool UsesSpaces() const;
  // Whether the language ends sentences with a mark: false for Thai and Lao,
  // which separate sentences by spaces only, so rules counting terminal
  // punctuation or sentences say nothing about them.
  bool MarksSentences() const { return lang_ != "th" && lang_ != "lo"; }

  void Count(std::string_view counter, uint64_t n = 1);
  const std::vector<std::pair<std::string, uint64_t>>& counts() const { return counts_; }

 private:
  std::string text_;
  std::string url_;
  std::string lang_ = "un";
  double lang_score_ = 0;
  bool text_changed_ = false;
  mutable std::optional<std::vector<Line>> lines_;
  mutable std::optional<std::vector<std::string_view>> non_blank_lines_;
  mutable std::optional<std::vector<std::string_view>> paragraphs_;
  mutable std::optional<std::vector<Word>> words_;
  mutable std::vector<uint32_t> line_tokens_;
  mutable std::optional<std::vector<uint32_t>> line_words_;
  mutable std::optional<size_t> char_count_;
  mutable std::optional<bool> uses_spaces_;
  std::vector<std::pair<std::string, uint64_t>> counts_;
};

}  // namespace corpus

#endif  // CORPUS_FILTER_DOCUMENT_H_
