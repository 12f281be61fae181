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
  // A link or button that is all of its block's own text beside the block's
  // child blocks ("<div><a>Jetzt bewerben</a><p>Die Bewerbung dauert…</p>
  // </div>"): the label goes, the blocks stay.
  std::vector<DomNode>& marked = dom->mutable_nodes();
  for (int32_t i = 1; i < static_cast<int32_t>(marked.size()); ++i) {
    DomNode& n = marked[i];
    if (n.flags & kDomBoilerplate) {
      i = n.end - 1;
      continue;
    }
    if ((n.flags & (kDomText | kDomBlock)) || (n.tag != GUMBO_TAG_A && n.tag != GUMBO_TAG_BUTTON) ||
        n.text == 0 || n.text > kMaxLabelBytes || n.block < 0 || n.end - i > kMaxLabelNodes) {
      continue;
    }
    const DomNode& block = marked[n.block];
    if (block.own_text != n.text || block.text == block.own_text) continue;
    text.clear();
    AppendSmallText(nodes, i, &text);
    if (IsShopLabel(phrases, text)) {
      n.flags |= kDomBoilerplate;
      i = n.end - 1;
    }
  }
}

}  // namespace corpus
