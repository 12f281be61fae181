#include "corpus/extract/related_sections.h"

#include <gumbo.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "corpus/extract/markup_names.h"

namespace corpus {
namespace {

// Headings longer than this (non-space bytes; 32 CJK characters) are prose,
// not box titles.
constexpr uint64_t kMaxHeadingBytes = 96;

// The text of a small subtree (FoldPhrase folds case and spacing).
std::string SmallText(const std::vector<DomNode>& nodes, int32_t root) {
  std::string out;
  AppendSmallText(nodes, root, &out);
  return out;
}

// Index of the first text node with visible text at or after `from`, or `end`.
int32_t FirstText(const std::vector<DomNode>& nodes, int32_t from, int32_t end) {
  for (int32_t i = from; i < end; ++i) {
    if ((nodes[i].flags & kDomText) && nodes[i].text > 0) return i;
  }
  return end;
}

// Whether element `i` is inline and holds its parent's first text: a
// label, if what follows it says so.
bool OpensItsParentInline(const std::vector<DomNode>& nodes, int32_t i) {
  const DomNode& n = nodes[i];
  return !(n.flags & (kDomText | kDomBlock)) && n.parent >= 0 &&
         FirstText(nodes, n.parent + 1, nodes[n.parent].end) >= i;
}

// Whether element `i` is an inline label over blocks: the first text of
// its parent, and the parent's next child with text is a block (a list, a
// paragraph): "<div><span>Leia também</span><ul>…</ul></div>" is a box's
// heading written as a span.
bool IsLabelOverBlocks(const std::vector<DomNode>& nodes, int32_t i) {
  if (!OpensItsParentInline(nodes, i)) return false;
  const int32_t p = nodes[i].parent;
  const int32_t next = NextWithText(nodes, nodes[i].end, nodes[p].end);
  return next < nodes[p].end && !(nodes[next].flags & kDomText) && (nodes[next].flags & kDomBlock);
}

// Whether element `i` is an inline label over lines of links: the first
// text of its parent, a <br> after it, and at least half of the parent's
// other text in links: "<p><strong>Weitere Artikel:</strong><br><a>…</a><br>
// <a>…</a></p>", a list written as lines, as older blogs write one.
bool IsLabelOverLinkLines(const std::vector<DomNode>& nodes, int32_t i) {
  if (!OpensItsParentInline(nodes, i)) return false;
  const DomNode& n = nodes[i];
  const int32_t p = n.parent;
  const uint64_t rest = nodes[p].text - n.text;
  if (rest == 0 || 2 * (nodes[p].link - n.link) < rest) return false;
  int32_t k = n.end;
  while (k < nodes[p].end && nodes[k].text == 0 && nodes[k].tag != GUMBO_TAG_BR) k = nodes[k].end;
  return k < nodes[p].end && !(nodes[k].flags & kDomText) && nodes[k].tag == GUMBO_TAG_BR;
}

}  // namespace

bool IsRelatedHeading(const PhraseSet& phrases, std::string_view text) {
  // Shops extend the fixed phrase: "Related items to explore", "Similar
  // products from other brands", "You may also like these".
  return phrases.OpensWith(PhraseClass::kRelatedHeading, text);
}

bool IsShopBoxHeading(const PhraseSet& phrases, std::string_view text) {
  return phrases.Matches(PhraseClass::kShopBoxHeading, text);
}

bool IsArticleBoxHeading(const PhraseSet& phrases, std::string_view text) {
  return phrases.Matches(PhraseClass::kArticleBoxHeading, text);
}

namespace {

// Whether the subtree at `root` holds a link (<a href>).
bool HoldsLink(const std::vector<DomNode>& nodes, int32_t root) {
  for (int32_t k = root; k < nodes[root].end; ++k) {
    if (nodes[k].anchor >= 0) return true;
  }
  return false;
}

// Flags the boxes headed by a heading that `is_box_heading` accepts; see
// MarkRelatedSections.
void MarkBoxesByHeading(DomIndex* dom, const PhraseSet& phrases,
                        bool (*is_box_heading)(const PhraseSet&, std::string_view),
                        uint64_t max_box_text) {
  std::vector<DomNode>& nodes = dom->mutable_nodes();
  if (nodes.empty()) return;
  const uint64_t page_text = nodes[0].text;
  const int32_t first_h1 = dom->first_h1();
  // Paragraphs of running text (IsProseParagraph) of each subtree outside
  // boilerplate, counted from the leaves up when a box first climbs.
  std::vector<uint32_t> prose;
  auto count_prose = [&] {
    if (!prose.empty()) return;
    prose.assign(nodes.size(), 0);
    for (size_t i = nodes.size(); i-- > 0;) {
      if (nodes[i].flags & kDomBoilerplate) continue;
      prose[i] += IsProseParagraph(nodes[i]) ? 1 : 0;
      if (nodes[i].parent >= 0) prose[nodes[i].parent] += prose[i];
    }
  };
  // Whether making `a` boilerplate would take too much.
  auto too_big = [&](int32_t a) {
    const DomNode& n = nodes[a];
    return a == 0 || n.tag == GUMBO_TAG_MAIN || n.tag == GUMBO_TAG_ARTICLE ||
           5 * n.text > 4 * page_text || n.text > max_box_text ||
           (first_h1 >= a && first_h1 < n.end);
  };

  for (size_t i = 0; i < nodes.size(); ++i) {
    DomNode& n = nodes[i];
    if (n.flags & kDomBoilerplate) {
      i = n.end - 1;
      continue;
    }
    // Candidates: headings, blocks that hold all of their own short text
    // (a <div class="title">), and inline labels over blocks (a <span>
    // over a list) or over lines of links.
    if ((n.flags & kDomText) || n.text == 0 || n.text > kMaxHeadingBytes) continue;
    if (!IsHeadingTag(n.tag) && !((n.flags & kDomBlock) && n.own_text == n.text) &&
        !IsLabelOverBlocks(nodes, static_cast<int32_t>(i)) &&
        !IsLabelOverLinkLines(nodes, static_cast<int32_t>(i))) {
      continue;
    }
    const int32_t h = static_cast<int32_t>(i);
    if (!is_box_heading(phrases, SmallText(nodes, h)) || too_big(h)) {
      i = n.end - 1;
      continue;
    }
    // Climb while the parent has no text before the heading.
    int32_t box = h;
    while (nodes[box].parent >= 0) {
      const int32_t p = nodes[box].parent;
      if (too_big(p) || FirstText(nodes, p + 1, box) != box) break;
      // A box that holds more than its heading ends where paragraphs of
      // prose begin beside it: the heading names its own list, not the
      // article that follows in the same wrapper (BENCHMARKS.md, "Version
      // 25: a box's heading does not take the article beside it").
      if (nodes[box].text > n.text) {
        count_prose();
        if (prose[p] > prose[box]) break;
      }
      box = p;
    }
    if (nodes[box].text > n.text) {
      // A badge's words over a box without one link ("Most popular" on a
      // pricing plan) name the box, not a list of other pages.
      if (!IsHeadingTag(n.tag) && !HoldsLink(nodes, box)) {
        i = n.end - 1;
        continue;
      }
      nodes[box].flags |= kDomBoilerplate;
      i = nodes[box].end - 1;
      continue;
    }
    // No wrapper, or one that holds the heading alone (sites that wrap each
    // block of an article in a <div> of its own): the heading and what
    // follows it, up to the next heading or up to two paragraphs of prose
    // in a row (after the box's links, two paragraphs of running text: a
    // news story's are short): the article going on after a "Read also"
    // heading and its link, or under a subheading that reads like a box's
    // ("More from the study"). A box's own prose comes one paragraph at a
    // time: an excerpt under each link, a comment under its author's name.
    // A box links to what it names (other articles, the author's page, the
    // comments' authors): a run under the heading with text and not one
    // link, with more of the page's text after it or itself two blocks or
    // more, is a section of the article whose title reads like a box's
    // ("Reacties", "Über die Autorin" of a book review, "Weitere Themen der
    // Sitzung"), and stays with its heading. One paragraph without a link
    // at the end is a box still: the author's bio under a post.
    const int32_t parent = nodes[box].parent;
    const int32_t parent_end = parent >= 0 ? nodes[parent].end : 0;
    // A box under a label that is not a heading, set after a paragraph of
    // the article ("<p><strong>Leia também:</strong></p>" and its list
    // between two paragraphs), ends at the first paragraph of running text
    // after its links: the article going on, though one paragraph alone
    // before its next heading. (Under a heading, one paragraph after a link
    // is the excerpt under it.)
    const int32_t before = IsHeadingTag(n.tag) ? -1 : LineBefore(nodes, box, parent + 1);
    const bool after_text = before >= 0 && IsRunningText(nodes[before]);
    int32_t s = nodes[box].end;
    uint64_t run_text = 0, run_link = 0;
    int run_blocks = 0;
    while (s < parent_end) {
      // A label that holds its own link ("Te puede interesar: <a>…</a>",
      // "<div><span>À lire aussi</span> <a>…</a></div>") is a whole teaser
      // line: only more lines of links go with it, not an interview's answers.
      if (n.link > 0 && !(nodes[s].flags & kDomBoilerplate) && nodes[s].text > 0 &&
          2 * nodes[s].link < nodes[s].text) {
        break;
      }
      bool has_heading = false;
      for (int32_t k = s; k < nodes[s].end && !has_heading; ++k) {
        has_heading = IsHeadingTag(nodes[k].tag) && !(nodes[k].flags & kDomText);
      }
      if (has_heading || too_big(s)) break;
      if (after_text && run_link > 0 && nodes[s].link == 0 && IsRunningText(nodes[s])) break;
      if (IsProseParagraph(nodes[s]) || (run_link > 0 && IsRunningText(nodes[s]))) {
        const int32_t next = NextWithText(nodes, nodes[s].end, parent_end);
        if (next < parent_end && (IsProseParagraph(nodes[next]) ||
                                  (run_link > 0 && IsRunningText(nodes[next])))) {
          break;
        }
      }
      if (!(nodes[s].flags & kDomBoilerplate)) {
        run_text += nodes[s].text;
        run_link += nodes[s].link;
        run_blocks += nodes[s].text > 0 ? 1 : 0;
      }
      s = nodes[s].end;
    }
    if (run_text > 0 && run_link == 0 &&
        (run_blocks >= 2 || NextWithText(nodes, s, parent_end) < parent_end)) {
      i = nodes[box].end - 1;
      continue;
    }
    nodes[box].flags |= kDomBoilerplate;
    for (int32_t k = nodes[box].end; k < s; k = nodes[k].end) nodes[k].flags |= kDomBoilerplate;
    i = s - 1;
  }
}

}  // namespace

void MarkRelatedSections(DomIndex* dom, const PhraseSet& phrases) {
  MarkBoxesByHeading(dom, phrases, IsRelatedHeading, std::numeric_limits<uint64_t>::max());
}

void MarkShopBoxes(DomIndex* dom, const PhraseSet& phrases) {
  MarkBoxesByHeading(dom, phrases, IsShopBoxHeading, std::numeric_limits<uint64_t>::max());
}

void MarkArticleBoxes(DomIndex* dom, const PhraseSet& phrases, uint64_t max_box_text) {
  MarkBoxesByHeading(dom, phrases, IsArticleBoxHeading, max_box_text);
}

}  // namespace corpus
