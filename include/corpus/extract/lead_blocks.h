#ifndef CORPUS_EXTRACT_LEAD_BLOCKS_H_
#define CORPUS_EXTRACT_LEAD_BLOCKS_H_

#include <cstdint>

#include "corpus/extract/content_scorer.h"
#include "corpus/extract/dom_index.h"

namespace corpus {

// Brings an article's lead (standfirst, deck, teaser text) back into the
// selected content. Many templates put the headline and the lead in the
// article's header and the body in a container of its own; the selection
// descends to the body (it holds nearly all of the weight) and loses the
// lead, which is, in any language, the one paragraph of prose between the
// page's <h1> and the body.
//
// When `sel->root` starts after the headline ends (the first <h1> not left
// out as boilerplate or hidden, or on a blog whose <h1> is the blog's name
// the post's heading `post_heading`,
// PostHeadingNode's answer, -1 if none; on a page without one, the first
// heading of the <article>, or of the element of a schema.org article
// type, holding the body), the blocks
// between the two, inside their lowest common ancestor, are looked at: a
// block of prose (kMinLeadBytes of its own text, sentence punctuation, no
// link: a byline, an author's bio or a disclosure links somewhere; not an
// <h1>, not in a list, table, figure, form, <nav> or <aside>, nor left out
// by an earlier verdict) is a lead; so is the first line after the
// headline when it is one bare sentence with no link (a standfirst without
// punctuation, "What happens to a small town when the last shop closes its
// doors": 8 to 60 words in a script with capitals, few of them capitalized
// after the first or holding a digit, unlike a byline, a date or a
// title-case line; 6 to 60 in a script without capitals, such as Hangul,
// whose words are longer); so is a summary list (two or more items of a
// phrase or a sentence each, no links: "Das Wichtigste in Kürze", a live
// blog's standfirst; items that are one link each after the points go) with
// the short line titling it. A short paragraph after a
// lead, of its tag and parent, that ends a sentence ("Here are ten facts
// you may not know.") goes with it, not counted as a lead of its own. On a
// page with no headline at all, the body's sibling right before it is a
// lead when it is one block of prose with no link (a standfirst in a block
// of its own); a picture with its caption between the two is passed over,
// and so are up to three wrappers around the body that hold nothing else.
// If there are one to kMaxLeadBlocks of them with at most kMaxLeadBytes of
// text in all, the selection's root becomes the common ancestor and
// everything in it but the leads and the old root is dropped, so the text
// is the old text with the leads before it.
//
// The body's other parts come back the same way: an advert or a sign-up box
// that splits the body into containers of one tag and class leaves the
// descent in one of them, and the others (siblings of the root with its tag
// and class, a sentence or more of text, little of it in links) are kept
// with it. Returns the number of lead blocks and parts added.
//
// REQUIRES: `sel` was computed on `dom` (its drop vector covers every node).
// Linear in the common ancestor's subtree.
int AddLeadBlocks(const DomIndex& dom, int32_t post_heading, ContentSelection* sel);

}  // namespace corpus

#endif  // CORPUS_EXTRACT_LEAD_BLOCKS_H_
