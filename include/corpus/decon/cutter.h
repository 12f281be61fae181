#ifndef CORPUS_DECON_CUTTER_H_
#define CORPUS_DECON_CUTTER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace corpus {

// GPT-3's cut (Brown et al. 2020, appendix C): the numbers it used.
struct CutOptions {
  int window_chars = 200;     // removed on each side of a match
  int min_piece_chars = 200;  // shorter pieces are dropped
  int max_pieces = 10;        // a document split into more pieces is dropped whole
};

// A byte range of a text and the benchmark item that caused it.
struct TextSpan {
  size_t begin = 0;
  size_t end = 0;
  uint32_t item = 0;
};

// What cutting does to one document.
struct CutResult {
  std::vector<TextSpan> cuts;  // removed spans: disjoint, ascending, bytes of the original text
  size_t pieces = 0;           // non-empty pieces the cuts split the text into
  bool drop = false;           // pieces > max_pieces, or no piece is long enough
  std::string text;            // the kept pieces, trimmed, joined by one blank line ("\n\n")
};

// Removes each match and `window_chars` characters (code points) on each
// side of it from `text`, merging removals that overlap or touch (a merged
// span keeps the item of its first match). The pieces between removals
// are counted; pieces shorter than `min_piece_chars` characters are
// dropped; a document split into more than `max_pieces` pieces, or left
// with no piece, is to be dropped whole. Kept pieces are trimmed of
// surrounding whitespace and joined by a blank line, the paragraph
// separator of corpus's text format.
// REQUIRES: every match lies inside `text` (begin <= end <= text.size()).
CutResult CutMatches(std::string_view text, std::vector<TextSpan> matches, const CutOptions& options);

}  // namespace corpus

#endif  // CORPUS_DECON_CUTTER_H_
