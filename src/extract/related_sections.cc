#include "corpus/extract/related_sections.h"

#include <gumbo.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace corpus {
namespace {

// Headings of recommendation boxes on shop pages, lower-cased. (Amazon,
// eBay, Etsy, Shopify and WooCommerce themes use these words or close
// variants; a box heading is a fixed string of the shop software, so the
// list is short.)
constexpr std::string_view kRelatedHeadings[] = {
    "you may also like",
    "you might also like",
    "you may also be interested in",
    "you might be interested in",
    "you may also need",
    "related products",
    "related items",
    "similar items",
    "similar products",
    "similar sponsored items",
    "sponsored products",
    "sponsored items related to this item",
    "customers also viewed",
    "customers also bought",
    "customers also purchased",
    "customers who viewed this item also viewed",
    "customers who bought this item also bought",
    "people who viewed this item also viewed",
    "people also viewed",
    "people also bought",
    "frequently bought together",
    "recently viewed",
    "recently viewed items",
    "recently viewed products",
    "your recently viewed items",
    "complete the look",
    "shop the look",
    "more from this brand",
    "more from this seller",
    "more from this shop",
    "explore related items",
    "recommended for you",
    "recommended products",
    "recommended accessories",
    "top picks for you",
    "pairs well with",
    "others also bought",
    "more items to explore",
    "products related to this item",
    "compare with similar items",
};

// Headings of the boxes that blogs and news sites put around an article:
// other articles ("Related posts", "Recent articles", "Latest news") and the
// author's bio ("About the author"). WordPress, Ghost, Drupal
// and their common themes print these fixed strings; WCXB's article
// references leave the boxes out, as does trafilatura (its "discard" xpaths
// name the same boxes by class). Not "read more" or "further reading": the
// first is a link inside teasers, the second an article's own reading list.
constexpr std::string_view kArticleBoxHeadings[] = {
    "related articles", "related posts",     "related stories",
    "related content",  "related news",     "related reading",   "related topics",
    "recent posts",     "recent articles",  "recent news",       "recent stories",
    "latest posts",     "latest articles",  "latest news",       "latest stories",
    "more stories",     "more articles",    "more posts",        "more news",
    "popular posts",    "popular articles", "most popular",      "most read",
    "trending now",     "read next",        "up next",           "what to read next",
    "about the author", "about the authors", "more from this author",
    "you might also enjoy", "you may also enjoy", "like this",     "share this",
    "share this article", "share this post", "share this story", "trending",
    "trending news",    "trending stories", "top stories",       "editor's picks",
    "editors' picks",   "editors picks",    "recommended reading", "recommended articles",
    "recommended posts", "recommended stories", "more to read",  "don't miss",
    "you may have missed", "in case you missed it",
};

// Headings of the boxes a shop puts under a product besides its
// description: delivery and returns terms, add-ons, featured products.
// Only looked for on a product's page (shop_chrome.h, IsProductPage). (Not
// "Reviews": some shops quote chosen reviews inside the description, and
// WCXB's references keep them.)
constexpr std::string_view kShopBoxHeadings[] = {
    "shipping & returns", "shipping and returns", "delivery & returns", "delivery and returns",
    "shipping & delivery", "returns & exchanges",
    "choose your add-ons", "add the essentials", "related items to explore", "featured products",
    "product support", "reviews summary", "questions & answers", "customer questions & answers",
    "recent events & announcements",
};

// Headings longer than this (non-space bytes) are prose, not box titles.
constexpr uint64_t kMaxHeadingBytes = 60;

bool IsHeadingTag(GumboTag tag) { return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6; }

// The text of a small subtree, lower-cased ASCII, single spaces.
std::string SmallText(const std::vector<DomNode>& nodes, int32_t root) {
  std::string out;
  for (int32_t i = root; i < nodes[root].end; ++i) {
    if (!(nodes[i].flags & kDomText)) continue;
    for (const char* p = nodes[i].node->v.text.text; *p; ++p) {
      char c = *p;
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') c = ' ';
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
      out.push_back(c);
    }
    out.push_back(' ');  // separate the texts of sibling inline elements
  }
  return out;
}

// Index of the first text node with visible text at or after `from`, or `end`.
int32_t FirstText(const std::vector<DomNode>& nodes, int32_t from, int32_t end) {
  for (int32_t i = from; i < end; ++i) {
    if ((nodes[i].flags & kDomText) && nodes[i].text > 0) return i;
  }
  return end;
}

// Lower-cased, single-spaced, without surrounding spaces and trailing
// punctuation (":", "…", "!").
std::string NormalizeHeading(std::string_view text) {
  size_t b = 0, e = text.size();
  while (b < e && (text[b] == ' ' || text[b] == '\n' || text[b] == '\t')) ++b;
  while (e > b) {
    const unsigned char c = static_cast<unsigned char>(text[e - 1]);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) break;
    --e;
  }
  std::string t;
  for (size_t i = b; i < e; ++i) {
    char c = text[i];
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c == ' ' && !t.empty() && t.back() == ' ') continue;
    t.push_back(c);
  }
  return t;
}

}  // namespace

bool IsRelatedHeading(std::string_view text) {
  const std::string t = NormalizeHeading(text);
  for (std::string_view h : kRelatedHeadings) {
    // Shops extend the fixed phrase: "Related items to explore", "Similar
    // products from other brands", "You may also like these".
    if (t.size() >= h.size() && t.compare(0, h.size(), h) == 0 &&
        (t.size() == h.size() || t[h.size()] == ' ')) {
      return true;
    }
  }
  return false;
}

bool IsShopBoxHeading(std::string_view text) {
  const std::string t = NormalizeHeading(text);
  for (std::string_view h : kShopBoxHeadings) {
    if (t == h) return true;
  }
  return false;
}

bool IsArticleBoxHeading(std::string_view text) {
  const std::string t = NormalizeHeading(text);
  for (std::string_view h : kArticleBoxHeadings) {
    if (t == h) return true;
  }
  return false;
}

namespace {

// Flags the boxes headed by a heading that `is_box_heading` accepts; see
// MarkRelatedSections.
void MarkBoxesByHeading(DomIndex* dom, bool (*is_box_heading)(std::string_view),
                        uint64_t max_box_text) {
  std::vector<DomNode>& nodes = dom->mutable_nodes();
  if (nodes.empty()) return;
  const uint64_t page_text = nodes[0].text;
  const int32_t first_h1 = dom->first_h1();
  // Whether making `a` boilerplate would take too much.
  auto too_big = [&](int32_t a) {
    const DomNode& n = nodes[a];
    return a == 0 || n.tag == GUMBO_TAG_MAIN || n.tag == GUMBO_TAG_ARTICLE ||
           5 * n.text > 4 * page_text || n.text > max_box_text ||
           (first_h1 >= a && first_h1 < n.end);
  };

  for (size_t i = 0; i < nodes.size(); ++i) {
    DomNode& n = nodes[i];
    if (n.flags & kDomBoilerplate) {
      i = n.end - 1;
      continue;
    }
    // Candidates: headings, and blocks that hold all of their own short text
    // (a <div class="title">).
    if ((n.flags & kDomText) || n.text == 0 || n.text > kMaxHeadingBytes) continue;
    if (!IsHeadingTag(n.tag) && !((n.flags & kDomBlock) && n.own_text == n.text)) continue;
    const int32_t h = static_cast<int32_t>(i);
    if (!is_box_heading(SmallText(nodes, h)) || too_big(h)) {
      i = n.end - 1;
      continue;
    }
    // Climb while the parent has no text before the heading.
    int32_t box = h;
    while (nodes[box].parent >= 0) {
      const int32_t p = nodes[box].parent;
      if (too_big(p) || FirstText(nodes, p + 1, box) != box) break;
      box = p;
    }
    if (box != h) {
      nodes[box].flags |= kDomBoilerplate;
      i = nodes[box].end - 1;
      continue;
    }
    // No wrapper: the heading and what follows it, up to the next heading.
    n.flags |= kDomBoilerplate;
    const int32_t parent = n.parent;
    int32_t s = n.end;
    while (parent >= 0 && s < nodes[parent].end) {
      bool has_heading = false;
      for (int32_t k = s; k < nodes[s].end && !has_heading; ++k) {
        has_heading = IsHeadingTag(nodes[k].tag) && !(nodes[k].flags & kDomText);
      }
      if (has_heading || too_big(s)) break;
      nodes[s].flags |= kDomBoilerplate;
      s = nodes[s].end;
    }
    i = s - 1;
  }
}

}  // namespace

void MarkRelatedSections(DomIndex* dom) {
  MarkBoxesByHeading(dom, IsRelatedHeading, std::numeric_limits<uint64_t>::max());
}

void MarkShopBoxes(DomIndex* dom) {
  MarkBoxesByHeading(dom, IsShopBoxHeading, std::numeric_limits<uint64_t>::max());
}

void MarkArticleBoxes(DomIndex* dom, uint64_t max_box_text) {
  MarkBoxesByHeading(dom, IsArticleBoxHeading, max_box_text);
}

}  // namespace corpus
