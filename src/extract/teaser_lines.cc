#include "corpus/extract/teaser_lines.h"

#include <string>

namespace corpus {
namespace {

// A teaser line is a label and a headline.
constexpr uint64_t kMaxTeaserLine = 300;
// A picture credit is a label and a name or two.
constexpr uint64_t kMaxCreditLine = 120;
// A caption is a sentence or two about the picture, and may end in its credit.
constexpr uint64_t kMaxCaptionLine = 300;
// A label and its colon lie within this many bytes of a line's start.
constexpr size_t kMaxLabelOpening = 64;

// The first `limit` bytes of the text of the subtree at `root`.
std::string Opening(const std::vector<DomNode>& nodes, int32_t root, size_t limit) {
  std::string out;
  for (int32_t i = root; i < nodes[root].end && out.size() < limit; ++i) {
    if (nodes[i].flags & kDomText) out += nodes[i].node->v.text.text;
  }
  return out;
}

// Whether the text of the subtree at `root` ends, spacing aside, in a
// closing parenthesis, ASCII or fullwidth: the cheap test before
// EndsWithCredit reads the whole text.
bool EndsInParenthesis(const std::vector<DomNode>& nodes, int32_t root) {
  for (int32_t i = nodes[root].end - 1; i >= root; --i) {
    if (!(nodes[i].flags & kDomText)) continue;
    std::string_view t = nodes[i].node->v.text.text;
    while (!t.empty() && (t.back() == ' ' || t.back() == '\n' || t.back() == '\t')) {
      t.remove_suffix(1);
    }
    if (t.empty()) continue;
    return t.back() == ')' || (t.size() >= 3 && t.substr(t.size() - 3) == "\xEF\xBC\x89");
  }
  return false;
}

// The whole text of the subtree at `root` in `out`, or false when it is
// longer than `limit` bytes.
bool WholeText(const std::vector<DomNode>& nodes, int32_t root, size_t limit, std::string* out) {
  out->clear();
  for (int32_t i = root; i < nodes[root].end; ++i) {
    if (!(nodes[i].flags & kDomText)) continue;
    out->append(nodes[i].node->v.text.text);
    if (out->size() > limit) return false;
  }
  return true;
}

}  // namespace

bool StartsWithLabel(const PhraseSet& phrases, PhraseClass c, std::string_view text) {
  // The label is what comes before the first colon, ASCII or fullwidth
  // (U+FF1A), within the opening bytes.
  text = text.substr(0, kMaxLabelOpening);
  size_t colon = text.find(':');
  const size_t wide = text.find("\xEF\xBC\x9A");
  if (wide < colon) colon = wide;
  if (colon == std::string_view::npos) return false;
  return phrases.Matches(c, text.substr(0, colon));
}

bool StartsWithTeaserLabel(const PhraseSet& phrases, std::string_view text) {
  return StartsWithLabel(phrases, PhraseClass::kTeaserLabel, text);
}

bool IsCreditLine(const PhraseSet& phrases, std::string_view text) {
  size_t b = 0;
  while (b < text.size() && (text[b] == ' ' || text[b] == '\n' || text[b] == '\t')) ++b;
  text.remove_prefix(b);
  // "© Jane Doe", "(c) Reuters": a copyright line, in any language.
  if (text.substr(0, 2) == "\xC2\xA9" || text.substr(0, 3) == "(c)" || text.substr(0, 3) == "(C)") {
    return true;
  }
  return StartsWithLabel(phrases, PhraseClass::kCreditLabel, text);
}

bool EndsWithCredit(const PhraseSet& phrases, std::string_view text) {
  size_t e = text.size();
  while (e > 0 && (text[e - 1] == ' ' || text[e - 1] == '\n' || text[e - 1] == '\t')) --e;
  text = text.substr(0, e);
  // The credit closes the line in parentheses, ASCII or fullwidth (U+FF08,
  // U+FF09: "（写真：共同）").
  size_t open;
  size_t close;
  if (!text.empty() && text.back() == ')') {
    close = text.size() - 1;
    open = text.rfind('(');
    if (open == std::string_view::npos) return false;
    open += 1;
  } else if (text.size() >= 3 && text.substr(text.size() - 3) == "\xEF\xBC\x89") {
    close = text.size() - 3;
    open = text.rfind("\xEF\xBC\x88");
    if (open == std::string_view::npos) return false;
    open += 3;
  } else {
    return false;
  }
  if (open > close || close - open > kMaxCreditLine) return false;
  return StartsWithLabel(phrases, PhraseClass::kCreditLabel, text.substr(open, close - open));
}

void MarkCreditLines(DomIndex* dom, const PhraseSet& phrases) {
  const std::vector<DomNode>& nodes = dom->nodes();
  std::string text;
  MarkSmallBlocks(dom, kMaxCaptionLine, [&](int32_t i) {
    if (nodes[i].flags & kDomHeading) return false;
    if (nodes[i].text <= kMaxCreditLine && IsCreditLine(phrases, Opening(nodes, i, kMaxLabelOpening))) {
      return true;
    }
    // A caption that ends in its credit; its spacing may be wide.
    return EndsInParenthesis(nodes, i) && WholeText(nodes, i, 4 * kMaxCaptionLine, &text) &&
           EndsWithCredit(phrases, text);
  });
}

void MarkTeaserLines(DomIndex* dom, const PhraseSet& phrases) {
  const std::vector<DomNode>& nodes = dom->nodes();
  MarkSmallBlocks(dom, kMaxTeaserLine, [&](int32_t i) {
    return 2 * nodes[i].link >= nodes[i].text &&
           StartsWithTeaserLabel(phrases, Opening(nodes, i, kMaxLabelOpening));
  });
}

}  // namespace corpus
