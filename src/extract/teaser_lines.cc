#include "corpus/extract/teaser_lines.h"

#include <string>

namespace corpus {
namespace {

constexpr std::string_view kTeaserLabels[] = {"related", "recommended", "must read",
                                               "don't miss", "also read", "read also"};

// A teaser line is a label and a headline.
constexpr uint64_t kMaxTeaserLine = 300;

// The first `limit` bytes of the text of the subtree at `root`.
std::string Opening(const std::vector<DomNode>& nodes, int32_t root, size_t limit) {
  std::string out;
  for (int32_t i = root; i < nodes[root].end && out.size() < limit; ++i) {
    if (nodes[i].flags & kDomText) out += nodes[i].node->v.text.text;
  }
  return out;
}

}  // namespace

bool StartsWithTeaserLabel(std::string_view text) {
  size_t b = 0;
  while (b < text.size() && (text[b] == ' ' || text[b] == '\n' || text[b] == '\t')) ++b;
  for (std::string_view label : kTeaserLabels) {
    if (text.size() < b + label.size() + 1) continue;
    bool same = true;
    for (size_t k = 0; k < label.size() && same; ++k) {
      char c = text[b + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      same = c == label[k];
    }
    if (!same) continue;
    size_t e = b + label.size();
    while (e < text.size() && text[e] == ' ') ++e;
    if (e < text.size() && text[e] == ':') return true;
  }
  return false;
}

void MarkTeaserLines(DomIndex* dom) {
  std::vector<DomNode>& nodes = dom->mutable_nodes();
  for (int32_t i = 1; i < static_cast<int32_t>(nodes.size()); ++i) {
    DomNode& n = nodes[i];
    if ((n.flags & (kDomText | kDomBoilerplate)) || !(n.flags & kDomBlock)) continue;
    if (n.text == 0 || n.text > kMaxTeaserLine) continue;
    if (2 * n.link < n.text) continue;
    if (!StartsWithTeaserLabel(Opening(nodes, i, 32))) continue;
    n.flags |= kDomBoilerplate;
    i = n.end - 1;
  }
}

}  // namespace corpus
