#ifndef CORPUS_EXTRACT_COMMENT_THREADS_H_
#define CORPUS_EXTRACT_COMMENT_THREADS_H_

#include "corpus/extract/dom_index.h"
#include "corpus/extract/phrase_book.h"

namespace corpus {

// Flags kDomComments on the items of a list of readers' comments that no
// class or id names as one (a React app's "Note_note__Bc5Gh", a recipe's
// "Cooking Notes"): sibling elements of one tag and one class attribute,
// kMinThreadItems or more, each holding text of its own and a control that
// answers it, a link or button whose whole label is a reply action of the
// page's languages ([reply_actions] of configs/extract: "Reply",
// "Antworten", "Répondre", "返信"). The shape is a comment system's in any
// language: a name, a date, the text and its "Reply" button.
//
// kDomComments is the weaker verdict: on a forum thread, where every post
// has the button, the posts come back when they are most of the page
// (extractor.cc) or the page says it is a discussion (discussion.h). Runs
// after MarkBoilerplate; linear in the page, plus one walk up the tree from
// each reply control.
void MarkReplyThreads(DomIndex* dom, const PhraseSet& phrases);

}  // namespace corpus

#endif  // CORPUS_EXTRACT_COMMENT_THREADS_H_
