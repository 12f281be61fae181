#include "corpus/extract/signup_boxes.h"

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

#include "corpus/extract/markup_names.h"
#include "corpus/util/ascii.h"

namespace corpus {
namespace {

// A sign-up pitch is a sentence or two; more text is an article that happens
// to hold a form.
constexpr uint64_t kMaxSignupBoxText = 500;
// Elements of a form looked at for an e-mail field: forms are small, and
// the bound keeps a page that is one giant form linear.
constexpr int kMaxFormScan = 400;

bool MentionsEmail(const char* value) {
  if (!value) return false;
  const std::string v = AsciiLowercase(value);
  return v.find("email") != std::string::npos || v.find("e-mail") != std::string::npos;
}

// Whether the gumbo subtree of `form` has an e-mail input (inputs are not in
// DomIndex), looking at no more than kMaxFormScan nodes.
bool AsksForEmail(const GumboNode* form) {
  return AnyElementWithin(form, kMaxFormScan, [](const GumboElement& el) {
    if (el.tag != GUMBO_TAG_INPUT) return false;
    if (const char* type = ElementAttr(el, "type"); type && std::string_view(type) == "email") {
      return true;
    }
    return MentionsEmail(ElementAttr(el, "name")) || MentionsEmail(ElementAttr(el, "id")) ||
           MentionsEmail(ElementAttr(el, "placeholder")) ||
           MentionsEmail(ElementAttr(el, "aria-label"));
  });
}

}  // namespace

void MarkSignupBoxes(DomIndex* dom, uint64_t max_box_text) {
  std::vector<DomNode>& nodes = dom->mutable_nodes();
  const int32_t first_h1 = dom->first_h1();
  for (int32_t i = 0; i < static_cast<int32_t>(nodes.size()); ++i) {
    const DomNode& n = nodes[i];
    if ((n.flags & kDomText) || n.tag != GUMBO_TAG_FORM) continue;
    if (!AsksForEmail(n.node)) {
      i = n.end - 1;
      continue;
    }
    int32_t box = i;
    while (nodes[box].parent > 0) {
      const int32_t p = nodes[box].parent;
      const DomNode& up = nodes[p];
      if (up.text > kMaxSignupBoxText || up.text > max_box_text || up.tag == GUMBO_TAG_MAIN ||
          up.tag == GUMBO_TAG_ARTICLE || (first_h1 >= p && first_h1 < up.end)) {
        break;
      }
      box = p;
    }
    nodes[box].flags |= kDomBoilerplate;
    i = nodes[box].end - 1;
  }
}

}  // namespace corpus
