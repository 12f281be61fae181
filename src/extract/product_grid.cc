#include "corpus/extract/product_grid.h"

#include <gumbo.h>

#include <algorithm>
#include <vector>

#include "corpus/extract/currency.h"
#include "corpus/extract/markup_names.h"
#include "corpus/util/ascii.h"

namespace corpus {
namespace {

// A product tile is a name, a price and a badge or two; a tile with more
// text than this is a teaser with a story of its own.
constexpr uint64_t kMaxTileBytes = 600;
// Fewer tiles than this are a few offers beside the text, not a grid.
constexpr uint32_t kMinGridTiles = 4;
// A tile prints its price on a short line of its own ("$79.99", "Was
// $99 Now $79"); a price inside a longer line is part of a sentence or a
// plan's terms.
constexpr uint32_t kMaxPriceLine = 48;
// A block of prose: a paragraph, not a product name or a spec line.
constexpr uint32_t kMinGridProseBlock = 100;

// Length of the currency sign or ISO code at `s[i]`, 0 if none.
size_t CurrencySignAt(std::string_view s, size_t i) {
  if (const size_t sign = CurrencySignLength(s.substr(i)); sign > 0) return sign;
  return IsCurrencyCode(s.substr(i, 3)) ? 3 : 0;
}

// Skips spaces and no-break spaces (U+00A0) from `i` forwards.
size_t SkipSpaceForward(std::string_view s, size_t i) {
  for (;;) {
    if (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')) {
      ++i;
    } else if (i + 1 < s.size() && static_cast<unsigned char>(s[i]) == 0xC2 &&
               static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      i += 2;
    } else {
      return i;
    }
  }
}

// Whether the last non-space byte before `i` is a digit.
bool DigitBefore(std::string_view s, size_t i) {
  while (i > 0) {
    const char c = s[i - 1];
    if (c == ' ' || c == '\t' || c == '\n') {
      --i;
    } else if (i >= 2 && static_cast<unsigned char>(c) == 0xA0 &&
               static_cast<unsigned char>(s[i - 2]) == 0xC2) {
      i -= 2;
    } else {
      return IsAsciiDigit(c);
    }
  }
  return false;
}

// Whether an element's class or itemprop names a price ("price",
// "product-price", "price-item--sale", itemprop="price").
bool NamesPrice(const GumboElement& el) {
  for (const char* name : {"class", "itemprop"}) {
    const char* value = ElementAttr(el, name);
    if (!value) continue;
    const std::string_view v(value);
    for (size_t i = 0; i + 5 <= v.size(); ++i) {
      if (AsciiLower(v[i]) == 'p' && StartsWithLowercase(v, i, "price")) return true;
    }
  }
  return false;
}

// Per node of the selection, what its subtree holds.
struct TileScan {
  bool price = false;
  bool link = false;
  uint8_t blocks = 0;      // blocks with text of their own, up to 2
  uint32_t tiles = 0;      // child elements that are tiles
  uint32_t with_text = 0;  // child elements that hold text
};

}  // namespace

bool LooksLikePrice(std::string_view text) {
  bool sign = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const size_t len = CurrencySignAt(text, i);
    if (len == 0) continue;
    sign = true;
    const size_t after = SkipSpaceForward(text, i + len);
    if ((after < text.size() && IsAsciiDigit(text[after])) || DigitBefore(text, i)) return true;
    i += len - 1;
  }
  if (!sign) return false;
  // A sign alone in its node: the amount is in the next span.
  size_t b = SkipSpaceForward(text, 0);
  const size_t len = b < text.size() ? CurrencySignAt(text, b) : 0;
  return len > 0 && SkipSpaceForward(text, b + len) == text.size();
}

int DropProductGridsBesideProse(const DomIndex& dom, uint64_t min_prose, ContentSelection* sel) {
  const std::vector<DomNode>& nodes = dom.nodes();
  const int32_t root = sel->root;
  if (root < 0) return 0;
  const int32_t end = nodes[root].end;
  std::vector<TileScan> scan(static_cast<size_t>(end - root));

  // Children before parents: what each subtree holds, and how many of an
  // element's children are tiles.
  for (int32_t i = end - 1; i >= root; --i) {
    const DomNode& n = nodes[i];
    TileScan& s = scan[i - root];
    const bool shown = !sel->drop[i];
    if (n.flags & kDomText) {
      if (n.text > 0 && shown && n.block >= 0 && nodes[n.block].own_text <= kMaxPriceLine &&
          LooksLikePrice(n.node->v.text.text)) {
        s.price = true;
      }
    } else {
      // A link to the product, often around its picture alone, so its text
      // may be nil or left out; the price must be shown.
      if (n.tag == GUMBO_TAG_A && (n.flags & kDomInLink)) s.link = true;
      if (shown && n.text > 0 && n.text <= kMaxPriceLine && NamesPrice(n.node->v.element)) {
        s.price = true;
      }
      if (shown && (n.flags & kDomBlock) && n.own_text > 0 && s.blocks < 2) ++s.blocks;
    }
    if (i == root) break;
    TileScan& up = scan[n.parent - root];
    up.link |= s.link;
    if (!shown) continue;
    up.price |= s.price;
    up.blocks = static_cast<uint8_t>(std::min(2, up.blocks + s.blocks));
    if ((n.flags & kDomText) || n.text == 0) continue;
    ++up.with_text;
    // A tile puts its name and its price on lines of their own; a list item
    // or a table row with a price in its sentence is text.
    if (s.price && s.link && s.blocks >= 2 && n.tag != GUMBO_TAG_TR && n.text <= kMaxTileBytes) {
      ++up.tiles;
    }
  }

  // Parents before children: the outermost grids, and the prose outside them.
  std::vector<int32_t> grids;
  uint64_t prose = 0;
  for (int32_t i = root; i < end; ++i) {
    const DomNode& n = nodes[i];
    if (sel->drop[i]) {
      i = n.end - 1;
      continue;
    }
    if (n.flags & kDomText) continue;
    const TileScan& s = scan[i - root];
    if (s.tiles >= kMinGridTiles && 2 * s.tiles >= s.with_text) {
      grids.push_back(i);
      i = n.end - 1;
      continue;
    }
    if (n.own_text >= n.own_link + kMinGridProseBlock && n.own_punct > 0) {
      prose += n.own_text - n.own_link;
    }
  }
  if (grids.empty() || prose < min_prose) return 0;
  for (int32_t g : grids) sel->drop[g] = 1;
  return static_cast<int>(grids.size());
}

}  // namespace corpus
