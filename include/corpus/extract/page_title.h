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

// On a blog whose first <h1> is the blog's name in the site's header,
// outside <main> and <article> (or in boilerplate, or a link through and
// through), and whose <title> reads "post - blog" or "blog: post" (or is
// cut short with "...", or has three parts or more: "post_blog_platform"),
// the heading after the <h1> whose text is the rest of <title> (or a run of
// its parts beside the blog's), the post's own headline; -1 if there is
// none. Reads
// at most 40 headings, outside boilerplate: call it once the boilerplate
// passes are done.
int32_t PostHeadingNode(const DomIndex& dom);

// The page's title: its first <h1> when <title> or og:title names it, but
// on a blog whose <h1> is the blog's name the post's heading
// `post_heading` (PostHeadingNode, -1 if none); else og:title; else, on a
// page with no <h1>, the first heading outside boilerplate whose text is a
// part of <title> (or a run of its parts) short of the whole; else <title>.
std::string PickTitle(const DomIndex& dom, int32_t post_heading);

}  // namespace corpus

#endif  // CORPUS_EXTRACT_PAGE_TITLE_H_
