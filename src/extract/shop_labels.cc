#include "corpus/extract/shop_labels.h"

#include <string>
#include <unordered_map>
#include <vector>

#include "corpus/extract/markup_names.h"
#include "corpus/util/ascii.h"

namespace corpus {
namespace {

// Longest block compared with the labels, in bytes of non-space text: a
// label of the phrase files in any script (a Thai login prompt of 31
// letters is 93 bytes; "Kostenlos registrieren und weiterlesen" is 37).
constexpr uint64_t kMaxLabelBytes = 128;
// Nodes looked at in one block: a label is a text node in a span or two.
constexpr int32_t kMaxLabelNodes = 12;

// Inline elements that hold, whole, a block's own text beside its child
// blocks, when that text is a label: the reading time a blog plugin sets
// in spans above the post's paragraphs ("<div><span>Reading Time:
// </span><span>11</span><span>minutes</span><p>…</p></div>"). The spans
// go, the paragraphs stay. A block with a text node of its own, outside
// the inline elements, is left alone.
void MarkOwnTextLabels(DomIndex* dom, const PhraseSet& phrases) {
  std::vector<DomNode>& nodes = dom->mutable_nodes();
  std::string text;
  std::vector<int32_t> inline_children;
  for (int32_t b = 1; b < static_cast<int32_t>(nodes.size()); ++b) {
    const DomNode& block = nodes[b];
    if (block.flags & kDomBoilerplate) {
      b = block.end - 1;
      continue;
    }
    if ((block.flags & kDomText) || !(block.flags & kDomBlock) || block.own_text == 0 ||
        block.own_text > kMaxLabelBytes || block.text == block.own_text) {
      continue;
    }
    inline_children.clear();
    uint64_t held = 0;
    bool bare_text = false;
    for (int32_t c = b + 1; c < block.end; c = nodes[c].end) {
      const DomNode& child = nodes[c];
      if (child.text == 0 || (child.flags & kDomBlock)) continue;
      if (child.flags & kDomText) {
        bare_text = true;
        break;
      }
      inline_children.push_back(c);
      held += child.text;
    }
    if (bare_text || held != block.own_text) continue;
    text.clear();
    for (int32_t c : inline_children) AppendSmallText(nodes, c, &text);
    if (!IsShopLabel(phrases, text)) continue;
    for (int32_t c : inline_children) nodes[c].flags |= kDomBoilerplate;
  }
}

// Whether `text` is a running time and nothing else: minutes and seconds,
// or hours, minutes and seconds ("01:42", "1:02:33"), perhaps with "min"
// after it: what a video or audio player prints over its thumbnail. Beside
// a thumbnail (a picture in the block's parent) such a line says nothing of
// the page; elsewhere it may be a clock time (a live blog's "08:30" over
// each entry), and in a table it is data.
bool IsRunningTime(std::string_view text) {
  size_t k = 0;
  while (k < text.size() && text[k] == ' ') ++k;
  int groups = 0;
  while (true) {
    const size_t start = k;
    while (k < text.size() && IsAsciiDigit(text[k])) ++k;
    const size_t digits = k - start;
    if (digits == 0 || digits > 2 || (groups > 0 && digits != 2)) return false;
    ++groups;
    if (k < text.size() && text[k] == ':') {
      ++k;
      continue;
    }
    break;
  }
  if (groups < 2 || groups > 3) return false;
  while (k < text.size() && text[k] == ' ') ++k;
  std::string_view rest = text.substr(k);
  while (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
  if (!rest.empty() && rest.back() == '.') rest.remove_suffix(1);
  return rest.empty() || EqualsIgnoreAsciiCase(rest, "min");
}

// Appends the text nodes of the subtree at `root` to `out`, as
// AppendSmallText does, leaving out subtrees already flagged as
// boilerplate: a switch's label dropped as a form control beside its
// description ("<label>Cook mode</label><span>Prevent your screen from
// going dark</span>").
void AppendTextBesideChrome(const std::vector<DomNode>& nodes, int32_t root, std::string* out) {
  for (int32_t j = root; j < nodes[root].end; ++j) {
    if (nodes[j].flags & kDomBoilerplate) {
      j = nodes[j].end - 1;
    } else if (nodes[j].flags & kDomText) {
      *out += nodes[j].node->v.text.text;
      *out += ' ';
    }
  }
}

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
    if (n.own_text != n.text || n.end - i > kMaxLabelNodes || IsPropertyValue(nodes, i)) return false;
    text.clear();
    AppendTextBesideChrome(nodes, i, &text);
    return IsShopLabel(phrases, text) ||
           (IsRunningTime(text) && n.parent >= 0 && HoldsPicture(nodes[n.parent].node));
  });
  // Links and buttons that are labels and all of their block's own text
  // beside the block's child blocks ("<div><a>Jetzt bewerben</a><p>Die
  // Bewerbung dauert…</p></div>", "<h3>…</h3><p>…</p><a>Get Directions</a>
  // <a>Add to Calendar</a>"): the labels go, the blocks stay.
  std::vector<DomNode>& marked = dom->mutable_nodes();
  std::vector<int32_t> labels;
  std::unordered_map<int32_t, uint64_t> label_text;  // per block
  for (int32_t i = 1; i < static_cast<int32_t>(marked.size()); ++i) {
    const DomNode& n = marked[i];
    if (n.flags & kDomBoilerplate) {
      i = n.end - 1;
      continue;
    }
    if ((n.flags & (kDomText | kDomBlock)) || (n.tag != GUMBO_TAG_A && n.tag != GUMBO_TAG_BUTTON) ||
        n.text == 0 || n.text > kMaxLabelBytes || n.block < 0 || n.end - i > kMaxLabelNodes) {
      continue;
    }
    const DomNode& block = marked[n.block];
    if (block.text == block.own_text) continue;
    text.clear();
    AppendSmallText(nodes, i, &text);
    if (IsShopLabel(phrases, text)) {
      labels.push_back(i);
      label_text[n.block] += n.text;
    }
    i = n.end - 1;
  }
  for (int32_t i : labels) {
    if (label_text[marked[i].block] == marked[marked[i].block].own_text) {
      marked[i].flags |= kDomBoilerplate;
    }
  }
  MarkOwnTextLabels(dom, phrases);
}

}  // namespace corpus
