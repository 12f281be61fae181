#ifndef CORPUS_EXTRACT_SHOP_LABELS_H_
#define CORPUS_EXTRACT_SHOP_LABELS_H_

#include <string_view>

#include "corpus/extract/dom_index.h"
#include "corpus/extract/phrase_book.h"

namespace corpus {

// Whether `text` is, whole, a label (PhraseClass::kLabel): a badge or
// button that shop themes print on product tiles ("Quick view", "Sold out",
// "In den Warenkorb"), the "Read more" / "Weiterlesen" link under a teaser,
// an "Advertisement" or "Share" label. Case, runs of whitespace and
// decoration ("Read more »") are ignored (FoldPhrase).
bool IsShopLabel(const PhraseSet& phrases, std::string_view text);

// Flags kDomBoilerplate on blocks whose whole text, beside what is already
// flagged (a switch's dropped <label>), is a shop label
// (IsShopLabel): the badges and buttons repeated on every tile of a
// category grid, and the "Read more" links under teasers, on any page, or
// a running time and nothing else beside a picture (a video's "01:42"
// over its thumbnail, "1:02:33", "2:05 min"); and
// on links and buttons that are labels and together all of their block's
// own text beside its child blocks (a job ad's "Jetzt bewerben" over a
// paragraph in one box, "Get Directions" and "Add to Calendar" under an
// event's time and place), and on inline elements that hold all of a
// block's own text beside its child blocks when it is a label (a reading
// time in spans above a post's paragraphs), leaving the child blocks in.
// A property's value (a table cell beside a cell with text in its row, a
// <dd>) is never a label: "Stan | Nowy". Labels are controls, not text;
// WCXB's references leave them out even where they keep the grid. Linear:
// a block is compared with the labels only when its own text is short, and
// then through a bounded number of nodes or its direct children.
void MarkShopLabels(DomIndex* dom, const PhraseSet& phrases);

}  // namespace corpus

#endif  // CORPUS_EXTRACT_SHOP_LABELS_H_
