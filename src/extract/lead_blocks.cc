#include "corpus/extract/lead_blocks.h"

#include <gumbo.h>

#include <vector>

namespace corpus {
namespace {

// A lead is a sentence or more of prose...
constexpr uint32_t kMinLeadBytes = 80;
// ...and a paragraph or two, not a second article.
constexpr int kMaxLeadBlocks = 2;
constexpr uint64_t kMaxLeadBytes = 1200;

// Subtrees that hold no lead: lists and tables (menus, facts boxes),
// pictures and their captions, forms, navigation and asides.
bool HoldsNoLead(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_MENU:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FORM: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_LABEL:
      return true;
    default:
      return false;
  }
}

bool IsLead(const DomNode& n) {
  if ((n.flags & kDomText) || !(n.flags & kDomBlock) || n.tag == GUMBO_TAG_H1) return false;
  return n.own_text >= kMinLeadBytes && n.own_punct > 0 && n.own_link == 0;
}

}  // namespace

int AddLeadBlocks(const DomIndex& dom, ContentSelection* sel) {
  const std::vector<DomNode>& nodes = dom.nodes();
  const int32_t root = sel->root;
  const int32_t h1 = dom.first_h1();
  if (root < 0 || h1 < 0 || nodes[h1].end > root) return 0;
  // The lowest common ancestor of the headline and the body.
  int32_t top = nodes[root].parent;
  while (top >= 0 && !(h1 > top && h1 < nodes[top].end)) top = nodes[top].parent;
  if (top < 0) return 0;

  std::vector<int32_t> leads;
  uint64_t lead_bytes = 0;
  for (int32_t i = nodes[h1].end; i < root; ++i) {
    const DomNode& n = nodes[i];
    if (sel->drop[i] || (!(n.flags & kDomText) && HoldsNoLead(n.tag))) {
      i = n.end - 1;
      continue;
    }
    if (n.end > root) continue;  // an ancestor of the body
    if (!IsLead(n)) continue;
    leads.push_back(i);
    lead_bytes += n.text;
    i = n.end - 1;
  }
  if (leads.empty() || leads.size() > static_cast<size_t>(kMaxLeadBlocks) ||
      lead_bytes > kMaxLeadBytes || lead_bytes > nodes[root].text) {
    return 0;
  }

  // Keep the paths from `top` to the body and to each lead; drop every other
  // child of a node on those paths.
  std::vector<uint8_t> on_path(nodes.size(), 0);
  auto mark_path = [&](int32_t from) {
    for (int32_t a = from; a >= 0 && a != top; a = nodes[a].parent) on_path[a] = 1;
  };
  mark_path(root);
  for (int32_t l : leads) mark_path(l);
  on_path[top] = 1;
  for (int32_t i = top + 1; i < nodes[top].end; ++i) {
    if (on_path[i]) {
      if (i == root || nodes[i].end <= root) {
        // The body or a lead: kept whole (its own drop flags apply).
        bool is_lead = i == root;
        for (int32_t l : leads) is_lead |= l == i;
        if (is_lead) i = nodes[i].end - 1;
      }
      continue;
    }
    sel->drop[i] = 1;
    i = nodes[i].end - 1;
  }
  sel->root = top;
  return static_cast<int>(leads.size());
}

}  // namespace corpus
