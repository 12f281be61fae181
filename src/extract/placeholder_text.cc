#include "corpus/extract/placeholder_text.h"

#include <cstdint>
#include <string>

namespace corpus {
namespace {

// The bytes of a block's opening compared with the placeholders' words.
constexpr size_t kMaxOpening = 64;

}  // namespace

void MarkPlaceholderText(DomIndex* dom, const PhraseSet& phrases) {
  const std::vector<DomNode>& nodes = dom->nodes();
  MarkSmallBlocks(dom, UINT64_MAX, [&](int32_t i) {
    // A block with blocks inside may hold the page's text after the filler.
    if (nodes[i].own_text != nodes[i].text) return false;
    std::string opening;
    AppendSmallText(nodes, i, &opening, kMaxOpening);
    return phrases.OpensWith(PhraseClass::kPlaceholderOpening, opening);
  });
}

}  // namespace corpus
