#ifndef CORPUS_EXTRACT_PAGE_TITLE_H_
#define CORPUS_EXTRACT_PAGE_TITLE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "corpus/extract/dom_index.h"

namespace corpus {

// Collapses each run of whitespace to one space and trims both ends
// (titles, JSON-LD text).
std::string CollapseSpaces(std::string_view s);

// The page's title: its first <h1> when <title> or og:title names it, but
// on a blog whose <h1> is the blog's name the post's heading that the rest
// of <title> names (PostHeadingNode); else og:title, then <title>.
std::string PickTitle(const DomIndex& dom);

// On a blog whose first <h1> is the blog's name in the site's header,
// outside <main> and <article> (or in boilerplate, or a link through and
// through), and whose <title> reads "post - blog" or "blog: post" (or is
// cut short with "..."), the heading whose text is the rest of <title>,
// the post's own headline; -1 if there is none. Reads at most 40 headings.
int32_t PostHeadingNode(const DomIndex& dom);

}  // namespace corpus

#endif  // CORPUS_EXTRACT_PAGE_TITLE_H_
