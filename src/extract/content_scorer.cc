#include "corpus/extract/content_scorer.h"

#include <algorithm>
#include <string_view>

#include "corpus/util/ascii.h"

namespace corpus {
namespace {

// Weight of the text whose nearest block is `n`.
double OwnWeight(const DomNode& n, const ScoreOptions& o) {
  if (n.own_text == 0) return 0;
  const double nav = n.own_navlink;
  const double headline = static_cast<double>(n.own_link) - nav;
  const double plain = static_cast<double>(n.own_text) - n.own_link;
  const double links = o.headline_weight * headline - o.link_penalty * nav;
  if (plain < 20 && n.own_punct == 0) return links;
  return plain + links;
}

// Whether the box at `i` is a heading of its own with links set beside it
// on its line: a wiki's section heading and its "[edit | edit source]"
// links in one wrapper. Its one child block is the heading; every link is
// its own text, not in a list of other blocks.
bool IsHeadingBesideLinks(const std::vector<DomNode>& nodes, int32_t i) {
  const DomNode& n = nodes[i];
  if (n.own_link != n.link) return false;
  int headings = 0;
  for (int32_t c = i + 1; c < n.end; c = nodes[c].end) {
    const DomNode& child = nodes[c];
    if (child.flags & kDomHeading) {
      if (child.text == 0) return false;
      ++headings;
    } else if (!(child.flags & kDomText) && (child.flags & kDomBlock)) {
      return false;
    }
  }
  return headings == 1;
}

bool IsListLike(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV: case GUMBO_TAG_TABLE: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_P:
    case GUMBO_TAG_UNKNOWN:
      return true;
    default:
      return false;
  }
}

// A paragraph of prose, for the descent's test: this many bytes of its own
// text outside links, some punctuation, and under a quarter of it in links.
constexpr uint32_t kProseBlockBytes = 150;

double OwnProse(const DomNode& n) {
  if (n.flags & kDomText) return 0;
  const uint32_t plain = n.own_text - n.own_link;
  if (plain < kProseBlockBytes || n.own_punct == 0 || 4 * n.own_link >= n.own_text) return 0;
  return plain;
}

// Elements that can be the main content: containers, not single blocks (a
// <p>, <pre>, list or table alone would lose the headings, lists and short
// lines around it, whose weight is near zero).
bool IsContainer(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_BODY: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_CENTER: case GUMBO_TAG_TD: case GUMBO_TAG_FORM:
    case GUMBO_TAG_UNKNOWN: case GUMBO_TAG_SPAN: case GUMBO_TAG_FONT: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_DETAILS: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_NAV:
      return true;
    default:
      return false;
  }
}

// Whether the item at `item` states a quantity: it opens with text outside
// links that holds a digit ("300 g <a>farina</a>", "2 EL <a>Öl</a>"); or,
// when `named_first` (a recipe's page), it opens with a link and the text
// after the link holds one, outside brackets ("<a>Pomodori pelati</a>
// 800 g"; an archive's or a category's count, "<a>March 2024</a> (12)", is
// no quantity).
bool StatesQuantity(const std::vector<DomNode>& nodes, int32_t item, bool named_first) {
  int32_t t = item + 1;
  while (t < nodes[item].end && !((nodes[t].flags & kDomText) && nodes[t].text > 0)) ++t;
  if (t == nodes[item].end) return false;
  if (nodes[t].anchor <= item) {
    const std::string_view text = nodes[t].node->v.text.text;
    return std::any_of(text.begin(), text.end(), IsAsciiDigit);
  }
  if (!named_first) return false;
  for (int32_t k = nodes[nodes[t].anchor].end; k < nodes[item].end; ++k) {
    if (!(nodes[k].flags & kDomText) || nodes[k].anchor > item) continue;
    const std::string_view text = StripAsciiWhitespace(nodes[k].node->v.text.text);
    if (text.empty()) continue;
    if (text[0] == '(' || text[0] == '[') return false;
    return std::any_of(text.begin(), text.end(), IsAsciiDigit);
  }
  return false;
}

// Whether the list or table at `i` is a list of quantities: its items (a
// list's <li>, <dt> or <dd>; a table's row), two or more, state a
// quantity (StatesQuantity): a recipe's ingredients or a guide's
// materials whose names link to pages about them. A menu's items are links
// through and through. On a recipe's page (`recipe`), the name may come
// first, and two items in three are enough: "salt and pepper", "basil to
// taste" name no amount.
bool IsQuantityList(const std::vector<DomNode>& nodes, int32_t i, bool recipe) {
  const DomNode& n = nodes[i];
  const bool table = n.tag == GUMBO_TAG_TABLE;
  if (n.tag != GUMBO_TAG_UL && n.tag != GUMBO_TAG_OL && n.tag != GUMBO_TAG_DL && !table) {
    return false;
  }
  int items = 0, quantities = 0;
  for (int32_t k = i + 1; k < n.end;) {
    const DomNode& c = nodes[k];
    if ((c.flags & kDomText) || c.text == 0) {
      k = c.end;
    } else if (table && c.tag != GUMBO_TAG_TR) {
      if (c.tag == GUMBO_TAG_TABLE) return false;
      ++k;  // into a <tbody>
    } else if (table || c.tag == GUMBO_TAG_LI || c.tag == GUMBO_TAG_DT || c.tag == GUMBO_TAG_DD) {
      quantities += StatesQuantity(nodes, k, recipe) ? 1 : 0;
      ++items;
      k = c.end;
    } else {
      return false;
    }
  }
  return recipe ? quantities >= 2 && 3 * quantities >= 2 * items
                : items >= 2 && quantities == items;
}

// The short-link text of the subtree at `i` outside its lists of
// quantities (IsQuantityList).
uint64_t NavLinkOutsideQuantities(const std::vector<DomNode>& nodes, int32_t i, bool recipe) {
  if (IsQuantityList(nodes, i, recipe)) return 0;
  uint64_t in_lists = 0;
  for (int32_t k = i + 1; k < nodes[i].end; ++k) {
    if (nodes[k].flags & kDomText) continue;
    if (IsQuantityList(nodes, k, recipe)) {
      in_lists += nodes[k].navlink;
      k = nodes[k].end - 1;
    }
  }
  return nodes[i].navlink - in_lists;
}

// Whether the subtree at `i` holds a recipe's list of quantities
// (IsQuantityList) outside the subtrees `drop` leaves out.
bool HoldsQuantityList(const std::vector<DomNode>& nodes, const std::vector<uint8_t>& drop,
                       int32_t i) {
  for (int32_t k = i; k < nodes[i].end; ++k) {
    if (drop[k]) {
      k = nodes[k].end - 1;
      continue;
    }
    if (!(nodes[k].flags & kDomText) && IsQuantityList(nodes, k, /*recipe=*/true)) return true;
  }
  return false;
}

}  // namespace

ContentSelection SelectMainContent(const DomIndex& dom, const ScoreOptions& o) {
  const std::vector<DomNode>& nodes = dom.nodes();
  ContentSelection sel;
  sel.drop.assign(nodes.size(), 0);
  if (nodes.empty()) return sel;

  uint16_t drop_flags = kDomBoilerplate | kDomDuplicate;
  if (o.drop_comments) drop_flags |= kDomComments;
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].flags & drop_flags) sel.drop[i] = 1;
  }

  // Subtree weights, children before parents; dropped subtrees add nothing.
  std::vector<double> sum(nodes.size(), 0.0);
  std::vector<double> clean(nodes.size(), 0.0);  // text outside dropped subtrees
  std::vector<double> prose(nodes.size(), 0.0);  // bytes of prose blocks (OwnProse)
  for (size_t i = nodes.size(); i-- > 0;) {
    const DomNode& n = nodes[i];
    if (!(n.flags & kDomText)) sum[i] += OwnWeight(n, o);
    if (n.flags & kDomText) clean[i] = static_cast<double>(n.text);
    prose[i] += OwnProse(n);
    if (n.parent >= 0 && !sel.drop[i]) {
      sum[n.parent] += sum[i];
      clean[n.parent] += clean[i];
      prose[n.parent] += prose[i];
    }
  }
  sel.page_text = clean[0];

  // The heaviest subtree outside dropped ones.
  int32_t best = -1;
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (sel.drop[i]) {
      i = nodes[i].end - 1;
      continue;
    }
    if ((nodes[i].flags & kDomText) || !IsContainer(nodes[i].tag)) continue;
    if (best < 0 || sum[i] > sum[best]) best = static_cast<int32_t>(i);
  }
  if (best < 0 || sum[best] <= 0) return sel;

  // Descend while one child keeps nearly all of the weight, and the rest
  // holds no more than a paragraph or so of prose: an article split in
  // parts (a lead, a box, the body) stays whole (BENCHMARKS.md, "Version
  // 17: articles in parts").
  const double floor = (1.0 - o.descend_slack) * sum[best];
  int32_t cur = best;
  for (;;) {
    int32_t next = -1;
    for (int32_t c = cur + 1; c < nodes[cur].end; c = nodes[c].end) {
      if (sel.drop[c] || (nodes[c].flags & kDomText) || !IsContainer(nodes[c].tag)) continue;
      if (next < 0 || sum[c] > sum[next]) next = c;
    }
    if (next < 0 || sum[next] < floor) break;
    if (prose[cur] - OwnProse(nodes[cur]) - prose[next] >= o.descend_max_prose_left) break;
    // On a recipe's page, a list of quantities beside the text (its
    // ingredients in a box of their own, its steps in another) is part of
    // it.
    bool beside = false;
    for (int32_t c = cur + 1; o.recipe_page && c < nodes[cur].end && !beside;
         c = nodes[c].end) {
      beside = c != next && !sel.drop[c] && !(nodes[c].flags & kDomText) &&
               HoldsQuantityList(nodes, sel.drop, c);
    }
    if (beside) break;
    cur = next;
  }
  sel.root = cur;
  sel.weight = sum[cur];

  // Link-dense lists and boxes inside the content.
  for (int32_t i = cur + 1; i < nodes[cur].end; ++i) {
    const DomNode& n = nodes[i];
    if (sel.drop[i]) {
      i = n.end - 1;
      continue;
    }
    if ((n.flags & (kDomText | kDomHeading)) || !IsListLike(n.tag) || n.text == 0) continue;
    // A list item's text in a wrapper of its own (DokuWiki's <li><div
    // class="li">) is the item: its list is judged whole. A description's
    // (Sphinx's "<dt>Return type:</dt><dd><p><a>Table</a></p></dd>") is a
    // term's value, as a <dd> holding the link itself is.
    if ((n.tag == GUMBO_TAG_DIV || n.tag == GUMBO_TAG_P) && n.parent >= 0 &&
        (nodes[n.parent].tag == GUMBO_TAG_LI || nodes[n.parent].tag == GUMBO_TAG_DD) &&
        nodes[n.parent].text == n.text) {
      continue;
    }
    // A paragraph whose links stand inside its sentences ("rulings against
    // <a>retailers</a>, <a>airlines</a> and <a>two broadcasters</a> in
    // <a>France</a>.") is text: it has sentence marks and words of its own
    // between the links.
    if (n.tag == GUMBO_TAG_P && n.punct > 0 && 10 * (n.text - n.link) >= 2 * n.text) continue;
    const double density = static_cast<double>(n.navlink) / static_cast<double>(n.text);
    if (density > o.max_link_density &&
        static_cast<double>(NavLinkOutsideQuantities(nodes, i, o.recipe_page)) >
            o.max_link_density * static_cast<double>(n.text)) {
      if (IsHeadingBesideLinks(nodes, i)) {
        // The section's heading stays; its links go.
        for (int32_t c = i + 1; c < n.end; c = nodes[c].end) {
          if (!(nodes[c].flags & kDomHeading)) sel.drop[c] = 1;
        }
      } else {
        sel.drop[i] = 1;
      }
      i = n.end - 1;
    }
  }
  return sel;
}

}  // namespace corpus
