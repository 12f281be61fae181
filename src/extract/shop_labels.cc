#include "corpus/extract/shop_labels.h"

#include <string>


namespace corpus {
namespace {

// Longest block compared with the labels, in bytes of non-space text: a
// label of the phrase files in any script (a Thai login prompt of 31
// letters is 93 bytes; "Kostenlos registrieren und weiterlesen" is 37).
constexpr uint64_t kMaxLabelBytes = 128;
// Nodes looked at in one block: a label is a text node in a span or two.
constexpr int32_t kMaxLabelNodes = 12;

}  // namespace

bool IsShopLabel(const PhraseSet& phrases, std::string_view text) {
  // Arrows and dots after a label ("Read more »", "Learn more ->",
  // "See more...") are decoration; FoldPhrase drops them.
  return phrases.Matches(PhraseClass::kLabel, text);
}

void MarkShopLabels(DomIndex* dom, const PhraseSet& phrases) {
  const std::vector<DomNode>& nodes = dom->nodes();
  std::string text;
  MarkSmallBlocks(dom, kMaxLabelBytes, [&](int32_t i) {
    const DomNode& n = nodes[i];
    if (n.own_text != n.text || n.end - i > kMaxLabelNodes) return false;
    text.clear();
    AppendSmallText(nodes, i, &text);
    return IsShopLabel(phrases, text);
  });
}

}  // namespace corpus
