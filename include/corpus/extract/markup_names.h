#ifndef CORPUS_EXTRACT_MARKUP_NAMES_H_
#define CORPUS_EXTRACT_MARKUP_NAMES_H_

#include <gumbo.h>

#include <cstddef>
#include <string_view>

namespace corpus {

// Small helpers shared by the passes that read an element's markup
// (boilerplate.h, post_chrome.h, signup_boxes.h, shop_chrome.h).

// The value of attribute `name` of `el`, or nullptr when it has none.
inline const char* ElementAttr(const GumboElement& el, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&el.attributes, name);
  return a ? a->value : nullptr;
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
