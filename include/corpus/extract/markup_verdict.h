#ifndef CORPUS_EXTRACT_MARKUP_VERDICT_H_
#define CORPUS_EXTRACT_MARKUP_VERDICT_H_

#include <gumbo.h>

#include "corpus/extract/markup_name_book.h"

namespace corpus {

// What an element's own markup says about it, before looking at its text.
enum class MarkupVerdict {
  kNeutral,
  kBoilerplate,  // navigation, header/footer, sidebar, cookie/consent, share,
                 // related links, newsletter, ads, pagination, hidden text,
                 // an image drawn in markup (role=img: a rating's stars)
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
// no evidence. `in_main` says whether an ancestor is a kMainHint element (a <header> inside an article is its
// title block, not the site header). `controlled`: a control on the page
// names the element in its aria-controls (a disclosure's button and its
// panel, WAI-ARIA's disclosure and accordion patterns), so its hidden state
// says the panel is closed, not that its text is chrome.
MarkupVerdict ClassifyMarkup(const GumboElement& el, bool in_main, bool controlled = false);

// Whether the value of `el`'s attribute `attr` (a class list or an id)
// holds one of list `l`'s names: a whole class name or, with
// `split_tokens`, one of its alphanumeric tokens (ListsNamingPieces).
bool AttrNames(const GumboElement& el, const char* attr, NameList l, bool split_tokens);

// Whether the element is hidden by "visibility:hidden" alone: it keeps its
// place in the layout, as a body a script shows once the page is ready
// does, where "display:none" and `hidden` take it out.
bool KeepsItsPlace(const GumboElement& el);

}  // namespace corpus

#endif  // CORPUS_EXTRACT_MARKUP_VERDICT_H_
