#ifndef CORPUS_TEXT_WORD_SEGMENTER_H_
#define CORPUS_TEXT_WORD_SEGMENTER_H_

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "corpus/text/text_units.h"

namespace corpus {

// WordSegmenter splits text into words in every script; it is the one word
// splitter of the product (filter rules, dedup shingles, line dedup,
// decontamination and the dataset card count words through it).
//
// Where spaces delimit words, a word is what TokenizeWords gives: a
// whitespace-separated token with punctuation stripped from both ends. A
// token that holds characters of a script written without spaces
// (IsNonSpacingScript: Chinese, Japanese, Thai, Lao, Khmer, Myanmar, Tibetan)
// is split further by ICU's word break iterator (Unicode UAX #29 with ICU's
// dictionaries for those scripts); its pieces that are punctuation or space
// are not words. Runs of Han and Kana whose words ICU's engine would find
// are split by CjkDictionary instead, with the same result, faster. A mixed
// token such as "iPhone手机" gives "iPhone" and the dictionary words after
// it. Invalid UTF-8 never crashes: ICU reads each bad byte as U+FFFD, which
// is no word.
//
// docs/LANGUAGES.md describes how the words feed each rule.
//
// Thread-safety: a WordSegmenter is not thread-safe (it owns an ICU break
// iterator); use one per thread, or SegmentWords below.
class WordSegmenter {
 public:
  // With `icu_only`, every token goes through ICU's iterator, runs of Han
  // and Kana too (the reference the own engine is checked against, see
  // CjkDictionary); otherwise such runs are split by CjkDictionary.
  explicit WordSegmenter(bool icu_only = false);
  ~WordSegmenter();
  WordSegmenter(const WordSegmenter&) = delete;
  WordSegmenter& operator=(const WordSegmenter&) = delete;

  // Replaces *words with the words of `text`, in order; each Word::text is a
  // view into `text`. `line_tokens`, if given, gets the whitespace-separated
  // token count of each line, as TokenizeWords gives it.
  void Segment(std::string_view text, std::vector<Word>* words, std::vector<uint32_t>* line_tokens = nullptr);

  // Whether ICU's iterator could be made; false only when ICU's data is
  // missing, in which case Segment falls back to TokenizeWords alone.
  bool has_dictionary() const { return impl_ != nullptr; }

 private:
  struct Impl;
  struct Run;
  // Splits the token words[i] (which holds non-spacing script) into `out`.
  void SplitToken(const Word& token, std::vector<Word>* out);
  // Fills impl_->runs with the runs of the decoded token that CjkDictionary
  // splits exactly as ICU would.
  void FindRuns();
  // Whether the decoded token is runs with one CjkDictionary::kSeparator
  // character between each two (its words are then the runs' words).
  bool OnlyRunsAndSeparators() const;
  // Appends the dictionary words of `run` of `token`.
  void AppendRun(const Word& token, const Run& run, std::vector<Word>* out);

  std::unique_ptr<Impl> impl_;
  std::vector<Word> scratch_;
};

// WordSegmenter::Segment with one segmenter per calling thread.
void SegmentWords(std::string_view text, std::vector<Word>* words, std::vector<uint32_t>* line_tokens = nullptr);

// The byte offset of the first character of a script written without spaces
// (IsNonSpacingScript) in `text`, or std::string_view::npos when it has none.
size_t FindNonSpacingScript(std::string_view text);
// The number of words SegmentWords finds: what every "words" figure of the
// product counts (the filter's rules, the dataset card): whitespace-separated
// tokens without the ones that are only punctuation, and dictionary words in
// scripts written without spaces, so a Chinese page counts its words, not
// its lines.
size_t CountWords(std::string_view text);

// Whether `word` holds a character of a script written without spaces.
bool HasNonSpacingScript(std::string_view word);

}  // namespace corpus

#endif  // CORPUS_TEXT_WORD_SEGMENTER_H_
