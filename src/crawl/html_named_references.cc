#include "corpus/crawl/html_named_references.h"

#include <algorithm>
#include <iterator>

namespace corpus {
namespace {

// The references of src/crawl/html_named_references.txt (where their
// sources are cited), sorted by name in byte order for binary search.
constexpr HtmlNamedReference kReferences[] = {
#include "corpus/crawl/html_named_references.inc"
};

}  // namespace

const HtmlNamedReference* FindHtmlNamedReference(std::string_view name) {
  const auto* end = std::end(kReferences);
  const auto* it = std::lower_bound(
      std::begin(kReferences), end, name,
      [](const HtmlNamedReference& r, std::string_view n) { return std::string_view(r.name) < n; });
  return it != end && std::string_view(it->name) == name ? it : nullptr;
}

}  // namespace corpus
