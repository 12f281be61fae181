#ifndef CORPUS_EXTRACT_TEASER_CARDS_H_
#define CORPUS_EXTRACT_TEASER_CARDS_H_

#include <cstdint>

#include "corpus/extract/dom_index.h"

namespace corpus {

// Flags kDomBoilerplate on grids of teaser cards after an article's last
// paragraph, inside its selected content `root`. A grid is an element whose
// children include at least kMinTeaserCards cards of one shape (same tag,
// same class value but for digits: "card card_0", "card card_1") holding at
// least kMinCardShare of its text; a card is a child of at most
// kMaxTeaserCardBytes of text with a linked headline: a heading (h1..h6) of
// kMinHeadlineBytes or more, at least kMinHeadlineLinkShare of it in links,
// one of which leads off the page (its href does not start with '#'); or a
// plain block of that size and share holding exactly one such link, beside
// an excerpt cut short ("...", U+2026) outside links. A heading that is no
// card, first among the children, is the grid's title and is passed over
// ("<h2>Derniers communiqués</h2>" over the cards). What follows an article
// in this shape, in any language and with or without a heading over it, is
// the grid of other stories: a title linked to the story, an excerpt, a
// date. An article's own sections have headings that are not links, an
// accordion's headings link inside the page, and a grid with a paragraph
// of the article after it (kMinProseBlock bytes outside links) may be the
// article's own; these stay. Grids are left alone when together they would
// be more than half of the content's text (a page of teasers is a listing).
// A card alone goes too when it is one link to another page around a
// heading (kicker, headline, excerpt), or a box whose one heading holds
// such a link, or a box whose first line is its one link to another page
// (kicker and headline) over its excerpt, with at most
// kMaxInlineCardPlainBytes of text outside links (a kicker, an excerpt
// line), and has running text among its siblings before and after it: the
// "read also" set between an article's paragraphs.
// With `inline_grids` (a page that declares itself an article), a grid of
// kMinInlineCards cards or more set after a paragraph of the article goes
// wherever it stands, when each card is a linked headline with at most
// kMaxInlineCardPlainBytes of text outside links (an excerpt line, a
// byline): the "Read more" set of magazines between paragraphs. An
// article's own list of links has more to say of each (BENCHMARKS.md,
// "Version 53"); on other pages such cards are often the page's offers.
// For pages whose selected content is prose. See BENCHMARKS.md, "Version
// 19". Linear in the subtree, but for each heading's links.
void MarkTeaserCards(DomIndex* dom, int32_t root, bool inline_grids);

}  // namespace corpus

#endif  // CORPUS_EXTRACT_TEASER_CARDS_H_
