#include "corpus/extract/shop_labels.h"

#include <string>

#include "corpus/util/ascii.h"

namespace corpus {
namespace {

// Labels of tile badges and buttons, lower case, as the Shopify (Dawn),
// WooCommerce, Magento and BigCommerce themes print them in English, and
// the "Read more" / "Learn more" links under the teasers of blogs and
// company sites. A label says what a control does or what state a product
// is in; the product's own name and price, or the teaser's headline, are
// elsewhere on the tile.
constexpr std::string_view kShopLabels[] = {
    "new",           "sale",           "on sale",        "sold out",      "top rated",
    "best seller",   "bestseller",     "in stock",       "quick view",    "quickview",
    "quick shop",    "quick add",      "view details",   "see details",   "compare",
    "add to compare", "add to wishlist", "add to wish list", "add to cart", "add to bag",
    "add to basket", "buy now",        "shop now",       "choose options", "select options",
    "show more",     "load more",      "view all",       "notify me",     "show less",
    "see more",      "see less",       "read more",      "learn more",    "view full details",
    "read full details",
};

// Longest label, in bytes of non-space text.
constexpr uint64_t kMaxLabelBytes = 18;
// Nodes looked at in one block: a label is a text node in a span or two.
constexpr int32_t kMaxLabelNodes = 12;

}  // namespace

bool IsShopLabel(std::string_view text) {
  // Fold case and whitespace into a small buffer; longer texts are no label.
  char folded[32];
  size_t len = 0;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      space = len > 0;
      continue;
    }
    if (space) {
      if (len == sizeof(folded)) return false;
      folded[len++] = ' ';
      space = false;
    }
    if (len == sizeof(folded)) return false;
    folded[len++] = AsciiLower(c);
  }
  // Arrows and dots after a label ("Read more »", "Learn more ->",
  // "See more...") are decoration.
  while (len > 0 && !IsAsciiAlnum(folded[len - 1])) --len;
  const std::string_view f(folded, len);
  for (std::string_view label : kShopLabels) {
    if (f == label) return true;
  }
  return false;
}

void MarkShopLabels(DomIndex* dom) {
  std::vector<DomNode>& nodes = dom->mutable_nodes();
  std::string text;
  for (int32_t i = 1; i < static_cast<int32_t>(nodes.size()); ++i) {
    DomNode& n = nodes[i];
    if (n.flags & kDomBoilerplate) {
      i = n.end - 1;
      continue;
    }
    if ((n.flags & kDomText) || !(n.flags & kDomBlock)) continue;
    if (n.text == 0 || n.text > kMaxLabelBytes || n.own_text != n.text) continue;
    if (n.end - i > kMaxLabelNodes) continue;
    text.clear();
    for (int32_t j = i + 1; j < n.end; ++j) {
      if (nodes[j].flags & kDomText) {
        text += nodes[j].node->v.text.text;
        text += ' ';
      }
    }
    if (IsShopLabel(text)) {
      n.flags |= kDomBoilerplate;
      i = n.end - 1;
    }
  }
}

}  // namespace corpus
