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

bool IsInPageLink(const DomNode& n) {
  if (n.tag != GUMBO_TAG_A || (n.flags & kDomText)) return false;
  const char* href = ElementAttr(n.node->v.element, "href");
  return href && href[0] == '#' && href[1] != '\0';
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
    }
    i = n.end - 1;  // nested lists are part of this one's verdict
  }
}

}  // namespace corpus
