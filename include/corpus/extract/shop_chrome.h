#ifndef CORPUS_EXTRACT_SHOP_CHROME_H_
#define CORPUS_EXTRACT_SHOP_CHROME_H_

#include <string_view>

#include "corpus/extract/dom_index.h"
#include "corpus/extract/json_ld.h"
#include "corpus/extract/phrase_book.h"

namespace corpus {

// Whether a page is a shop's page of one product: its Open Graph type is
// "product", or its microdata has exactly one schema.org Product, or its
// JSON-LD offers a Product for sale and lists no items
// (JsonLdFacts::product_for_sale). `html` is the page (as prescanned),
// `json_ld` what its JSON-LD script bodies say.
bool IsProductPage(const JsonLdFacts& json_ld, std::string_view og_type, std::string_view html);

// Marks as boilerplate the shop's chrome around a product's description and
// specifications, which the page-level rules (boilerplate.h) keep because it
// sits in the same column as the product:
//
//  - the buy box: prices, stock and delivery notes, quantity pickers, cart
//    and payment-plan widgets ("or 4 payments of"), variant swatches,
//    seller cards, named by the class/id tokens shop software gives them;
//    option pickers in the markup of HTML forms and ARIA: a <fieldset> of
//    two or more radio buttons or check boxes, a role=radiogroup (their
//    legends and notes: "Color: white", "Only one option can be selected");
//  - customer reviews: schema.org Review and AggregateRating items
//    (microdata), and the widgets of review services (Yotpo, Judge.me,
//    Okendo, Stamped, Trustpilot, ...); carousels (other products, press
//    quotes);
//  - loading placeholders (spinners, skeletons, "Loading" lines);
//  - tooltips: role=tooltip, or named "tooltip", "tool-tip" (a spec's
//    explanation that waits for the pointer);
//  - short lines that are only a price ("$110", "-48%", "Price: USD 99.60")
//    or a fixed buy-box phrase ("Add to cart", "Out of stock").
//
// WCXB's product references keep the description and the specifications
// and leave all of this out, as a reader building a text corpus would: it
// is the same on every product of a shop. Only applied on shop pages
// (IsProductPage), where these names mean what they say; an element holding
// the page's headline or a large share of its text is never marked (a shop
// may name the whole product column "product-price-wrapper").
// Short lines that are a price (IsPriceLine) or a fixed buy-box phrase
// (PhraseClass::kShopPhrase: "Add to cart", "In den Warenkorb") go too.
// One pass over the flat index; linear.
void MarkShopChrome(DomIndex* dom, const PhraseSet& phrases);

// Marks as boilerplate, on any page, a carousel of priced items: an element
// that WAI-ARIA's carousel pattern describes as a "carousel" or a "slide"
// (aria-roledescription) and that holds a line that is only a price
// (IsPriceLine). A row of other products for sale beside a product or an
// article ("Sponsored products", "Customers also bought"), in any language.
// A carousel without prices (a service page's testimonials or features, an
// article's photos) stays. One pass over the flat index, reading each
// carousel's subtree once for a price (a carousel inside an unpriced one is
// read again).
void MarkPricedCarousels(DomIndex* dom);

// Whether `text` (one short line) is only a price or a price change,
// optionally after a short label: "$59.99", "49,35€", "-48%",
// "Regular Price: $59.99", "EUR 14.86". Exposed for tests.
bool IsPriceLine(std::string_view text);

// Whether `text` (one short line) is an amount of money beside at most three
// words: "Current price is $179.00", "$40.00 off", "Standard shipping
// $9.99". A share alone ("Up to 50% off") is not money. Exposed for tests.
bool IsPricedLine(std::string_view text);

}  // namespace corpus

#endif  // CORPUS_EXTRACT_SHOP_CHROME_H_
