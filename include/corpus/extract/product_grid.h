#ifndef CORPUS_EXTRACT_PRODUCT_GRID_H_
#define CORPUS_EXTRACT_PRODUCT_GRID_H_

#include <cstdint>
#include <string_view>

#include "corpus/extract/content_scorer.h"
#include "corpus/extract/dom_index.h"

namespace corpus {

// Whether a text node reads as a price: a currency sign next to a digit
// ("$79.99", "749,00 €", "£ 5"), or a currency sign standing alone (shops
// print "$", "79" and ".00" in separate spans).
bool LooksLikePrice(std::string_view text);

// A shop's category page is a grid of product tiles (a name, a price, a
// badge or two) and, often, the category's own text: a description, a
// buyer's guide, answers to common questions. For a corpus the text is the
// content and the tiles are a catalogue. WCXB's collection references
// mostly agree: they keep the grid when it is all the page has, and mostly
// leave it out beside a description of some length.
//
// Leaves out of `sel` the product grids inside its root when the rest of
// the selection holds at least `min_prose` bytes of prose (blocks of
// kMinGridProseBlock bytes or more outside links, with sentence
// punctuation). A grid is an element with at least kMinGridTiles child
// elements that are tiles, and tiles at least half of its children that
// hold text. A tile is a subtree of at most kMaxTileBytes bytes of text, on
// two lines or more, with a link and a price on a short line of its own
// (LooksLikePrice, or an element whose class or itemprop names a price, as
// the Shopify, WooCommerce, Magento and Salesforce Commerce themes print
// them); table rows are not tiles. Returns how many grids were left out.
// Linear in the size of the selection.
int DropProductGridsBesideProse(const DomIndex& dom, uint64_t min_prose, ContentSelection* sel);

}  // namespace corpus

#endif  // CORPUS_EXTRACT_PRODUCT_GRID_H_
