#ifndef CORPUS_EXTRACT_RELATED_SECTIONS_H_
#define CORPUS_EXTRACT_RELATED_SECTIONS_H_

#include <cstdint>
#include <string_view>

#include "corpus/extract/dom_index.h"
#include "corpus/extract/phrase_book.h"

namespace corpus {

// Whether a heading's text (any case, spacing and trailing punctuation)
// starts with a phrase that names a box of other items
// (PhraseClass::kRelatedHeading: "You may also like", "Customers also
// viewed", "Das könnte Sie auch interessieren", "猜你喜欢", ...).
bool IsRelatedHeading(const PhraseSet& phrases, std::string_view text);

// Whether a heading's text names a box a shop puts under a product besides
// its description: "Shipping & returns", "Choose your add-ons", "Featured
// products".
bool IsShopBoxHeading(const PhraseSet& phrases, std::string_view text);

// Whether a heading's text names a box that blogs and news sites put around
// an article: "Related posts", "Latest news", "About the author", "Like
// this:". On a page of links the same boxes are the content.
bool IsArticleBoxHeading(const PhraseSet& phrases, std::string_view text);

// Flags kDomBoilerplate on the boxes of other products that shops put on
// product pages, found by their heading (IsRelatedHeading) rather than by
// class names, which shops rarely choose readably. The box is the outermost
// element that starts with the heading (nothing with text before it) and,
// once it holds more than the heading, has no paragraph of running text
// (IsProseParagraph) beside it; when the heading has no such wrapper, the
// heading and its following siblings up to the next heading, or up to two
// paragraphs of running text in a row (the article going on after a "Read
// also" heading and its link). A box never
// takes the page's first <h1>, a <main> or <article>, or four fifths of the
// page's text. Must run after MarkBoilerplate (boilerplate is skipped).
// Linear in the page.
void MarkRelatedSections(DomIndex* dom, const PhraseSet& phrases);

// The same for the shop's boxes under a product (IsShopBoxHeading); only
// for a product's page.
void MarkShopBoxes(DomIndex* dom, const PhraseSet& phrases);

// The same for the boxes around an article (IsArticleBoxHeading), each of at
// most `max_box_text` bytes of text. Only for a page whose content is prose,
// and only boxes smaller than that prose: on a list or index page ("Latest
// news", "Most read") the boxes are what the page is for.
void MarkArticleBoxes(DomIndex* dom, const PhraseSet& phrases, uint64_t max_box_text);

}  // namespace corpus

#endif  // CORPUS_EXTRACT_RELATED_SECTIONS_H_
