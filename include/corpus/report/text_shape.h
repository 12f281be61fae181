#ifndef CORPUS_REPORT_TEXT_SHAPE_H_
#define CORPUS_REPORT_TEXT_SHAPE_H_

#include <cstdint>
#include <string_view>

namespace corpus {

// TextShape is what the report measures of one document's text in a single
// pass: words, characters, lines and the writing system. Thread-safe (pure
// functions).
struct TextShape {
  uint64_t words = 0;       // runs of non-whitespace, as `wc -w` counts them
  uint64_t word_chars = 0;  // code points inside those words
  uint64_t lines = 0;       // '\n'-separated lines (a last line without '\n' counts)
  int script = -1;          // ScriptName() of the most frequent script among its letters; -1: no letters

  double chars_per_word() const { return words ? static_cast<double>(word_chars) / static_cast<double>(words) : 0; }
};

TextShape MeasureText(std::string_view text);

// The Unicode script a letter belongs to, by the ranges of the main blocks
// of each script (Unicode's Blocks.txt and Scripts.txt agree on them for
// letters): an index for ScriptName(), or -1 for a letter outside them.
int ScriptOf(char32_t c);
// "Latin", "Cyrillic", "Han", ...; "Other" for an index outside the list.
const char* ScriptName(int script);

}  // namespace corpus

#endif  // CORPUS_REPORT_TEXT_SHAPE_H_
