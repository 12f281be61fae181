#ifndef CORPUS_EXTRACT_TEASER_LINES_H_
#define CORPUS_EXTRACT_TEASER_LINES_H_

#include <string_view>

#include "corpus/extract/dom_index.h"

namespace corpus {

// Whether a line's text opens with a teaser label: "Related:",
// "Recommended:", "Must read:" (any case).
bool StartsWithTeaserLabel(std::string_view text);

// Flags kDomBoilerplate on teaser lines inside an article: a block that
// opens with a teaser label (StartsWithTeaserLabel) followed by a link to
// another story ("Related: How the port strike ended"), with at most
// kMaxTeaserLine bytes of text, most of it in the link. News and blog
// editors drop these between paragraphs; WCXB's article references leave
// them out. For pages whose selected content is prose. Linear.
void MarkTeaserLines(DomIndex* dom);

}  // namespace corpus

#endif  // CORPUS_EXTRACT_TEASER_LINES_H_
