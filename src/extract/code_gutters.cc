#include "corpus/extract/code_gutters.h"

#include <gumbo.h>

#include <cstdint>
#include <string_view>
#include <vector>

#include "corpus/util/ascii.h"

namespace corpus {
namespace {

// Whether the text of the subtree at `i` is a run of line numbers: two or
// more whole numbers, each one more than the one before ("1 2 3", one a
// line), and nothing else. A lone number is a value (an error code beside
// its name), not a gutter.
bool LineNumbers(const std::vector<DomNode>& nodes, int32_t i) {
  if (nodes[i].text == 0) return false;
  int count = 0;
  uint64_t previous = 0, current = 0;
  bool in_number = false;
  const auto end_number = [&]() {
    if (!in_number) return true;
    in_number = false;
    if (count > 0 && current != previous + 1) return false;
    previous = current;
    ++count;
    return true;
  };
  for (int32_t k = i; k < nodes[i].end; ++k) {
    if (!(nodes[k].flags & kDomText)) continue;
    for (const char c : std::string_view(nodes[k].node->v.text.text)) {
      if (IsAsciiDigit(c)) {
        if (!in_number) current = 0;
        in_number = true;
        if (current > 1000000) return false;
        current = current * 10 + static_cast<uint64_t>(c - '0');
      } else if (IsAsciiWhitespace(c)) {
        if (!end_number()) return false;
      } else {
        return false;
      }
    }
    if (!end_number()) return false;  // text nodes end numbers ("<div>1</div><div>2</div>")
  }
  return count >= 2;
}

// Whether the subtree at `i` holds a <pre> or <code> element.
bool HoldsCode(const std::vector<DomNode>& nodes, int32_t i) {
  for (int32_t k = i; k < nodes[i].end; ++k) {
    if (!(nodes[k].flags & kDomText) &&
        (nodes[k].tag == GUMBO_TAG_PRE || nodes[k].tag == GUMBO_TAG_CODE)) {
      return true;
    }
  }
  return false;
}

}  // namespace

void MarkCodeGutters(DomIndex* dom) {
  std::vector<DomNode>& nodes = dom->mutable_nodes();
  std::vector<int32_t> cells;
  for (int32_t r = 0; r < static_cast<int32_t>(nodes.size()); ++r) {
    if ((nodes[r].flags & kDomText) || nodes[r].tag != GUMBO_TAG_TR) continue;
    cells.clear();
    for (int32_t c = r + 1; c < nodes[r].end; c = nodes[c].end) {
      const DomNode& cn = nodes[c];
      if (!(cn.flags & kDomText) && (cn.tag == GUMBO_TAG_TD || cn.tag == GUMBO_TAG_TH)) {
        cells.push_back(c);
      }
    }
    // Numbers, then code: a gutter.
    for (size_t k = 0; k + 1 < cells.size(); ++k) {
      if (LineNumbers(nodes, cells[k]) && HoldsCode(nodes, cells[k + 1])) {
        nodes[cells[k]].flags |= kDomBoilerplate;
      }
    }
  }
  // A gutter inside the <pre>, beside its <code>: "<pre><code>...</code><ul
  // class=pre-numbering><li>1</li><li>2</li></ul></pre>".
  for (int32_t p = 0; p < static_cast<int32_t>(nodes.size()); ++p) {
    if ((nodes[p].flags & kDomText) || nodes[p].tag != GUMBO_TAG_PRE) continue;
    bool code = false;
    for (int32_t c = p + 1; c < nodes[p].end && !code; c = nodes[c].end) {
      code = !(nodes[c].flags & kDomText) && nodes[c].tag == GUMBO_TAG_CODE;
    }
    if (!code) continue;
    for (int32_t c = p + 1; c < nodes[p].end; c = nodes[c].end) {
      if (!(nodes[c].flags & kDomText) && nodes[c].tag != GUMBO_TAG_CODE && LineNumbers(nodes, c)) {
        nodes[c].flags |= kDomBoilerplate;
      }
    }
    p = nodes[p].end - 1;
  }
}

}  // namespace corpus
