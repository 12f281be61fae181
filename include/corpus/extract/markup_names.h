#ifndef CORPUS_EXTRACT_MARKUP_NAMES_H_
#define CORPUS_EXTRACT_MARKUP_NAMES_H_

#include <gumbo.h>

#include <cstddef>
#include <cstring>
#include <string_view>

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
