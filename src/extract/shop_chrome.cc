#include "corpus/extract/shop_chrome.h"

#include <gumbo.h>
#include <string.h>

#include <string>
#include <string_view>

#include "corpus/extract/currency.h"
#include "corpus/extract/json_ld.h"
#include "corpus/extract/markup_name_book.h"
#include "corpus/extract/markup_names.h"
#include "corpus/util/ascii.h"

namespace corpus {
namespace {

// The class/id tokens of buy-box parts (NameList::kBuyBoxTokens; whole
// tokens only: "price" matches "product-price" and "price__sale", not
// "priceless"). A shop may also put one on the column that holds the
// description ("grid-item price"), so these only mark small elements
// (kMaxBuyBoxText). Widget tokens (NameList::kShopWidgetTokens: review
// services, carousels, fine print) mark an element whatever its size.

// A buy-box part holds at most this much text (non-space bytes).
constexpr uint64_t kMaxBuyBoxText = 400;

// schema.org types (microdata itemtype) and properties (itemprop) of
// reviews and offers: a review of the product is not its description.
constexpr std::string_view kChromeItemTypes[] = {"review", "aggregaterating", "offer",
                                                 "aggregateoffer"};
constexpr std::string_view kChromeItemProps[] = {"review", "reviews", "aggregaterating",
                                                 "offers"};

// A short line of a price beside at most this many words is a buy box's
// ("Current price is $179.00", "Standard shipping $9.99").
constexpr int kMaxPricedLineWords = 3;
// Lines longer than this (non-space bytes) are never a lone price...
constexpr uint64_t kMaxPriceLine = 40;
// ...or a buy box's phrase, in any script (a Hindi or Thai phrase of 20
// letters is 60 bytes).
constexpr uint64_t kMaxShopLine = 128;
// A marked element holds less than this share of the page's text.
constexpr double kMaxChromeShare = 0.3;

// Whether a class or id value holds the compound name `first` + `second`,
// written as one word or with a '-' or '_' between, also inside longer
// names: "buybox", "buy-box", "buy_box", "outOfStockBuyBox_feature_div",
// "product-page__buy-box"; "tool-tip__content". ASCII case is ignored.
// REQUIRES: `first` and `second` are ASCII lower case.
bool NamesCompound(std::string_view value, std::string_view first, std::string_view second) {
  for (size_t i = 0; i + first.size() + second.size() <= value.size(); ++i) {
    if (!StartsWithLowercase(value, i, first)) continue;
    size_t j = i + first.size();
    if (value[j] == '-' || value[j] == '_') ++j;
    if (StartsWithLowercase(value, j, second)) return true;
  }
  return false;
}

// Which kind of shop chrome a class or id value names.
enum class ShopNames { kNone, kBuyBox, kWidget };

// A widget token anywhere in the value wins over a buy-box token: the
// widget is dropped whatever its size.
ShopNames ClassifyShopNames(const char* raw) {
  using Book = MarkupNameBook;
  const Book& names = Book::Default();
  const uint32_t lists = names.ListsNamingPieces(AsciiLowercase(raw), true);
  // A tooltip's text waits for the pointer: "tooltip", "tool-tip__content".
  if ((lists & Book::Bit(NameList::kShopWidgetTokens)) || NamesCompound(raw, "tool", "tip")) {
    return ShopNames::kWidget;
  }
  return (lists & Book::Bit(NameList::kBuyBoxTokens)) != 0 || NamesCompound(raw, "buy", "box")
             ? ShopNames::kBuyBox
             : ShopNames::kNone;
}

// Gumbo nodes read of a <fieldset> for its choices (IsOptionPicker).
constexpr int kMaxPickerScan = 400;

// Whether the <fieldset> `fieldset` offers a choice of options: two or more
// radio buttons or check boxes (a colour's or a size's swatches, add-on
// plans). Reads at most kMaxPickerScan nodes, up to the second choice.
bool IsOptionPicker(const GumboNode* fieldset) {
  int choices = 0;
  return AnyElementWithin(fieldset, kMaxPickerScan, [&choices](const GumboElement& e) {
    if (e.tag != GUMBO_TAG_INPUT) return false;
    const char* type = ElementAttr(e, "type");
    return type &&
           (EqualsIgnoreAsciiCase(type, "radio") || EqualsIgnoreAsciiCase(type, "checkbox")) &&
           ++choices >= 2;
  });
}

bool IsShopChromeMarkup(const GumboNode* node, uint64_t text) {
  const GumboElement& el = node->v.element;
  if (const char* role = ElementAttr(el, "role");
      role && (EqualsIgnoreAsciiCase(role, "tooltip") ||
               (EqualsIgnoreAsciiCase(role, "radiogroup") && text <= kMaxBuyBoxText))) {
    return true;
  }
  if (el.tag == GUMBO_TAG_FIELDSET && text <= kMaxBuyBoxText && IsOptionPicker(node)) return true;
  if (const char* prop = ElementAttr(el, "itemprop");
      prop && InList(kChromeItemProps, AsciiLowercase(prop))) {
    return true;
  }
  if (const char* type = ElementAttr(el, "itemtype");
      type && InList(kChromeItemTypes, AsciiLowercase(SchemaTypeName(type)))) {
    return true;
  }
  for (const char* name : {"class", "id"}) {
    const char* value = name[0] == 'c' ? ElementAttr(el, name) : NameId(el);
    if (!value) continue;
    const ShopNames kind = ClassifyShopNames(value);
    if (kind == ShopNames::kWidget || (kind == ShopNames::kBuyBox && text <= kMaxBuyBoxText)) {
      return true;
    }
  }
  return false;
}

// The text of a small subtree, single-spaced and trimmed.
std::string LineText(const std::vector<DomNode>& nodes, int32_t root) {
  std::string out;
  bool space = false;
  for (int32_t i = root; i < nodes[root].end; ++i) {
    if (!(nodes[i].flags & kDomText)) continue;
    for (const char* p = nodes[i].node->v.text.text; *p; ++p) {
      const char c = *p;
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
        space = true;
        continue;
      }
      if (c == '\xC2' && p[1] == '\xA0') {  // U+00A0
        space = true;
        ++p;
        continue;
      }
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace

bool IsPriceLine(std::string_view text) {
  // An optional label of letters and spaces ending in ':'.
  const size_t colon = text.find(':');
  if (colon != std::string_view::npos && colon <= 32) {
    bool label = colon > 0;
    for (size_t i = 0; i < colon && label; ++i) {
      const char c = text[i];
      label = IsAsciiAlpha(c) || c == ' ';
    }
    if (label) text.remove_prefix(colon + 1);
  }
  bool digit = false, money = false;
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (IsAsciiDigit(c)) {
      digit = true;
      ++i;
    } else if (c == ' ' || c == '.' || c == ',' || c == '-' || c == '+' || c == '/' || c == '\'') {
      ++i;
    } else if (c == '%') {
      money = true;
      ++i;
    } else if (const size_t sign = CurrencySignLength(text.substr(i)); sign > 0) {
      money = true;
      i += sign;
    } else if (text.substr(i, 3) == "\xE2\x80\x93" || text.substr(i, 3) == "\xE2\x88\x92") {
      i += 3;  // en dash, minus sign
    } else if (IsCurrencyCode(text.substr(i, 3)) &&
               (i + 3 == text.size() || !IsAsciiAlpha(text[i + 3]))) {
      money = true;
      i += 3;
    } else {
      return false;
    }
  }
  return digit && money;
}

bool IsPricedLine(std::string_view text) {
  // Words: runs of anything but spaces. A word holding a currency sign, or
  // a currency code word, beside a word or part holding a digit is an
  // amount; other words holding no digit are counted.
  int words = 0;
  bool amount = false;
  bool prev_code = false;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ') {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && text[j] != ' ') ++j;
    const std::string_view word = text.substr(i, j - i);
    bool digit = false, sign = false;
    for (size_t k = 0; k < word.size(); ++k) {
      if (IsAsciiDigit(word[k])) digit = true;
      if (const size_t n = CurrencySignLength(word.substr(k)); n > 0) {
        sign = true;
        k += n - 1;
      }
    }
    const bool code = IsCurrencyCode(word);
    if ((sign && digit) || (digit && prev_code)) amount = true;
    if (!digit && !sign && !code) ++words;
    prev_code = code;
    i = j;
  }
  return amount && words >= 1 && words <= kMaxPricedLineWords;
}

bool IsProductPage(const JsonLdFacts& json_ld, std::string_view og_type, std::string_view html) {
  const std::string og = AsciiLowercase(og_type);
  if (og == "product" || og == "og:product" || og == "product.item") return true;
  if (json_ld.product_for_sale) return true;
  // Microdata: exactly one Product (a category page has one per item).
  // memmem: a two-way search, much faster than a byte-by-byte find on
  // markup where 's' is everywhere.
  constexpr std::string_view kItem = "schema.org/Product";
  int items = 0;
  const char* p = html.data();
  const char* end = html.data() + html.size();
  while (items < 2) {
    const void* hit = memmem(p, static_cast<size_t>(end - p), kItem.data(), kItem.size());
    if (!hit) break;
    p = static_cast<const char*>(hit) + kItem.size();
    if (p < end && (*p == '"' || *p == '\'')) ++items;  // not ProductGroup, not ProductModel
  }
  return items == 1;
}

namespace {

// Marks as boilerplate each element, outside those already marked, that
// holds neither the page's headline nor more than kMaxChromeShare of its
// text, and for which `is_chrome(i)` holds; a marked subtree is not entered.
template <typename IsChrome>
void MarkSmallElements(DomIndex* dom, IsChrome is_chrome) {
  std::vector<DomNode>& nodes = dom->mutable_nodes();
  if (nodes.empty()) return;
  const double max_text = kMaxChromeShare * static_cast<double>(nodes[0].text);
  const int32_t h1 = dom->first_h1();
  for (int32_t i = 1; i < static_cast<int32_t>(nodes.size()); ++i) {
    DomNode& n = nodes[i];
    if (n.flags & kDomText) continue;
    if (n.flags & kDomBoilerplate) {
      i = n.end - 1;
      continue;
    }
    if ((h1 >= i && h1 < n.end) || static_cast<double>(n.text) > max_text) continue;
    if (is_chrome(i)) {
      n.flags |= kDomBoilerplate;
      i = n.end - 1;
    }
  }
}

// Whether `n` is an element block holding one short line of its own text.
bool IsShortLineBlock(const DomNode& n, uint64_t max_text) {
  return !(n.flags & kDomText) && (n.flags & kDomBlock) && n.text > 0 && n.text <= max_text &&
         n.own_text == n.text;
}

// Whether `line` is a share and nothing else: digits, a percent sign and
// the marks between ("40–50%", "13,5 %", "100%").
bool IsPercentage(std::string_view line) {
  bool digit = false, percent = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (IsAsciiDigit(c)) {
      digit = true;
    } else if (c == '%') {
      percent = true;
    } else if (line.substr(i, 3) == "\xE2\x80\x93") {
      i += 2;  // en dash
    } else if (c != ' ' && c != '.' && c != ',' && c != '-' && c != '+') {
      return false;
    }
  }
  return digit && percent;
}

}  // namespace

void MarkShopChrome(DomIndex* dom, const PhraseSet& phrases) {
  const std::vector<DomNode>& nodes = dom->nodes();
  MarkSmallElements(dom, [&](int32_t i) {
    const DomNode& n = nodes[i];
    if (IsShopChromeMarkup(n.node, n.text)) return true;
    if (!IsShortLineBlock(n, kMaxShopLine)) return false;
    const std::string line = LineText(nodes, i);
    // A share is a discount's badge ("-20%") unless it is a property's
    // value, or all of one's text (a fabric's "100% Baumwolle" has words
    // and stays anyway).
    const int32_t up = n.parent;
    if (IsPercentage(line) &&
        (IsPropertyValue(nodes, i) ||
         (up >= 0 && nodes[up].text == n.text && IsPropertyValue(nodes, up)))) {
      return false;
    }
    return (n.text <= kMaxPriceLine && (IsPriceLine(line) || IsPricedLine(line))) ||
           phrases.Matches(PhraseClass::kShopPhrase, line);
  });
}

void MarkPricedCarousels(DomIndex* dom) {
  const std::vector<DomNode>& nodes = dom->nodes();
  MarkSmallElements(dom, [&](int32_t i) {
    const DomNode& n = nodes[i];
    const char* desc = ElementAttr(n.node->v.element, "aria-roledescription");
    if (!desc || !(EqualsIgnoreAsciiCase(desc, "carousel") || EqualsIgnoreAsciiCase(desc, "slide"))) {
      return false;
    }
    for (int32_t j = i; j < n.end; ++j) {
      if (IsShortLineBlock(nodes[j], kMaxPriceLine) && IsPriceLine(LineText(nodes, j))) return true;
    }
    return false;
  });
}

}  // namespace corpus
