#ifndef CORPUS_EXTRACT_DATE_LINES_H_
#define CORPUS_EXTRACT_DATE_LINES_H_

#include <string_view>

#include "corpus/extract/dom_index.h"
#include "corpus/extract/phrase_book.h"

namespace corpus {

// Whether a line's text says when a story was published or last updated,
// and nothing more: it opens with a date label of the page's languages
// (PhraseClass::kDateLabel: "Updated on", "Aktualisiert am", "Publié le",
// "公開日"), and the rest holds a date (a year from 1900 to 2099, or three
// numbers joined by '.', '/' or '-'), at most two words of four letters or
// more and none of more than twelve ("Last updated on September 16th, 2023
// at 09:27 am", "Stand: 05.12.2024 14:32 Uhr", "公開日：2024年3月5日"): a
// month's or a weekday's name may stand there, a sentence ("Published in
// 2019, the book became a bestseller") or a clause written without spaces
// may not.
// docs/LANGUAGES.md, "Dates under a headline".
bool IsDateLine(const PhraseSet& phrases, std::string_view text);

// Flags kDomBoilerplate on the blocks whose whole text is a date line
// (IsDateLine), headings and code aside, when the page has one or two: a
// page with more is a list of items, each dated, and the dates are its
// items' (a repository's "Updated Mar 8, 2026"). On any page. Linear.
void MarkDateLines(DomIndex* dom, const PhraseSet& phrases);

}  // namespace corpus

#endif  // CORPUS_EXTRACT_DATE_LINES_H_
