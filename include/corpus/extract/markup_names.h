#ifndef CORPUS_EXTRACT_MARKUP_NAMES_H_
#define CORPUS_EXTRACT_MARKUP_NAMES_H_

#include <gumbo.h>

#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/util/ascii.h"

namespace corpus {

// Small helpers shared by the passes that read an element's markup
// (boilerplate.h, post_chrome.h, signup_boxes.h, shop_chrome.h).

// The value of attribute `name` (lower case) of `el`, or nullptr when it has
// none. Gumbo lower-cases attribute names as it parses (HTML Living
// Standard 13.2.5.33, "attribute name state"), so an exact comparison does:
// gumbo_get_attribute's strcasecmp was a few percent of extraction time.
inline const char* ElementAttr(const GumboElement& el, const char* name) {
  const unsigned length = el.attributes.length;
  void* const* data = el.attributes.data;
  for (unsigned i = 0; i < length; ++i) {
    const GumboAttribute* a = static_cast<const GumboAttribute*>(data[i]);
    if (a->name[0] == name[0] && std::strcmp(a->name, name) == 0) return a->value;
  }
  return nullptr;
}

// The class attribute of `el` as written, "" when it has none: items of one
// kind in a list share it.
inline std::string_view ClassValue(const GumboElement& el) {
  const char* cls = ElementAttr(el, "class");
  return cls ? std::string_view(cls) : std::string_view();
}

// Whether `tag` is a heading's: <h1> to <h6>.
inline bool IsHeadingTag(GumboTag tag) { return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6; }

// The id of `el` as a name of what the element is, or nullptr: a heading's
// id is the anchor that links to it, spelled from its words ("social-media",
// "Navigation_classes", "verify-the-signature"), not such a name.
inline const char* NameId(const GumboElement& el) {
  if (IsHeadingTag(el.tag)) return nullptr;
  return ElementAttr(el, "id");
}

// Whether an element of gumbo's subtree at `root` satisfies `pred` (called
// with its GumboElement), for what DomIndex does not hold (pictures, form
// fields). Visits at most `max_nodes` nodes, text nodes included, in
// document order with an explicit stack, so a huge subtree stays bounded.
template <typename Pred>
bool AnyElementWithin(const GumboNode* root, int max_nodes, Pred pred) {
  std::vector<const GumboNode*> stack = {root};
  int seen = 0;
  while (!stack.empty() && seen++ < max_nodes) {
    const GumboNode* g = stack.back();
    stack.pop_back();
    if (g->type != GUMBO_NODE_ELEMENT) continue;
    const GumboElement& el = g->v.element;
    if (pred(el)) return true;
    for (unsigned i = el.children.length; i-- > 0;) {
      stack.push_back(static_cast<const GumboNode*>(el.children.data[i]));
    }
  }
  return false;
}

// Calls `f` with the text of each text node of gumbo's subtree at `root`,
// in document order, for what DomIndex does not hold (a button's label) or
// does not hold yet (while it is built). Visits at most `max_nodes` nodes,
// text nodes included, with an explicit stack. Returns false when the walk
// stopped early: the subtree holds more nodes, or `f` returned false.
template <typename F>
bool ForEachTextWithin(const GumboNode* root, int max_nodes, F f) {
  std::vector<const GumboNode*> stack{root};
  for (int seen = 0; !stack.empty(); ++seen) {
    if (seen >= max_nodes) return false;
    const GumboNode* g = stack.back();
    stack.pop_back();
    if (g->type == GUMBO_NODE_TEXT) {
      if (!f(std::string_view(g->v.text.text))) return false;
    } else if (g->type == GUMBO_NODE_ELEMENT) {
      const GumboVector& kids = g->v.element.children;
      for (unsigned i = kids.length; i-- > 0;) {
        stack.push_back(static_cast<const GumboNode*>(kids.data[i]));
      }
    }
  }
  return true;
}

// Puts in `text` the label of the <button> `button` (its text nodes, each
// followed by a space), reading at most `max_nodes` nodes; false when the
// button holds more nodes or the label more than `max_bytes` bytes: then it
// is more than a control's label. Buttons are not in DomIndex
// (DomIndex::buttons()).
inline bool ButtonLabel(const GumboNode* button, int max_nodes, size_t max_bytes,
                        std::string* text) {
  text->clear();
  const bool whole = ForEachTextWithin(button, max_nodes, [text](std::string_view t) {
    *text += t;
    *text += ' ';
    return true;
  });
  return whole && text->size() <= max_bytes;
}

// Gumbo nodes looked at for a picture in a subtree (HoldsPicture).
constexpr int kMaxPictureScan = 200;

// Whether gumbo's subtree at `root` holds an <img> (pictures are not in
// DomIndex), looking at no more than kMaxPictureScan nodes.
inline bool HoldsPicture(const GumboNode* root) {
  return AnyElementWithin(root, kMaxPictureScan,
                          [](const GumboElement& el) { return el.tag == GUMBO_TAG_IMG; });
}

// The schema.org type an itemtype URL names: its last path segment
// ("https://schema.org/Review " gives "Review").
inline std::string_view SchemaTypeName(std::string_view itemtype) {
  while (!itemtype.empty() && itemtype.back() == ' ') itemtype.remove_suffix(1);
  const size_t slash = itemtype.rfind('/');
  return slash == std::string_view::npos ? itemtype : itemtype.substr(slash + 1);
}

// Calls f(piece) for each piece of a class or id value `v` and returns true
// at the first piece for which f does: the whitespace-separated class names,
// or, with `split_tokens`, the ASCII alphanumeric tokens of them
// ("product__price--sale" gives "product", "price", "sale").
template <typename F>
bool AnyNamePiece(std::string_view v, bool split_tokens, F f) {
  const auto separator = [split_tokens](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           (split_tokens && !IsAsciiAlnum(c));
  };
  size_t i = 0;
  while (i < v.size()) {
    while (i < v.size() && separator(v[i])) ++i;
    size_t j = i;
    while (j < v.size() && !separator(v[j])) ++j;
    if (j > i && f(v.substr(i, j - i))) return true;
    i = j;
  }
  return false;
}

// Whether `s` is one of the strings of a fixed list (class tokens, roles,
// phrases). The lists are short, so a linear scan is the fastest lookup.
template <size_t N>
bool InList(const std::string_view (&list)[N], std::string_view s) {
  for (std::string_view x : list) {
    if (x == s) return true;
  }
  return false;
}

}  // namespace corpus

#endif  // CORPUS_EXTRACT_MARKUP_NAMES_H_
