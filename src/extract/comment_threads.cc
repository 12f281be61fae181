#include "corpus/extract/comment_threads.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "corpus/extract/markup_names.h"

namespace corpus {
namespace {

// Items with a reply control, of one tag and class, that make a thread.
constexpr size_t kMinThreadItems = 2;
// A reply control's label is at most this many bytes ("Reply to Caroline"
// is not one: a control names the action alone, or with a count).
constexpr uint64_t kMaxControlBytes = 32;
// Gumbo nodes read of a <button>'s label.
constexpr int kMaxControlNodes = 6;

}  // namespace

void MarkReplyThreads(DomIndex* dom, const PhraseSet& phrases) {
  std::vector<DomNode>& nodes = dom->mutable_nodes();
  // The reply controls, as the element each lies in (a link: itself; a
  // button: its parent, since buttons are not in the index).
  std::vector<int32_t> controls;
  std::string text;
  for (int32_t i = 0; i < static_cast<int32_t>(nodes.size()); ++i) {
    const DomNode& n = nodes[i];
    if ((n.flags & kDomText) || n.tag != GUMBO_TAG_A || n.text == 0 ||
        n.text > kMaxControlBytes) {
      continue;
    }
    text.clear();
    AppendSmallText(nodes, i, &text);
    if (phrases.Matches(PhraseClass::kReplyAction, text)) controls.push_back(i);
  }
  for (const DomIndex::Button& b : dom->buttons()) {
    if (ButtonLabel(b.node, kMaxControlNodes, 2 * kMaxControlBytes, &text) &&
        phrases.Matches(PhraseClass::kReplyAction, text)) {
      controls.push_back(b.parent);
    }
  }
  if (controls.size() < kMinThreadItems) return;
  std::sort(controls.begin(), controls.end());
  controls.erase(std::unique(controls.begin(), controls.end()), controls.end());
  // For each element, its children that hold a reply control, each once:
  // the controls come in document order, so those of one child are
  // consecutive.
  std::unordered_map<int32_t, std::vector<int32_t>> holders;
  for (int32_t c : controls) {
    for (int32_t child = c, up = nodes[c].parent; up >= 0; child = up, up = nodes[up].parent) {
      std::vector<int32_t>& kids = holders[up];
      if (!kids.empty() && kids.back() == child) break;  // this way up is walked already
      kids.push_back(child);
    }
  }
  std::vector<int32_t> parents;
  for (const auto& [parent, kids] : holders) {
    if (kids.size() >= kMinThreadItems) parents.push_back(parent);
  }
  // The deepest lists first. A control inside an item of a thread found
  // below answers that item: the comments under each answer of a Q&A page
  // make a thread, not the answers around them. A comment with replies
  // nested in it still has its own button.
  std::sort(parents.begin(), parents.end(), [&](int32_t a, int32_t b) {
    return nodes[a].depth != nodes[b].depth ? nodes[a].depth > nodes[b].depth : a < b;
  });
  std::vector<bool> answered(controls.size(), false);
  const auto own_control = [&](int32_t item) {
    auto it = std::lower_bound(controls.begin(), controls.end(), item);
    for (; it != controls.end() && *it < nodes[item].end; ++it) {
      if (!answered[it - controls.begin()]) return true;
    }
    return false;
  };
  for (int32_t parent : parents) {
    const std::vector<int32_t>& kids = holders[parent];
    // Items of one kind: the same tag and class attribute, each with a
    // control of its own and something to say besides its controls.
    std::vector<bool> done(kids.size(), false);
    for (size_t a = 0; a < kids.size(); ++a) {
      if (done[a]) continue;
      std::vector<int32_t> group;
      for (size_t b = a; b < kids.size(); ++b) {
        const int32_t kid = kids[b];
        if (done[b] || nodes[kid].tag != nodes[kids[a]].tag ||
            ClassValue(nodes[kid].node->v.element) != ClassValue(nodes[kids[a]].node->v.element)) {
          continue;
        }
        done[b] = true;
        if (nodes[kid].text > nodes[kid].link && own_control(kid)) group.push_back(kid);
      }
      if (group.size() < kMinThreadItems) continue;
      for (int32_t item : group) {
        nodes[item].flags |= kDomComments;
        auto it = std::lower_bound(controls.begin(), controls.end(), item);
        for (; it != controls.end() && *it < nodes[item].end; ++it) {
          answered[it - controls.begin()] = true;
        }
      }
    }
  }
}

}  // namespace corpus
