#ifndef CORPUS_EXTRACT_PAGE_LANGUAGE_H_
#define CORPUS_EXTRACT_PAGE_LANGUAGE_H_

#include <string>
#include <string_view>

#include "corpus/extract/dom_index.h"
#include "corpus/extract/phrase_book.h"

namespace corpus {

// The language of a page's text as CLD2 identifies it from up to 2 KB of
// text, read from the first <h1> on (where the content usually starts; the
// menus before it are often in English whatever the page), or "" when CLD2
// is unsure. Thread-safe.
std::string DetectPageLanguage(const DomIndex& dom);

// The phrases for a page: of the language it declares (`content_language`,
// the HTTP Content-Language of the record when known, else the markup's,
// DomIndex::declared_language), of the language detected in its text, and
// of English (PhraseBook::For).
PhraseSet PagePhrases(const DomIndex& dom, std::string_view content_language,
                      const PhraseBook& book = PhraseBook::Default());

}  // namespace corpus

#endif  // CORPUS_EXTRACT_PAGE_LANGUAGE_H_
