#include "corpus/extract/teaser_cards.h"

#include <string_view>
#include <vector>

#include "corpus/extract/markup_names.h"
#include "corpus/util/ascii.h"

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
// Cards set among an article's paragraphs: two or more, each a linked
// headline with at most this much text outside links (an excerpt line and a
// byline: bytes other than spaces, as DomNode counts), not an item of the
// article's own list with its description.
constexpr size_t kMinInlineCards = 2;
constexpr uint64_t kMaxInlineCardPlainBytes = 200;

// Whether `href` leads off the page. Hrefs reach here shortened
// (html_prescan.cc, ShortHref): whether one starts with '#' is what is left
// to read.
bool LeadsOffThePage(const char* href) { return href && href[0] != '\0' && href[0] != '#'; }

// Whether heading `h` is a headline linked to another page: by a link inside
// it, or by one around it (a card's <a> holding its <h3>).
bool IsLinkedHeadline(const std::vector<DomNode>& nodes, int32_t h) {
  const DomNode& n = nodes[h];
  if (n.text < kMinHeadlineBytes ||
      static_cast<double>(n.link) < kMinHeadlineLinkShare * static_cast<double>(n.text)) {
    return false;
  }
  if (n.anchor >= 0 && LeadsOffThePage(ElementAttr(nodes[n.anchor].node->v.element, "href"))) {
    return true;
  }
  for (int32_t k = h; k < n.end; ++k) {
    if ((nodes[k].flags & kDomText) || nodes[k].tag != GUMBO_TAG_A) continue;
    if (LeadsOffThePage(ElementAttr(nodes[k].node->v.element, "href"))) return true;
  }
  return false;
}

// Whether block `b` is a headline set as a plain block: a <div> or <p>, not
// a heading, whose text is mostly one link to another page ("<div><a
// href=...>headline</a></div>" over a card's excerpt).
bool IsLinkedTitleBlock(const std::vector<DomNode>& nodes, int32_t b) {
  const DomNode& n = nodes[b];
  if ((n.flags & kDomText) || !(n.flags & kDomBlock) || (n.flags & kDomHeading) ||
      n.tag == GUMBO_TAG_LI || n.text < kMinHeadlineBytes ||
      static_cast<double>(n.link) < kMinHeadlineLinkShare * static_cast<double>(n.text)) {
    return false;
  }
  int links = 0;
  for (int32_t k = b + 1; k < n.end; ++k) {
    if ((nodes[k].flags & kDomText) || nodes[k].tag != GUMBO_TAG_A) continue;
    if (!LeadsOffThePage(ElementAttr(nodes[k].node->v.element, "href")) || ++links > 1) return false;
  }
  return links == 1;
}

// Whether the subtree at `root` holds, outside links, a line cut short: text
// ending in "..." or U+2026 (a card's excerpt, "... the distribution of
// 1,500 hampers on Tuesday, December 1...").
bool HoldsCutExcerpt(const std::vector<DomNode>& nodes, int32_t root) {
  for (int32_t i = root; i < nodes[root].end; ++i) {
    const DomNode& n = nodes[i];
    if (!(n.flags & kDomText) || n.text == 0 || n.anchor >= 0) continue;
    const std::string_view t = StripAsciiWhitespace(n.node->v.text.text);
    if (t.ends_with("...") || t.ends_with(kEllipsis)) return true;
  }
  return false;
}

// Whether `a` is a link to another page that holds a heading, or a block
// of text and text beside it: a card made one link, its kicker, headline
// and excerpt all inside it ("<a><span>kicker</span><span>headline</span>
// <p>excerpt</p></a>").
bool IsLinkedCard(const std::vector<DomNode>& nodes, int32_t a) {
  const DomNode& n = nodes[a];
  if ((n.flags & kDomText) || n.tag != GUMBO_TAG_A || n.text == 0 || n.text > kMaxTeaserCardBytes) {
    return false;
  }
  if (!LeadsOffThePage(ElementAttr(n.node->v.element, "href"))) return false;
  for (int32_t k = a + 1; k < n.end; ++k) {
    if (nodes[k].flags & kDomText) continue;
    if (nodes[k].flags & kDomHeading) return true;
    if ((nodes[k].flags & kDomBlock) && nodes[k].text > 0 && nodes[k].text < n.text) return true;
  }
  return false;
}

// The card of the linked card `a` (IsLinkedCard): its parent below `root`
// when that holds no other link and at most kMaxInlineCardPlainBytes of
// text outside it (the excerpt under a linked picture and headline), else
// `a` itself.
int32_t LinkedCardBox(const std::vector<DomNode>& nodes, int32_t a, int32_t root) {
  const int32_t box = nodes[a].parent;
  if (box <= root) return a;
  const DomNode& b = nodes[box];
  if (b.text > kMaxTeaserCardBytes || b.link != nodes[a].text ||
      b.text - b.link > kMaxInlineCardPlainBytes) {
    return a;
  }
  return box;
}

// The box of a card whose headline `h` holds its link ("<div><span>Related
// </span><h4><a href=...>headline</a></h4><p>excerpt</p></div>"): the
// heading's parent below `root`, when it holds no other heading, at most
// kMaxTeaserCardBytes of text and at most kMaxInlineCardPlainBytes of it
// outside links (a kicker and an excerpt line); -1 if `h` is not such a
// headline.
int32_t HeadlineCardBox(const std::vector<DomNode>& nodes, int32_t h, int32_t root) {
  const DomNode& n = nodes[h];
  if ((n.flags & kDomText) || !(n.flags & kDomHeading) || n.anchor >= 0 ||
      !IsLinkedHeadline(nodes, h)) {
    return -1;
  }
  const int32_t box = n.parent;
  if (box <= root) return -1;
  const DomNode& b = nodes[box];
  if (!(b.flags & kDomBlock) || b.text > kMaxTeaserCardBytes ||
      b.text - b.link > kMaxInlineCardPlainBytes) {
    return -1;
  }
  for (int32_t k = box + 1; k < b.end; ++k) {
    if (k != h && !(nodes[k].flags & kDomText) && (nodes[k].flags & kDomHeading)) return -1;
  }
  return box;
}

// The box of a card whose first line is its one link, to another page, and
// the rest its excerpt ("<div><a href=...><span>kicker</span><span>headline
// </span></a><p>excerpt</p></div>"): the link's parent below `root`, a block
// whose own text is the link alone, with at most kMaxTeaserCardBytes of text
// and at most kMaxInlineCardPlainBytes of it outside the link, some of it in
// blocks after the link; -1 if `a` is not such a link.
int32_t TitleLinkCardBox(const std::vector<DomNode>& nodes, int32_t a, int32_t root) {
  const DomNode& n = nodes[a];
  if ((n.flags & kDomText) || n.tag != GUMBO_TAG_A || n.text < kMinHeadlineBytes ||
      !LeadsOffThePage(ElementAttr(n.node->v.element, "href"))) {
    return -1;
  }
  const int32_t box = n.parent;
  if (box <= root) return -1;
  const DomNode& b = nodes[box];
  if (!(b.flags & kDomBlock) || b.own_text != n.text || b.link != n.text || b.text == n.text ||
      b.text > kMaxTeaserCardBytes || b.text - n.text > kMaxInlineCardPlainBytes) {
    return -1;
  }
  // The link opens the box: no text before it.
  for (int32_t k = box + 1; k < a; ++k) {
    if ((nodes[k].flags & kDomText) && nodes[k].text > 0) return -1;
  }
  return box;
}

// The first paragraph of running text (IsRunningParagraph) in the subtree
// at `root` outside boilerplate; -1 if none.
int32_t FirstRunningParagraph(const std::vector<DomNode>& nodes, int32_t root) {
  for (int32_t i = root; i < nodes[root].end; ++i) {
    const DomNode& n = nodes[i];
    if (n.flags & kDomBoilerplate) {
      i = n.end - 1;
      continue;
    }
    if (IsRunningParagraph(n)) return i;
  }
  return -1;
}

// Whether `a` and `b` hold one class, but for digits: the cards of one grid
// may be numbered ("card card_0", "card card_1").
bool SameClassButNumbers(const DomNode& a, const DomNode& b) {
  const char* ca = ElementAttr(a.node->v.element, "class");
  const char* cb = ElementAttr(b.node->v.element, "class");
  if (!ca || !cb) return !ca && !cb;
  for (;; ++ca, ++cb) {
    while (*ca >= '0' && *ca <= '9') ++ca;
    while (*cb >= '0' && *cb <= '9') ++cb;
    if (*ca != *cb) return false;
    if (*ca == '\0') return true;
  }
}

}  // namespace

void MarkTeaserCards(DomIndex* dom, int32_t root, bool inline_grids) {
  std::vector<DomNode>& nodes = dom->mutable_nodes();
  const int32_t end = nodes[root].end;
  // headline[i - root]: the subtree of i holds a linked headline.
  std::vector<uint8_t> headline(static_cast<size_t>(end - root), 0);
  // cut[i - root]: whether the subtree of i holds an excerpt cut short
  // (HoldsCutExcerpt), asked once per parent of a title block: 0 not asked,
  // 1 no, 2 yes.
  std::vector<uint8_t> cut(static_cast<size_t>(end - root), 0);
  for (int32_t i = end - 1; i >= root; --i) {
    const DomNode& n = nodes[i];
    if (n.flags & kDomText) continue;
    if ((n.flags & kDomHeading) && IsLinkedHeadline(nodes, i)) headline[i - root] = 1;
    // A title block counts for its card when the card holds an excerpt
    // cut short beside it: an article's own list of links, each with its
    // authors or a description, is no grid of teasers.
    if (n.parent > root && IsLinkedTitleBlock(nodes, i)) {
      uint8_t& parent_cut = cut[n.parent - root];
      if (parent_cut == 0) parent_cut = HoldsCutExcerpt(nodes, n.parent) ? 2 : 1;
      if (parent_cut == 2) headline[n.parent - root] = 1;
    }
    if (headline[i - root] && n.parent >= root) headline[n.parent - root] = 1;
  }

  std::vector<int32_t> groups;
  // group_short[k]: groups[k]'s cards are each a headline and a line.
  std::vector<uint8_t> group_short;
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
    bool short_cards = true;
    GumboTag tag = GUMBO_TAG_UNKNOWN;
    bool first = true;
    for (int32_t c = p + 1; c < pn.end; c = nodes[c].end) {
      const DomNode& cn = nodes[c];
      if ((cn.flags & kDomText) || cn.text == 0) continue;
      if (first && !headline[c - root] && (cn.flags & kDomHeading)) continue;  // the grid's title
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
      short_cards = short_cards && cn.text - cn.link <= kMaxInlineCardPlainBytes;
    }
    if (cards.size() < (inline_grids && short_cards ? kMinInlineCards : kMinTeaserCards) ||
        static_cast<double>(card_text) < kMinCardShare * static_cast<double>(pn.text)) {
      continue;
    }
    bool one_shape = true;
    for (int32_t c : cards) one_shape = one_shape && SameClassButNumbers(nodes[cards[0]], nodes[c]);
    if (!one_shape) continue;
    groups.push_back(p);
    group_short.push_back(short_cards);
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
    int32_t card_root = -1;
    if (IsLinkedCard(nodes, i)) {
      card_root = LinkedCardBox(nodes, i, root);
    } else if (const int32_t box = HeadlineCardBox(nodes, i, root); box >= 0) {
      card_root = box;
    } else if (const int32_t titled = TitleLinkCardBox(nodes, i, root); titled >= 0) {
      card_root = titled;
    } else {
      continue;
    }
    const int32_t card = OutermostWrapper(nodes, card_root, root);
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
  // of links, and is given back; but for cards that are headlines and a
  // line each, set between the article's paragraphs (the "read more" set
  // of magazines).
  for (int32_t p : groups) nodes[p].flags |= kDomBoilerplate;
  const int32_t last_prose = LastProseBlock(nodes, root);
  const int32_t first_prose = FirstRunningParagraph(nodes, root);
  for (size_t k = 0; k < groups.size(); ++k) {
    const int32_t p = groups[k];
    if (p > last_prose) continue;
    if (inline_grids && group_short[k] && first_prose >= 0 && first_prose < p) continue;
    nodes[p].flags &= static_cast<uint16_t>(~kDomBoilerplate);
  }
}

}  // namespace corpus
