#include "corpus/extract/trailing_links.h"

#include <string_view>
#include <vector>

#include "corpus/extract/markup_names.h"
#include "corpus/text/text_units.h"

namespace corpus {
namespace {

// Share of a trailing block's text in links from which it is a link list.
constexpr double kMinTrailingLinkShare = 0.6;

// Code listings (<pre>) of at least this many bytes of text make the
// content a manual's or a tutorial's page.
constexpr uint64_t kMinCodeListingBytes = 40;

// Whether the element's links all point inside the page ("#fn1"): footnote
// and reference lists, which belong to the text.
bool InPageLinksOnly(const std::vector<DomNode>& nodes, int32_t root) {
  bool any = false;
  for (int32_t i = root; i < nodes[root].end; ++i) {
    if ((nodes[i].flags & kDomText) || nodes[i].tag != GUMBO_TAG_A) continue;
    const char* href = ElementAttr(nodes[i].node->v.element, "href");
    if (!href) continue;
    if (href[0] != '#') return false;
    any = true;
  }
  return any;
}

// A trailing line of at most this many bytes that does not end a sentence
// is a note, not text: a source, a label, a tag line, a disclaimer.
constexpr uint64_t kMaxTrailingNote = 64;
// Notes under a heading of their own, this many or more, are a section.
constexpr size_t kMinTitledNotes = 3;
// Lines of one link each, this many or more, that end a block written as
// lines are a list of links.
constexpr size_t kMinTrailingLinkLines = 2;

// Whether a list or table holds node `i` below `root`: its items are data.
bool InListOrTable(const std::vector<DomNode>& nodes, int32_t i, int32_t root) {
  for (int32_t a = nodes[i].parent; a > root; a = nodes[a].parent) {
    switch (nodes[a].tag) {
      case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_TABLE:
        return true;
      default:
        break;
    }
  }
  return false;
}

// Flags kDomBoilerplate on the blocks from node `from` to the end of
// `root`, outside their ancestors, whose text is mostly links (at least
// kMinTrailingLinkShare of it) that lead off the page; their subtrees are
// then skipped.
void MarkLinkBoxesFrom(DomIndex* dom, int32_t from, int32_t root) {
  std::vector<DomNode>& nodes = dom->mutable_nodes();
  for (int32_t i = from; i < nodes[root].end; ++i) {
    DomNode& n = nodes[i];
    if ((n.flags & kDomText) || (n.flags & kDomBoilerplate)) {
      if (n.flags & kDomBoilerplate) i = n.end - 1;
      continue;
    }
    if (n.text == 0 || !(n.flags & kDomBlock)) continue;
    if (static_cast<double>(n.link) >= kMinTrailingLinkShare * static_cast<double>(n.text) &&
        !InPageLinksOnly(nodes, i)) {
      n.flags |= kDomBoilerplate;
      i = n.end - 1;
    }
  }
}

// Whether the text that comes next after the subtree at `i`, below `root`,
// is in a list, a table or a box left out as boilerplate: `i` introduces
// it ("Key points:", "Footnotes"), and goes or stays with the text it
// names, not as a note of its own.
bool IntroducesBlock(const std::vector<DomNode>& nodes, int32_t i, int32_t root) {
  for (int32_t k = nodes[i].end; k < nodes[root].end; ++k) {
    if (!(nodes[k].flags & kDomText) || nodes[k].text == 0) continue;
    for (int32_t a = nodes[k].parent; a > root; a = nodes[a].parent) {
      if (nodes[a].flags & kDomBoilerplate) return true;
    }
    return InListOrTable(nodes, k, root);
  }
  return false;
}

// Letters and digits in the text node `n`: what a line says, bullets,
// separators and punctuation left out.
uint64_t WordBytes(const DomNode& n) {
  const std::string_view t = n.node->v.text.text;
  uint64_t bytes = 0;
  for (size_t i = 0; i < t.size();) {
    const size_t at = i;
    const char32_t c = NextCodePoint(t, &i);
    if (IsLetter(c) || (c >= '0' && c <= '9')) bytes += i - at;
  }
  return bytes;
}

// One line of a block's own text, between <br>s or child blocks.
struct OwnLine {
  std::vector<int32_t> texts;  // its text nodes
  uint64_t link = 0;           // letters and digits inside a link...
  uint64_t plain = 0;          // ...and outside one
  int32_t anchor = -1;         // its link, if it has one
  bool many_links = false;
  bool in_page = false;        // a link to a place on the page ("#fn1")
};

// The lines of the own text of `block`, up to `end`, that hold words.
std::vector<OwnLine> OwnLines(const std::vector<DomNode>& nodes, int32_t block, int32_t end) {
  std::vector<OwnLine> lines(1);
  const auto close_line = [&lines] {
    if (lines.back().link + lines.back().plain > 0) lines.emplace_back();
  };
  for (int32_t i = block + 1; i < end; ++i) {
    const DomNode& n = nodes[i];
    if (!(n.flags & kDomText)) {
      if (n.flags & kDomBlock) {
        close_line();
        i = n.end - 1;
      } else if (n.tag == GUMBO_TAG_BR) {
        close_line();
      }
      continue;
    }
    const uint64_t words = WordBytes(n);
    if (words == 0) continue;
    OwnLine& line = lines.back();
    line.texts.push_back(i);
    if (n.anchor < 0) {
      line.plain += words;
      continue;
    }
    line.link += words;
    line.many_links = line.many_links || (line.anchor >= 0 && line.anchor != n.anchor);
    line.anchor = n.anchor;
    const char* href = ElementAttr(nodes[n.anchor].node->v.element, "href");
    line.in_page = line.in_page || (href != nullptr && href[0] == '#');
  }
  if (lines.back().texts.empty()) lines.pop_back();
  return lines;
}

// Flags kDomBoilerplate on the text of the link lines that end the own
// text of the prose block `block` (which ends before `text_end`,
// OwnTextEnd): kMinTrailingLinkLines or more lines that
// are each one link and nothing else but bullets and punctuation, and the
// short label over them if there is one ("Related posts:", "Previously"), when
// a paragraph of prose stays before them. A post written as lines between
// <br>s lists other posts this way, in any language.
void MarkTrailingLinkLines(DomIndex* dom, int32_t block, int32_t text_end) {
  std::vector<DomNode>& nodes = dom->mutable_nodes();
  const std::vector<OwnLine> lines = OwnLines(nodes, block, text_end);
  size_t first = lines.size();
  while (first > 0) {
    const OwnLine& line = lines[first - 1];
    if (line.plain > 0 || line.link == 0 || line.many_links || line.in_page) break;
    --first;
  }
  if (lines.size() - first < kMinTrailingLinkLines) return;
  if (first > 0) {
    const OwnLine& label = lines[first - 1];
    uint64_t label_text = 0;
    for (int32_t t : label.texts) label_text += nodes[t].text;
    if (label.link == 0 && label_text <= kMaxTrailingNote &&
        !EndsSentence(nodes, label.texts.back())) {
      --first;
    }
  }
  uint64_t prose = 0;
  for (size_t k = 0; k < first; ++k) prose += lines[k].plain;
  if (prose < kMinProseBlock) return;
  for (size_t k = first; k < lines.size(); ++k) {
    for (int32_t t : lines[k].texts) nodes[t].flags |= kDomBoilerplate;
  }
}

}  // namespace

void MarkTrailingLinkLists(DomIndex* dom, int32_t root) {
  // A page that shows code (a manual, a tutorial) ends in the list of the
  // pages it builds on or leads to ("See also", "Next steps"): its text.
  if (root < 0 || CodeListingBytes(dom->nodes(), root) >= kMinCodeListingBytes) return;
  const int32_t last_prose = LastProseBlock(dom->nodes(), root);
  if (last_prose < 0) return;
  const int32_t text_end = OwnTextEnd(dom->nodes(), last_prose);
  MarkLinkBoxesFrom(dom, text_end, root);
  MarkTrailingLinkLines(dom, last_prose, text_end);
}

void MarkTrailingNotes(DomIndex* dom, int32_t root) {
  std::vector<DomNode>& nodes = dom->mutable_nodes();
  if (root < 0) return;
  const int32_t last_prose = LastProseBlock(nodes, root);
  if (last_prose < 0) return;
  const auto is_note = [&](int32_t i) {
    const DomNode& n = nodes[i];
    // A <section> that holds its own text and no block is a paragraph too
    // (editors that write every paragraph as one: WeChat's).
    return (n.tag == GUMBO_TAG_P || n.tag == GUMBO_TAG_DIV || n.tag == GUMBO_TAG_SECTION) &&
           n.own_text == n.text && n.text <= kMaxTrailingNote && !EndsSentence(nodes, i) &&
           !InListOrTable(nodes, i, root) && !IntroducesBlock(nodes, i, root);
  };
  // The notes, if the text after the last paragraph is notes and headings
  // only: beside other text (the titles and blurbs of a grid of cards, a
  // last short paragraph) a short line is part of what the page says.
  // Three lines or more under a heading of their own are a section of the
  // article (a practical box: what, when, where, the price), not notes.
  std::vector<int32_t> notes;
  bool titled = false;
  for (int32_t i = nodes[last_prose].end; i < nodes[root].end; ++i) {
    const DomNode& n = nodes[i];
    if (n.flags & kDomBoilerplate) {
      i = n.end - 1;
      continue;
    }
    if (n.flags & kDomHeading) {
      titled = titled || notes.empty();
      i = n.end - 1;
    } else if ((n.flags & kDomText)) {
      if (n.text > 0) return;
    } else if (n.text > 0 && (n.flags & kDomBlock) && is_note(i)) {
      notes.push_back(i);
      i = n.end - 1;
    }
  }
  if (titled && notes.size() >= kMinTitledNotes) return;
  for (int32_t i : notes) nodes[i].flags |= kDomBoilerplate;
}

}  // namespace corpus
