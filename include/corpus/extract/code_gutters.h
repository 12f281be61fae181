#ifndef CORPUS_EXTRACT_CODE_GUTTERS_H_
#define CORPUS_EXTRACT_CODE_GUTTERS_H_

#include "corpus/extract/dom_index.h"

namespace corpus {

// Flags kDomBoilerplate on the line-number gutters of code listings: a table
// cell whose text is nothing but consecutive numbers (1 2 3 ...), beside a
// cell of the same row that holds the code (<pre> or <code>). Highlighters
// that number lines lay a listing out as a table row, numbers left and code
// right; left in, the numbers come out as a block of their own before the
// code (docs/LANGUAGES.md, "Text the page shows"). Others put the numbers
// in a list inside the <pre>, beside its <code>; that list is a gutter too.
// Structure only, no names.
// One pass over the rows; a cell is read up to its first character that is
// not part of a number, and the next cell only after a run of numbers.
void MarkCodeGutters(DomIndex* dom);

}  // namespace corpus

#endif  // CORPUS_EXTRACT_CODE_GUTTERS_H_
