#include "corpus/extract/discussion.h"

#include <gumbo.h>

#include <string_view>

#include "corpus/extract/markup_names.h"

namespace corpus {
namespace {

// Whether a JSON-LD body names `type` as a type: "@type": "type" (with any
// spacing) or the type inside an "@type" array. A substring test on the
// quoted name is enough: type names are distinctive and values rarely quote
// them on their own.
bool JsonLdHasType(std::string_view block, std::string_view quoted_type) {
  return block.find(quoted_type) != std::string_view::npos;
}

}  // namespace

bool IsDiscussionPage(const DomIndex& dom, const std::vector<std::string>& json_ld) {
  bool discussion = false;
  int comments = 0;
  for (const std::string& block : json_ld) {
    if (JsonLdHasType(block, "\"DiscussionForumPosting\"") || JsonLdHasType(block, "\"QAPage\"")) {
      discussion = true;
    }
  }
  for (const DomNode& n : dom.nodes()) {
    if (n.flags & kDomText) continue;
    const char* itemtype = ElementAttr(n.node->v.element, "itemtype");
    if (!itemtype) continue;
    const std::string_view type = SchemaTypeName(itemtype);
    if (type == "Answer") return false;
    if (type == "DiscussionForumPosting" || type == "QAPage") discussion = true;
    if (type == "Comment") ++comments;
  }
  return discussion || comments >= 2;
}

}  // namespace corpus
