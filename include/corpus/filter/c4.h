#ifndef CORPUS_FILTER_C4_H_
#define CORPUS_FILTER_C4_H_

#include "corpus/filter/document_filter.h"

namespace corpus {

// The C4 rules of Raffel et al. 2020 ("Exploring the Limits of Transfer
// Learning with a Unified Text-to-Text Transformer", section 2.2), in the
// form of TensorFlow Datasets' c4_utils and datatrove's C4QualityFilter.
// Each part can be switched off; FineWeb (Penedo et al. 2024) runs them with
// terminal_punct off. Numeric limits <= 0 switch that part off.
struct C4Options {
  bool enabled = true;
  bool terminal_punct = true;      // drop lines not ending in . ? ! " ' (or ending in "...")
  long long min_words_per_line = 3;  // drop lines with fewer words
  long long max_word_length = 1000;  // drop lines with a longer word
  bool remove_citations = true;    // strip "[1]", "[edit]", "[citation needed]"
  bool javascript = true;          // drop lines mentioning "javascript"
  bool policy = true;              // drop cookie / terms-of-use / privacy-policy lines
  bool lorem_ipsum = true;         // reject pages containing "lorem ipsum"
  bool curly_bracket = true;       // reject pages containing "{"
  long long min_sentences = 5;     // reject pages with fewer sentences left
};

// C4Filter removes lines (counted as "c4_lines_<reason>") and rejects pages.
// Lines are checked in datatrove's order: long word, citations removed,
// terminal punctuation, too few words, lorem ipsum (page), javascript,
// curly bracket (page), policy. Page rules only look at lines still kept at
// that point, as in datatrove. Kept lines are trimmed; paragraph breaks
// between them survive as one blank line.
//
// Scripts without spaces: the words-per-line rule counts the segmenter's
// words of the line (Document::line_words), not whitespace tokens. Sentence marks of other scripts
// (。 । ۔ ...; text_units.h) count as terminal punctuation and sentence ends.
// Thai and Lao have no sentence marks: the terminal-punctuation and
// sentence-count rules skip them.
class C4Filter : public JudgedFilter {
 public:
  explicit C4Filter(C4Options opts) : JudgedFilter(opts.enabled), opts_(opts) {}
  std::string_view name() const override { return "c4"; }

 private:
  // Drops lines; measuring, records c4_lorem_ipsum, c4_curly_bracket (0 or
  // 1, over the lines kept) and c4_sentences.
  FilterVerdict Judge(Document& doc, QualitySignals* signals) const override;
  void EnabledRules(std::vector<SignalRule>* out) const override;
  C4Options opts_;
};

// Sentences in one line: runs of sentence-ending marks (. ! ? and the marks
// of other scripts, see text_units.h)
// followed by a space or the end, plus a trailing unterminated sentence.
// A stand-in for NLTK's Punkt sent_tokenize used by C4 (which knows about
// abbreviations; this counts "Dr. Smith" as two sentences).
size_t CountSentences(std::string_view line);

// Whether a line ends in terminal punctuation by C4's definition.
bool EndsWithTerminalPunct(std::string_view line);

}  // namespace corpus

#endif  // CORPUS_FILTER_C4_H_
