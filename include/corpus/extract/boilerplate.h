#ifndef CORPUS_EXTRACT_BOILERPLATE_H_
#define CORPUS_EXTRACT_BOILERPLATE_H_

#include "corpus/extract/dom_index.h"
#include "corpus/extract/markup_verdict.h"

namespace corpus {

// Marks boilerplate, comment and main-hint flags on every element of `dom`.
// A boilerplate verdict is dropped (the element kept) when the element holds
// at least `veto_share` of the page's text: wrappers named like
// "page-with-sidebar" or ASP.NET pages inside one <form> hold the content.
// An element that holds the page's <main>, role=main, microdata article
// body, or a main column named by class ([main_tokens] of
// configs/extract/names.txt) with prose in it is layout and gets none. A
// <header> outside <main> and <article> that holds a heading below <h1>
// and no link is a section's, not the page's, and is kept; so is an element
// named as chrome whose whole text is a code listing's (<pre>, <code>): a
// syntax highlighter's toolbar wrapper ("code-toolbar") around the listing.
// A box whose class name or id is, whole, a boilerplate name ("sidebar")
// beside the headline's column goes however large. A <form> that asks
// nothing of the reader (hidden fields only) around prose is a wrapper of
// text. Hidden text stays when it is a carousel's slide out of view (beside
// the slide in view) or the folded answer under its question heading in a
// list of such pairs.
void MarkBoilerplate(DomIndex* dom, double veto_share);

}  // namespace corpus

#endif  // CORPUS_EXTRACT_BOILERPLATE_H_
