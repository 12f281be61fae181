#ifndef CORPUS_EXTRACT_DISCUSSION_H_
#define CORPUS_EXTRACT_DISCUSSION_H_

#include <string>
#include <vector>

#include "corpus/extract/dom_index.h"

namespace corpus {

// Whether a page says, in schema.org terms, that it is a discussion: a
// DiscussionForumPosting or a QAPage (JSON-LD or microdata), or at least two
// microdata Comment items. On such a page the replies are the content, so
// "comment" sections must not be dropped (forum posts treated as
// comments and removed).
//
// Not when the page marks up schema.org Answer items in its HTML
// (microdata): there the answers are the content and are not named
// "comments"; what is, is the short remarks under each answer, which stay
// out. Answers listed in JSON-LD only say nothing of the HTML: forum software
// that describes its replies as Answers there still names them "comments".
bool IsDiscussionPage(const DomIndex& dom, const std::vector<std::string>& json_ld);

}  // namespace corpus

#endif  // CORPUS_EXTRACT_DISCUSSION_H_
