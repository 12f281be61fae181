#ifndef CORPUS_EXTRACT_BOILERPLATE_H_
#define CORPUS_EXTRACT_BOILERPLATE_H_

#include <gumbo.h>

#include "corpus/extract/dom_index.h"

namespace corpus {

// What an element's own markup says about it, before looking at its text.
enum class MarkupVerdict {
  kNeutral,
  kBoilerplate,  // navigation, header/footer, sidebar, cookie/consent, share,
                 // related links, newsletter, ads, pagination, hidden text
  kAlwaysBoilerplate,  // cookie/consent dialogs, modal dialogs, <nav> and
                       // the page's own <footer>: never content, whatever
                       // share of the page's text they hold
  kHidden,       // hidden from readers (hidden attribute, display:none,
                 // aria-hidden, "hidden"-like class): boilerplate unless
                 // it wraps the page's headline and most of its text
  kComments,     // a comment section: boilerplate on an article, but the
                 // content itself on a forum thread, so only a weak verdict
  kMainHint,     // <main>, <article>, role=main, itemprop=articleBody
  kNavigationName,  // a class or id naming a menu or a table of contents:
                    // boilerplate, unless the element holds a paragraph of
                    // prose (then it is a section a menu links to, such as
                    // "content-nav-section" or "toc-para")
  kNarrowScreenHidden,  // hidden on phones only ("d-none d-md-block",
                        // "hidden lg:flex"): boilerplate unless it holds a
                        // long text of its own
};

// Classifies one element from its tag, ARIA role, hidden state and the tokens
// of its class and id (split on non-alphanumerics, lower-cased). The token
// lists follow what readability.js (unlikelyCandidates) and trafilatura
// (htmlprocessing / xpaths "discard" rules) treat as boilerplate, restricted
// to names that are unambiguous in practice; a token after a negation in the
// same class name ([negation_tokens]: "hide-read-more-ad", "no-sidebar") is
// no evidence. `in_main` says whether an
// ancestor is a kMainHint element (a <header> inside an article is its
// title block, not the site header). `controlled`: a control on the page
// names the element in its aria-controls (a disclosure's button and its
// panel, WAI-ARIA's disclosure and accordion patterns), so its hidden state
// says the panel is closed, not that its text is chrome.
MarkupVerdict ClassifyMarkup(const GumboElement& el, bool in_main, bool controlled = false);

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
