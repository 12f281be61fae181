#ifndef CORPUS_EXTRACT_TOC_LISTS_H_
#define CORPUS_EXTRACT_TOC_LISTS_H_

#include "corpus/extract/dom_index.h"

namespace corpus {

// Flags kDomBoilerplate on tables of contents: lists (<ul>, <ol>) whose
// text is nearly all links to places on the same page (href="#..."), with
// at least kMinTocLinks of them. Such a list repeats the article's own
// headings, so it adds no text, and WCXB's references leave it out (as
// readability.js does for lists of in-page links it judges link-dense).
// Class names catch some ("toc", boilerplate.h); many themes name the list
// by the plug-in ("ez-toc-list", "lwptoc_items") or not at all, so this
// looks at the links instead. The list's title goes with it: the text
// right before the list, when it is at most 40 bytes, links nowhere, is no
// sentence and is not the page's first <h1> ("Table of Contents", "Inhalt",
// "目次"; BENCHMARKS.md, "Version 47"). Outermost lists only; one pass,
// linear apart from the walk back to each list's title.
void MarkTocLists(DomIndex* dom);

}  // namespace corpus

#endif  // CORPUS_EXTRACT_TOC_LISTS_H_
