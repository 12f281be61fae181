#ifndef CORPUS_CRAWL_HTML_NAMED_REFERENCES_H_
#define CORPUS_CRAWL_HTML_NAMED_REFERENCES_H_

#include <cstdint>
#include <string_view>

namespace corpus {

// One named character reference of HTML ("amp" -> U+0026).
struct HtmlNamedReference {
  const char* name;  // without '&' and ';', case-sensitive
  uint32_t code_point;
  bool legacy;  // also recognised without the ';'
};

// The reference called `name`, or nullptr. Covers the HTML 4.01 entities
// (Latin-1, Greek, math and typographic symbols: what real pages put in
// attribute values, "&deg;" in a map link, "&eacute;" in a path) and the
// ASCII punctuation names, not the whole 2,231-name HTML5 table.
const HtmlNamedReference* FindHtmlNamedReference(std::string_view name);

}  // namespace corpus

#endif  // CORPUS_CRAWL_HTML_NAMED_REFERENCES_H_
