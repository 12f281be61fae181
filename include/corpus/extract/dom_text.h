#ifndef CORPUS_EXTRACT_DOM_TEXT_H_
#define CORPUS_EXTRACT_DOM_TEXT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "corpus/extract/dom_index.h"

namespace corpus {

enum class TextFormat {
  kPlain,     // docs/ARCHITECTURE.md, "Records": headings on their own line, paragraphs split by
              // a blank line, list items and table rows one per line (cells
              // joined by " | "), <pre> whitespace kept
  kMarkdown,  // the same with "#" headings, "-" / "1." items, pipe tables
              // and ``` fences around <pre>
};

// Renders the subtree of `dom` at `root` as text, skipping every subtree
// whose `drop` entry is nonzero (`drop` may be empty: keep everything).
// Walks the flat index in order with a stack of open elements (no recursion).
// Whitespace outside <pre> collapses to single spaces (U+00A0 included), and
// there the invisible format characters U+00AD, U+200B, U+2060 and U+FEFF
// are removed (docs/LANGUAGES.md, "Text the page shows"); the output has no
// leading or trailing whitespace. Two inline elements written with nothing
// between them ("<a>League</a><a>Conference</a>") are two boxes a browser
// lays out apart, and their words are written apart, unless the seam is
// inside a paragraph of prose, between a number and lower-case letters, at
// a letter set apart, or in a script written without spaces (same section).
// A dropped block with text still ends the line before it, outside table
// cells (same section, "A block left out still ends a line").
std::string RenderText(const DomIndex& dom, int32_t root, const std::vector<uint8_t>& drop,
                       TextFormat format);

}  // namespace corpus

#endif  // CORPUS_EXTRACT_DOM_TEXT_H_
