// Splitting a tag's attributes: WHATWG HTML §13.2.5.32-40 (see the header).

#include "corpus/text/html_attributes.h"

#include <cstring>

#include "corpus/util/ascii.h"

namespace corpus {

HtmlAttributeStep NextHtmlAttribute(std::string_view s, size_t* pos, HtmlAttribute* attr) {
  const char* p = s.data();
  const size_t n = s.size();
  size_t i = *pos;
  // Before attribute name (§13.2.5.32) and self-closing start tag (§13.2.5.40):
  // whitespace is skipped, and a '/' either ends the tag with the '>' after it
  // or is skipped.
  const auto is = [p](size_t k, uint8_t classes) { return (kHtmlTagBytes[static_cast<uint8_t>(p[k])] & classes) != 0; };
  while (i < n && is(i, kHtmlSpace | kHtmlSlash)) ++i;
  if (i >= n) {
    *pos = n;
    return HtmlAttributeStep::kEndOfInput;
  }
  if (p[i] == '>') {
    *pos = i + 1;
    return HtmlAttributeStep::kTagEnd;
  }
  // Attribute name (§13.2.5.33): the first byte always belongs to it.
  attr->begin = i++;
  while (i < n && !is(i, kHtmlSpace | kHtmlSlash | kHtmlGt | kHtmlEq)) ++i;
  attr->name = s.substr(attr->begin, i - attr->begin);
  attr->value = {};
  attr->end = i;
  // After attribute name (§13.2.5.34): whitespace may stand before '='; without
  // '=' the spaces start the next attribute's search, so `*pos` stays at the name's end.
  size_t j = i;
  while (j < n && is(j, kHtmlSpace)) ++j;
  if (j < n && p[j] == '=') {
    // Before attribute value (§13.2.5.35).
    ++j;
    while (j < n && is(j, kHtmlSpace)) ++j;
    if (j >= n) {
      *pos = n;
      return HtmlAttributeStep::kEndOfInput;
    }
    if (p[j] == '"' || p[j] == '\'') {
      // Attribute value, double- or single-quoted (§13.2.5.36-37).
      const void* close = std::memchr(p + j + 1, p[j], n - j - 1);
      if (close == nullptr) {
        attr->value = s.substr(j + 1);
        attr->end = n;
      } else {
        const size_t c = static_cast<const char*>(close) - p;
        attr->value = s.substr(j + 1, c - j - 1);
        attr->end = c + 1;
      }
    } else {
      // Attribute value, unquoted (§13.2.5.38); "a=>" leaves it empty.
      size_t e = j;
      while (e < n && !is(e, kHtmlSpace | kHtmlGt)) ++e;
      attr->value = s.substr(j, e - j);
      attr->end = e;
    }
    i = attr->end;
  }
  *pos = i;
  return HtmlAttributeStep::kAttribute;
}

}  // namespace corpus
