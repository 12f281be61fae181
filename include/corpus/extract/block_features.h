#ifndef CORPUS_EXTRACT_BLOCK_FEATURES_H_
#define CORPUS_EXTRACT_BLOCK_FEATURES_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "corpus/extract/content_scorer.h"
#include "corpus/extract/dom_index.h"
#include "corpus/extract/phrase_book.h"

namespace corpus {

// The measures of one text block that the learned block model (block_model.h)
// reads, in this order. Every one holds in any language: byte and character
// counts, link shares, punctuation, digits, markup (tag, nesting, roles,
// repeated class names), position, neighbours, and the verdicts of the
// hand-built rules and phrase files (configs/extract/<lang>.txt). No word
// vocabulary, no site names. BENCHMARKS.md ("Learned block model")
// describes how they were chosen and what they do.
enum BlockFeature : uint8_t {
  kBfLogBytes,           // log(1 + non-space text bytes)
  kBfLinkDensity,        // link bytes / text bytes
  kBfNavLinkDensity,     // short-link (menu) bytes / text bytes
  kBfPunctPer100,        // sentence punctuation per 100 bytes (capped at 20)
  kBfDigitShare,         // ASCII digits / characters
  kBfUpperShare,         // ASCII capitals / ASCII letters
  kBfLogWords,           // log(1 + whitespace-separated words)
  kBfEndsSentence,       // last character is . ! ? or a full-width stop
  kBfWholeLink,          // all of the text is in links
  kBfTagP,               // <p>
  kBfTagLi,              // <li>
  kBfTagHeading,         // <h1>..<h6>
  kBfTagCell,            // <td>, <th>
  kBfTagDefinition,      // <dt>, <dd>
  kBfTagCaption,         // <figcaption>, <caption>
  kBfTagQuote,           // <blockquote>, <pre>
  kBfTagOther,           // any other block (div, section, address, ...)
  kBfDepthInContent,     // nesting below the selected root / 10 (capped at 3)
  kBfPosInPage,          // node index / nodes on the page
  kBfPosInContent,       // share of the content's block text before this block
  kBfIndexInContent,     // block index / blocks in the content
  kBfShareOfContent,     // this block's share of the content's block text
  kBfInList,             // inside <ul>/<ol>/<dl> (below the root)
  kBfInTable,            // inside <table>
  kBfInChromeTag,        // self or ancestor <aside>, <header>, <footer>, <nav>, <form>
  kBfInMainHint,         // inside <main>, <article>, role=main, itemprop=articleBody
  kBfInComments,         // inside a comment section kept as content
  kBfHasRole,            // self or an ancestor below the root has a role attribute
  kBfLogClassRepeat,     // log(1 + elements on the page with the nearest class value)
  kBfHasName,            // self or parent has a class or id
  kBfParentLinkDensity,  // parent element's link bytes / text bytes
  kBfLogSiblings,        // log(1 + blocks with the same parent)
  kBfPrevLogBytes,       // the previous block's kBfLogBytes (0: none)
  kBfPrevLinkDensity,
  kBfNextLogBytes,
  kBfNextLinkDensity,
  kBfSectionLinkDensity,  // link share of the blocks from the last heading to the next
  kBfSectionLogBytes,     // log(1 + text bytes of that section)
  kBfHeadingThenLinks,    // a heading followed by a block mostly of links
  kBfIsProse,             // own text outside links >= 200 bytes
  kBfBeforeFirstProse,    // comes before the content's first prose block
  kBfAfterLastProse,      // comes after its last prose block
  kBfPhraseLabel,         // the whole text is a control label ([labels])
  kBfPhraseTeaser,        // starts with a teaser label ([teaser_labels])
  kBfPhraseCredit,        // starts with a picture-credit label ([credit_labels])
  kBfPhraseShop,          // the whole text is a buy-box phrase ([shop_phrases])
  kBfPhraseBoxHeading,    // starts with a related/article/shop box heading
  kBfSectionBoxHeading,   // its section's heading starts with such a heading
  kBfPageProduct,         // the page is a product's page (shop_chrome.h)
  kBfPageLinks,           // the content was selected as a page of links
  kBfPageProse,           // the content reads as an article (a third in prose blocks)
  kBfLogContentBytes,     // log(1 + text bytes of all blocks of the content)
  kBfContentShareOfPage,  // the content's block text / the page's text
  kBfGrandparentLinkDensity,  // the grandparent element's link bytes / text bytes
  kBfWideAncestorLinkDensity,  // link share of the nearest ancestor with 4x the block's text
  kBfSideOfH1,            // -1 before the page's first <h1>, 1 after it, 0 in it or none
  kBfFromLongest,         // (index - index of the longest block) / blocks in the content
  kBfLogSentenceMarks,    // log(1 + sentence punctuation marks, dom_index.h's MeasureText)
  kBfLogAnchors,          // log(1 + <a> elements in the block)
  kBfLogSameShape,        // log(1 + blocks of the content with its tag, parent tag and class)
  kBfPrev2LogBytes,       // the block two before: kBfLogBytes (0: none)
  kBfPrev2LinkDensity,
  kBfNext2LogBytes,       // the block two after
  kBfNext2LinkDensity,
  kBfPrevEndsSentence,    // the previous block's kBfEndsSentence
  kBfNextEndsSentence,    // the next block's
  kBfLogPageRepeats,      // log(1 + other blocks on the page, any part, with the same text)
  kBfInTitle,             // its text (>= 8 bytes) is part of <title> or og:title
  kBlockFeatureCount,
};

// The feature names, in BlockFeature order; a model file names its inputs
// with them (block_model.h).
const std::array<std::string_view, kBlockFeatureCount>& BlockFeatureNames();

// What the extractor knows about the page as a whole.
struct BlockPageFacts {
  bool product_page = false;
  bool link_page = false;
  bool prose = false;
};

// One candidate block and its features.
struct BlockFeatures {
  int32_t node = -1;  // index into DomIndex::nodes()
  std::array<float, kBlockFeatureCount> x{};
};

// The candidate blocks of a selection: block elements below `sel.root`,
// outside dropped subtrees, with text and no block descendant with text (a
// paragraph, list item, heading, cell), in document order. Leaving one out
// leaves out exactly its text.
// REQUIRES: sel.root >= 0 and sel.drop sized to dom.nodes().
std::vector<BlockFeatures> ComputeBlockFeatures(const DomIndex& dom, const ContentSelection& sel,
                                                const PhraseSet& phrases,
                                                const BlockPageFacts& page);

}  // namespace corpus

#endif  // CORPUS_EXTRACT_BLOCK_FEATURES_H_
