#ifndef CORPUS_EXTRACT_DUPLICATE_BLOCKS_H_
#define CORPUS_EXTRACT_DUPLICATE_BLOCKS_H_

#include <cstddef>

#include "corpus/extract/dom_index.h"

namespace corpus {

// Flags kDomDuplicate on every element whose text (non-space bytes, in
// order) is the same as that of an earlier element outside it, when that
// text has at least `min_bytes` non-space bytes. Only the outermost copy is
// flagged; the first copy stays, unless it is all link text and the later
// copy is not: a link to a text (a table of contents, a live blog's key
// events, a breadcrumb) is the copy, the text itself is kept, also when
// part of it links (an update's header whose time is its permalink).
//
// Why: pages repeat blocks for their scripts to show one at a time — carousel
// slides cloned for infinite scrolling, a mobile and a desktop copy of the same
// product panel, one colour variant per hidden tab — and a reader sees each
// once. Word-level quality measures (and a language model) count every
// copy. Copies inside boilerplate (kDomBoilerplate) are neither flagged nor
// count as first copies: a text first seen in a hidden menu must stay where it
// is content. A table cell of one line (no block inside), or an element
// that is all of such a cell's text, is never a copy: a team, a venue or a
// party repeats from row to row of a table. Not on a page with 2,000 bytes
// of code listings (<pre>) or more, a manual's or a tutorial's, which
// repeats itself on purpose (a command in several steps, a snippet per
// language). Must run after
// MarkBoilerplate. Linear in the page: one rolling hash per subtree,
// composed from its children's.
void MarkDuplicateSubtrees(DomIndex* dom, size_t min_bytes);

}  // namespace corpus

#endif  // CORPUS_EXTRACT_DUPLICATE_BLOCKS_H_
