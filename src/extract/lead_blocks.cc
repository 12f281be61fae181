#include "corpus/extract/lead_blocks.h"

#include <gumbo.h>

#include <utf8proc.h>

#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/extract/markup_names.h"
#include "corpus/text/text_units.h"

namespace corpus {
namespace {

// A lead is a sentence or more of prose...
constexpr uint32_t kMinLeadBytes = 80;
// ...and a paragraph or two, not a second article.
constexpr int kMaxLeadBlocks = 2;
constexpr uint64_t kMaxLeadBytes = 1200;
// Wrappers around a body, holding nothing else, climbed to find the
// standfirst beside it on a page without a headline.
constexpr int kMaxBodyWrappers = 3;

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

// A paragraph of the lead's container after the lead itself, as short as
// one sentence ("Here are ten facts you may not know."): a block of the
// lead's tag and parent, of kMinLeadSentenceBytes or more, no link, ending
// a sentence.
constexpr uint32_t kMinLeadSentenceBytes = 24;

bool IsLeadsShortSibling(const std::vector<DomNode>& nodes, int32_t lead, int32_t i) {
  const DomNode& n = nodes[i];
  if ((n.flags & kDomText) || !(n.flags & kDomBlock) || n.parent != nodes[lead].parent ||
      n.tag != nodes[lead].tag || n.own_text != n.text || n.own_text < kMinLeadSentenceBytes ||
      n.own_link > 0) {
    return false;
  }
  return EndsSentence(nodes, i);
}

// A standfirst is often one sentence without a mark at its end or inside
// ("What happens to a small town when the last shop closes its doors"): a
// line of kMinBareLeadWords to kMaxBareLeadWords words, in a script that
// writes capitals, where few words after the first open with one (a byline,
// a list of names or a title set in title case capitalizes most) and few
// hold a digit (a date, a time); or of two words fewer in a script without
// capitals (Hangul, Thai), where few hold a digit.
constexpr int kMinBareLeadWords = 8;
constexpr int kMaxBareLeadWords = 60;
constexpr uint64_t kMaxBareLeadBytes = 400;

bool IsSentenceLine(std::string_view text) {
  int words = 0, capitals = 0, cased = 0, digits = 0;
  bool in_word = false, word_digit = false;
  for (size_t i = 0; i < text.size();) {
    const char32_t c = NextCodePoint(text, &i);
    if (c == ' ' || c == '\n' || c == '\t' || c == 0xA0) {
      if (in_word && word_digit) ++digits;
      in_word = false;
      continue;
    }
    if (c >= '0' && c <= '9') word_digit = true;
    if (in_word) continue;
    in_word = true;
    word_digit = c >= '0' && c <= '9';
    ++words;
    const utf8proc_category_t cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT) {
      ++cased;
      if (words > 1) ++capitals;
    } else if (cat == UTF8PROC_CATEGORY_LL) {
      ++cased;
    }
  }
  if (in_word && word_digit) ++digits;
  // A script without capitals (Hangul, Thai, ...) says nothing of title
  // case; its words are longer, so fewer make a sentence.
  const bool caseless = cased == 0;
  const int min_words = caseless ? kMinBareLeadWords - 2 : kMinBareLeadWords;
  return words >= min_words && words <= kMaxBareLeadWords && (caseless || 2 * cased >= words) &&
         3 * capitals < words - 1 && 4 * digits <= words;
}

// Whether block `i`, the first text after the headline, is a standfirst
// written as one bare sentence (IsSentenceLine), with no link.
bool IsBareLead(const std::vector<DomNode>& nodes, int32_t i) {
  const DomNode& n = nodes[i];
  if ((n.flags & kDomText) || !(n.flags & kDomBlock) || n.tag == GUMBO_TAG_H1 ||
      n.own_link != 0 || n.own_text != n.text || n.text > kMaxBareLeadBytes) {
    return false;
  }
  std::string text;
  AppendSmallText(nodes, i, &text, kMaxBareLeadBytes * 2);
  return IsSentenceLine(text);
}

// A summary under the headline written as a list ("Das Wichtigste in
// Kürze", "Key points", a live blog's standfirst): at least two items,
// phrases or sentences rather than words or dates (kMinSummaryItemBytes on
// average, none under half of that: "Brent gains 1.2%" is a point), and no
// links (menus, tags and share buttons are links) but for items that are a
// link and nothing else after the last point (a live blog's link to the
// story before: IsLinkItem), which are left out.
constexpr int kMinSummaryItems = 2;
constexpr uint64_t kMinSummaryItemBytes = 30;
// Its title, if it has one, is a short line right before it.
constexpr uint64_t kMaxSummaryTitleBytes = 60;

// Whether the list item `item` is a link and nothing else.
bool IsLinkItem(const DomNode& item) { return item.text > 0 && item.link == item.text; }

bool IsSummaryList(const std::vector<DomNode>& nodes, int32_t i) {
  const DomNode& n = nodes[i];
  if ((n.tag != GUMBO_TAG_UL && n.tag != GUMBO_TAG_OL) || n.text < kMinLeadBytes) return false;
  int items = 0;
  uint64_t point_text = 0;
  bool links = false;  // past the points, at the link items
  for (int32_t j = i + 1; j < n.end; j = nodes[j].end) {
    if (nodes[j].flags & kDomText) continue;
    if (nodes[j].tag != GUMBO_TAG_LI) return false;
    if (IsLinkItem(nodes[j])) {
      links = true;
      continue;
    }
    if (links || nodes[j].link > 0 || 2 * nodes[j].text < kMinSummaryItemBytes) return false;
    ++items;
    point_text += nodes[j].text;
  }
  return items >= kMinSummaryItems && point_text >= kMinSummaryItemBytes * items;
}

// The title of the summary list at `list`: the largest subtree ending right
// before it that holds the text before it, if that text is a short line
// without links after the headline `h1`; -1 if there is none.
int32_t SummaryTitle(const std::vector<DomNode>& nodes, int32_t h1, int32_t list) {
  const int32_t title = LineBefore(nodes, list, nodes[h1].end);
  if (title < 0) return -1;
  const DomNode& t = nodes[title];
  return t.text <= kMaxSummaryTitleBytes && t.link == 0 ? title : -1;
}


// The other parts of a body that an advert, a sign-up box or a picture
// splits in two or more: the siblings of `root` with its tag and its class
// attribute (not empty) that hold a sentence or more of text, little of it
// in links ("<div class=a_c>", an ad, "<div class=a_c>"). The class says
// what they are; the text that they are not empty shells or teasers.
std::vector<int32_t> BodyParts(const std::vector<DomNode>& nodes, int32_t root) {
  std::vector<int32_t> parts;
  const int32_t p = nodes[root].parent;
  if (p < 0 || (nodes[root].flags & kDomText)) return parts;
  const char* cls = ElementAttr(nodes[root].node->v.element, "class");
  if (!cls || !*cls) return parts;
  for (int32_t c = p + 1; c < nodes[p].end; c = nodes[c].end) {
    const DomNode& n = nodes[c];
    if (c == root || (n.flags & (kDomText | kDomBoilerplate)) || n.tag != nodes[root].tag) continue;
    const char* other = ElementAttr(n.node->v.element, "class");
    if (other && std::strcmp(other, cls) == 0 && IsRunningText(n)) parts.push_back(c);
  }
  return parts;
}

// Whether element `n` holds an article: an <article>, or an element whose
// schema.org microdata type is one ("NewsArticle", "BlogPosting",
// "LiveBlogPosting": the types whose names end in "Article" or "Posting").
bool IsArticleContainer(const DomNode& n) {
  if (n.tag == GUMBO_TAG_ARTICLE) return true;
  const char* itemtype = ElementAttr(n.node->v.element, "itemtype");
  if (itemtype == nullptr) return false;
  const std::string_view type = SchemaTypeName(itemtype);
  return type.ends_with("Article") || type.ends_with("Posting");
}

// The headline of the article whose body is `root`: the page's first <h1>
// (or, when that is a blog's name, the post's heading `post_heading`:
// PostHeadingNode), or on a page without one, the first heading of the
// article (IsArticleContainer) that holds the body, if it comes before the
// body (templates that set the headline as an <h2> in the article's
// header); -1 if there is none.
int32_t Headline(const DomIndex& dom, int32_t post_heading, int32_t root) {
  const std::vector<DomNode>& nodes = dom.nodes();
  if (dom.first_h1() >= 0) {
    if (post_heading >= 0) return post_heading;
    // The first <h1> left in: a template's first one may title its
    // navigation for screen readers, hidden.
    for (int32_t k = dom.first_h1(); k < root; ++k) {
      if (nodes[k].flags & kDomBoilerplate) {
        k = nodes[k].end - 1;
        continue;
      }
      if (!(nodes[k].flags & kDomText) && nodes[k].tag == GUMBO_TAG_H1) return k;
    }
    return dom.first_h1();
  }
  int32_t article = nodes[root].parent;
  while (article >= 0 && !IsArticleContainer(nodes[article])) article = nodes[article].parent;
  if (article < 0) return -1;
  for (int32_t k = article + 1; k < root; ++k) {
    if (!(nodes[k].flags & kDomText) && (nodes[k].flags & kDomHeading)) return k;
  }
  return -1;
}

// Whether the subtree at `i` is a picture with its caption: a <figure>, or
// a box holding an image and less text than a paragraph of prose.
bool IsPicture(const std::vector<DomNode>& nodes, int32_t i) {
  if (nodes[i].tag == GUMBO_TAG_FIGURE) return true;
  return !(nodes[i].flags & kDomText) && nodes[i].text < kMinProseBlock && HoldsPicture(nodes[i].node);
}

// The leads of the body at `root` (see AddLeadBlocks), their lowest common
// ancestor with the body in *top; empty if there are none or too many.
std::vector<int32_t> Leads(const DomIndex& dom, int32_t post_heading, const ContentSelection& sel,
                           int32_t* top, int* blocks) {
  const std::vector<DomNode>& nodes = dom.nodes();
  const int32_t root = sel.root;
  const int32_t h1 = Headline(dom, post_heading, root);
  std::vector<int32_t> leads;  // a summary list's title and list count as one block
  *blocks = 0;
  if (h1 < 0) {
    // No headline: a standfirst in a block of its own right before the
    // body, its only sibling between them but for a picture (IsPicture,
    // which stays out). The body may sit in wrappers that hold nothing else
    // (a CMS's field > items > item); the standfirst is then the sibling of
    // the outermost.
    int32_t body = root;
    int32_t parent = nodes[root].parent;
    int32_t prev = -1;
    for (int level = 0; parent >= 0 && level <= kMaxBodyWrappers; ++level) {
      for (int32_t c = parent + 1; c < body; c = nodes[c].end) {
        if (nodes[c].text > 0 && !IsPicture(nodes, c)) prev = c;
      }
      if (prev >= 0 || nodes[parent].text != nodes[root].text) break;
      body = parent;
      parent = nodes[parent].parent;
    }
    if (parent < 0) return leads;
    if (prev < 0 || sel.drop[prev] || (nodes[prev].flags & kDomText) ||
        HoldsNoLead(nodes[prev].tag) || nodes[prev].link > 0 || nodes[prev].text > kMaxLeadBytes) {
      return leads;
    }
    for (int32_t k = prev; k < nodes[prev].end; ++k) {
      if (nodes[k].flags & kDomText) continue;
      if (nodes[k].text != nodes[prev].text) break;
      if (IsLead(nodes[k])) {
        *top = parent;
        *blocks = 1;
        leads.push_back(prev);
        break;
      }
    }
    return leads;
  }
  if (nodes[h1].end > root) return leads;
  // The lowest common ancestor of the headline and the body.
  int32_t t = nodes[root].parent;
  while (t >= 0 && !(h1 > t && h1 < nodes[t].end)) t = nodes[t].parent;
  if (t < 0) return leads;
  *top = t;
  uint64_t lead_bytes = 0;
  bool seen_text = false;  // a line after the headline, before the block at i
  for (int32_t i = nodes[h1].end; i < root; ++i) {
    const DomNode& n = nodes[i];
    if (!sel.drop[i] && !(n.flags & kDomText) && IsSummaryList(nodes, i)) {
      if (const int32_t title = SummaryTitle(nodes, h1, i); title >= 0 && !sel.drop[title]) {
        leads.push_back(title);
        lead_bytes += nodes[title].text;
      }
      leads.push_back(i);
      ++*blocks;
      lead_bytes += n.text;
      i = n.end - 1;
      continue;
    }
    if (sel.drop[i] || (!(n.flags & kDomText) && HoldsNoLead(n.tag))) {
      i = n.end - 1;
      continue;
    }
    if (n.end > root) continue;  // an ancestor of the body
    const bool first_line = !seen_text;
    if ((n.flags & kDomText) && n.text > 0) seen_text = true;
    // A short paragraph beside the lead goes with it and is not counted
    // as a lead of its own.
    const bool sibling = !leads.empty() && IsLeadsShortSibling(nodes, leads.back(), i);
    if (!IsLead(n) && !(first_line && IsBareLead(nodes, i)) && !sibling) continue;
    seen_text = true;
    leads.push_back(i);
    if (!sibling) ++*blocks;
    lead_bytes += n.text;
    i = n.end - 1;
  }
  if (*blocks > kMaxLeadBlocks || lead_bytes > kMaxLeadBytes || lead_bytes > nodes[root].text) {
    leads.clear();
    *blocks = 0;
  }
  return leads;
}

}  // namespace

int AddLeadBlocks(const DomIndex& dom, int32_t post_heading, ContentSelection* sel) {
  const std::vector<DomNode>& nodes = dom.nodes();
  const int32_t root = sel->root;
  if (root < 0) return 0;
  int32_t top = -1;
  int blocks = 0;
  const std::vector<int32_t> leads = Leads(dom, post_heading, *sel, &top, &blocks);
  const std::vector<int32_t> parts = BodyParts(nodes, root);
  if (leads.empty()) {
    if (parts.empty()) return 0;
    top = nodes[root].parent;
  }

  // Keep the paths from `top` to the body, each lead and each other part of
  // the body; drop every other child of a node on those paths.
  std::vector<uint8_t> on_path(nodes.size(), 0), whole(nodes.size(), 0);
  auto keep = [&](int32_t block) {
    whole[block] = 1;
    for (int32_t a = block; a >= 0 && a != top; a = nodes[a].parent) on_path[a] = 1;
  };
  keep(root);
  for (int32_t l : leads) {
    keep(l);
    if (nodes[l].tag != GUMBO_TAG_UL && nodes[l].tag != GUMBO_TAG_OL) continue;
    for (int32_t j = l + 1; j < nodes[l].end; j = nodes[j].end) {  // a summary's link items
      if (!(nodes[j].flags & kDomText) && IsLinkItem(nodes[j])) sel->drop[j] = 1;
    }
  }
  for (int32_t p : parts) keep(p);
  on_path[top] = 1;
  for (int32_t i = top + 1; i < nodes[top].end; ++i) {
    if (on_path[i]) {
      if (whole[i]) i = nodes[i].end - 1;  // its own drop flags apply
      continue;
    }
    sel->drop[i] = 1;
    i = nodes[i].end - 1;
  }
  sel->root = top;
  return blocks + static_cast<int>(parts.size());
}

}  // namespace corpus
