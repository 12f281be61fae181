#include "corpus/extract/toc_lists.h"

#include <gumbo.h>

#include <vector>

#include "corpus/extract/markup_names.h"

namespace corpus {
namespace {

// A list needs this many in-page links to be a table of contents: one or
// two are "jump to recipe" or footnote links.
constexpr int kMinTocLinks = 3;
// ... and this share of its text inside them (numbering, "Contents" and a
// stray word may stand outside).
constexpr double kMinTocLinkShare = 0.85;

// The title of a table of contents ("Table of Contents", "Inhalt",
// "目次") is at most this many bytes of text.
constexpr uint64_t kMaxTocTitle = 40;

bool IsInPageLink(const DomNode& n) {
  if (n.tag != GUMBO_TAG_A || (n.flags & kDomText)) return false;
  const char* href = ElementAttr(n.node->v.element, "href");
  return href && href[0] == '#' && href[1] != '\0';
}

// Flags kDomBoilerplate on the title of the table of contents at `list`:
// the text right before the list, if it is short, links nowhere, is not a
// sentence and is not the page's headline. The title is the largest
// subtree holding that text that ends before the list (the heading, the
// <summary> of a <details>, a bold line before a <br>).
void MarkTocTitle(DomIndex* dom, int32_t list) {
  std::vector<DomNode>& nodes = dom->mutable_nodes();
  const int32_t title = LineBefore(nodes, list, 1);
  if (title < 0) return;
  const DomNode& t = nodes[title];
  const int32_t h1 = dom->first_h1();
  if (t.text > kMaxTocTitle || t.link > 0 || t.punct > 0 || (h1 >= title && h1 < t.end)) return;
  nodes[title].flags |= kDomBoilerplate;
}

}  // namespace

void MarkTocLists(DomIndex* dom) {
  std::vector<DomNode>& nodes = dom->mutable_nodes();
  for (int32_t i = 0; i < static_cast<int32_t>(nodes.size()); ++i) {
    DomNode& n = nodes[i];
    if ((n.flags & (kDomText | kDomBoilerplate)) || n.text == 0) continue;
    if (n.tag != GUMBO_TAG_UL && n.tag != GUMBO_TAG_OL) continue;
    int links = 0;
    uint64_t in_page = 0;
    for (int32_t j = i + 1; j < n.end; ++j) {
      if (!IsInPageLink(nodes[j])) continue;
      ++links;
      in_page += nodes[j].text;
      j = nodes[j].end - 1;  // links do not nest
    }
    if (links >= kMinTocLinks &&
        static_cast<double>(in_page) >= kMinTocLinkShare * static_cast<double>(n.text)) {
      n.flags |= kDomBoilerplate;
      MarkTocTitle(dom, i);
    }
    i = n.end - 1;  // nested lists are part of this one's verdict
  }
}

}  // namespace corpus
