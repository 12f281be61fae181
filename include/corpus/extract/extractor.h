#ifndef CORPUS_EXTRACT_EXTRACTOR_H_
#define CORPUS_EXTRACT_EXTRACTOR_H_

#include <cstddef>
#include <string>
#include <string_view>

#include <vector>

#include "corpus/extract/block_model.h"
#include "corpus/extract/content_scorer.h"

namespace corpus {

// Settings of main-content extraction; every field changes the output, so the
// extract stage puts them all in its config fingerprint.
struct ExtractOptions {
  bool markdown = false;       // --format markdown
  ScoreOptions score;
  // A boilerplate-looking element that holds this share of the page's text is
  // kept: it is a wrapper, not a sidebar.
  double boilerplate_veto_share = 0.6;
  // When nothing is left outside boilerplate, extraction is tried once more
  // with this veto share, and its text taken if it holds min_text_bytes.
  double relaxed_veto_share = 0.2;
  // Below this many bytes of text, extraction is retried with comment
  // sections kept (a forum thread), then the JSON-LD article body is taken
  // if it is longer (a page drawn by JavaScript).
  size_t min_text_bytes = 250;
  // A text with fewer distinct words than this is no main text (the page
  // goes to rejected/ as `empty`).
  size_t min_distinct_words = 5;
  // Comment sections are kept when they hold this many times the text of
  // the rest of the main content: then the page is the discussion (a forum
  // thread, a Slashdot story), not an article with a few comments.
  double comments_dominate = 8.0;
  // When the selected content weighs less than this share of the page's
  // text (outside boilerplate), the page is a list of links (an index, a
  // category page): selection is redone with each byte of short-link text
  // counting `link_page_link_weight` for the content instead of against it.
  double link_page_share = 0.4;
  double link_page_link_weight = 0.3;
  // Add a schema.org Product description from JSON-LD when the page's
  // visible text does not contain it.
  bool json_ld_products = true;
  // ... unless this share of its distinct words is already in the text (a
  // visible copy, reflowed or lightly edited).
  double json_ld_seen_share = 0.6;
  // A subtree repeating the text of an earlier one, with at least this many
  // non-space bytes, is left out (duplicate_blocks.h); 0 keeps every copy.
  size_t duplicate_min_bytes = 40;
  // Leave out boxes of other products ("You may also like", "Customers also
  // viewed"), found by their heading (related_sections.h).
  bool drop_related_sections = true;
  // Leave out grids of product tiles when the selected content has this
  // many bytes of prose besides them (a category page with a description or
  // a buyer's guide; product_grid.h). 0 keeps every grid.
  size_t product_grid_min_prose = 2000;
  // On shop pages, leave out the buy box, reviews and loading placeholders
  // around the product's description (shop_chrome.h).
  bool drop_shop_chrome = true;
  // Leave out the blocks of the selected content that the learned block
  // model (block_model.h, configs/extract/block_model.gbt) finds to be
  // boilerplate, on pages whose content reads as an article (BENCHMARKS.md,
  // "Learned block model, third look": dev and held-out gains).
  bool block_model = true;
};

// What came out of one page.
struct ExtractResult {
  std::string title;
  std::string text;      // empty: the page has no main text
  bool relaxed = false;  // found only after relaxing the boilerplate rules
  bool json_ld = false;  // a JSON-LD product description was added
  bool link_page = false;  // selected as a page of links (see link_page_share)
  // The languages whose phrase files applied (page_language.h), e.g. "de,en".
  std::string phrase_languages;
};

// The extractor's version: a code version, bumped when the rules change,
// the digest of the phrase files (PhraseBook::digest) and that of the block
// model (BlockModel::digest), so changed
// output never reuses an earlier run's `_done` markers.
std::string ExtractorVersion();

// Extracts the title and main text of one HTML page (UTF-8). Never fails:
// garbage in gives an empty or short text. A page that comes out empty is
// read once more with `relaxed_veto_share` (ExtractResult::relaxed). Linear
// in the input apart from gumbo's own parse; no recursion, so any nesting
// depth is safe. `url` is the page's address (reserved for resolving
// relative references; unused today). `content_language` is the HTTP
// Content-Language of the response when
// known; it overrides the language the markup declares (page_language.h).
// When `block_trace` is not null, it receives the candidate blocks of the
// first selection with their model features (tools/extract_blocks.cc).
ExtractResult ExtractMainContent(std::string_view html, std::string_view url,
                                 const ExtractOptions& options,
                                 std::string_view content_language = {},
                                 std::vector<BlockTrace>* block_trace = nullptr);

}  // namespace corpus

#endif  // CORPUS_EXTRACT_EXTRACTOR_H_
