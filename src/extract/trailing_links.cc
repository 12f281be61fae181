#include "corpus/extract/trailing_links.h"

#include "corpus/extract/markup_names.h"

namespace corpus {
namespace {

// A block with this many bytes of its own text outside links is prose (the
// measure of IsProse in extractor.cc).
constexpr uint32_t kMinProseBlock = 200;
// Share of a trailing block's text in links from which it is a link list.
constexpr double kMinTrailingLinkShare = 0.6;

// Whether the element's links all point inside the page ("#fn1"): footnote
// and reference lists, which belong to the text.
bool InPageLinksOnly(const std::vector<DomNode>& nodes, int32_t root) {
  bool any = false;
  for (int32_t i = root; i < nodes[root].end; ++i) {
    if ((nodes[i].flags & kDomText) || nodes[i].tag != GUMBO_TAG_A) continue;
    const char* href = ElementAttr(nodes[i].node->v.element, "href");
    if (!href) continue;
    if (href[0] != '#') return false;
    any = true;
  }
  return any;
}

}  // namespace

void MarkTrailingLinkLists(DomIndex* dom, int32_t root) {
  std::vector<DomNode>& nodes = dom->mutable_nodes();
  if (root < 0) return;
  int32_t last_prose = -1;
  for (int32_t i = root; i < nodes[root].end; ++i) {
    const DomNode& n = nodes[i];
    if (n.flags & kDomBoilerplate) {
      i = n.end - 1;
      continue;
    }
    if (!(n.flags & kDomText) && n.own_text - n.own_link >= kMinProseBlock) last_prose = i;
  }
  if (last_prose < 0) return;
  // Past the last paragraph and outside its ancestors: the blocks after it.
  for (int32_t i = nodes[last_prose].end; i < nodes[root].end; ++i) {
    DomNode& n = nodes[i];
    if ((n.flags & kDomText) || (n.flags & kDomBoilerplate)) {
      if (n.flags & kDomBoilerplate) i = n.end - 1;
      continue;
    }
    if (n.text == 0 || !(n.flags & kDomBlock)) continue;
    if (static_cast<double>(n.link) >= kMinTrailingLinkShare * static_cast<double>(n.text) &&
        !InPageLinksOnly(nodes, i)) {
      n.flags |= kDomBoilerplate;
      i = n.end - 1;
    }
  }
}

}  // namespace corpus
