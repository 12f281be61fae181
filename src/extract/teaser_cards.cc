#include "corpus/extract/teaser_cards.h"

#include <string_view>
#include <vector>

#include "corpus/extract/markup_names.h"

namespace corpus {
namespace {

// Fewer cards than this are a pair of links beside the text, not a grid.
constexpr size_t kMinTeaserCards = 3;
// A card with more text than this is a section with a story of its own.
constexpr uint64_t kMaxTeaserCardBytes = 800;
// The cards' share of their parent's text: a grid is mostly cards.
constexpr double kMinCardShare = 0.6;
// A linked headline: at least this many bytes, and this share in links.
constexpr uint64_t kMinHeadlineBytes = 10;
constexpr double kMinHeadlineLinkShare = 0.7;

// Whether heading `h` is a headline linked to another page.
bool IsLinkedHeadline(const std::vector<DomNode>& nodes, int32_t h) {
  const DomNode& n = nodes[h];
  if (n.text < kMinHeadlineBytes ||
      static_cast<double>(n.link) < kMinHeadlineLinkShare * static_cast<double>(n.text)) {
    return false;
  }
  for (int32_t k = h; k < n.end; ++k) {
    if ((nodes[k].flags & kDomText) || nodes[k].tag != GUMBO_TAG_A) continue;
    // Hrefs reach here shortened (html_prescan.cc, ShortHref): whether one
    // starts with '#' is what is left to read.
    const char* href = ElementAttr(nodes[k].node->v.element, "href");
    if (href && href[0] != '\0' && href[0] != '#') return true;
  }
  return false;
}

// Whether `a` is a link to another page that holds a heading: a card made
// one link, its kicker, headline and excerpt all inside it.
bool IsLinkedCard(const std::vector<DomNode>& nodes, int32_t a) {
  const DomNode& n = nodes[a];
  if ((n.flags & kDomText) || n.tag != GUMBO_TAG_A || n.text == 0 || n.text > kMaxTeaserCardBytes) {
    return false;
  }
  const char* href = ElementAttr(n.node->v.element, "href");
  if (!href || href[0] == '\0' || href[0] == '#') return false;
  for (int32_t k = a + 1; k < n.end; ++k) {
    if (!(nodes[k].flags & kDomText) && (nodes[k].flags & kDomHeading)) return true;
  }
  return false;
}

std::string_view ClassValue(const DomNode& n) {
  const char* c = ElementAttr(n.node->v.element, "class");
  return c ? std::string_view(c) : std::string_view();
}

}  // namespace

void MarkTeaserCards(DomIndex* dom, int32_t root) {
  std::vector<DomNode>& nodes = dom->mutable_nodes();
  const int32_t end = nodes[root].end;
  // headline[i - root]: the subtree of i holds a linked headline.
  std::vector<uint8_t> headline(static_cast<size_t>(end - root), 0);
  for (int32_t i = end - 1; i >= root; --i) {
    const DomNode& n = nodes[i];
    if (n.flags & kDomText) continue;
    if ((n.flags & kDomHeading) && IsLinkedHeadline(nodes, i)) headline[i - root] = 1;
    if (headline[i - root] && n.parent >= root) headline[n.parent - root] = 1;
  }

  std::vector<int32_t> groups;
  uint64_t group_text = 0;
  std::vector<int32_t> cards;
  for (int32_t p = root; p < end; ++p) {
    const DomNode& pn = nodes[p];
    if (pn.flags & kDomBoilerplate) {
      p = pn.end - 1;
      continue;
    }
    if ((pn.flags & kDomText) || !headline[p - root]) continue;
    // The cards: children with a linked headline and little text, of the
    // first text-holding child's tag.
    cards.clear();
    uint64_t card_text = 0;
    GumboTag tag = GUMBO_TAG_UNKNOWN;
    bool first = true;
    for (int32_t c = p + 1; c < pn.end; c = nodes[c].end) {
      const DomNode& cn = nodes[c];
      if ((cn.flags & kDomText) || cn.text == 0) continue;
      if (first) {
        tag = cn.tag;
        first = false;
      }
      if (cn.tag != tag || !headline[c - root] || cn.text > kMaxTeaserCardBytes ||
          (cn.flags & kDomBoilerplate)) {
        continue;
      }
      cards.push_back(c);
      card_text += cn.text;
    }
    if (cards.size() < kMinTeaserCards ||
        static_cast<double>(card_text) < kMinCardShare * static_cast<double>(pn.text)) {
      continue;
    }
    const std::string_view shape = ClassValue(nodes[cards[0]]);
    bool one_shape = true;
    for (int32_t c : cards) one_shape = one_shape && ClassValue(nodes[c]) == shape;
    if (!one_shape) continue;
    groups.push_back(p);
    group_text += pn.text;
    p = pn.end - 1;
  }
  // A card alone, one link around a headline and its excerpt, set among the
  // article's paragraphs: the "read also" of news sites. It goes with the
  // wrappers that hold nothing else. Cards side by side are a grid, whose
  // verdict is the one above; a card among prices is a product's.
  std::vector<int32_t> linked_cards;
  for (int32_t i = root + 1; i < end; ++i) {
    if (nodes[i].flags & kDomBoilerplate) {
      i = nodes[i].end - 1;
      continue;
    }
    if (!IsLinkedCard(nodes, i)) continue;
    const int32_t card = OutermostWrapper(nodes, i, root);
    linked_cards.push_back(card);
    i = nodes[card].end - 1;
  }
  uint64_t lone_text = 0;
  std::vector<int32_t> lone;
  for (size_t k = 0; k < linked_cards.size(); ++k) {
    const int32_t parent = nodes[linked_cards[k]].parent;
    const bool beside_another = (k > 0 && nodes[linked_cards[k - 1]].parent == parent) ||
                                (k + 1 < linked_cards.size() && nodes[linked_cards[k + 1]].parent == parent);
    if (beside_another || !SetInRunningText(nodes, linked_cards[k])) continue;
    lone.push_back(linked_cards[k]);
    lone_text += nodes[linked_cards[k]].text;
  }
  if (!lone.empty() && 2 * lone_text <= nodes[root].text) {
    for (int32_t card : lone) nodes[card].flags |= kDomBoilerplate;
  }
  if (groups.empty() || 2 * group_text > nodes[root].text) return;
  // Only grids after the article's last paragraph outside them go: one
  // with a paragraph of the article after it may be the article's own list
  // of links, and is given back.
  for (int32_t p : groups) nodes[p].flags |= kDomBoilerplate;
  const int32_t last_prose = LastProseBlock(nodes, root);
  for (int32_t p : groups) {
    if (p < last_prose) nodes[p].flags &= static_cast<uint16_t>(~kDomBoilerplate);
  }
}

}  // namespace corpus
