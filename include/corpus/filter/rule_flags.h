#ifndef CORPUS_FILTER_RULE_FLAGS_H_
#define CORPUS_FILTER_RULE_FLAGS_H_

#include "corpus/filter/c4.h"
#include "corpus/filter/fineweb.h"
#include "corpus/filter/gopher_quality.h"
#include "corpus/filter/gopher_repetition.h"

namespace corpus {

// The settings of the Gopher, C4 and FineWeb steps, each named once: the
// name is the command-line flag without "--", the key in a --config file and
// the key in the stage's config fingerprint. `visit(name, field, help)` is
// called for each setting of `o` in the order --help lists them; `field` is
// `o`'s member (const when `o` is). The CLI declares its flags from these
// lists and the filter stage describes its config from them, so the two
// name the same settings. A step's on/off switch ("c4", "fineweb", ...) is
// not in its list: it is a flag of its own, and the other settings count
// only while it is on.

template <typename Options, typename Visitor>
void VisitGopherRepetitionSettings(Options& o, Visitor&& visit) {
  visit("max-dup-line-frac", o.max_dup_line_frac, "Max share of duplicate lines");
  visit("max-dup-para-frac", o.max_dup_para_frac, "Max share of duplicate paragraphs");
  visit("max-dup-line-char-frac", o.max_dup_line_char_frac, "Max share of characters in duplicate lines");
  visit("max-dup-para-char-frac", o.max_dup_para_char_frac, "Max share of characters in duplicate paragraphs");
  visit("max-top-ngram-frac", o.max_top_ngram_frac, "Max character share of the top n-gram, for n = 2,3,4,...");
  visit("max-dup-ngram-frac", o.max_dup_ngram_frac, "Max character share of duplicate n-grams, for n = 5,6,7,...");
}

template <typename Options, typename Visitor>
void VisitGopherQualitySettings(Options& o, Visitor&& visit) {
  visit("min-words", o.min_words, "Min words per document");
  visit("max-words", o.max_words, "Max words per document");
  visit("min-mean-word-length", o.min_mean_word_length, "Min mean word length");
  visit("max-mean-word-length", o.max_mean_word_length, "Max mean word length");
  visit("max-symbol-word-ratio", o.max_symbol_word_ratio, "Max '#' per word and max ellipses per word");
  visit("max-bullet-lines", o.max_bullet_lines, "Max share of lines starting with a bullet");
  visit("max-ellipsis-lines", o.max_ellipsis_lines, "Max share of lines ending in an ellipsis");
  visit("min-alpha-words", o.min_alpha_words, "Min share of words with a letter");
  visit("min-stop-words", o.min_stop_words,
        "Min stop words of the document's language (Gopher's list for English; others need --language-settings)");
}

template <typename Options, typename Visitor>
void VisitC4Settings(Options& o, Visitor&& visit) {
  visit("c4-terminal-punct", o.terminal_punct, "Drop lines without terminal punctuation (off in FineWeb; default off)");
  visit("c4-min-words-per-line", o.min_words_per_line, "Drop lines with fewer words (0: off)");
  visit("c4-max-word-length", o.max_word_length, "Drop lines with a longer word (0: off)");
  visit("c4-citations", o.remove_citations, "Remove [1], [edit], [citation needed]");
  visit("c4-javascript", o.javascript, "Drop lines mentioning javascript");
  visit("c4-policy", o.policy, "Drop cookie / terms of use / privacy policy lines");
  visit("c4-lorem-ipsum", o.lorem_ipsum, "Reject pages with 'lorem ipsum'");
  visit("c4-curly-bracket", o.curly_bracket, "Reject pages with '{'");
  visit("c4-min-sentences", o.min_sentences, "Reject pages with fewer sentences (0: off)");
}

// Without max-newline-ratio: the config describes that one only when it is
// on (>= 0), so configs written before it existed still match.
template <typename Options, typename Visitor>
void VisitFineWebSettings(Options& o, Visitor&& visit) {
  visit("min-line-punct", o.min_line_punct, "Reject when the share of lines ending in punctuation is <= this");
  visit("short-line-length", o.short_line_length, "A short line has at most this many characters");
  visit("max-short-lines", o.max_short_lines, "Reject when the share of short lines is >= this");
  visit("max-dup-line-chars", o.max_dup_line_chars,
        "Reject when the share of characters in duplicate lines is >= this");
}

}  // namespace corpus

#endif  // CORPUS_FILTER_RULE_FLAGS_H_
