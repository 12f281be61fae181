#ifndef CORPUS_EXTRACT_TRAILING_LINKS_H_
#define CORPUS_EXTRACT_TRAILING_LINKS_H_

#include <cstdint>

#include "corpus/extract/dom_index.h"

namespace corpus {

// Flags kDomBoilerplate on link lists that follow an article's last
// paragraph inside the selected content `root`: blocks after the last block
// of prose (kMinProseBlock bytes of its own text outside links) whose text
// is mostly links (at least kMinTrailingLinkShare of it). What trails an
// article in its own container is, in any language, the list of other
// stories, the tags, the "more from this section" box and the share bar; a
// list of references ends in prose-less links too, but is cited from the
// text (in-page links), which this leaves alone. A body written as lines
// between <br>s (a table cell, a blog post's one container) ends where its
// last line does: the boxes after that line, inside the same element, are
// looked at too, and so are its last lines when two or more of them are a
// link each and nothing else (with the short label over them): their text
// is flagged. Nothing is flagged in a content that shows code (40 bytes or
// more of code listings, <pre>: a manual's or a tutorial's page, whose
// closing lists are its "See also" and "Next steps"); and the extractor
// does not run this on a product's page, where the list after the
// description is the product's features. Linear in the subtree.
void MarkTrailingLinkLists(DomIndex* dom, int32_t root);

// Flags kDomBoilerplate on notes that follow an article's last paragraph
// inside the selected content `root`: <p>, <div> and <section> blocks
// after the last block of prose, outside lists and tables, with at most kMaxTrailingNote
// bytes of text that does not end a sentence (no . ! ? or their CJK forms
// at its end), and not followed by a list, table or dropped box they
// introduce (a label goes or stays with what it names); only
// when nothing but such notes and headings follows the last paragraph, and
// not when kMinTitledNotes or more of them follow a heading of their own
// (a practical box: what, when, where, the price). What
// trails an article in this shape, in any language, is a source or agency
// line, a label over contact details, a tag line, a disclaimer, a
// copyright or update note. Run after MarkTrailingLinkLists, and not on a
// discussion page (a thread's last posts are short lines too). Linear in
// the subtree.
void MarkTrailingNotes(DomIndex* dom, int32_t root);

}  // namespace corpus

#endif  // CORPUS_EXTRACT_TRAILING_LINKS_H_
