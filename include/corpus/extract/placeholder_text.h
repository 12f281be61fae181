#ifndef CORPUS_EXTRACT_PLACEHOLDER_TEXT_H_
#define CORPUS_EXTRACT_PLACEHOLDER_TEXT_H_

#include "corpus/extract/dom_index.h"
#include "corpus/extract/phrase_book.h"

namespace corpus {

// Flags kDomBoilerplate on a template's filler text: a block with no block
// inside whose text opens with a placeholder's words
// (PhraseClass::kPlaceholderOpening: "Lorem ipsum dolor sit amet, ..."),
// the Latin dummy text that page builders and themes ship in slots an
// editor never filled, often hidden by a stylesheet the extractor does not
// read. It is no one's writing in any language (docs/LANGUAGES.md,
// "Placeholder text"). On any page. Linear.
void MarkPlaceholderText(DomIndex* dom, const PhraseSet& phrases);

}  // namespace corpus

#endif  // CORPUS_EXTRACT_PLACEHOLDER_TEXT_H_
