#ifndef CORPUS_EXTRACT_REPLY_SUBJECTS_H_
#define CORPUS_EXTRACT_REPLY_SUBJECTS_H_

#include "corpus/extract/dom_index.h"
#include "corpus/extract/phrase_book.h"

namespace corpus {

// Flags kDomBoilerplate on the subject lines forum software prints over
// each reply: a reply prefix of the page's languages ([reply_prefixes] of
// configs/extract: "Re:", "AW:", "Odp:") and the thread's title again
// ("Re: Turning off all LED of RPi 5" on a page titled "Turning off all
// LED of RPi 5 - Raspberry Pi Forums"). The title is the page's <title>;
// a subject whose rest is not in it (a reply that names its own subject)
// stays. Runs after MarkBoilerplate; one pass over small blocks.
void MarkReplySubjects(DomIndex* dom, const PhraseSet& phrases);

}  // namespace corpus

#endif  // CORPUS_EXTRACT_REPLY_SUBJECTS_H_
