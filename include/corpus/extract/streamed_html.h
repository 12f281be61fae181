#ifndef CORPUS_EXTRACT_STREAMED_HTML_H_
#define CORPUS_EXTRACT_STREAMED_HTML_H_

#include <string>
#include <string_view>

namespace corpus {

// Puts streamed server-rendered content back where the page shows it.
//
// React's streaming server renderer (react-dom/server, used by Next.js and
// Remix) sends a page's slow parts after the rest: in its place a
// placeholder, `<template id="B:1"></template>` (a Suspense boundary,
// preceded by "<!--$?-->" and followed by its fallback, e.g. a spinner, up to
// "<!--/$-->") or `<template id="P:1"></template>` (a segment); at the end of
// the body the content itself, in `<div hidden id="S:1">`, which a script
// moves into place. Without scripts the article body, a product's details or
// a thread's posts sit hidden at the bottom. This undoes the move: each
// placeholder (and the fallback of a boundary) is replaced by its segment's
// content, and the hidden segment is removed. Segments that no placeholder
// names stay as they are. Nesting is followed to a fixed depth.
//
// Returns false, leaving `out` untouched, when `html` has no streamed
// segment (the common case costs one substring search).
bool ResolveStreamedSegments(std::string_view html, std::string* out);

}  // namespace corpus

#endif  // CORPUS_EXTRACT_STREAMED_HTML_H_
