#ifndef CORPUS_EXTRACT_DOM_INDEX_H_
#define CORPUS_EXTRACT_DOM_INDEX_H_

#include <gumbo.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace corpus {

// Flags on a DomNode.
enum DomFlag : uint16_t {
  kDomText = 1 << 0,         // a text node (else an element)
  kDomBlock = 1 << 1,        // a block-level element: its text starts a new block
  kDomInLink = 1 << 2,       // inside an <a href>
  kDomBoilerplate = 1 << 3,  // classified as boilerplate (nav, cookie box, ...)
  kDomComments = 1 << 4,     // classified as a comment section (a weaker verdict)
  kDomMainHint = 1 << 5,     // <main>, <article>, role=main, itemprop=articleBody
  kDomInPre = 1 << 6,        // inside <pre>: whitespace is kept
  kDomHeading = 1 << 7,      // h1..h6
  kDomDuplicate = 1 << 8,    // repeats the text of an earlier subtree (duplicate_blocks.h)
  kDomTexMath = 1 << 9,      // a MathML <math> shown as its TeX source (docs/LANGUAGES.md)
};

// Links with less text than this (non-space bytes) count as navigation.
constexpr uint64_t kShortLinkBytes = 25;

// A block with this many bytes of its own text outside links is a paragraph
// of prose: the one measure of the article rules (the article test in
// extractor.cc, boilerplate.h, trailing_links.h, teaser_cards.h and the
// block model's features).
constexpr uint32_t kMinProseBlock = 200;

// One node of the page body in document order. Elements the extractor never
// shows (head, script, form controls, ...) are left out with their subtrees.
struct DomNode {
  const GumboNode* node = nullptr;
  int32_t parent = -1;  // index of the parent element, -1 for the root
  int32_t end = 0;      // one past the last node of this subtree
  int32_t depth = 0;
  int32_t block = -1;   // nearest block-level element (self for blocks)
  int32_t anchor = -1;  // nearest enclosing <a href>
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  uint16_t flags = 0;
  // Text measures, in bytes of non-space text. own_*: text whose nearest
  // block is this element; the others: the whole subtree. `link` is text
  // inside links, `navlink` the part of it in short links (under
  // kShortLinkBytes: "Home", "Men", "Next"), the stuff of menus, as opposed
  // to headlines in a list of articles or products.
  uint32_t own_text = 0, own_link = 0, own_navlink = 0, own_punct = 0;
  uint64_t text = 0, link = 0, navlink = 0, punct = 0;
};

// Whether `n` is an element holding a paragraph of prose of its own
// (kMinProseBlock).
inline bool IsProseBlock(const DomNode& n) {
  return !(n.flags & kDomText) && n.own_text - n.own_link >= kMinProseBlock;
}

// Whether `n` is a paragraph of running text: a prose block (IsProseBlock)
// with punctuation and under a quarter of its own text in links, as opposed
// to a long line of specifications or of links.
inline bool IsProseParagraph(const DomNode& n) {
  return IsProseBlock(n) && n.own_punct > 0 && 4 * uint64_t{n.own_link} < n.own_text;
}

// Whether the block at `i` is the value of a named property: a table cell
// beside another cell with text in its row, or a <dd>. "Stan | Nowy",
// "Condition: New", "Alkohol | 13,5 %": a badge's word or a share, there,
// is the fact.
inline bool IsPropertyValue(const std::vector<DomNode>& nodes, int32_t i) {
  const DomNode& n = nodes[i];
  if (n.tag == GUMBO_TAG_DD) return true;
  if (n.tag != GUMBO_TAG_TD && n.tag != GUMBO_TAG_TH) return false;
  return n.parent >= 0 && nodes[n.parent].tag == GUMBO_TAG_TR && nodes[n.parent].text > n.text;
}

// Whether the subtree `n` is a sentence or more of running text:
// kMinRunningText bytes outside links, punctuation, under a quarter of its
// text in links. Shorter than a prose block: a short paragraph of an
// article counts.
constexpr uint64_t kMinRunningText = 80;
inline bool IsRunningText(const DomNode& n) {
  return n.text >= n.link + kMinRunningText && n.punct > 0 && 4 * n.link < n.text;
}

// Whether the element `n` holds a short paragraph of its own: IsRunningText
// measured on its own text (the text whose nearest block it is). A story
// told in short paragraphs is made of these.
inline bool IsRunningParagraph(const DomNode& n) {
  return !(n.flags & kDomText) && n.own_text >= n.own_link + kMinRunningText &&
         n.own_punct > 0 && 4 * uint64_t{n.own_link} < n.own_text;
}

// Where the own text of `block` ends: one past its last text node with text
// whose nearest block it is (the end of its subtree if it has none). A body
// written as lines between <br>s, in a table cell or a blog post's one
// container, holds the boxes that follow its last line.
inline int32_t OwnTextEnd(const std::vector<DomNode>& nodes, int32_t block) {
  for (int32_t i = nodes[block].end - 1; i > block; --i) {
    if ((nodes[i].flags & kDomText) && nodes[i].text > 0 && nodes[i].block == block) return i + 1;
  }
  return nodes[block].end;
}

// Where the last line of `block` starts, when a line break comes before
// it and some text before that: the node after the <br> that opens the
// last line holding text, or after a block inside that holds no text or is
// boilerplate (an advert's slot between a story's lines), which breaks the
// line as a <br> does. The last of the lines a story or a caption writes
// between <br>s. -1 if no such line, or if a block with text that is not
// boilerplate lies inside `block`.
inline int32_t LastBrokenLine(const std::vector<DomNode>& nodes, int32_t block) {
  // `line`: where the last line holding text starts; `open`: where the line
  // after the last break seen starts, if text follows.
  int32_t line = -1, open = -1;
  bool text_before = false;
  for (int32_t k = block + 1; k < nodes[block].end; ++k) {
    const DomNode& n = nodes[k];
    if (!(n.flags & kDomText)) {
      if (n.flags & kDomBlock) {
        if (n.text > 0 && !(n.flags & kDomBoilerplate)) return -1;  // not one run of lines
        if (text_before) open = n.end;
        k = n.end - 1;
        continue;
      }
      if (n.tag == GUMBO_TAG_BR && text_before) open = k + 1;
      continue;
    }
    if (n.text == 0) continue;
    if (open >= 0) {
      line = open;
      open = -1;
    }
    text_before = true;
  }
  return line;
}

// U+2026 HORIZONTAL ELLIPSIS in UTF-8: ends a sentence, cuts a title or an
// excerpt short, or follows a label.
inline constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

// The last text of the subtree at `root` without the characters of `trim`
// at its end, from the last text node that holds more than them; empty if
// none does.
inline std::string_view LastText(const std::vector<DomNode>& nodes, int32_t root,
                                 std::string_view trim) {
  for (int32_t i = nodes[root].end - 1; i >= root; --i) {
    if (!(nodes[i].flags & kDomText) || nodes[i].text == 0) continue;
    std::string_view t = nodes[i].node->v.text.text;
    while (!t.empty() && trim.find(t.back()) != std::string_view::npos) t.remove_suffix(1);
    if (!t.empty()) return t;
  }
  return {};
}

// Whether the last visible character of the subtree at `root` ends a
// sentence: . ! ? … or their CJK full-width forms.
inline bool EndsSentence(const std::vector<DomNode>& nodes, int32_t root) {
  const std::string_view t = LastText(nodes, root, " \n\t\r)\"");
  if (t.empty()) return false;
  const char c = t.back();
  if (c == '.' || c == '!' || c == '?') return true;
  for (std::string_view end : {"\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F", "\xE2\x80\xA6",
                               "\xC2\xBB", "\xE2\x80\x9C", "\xE2\x80\x9D"}) {
    if (t.ends_with(end)) return true;
  }
  return false;
}

// The bytes of text in the code listings (<pre>) of the subtree at `root`,
// each counted once (a listing inside another is its text): how much code a
// content shows, a manual's or a tutorial's.
inline uint64_t CodeListingBytes(const std::vector<DomNode>& nodes, int32_t root) {
  uint64_t bytes = 0;
  for (int32_t i = root; i < nodes[root].end; ++i) {
    if ((nodes[i].flags & kDomText) || nodes[i].tag != GUMBO_TAG_PRE) continue;
    bytes += nodes[i].text;
    i = nodes[i].end - 1;
  }
  return bytes;
}

// Appends the text nodes of the subtree at `root` to `out`, each followed
// by a space (the texts of sibling inline elements stay apart), until `out`
// holds `limit` bytes or more: the text of a small block, to compare with
// phrases.
inline void AppendSmallText(const std::vector<DomNode>& nodes, int32_t root, std::string* out,
                            size_t limit = std::string::npos) {
  for (int32_t j = root; j < nodes[root].end && out->size() < limit; ++j) {
    if (nodes[j].flags & kDomText) {
      *out += nodes[j].node->v.text.text;
      *out += ' ';
    }
  }
}

// Whether a sibling before and a sibling after `i` (among its parent's
// children) are running text (IsRunningText): `i` is set in the text.
inline bool SetInRunningText(const std::vector<DomNode>& nodes, int32_t i) {
  const int32_t p = nodes[i].parent;
  if (p < 0) return false;
  bool before = false, after = false;
  for (int32_t c = p + 1; c < nodes[p].end && !after; c = nodes[c].end) {
    if (c == i || !IsRunningText(nodes[c])) continue;
    (c < i ? before : after) = true;
  }
  return before && after;
}

// The outermost element holding `i` and nothing else (each wrapper's text
// is i's), climbing no higher than the children of `floor`.
inline int32_t OutermostWrapper(const std::vector<DomNode>& nodes, int32_t i, int32_t floor) {
  int32_t w = i;
  while (nodes[w].parent > floor && nodes[nodes[w].parent].text == nodes[i].text) w = nodes[w].parent;
  return w;
}

// The first sibling at or after `k` with text, `end` (its parent's end) if
// none.
inline int32_t NextWithText(const std::vector<DomNode>& nodes, int32_t k, int32_t end) {
  while (k < end && nodes[k].text == 0) k = nodes[k].end;
  return k;
}

// The line right before `i`: the largest subtree that holds the last text
// before `i` and ends before it (a heading, a bold line before a <br>, the
// <summary> of a <details>), at or after `floor`; -1 if no text lies in
// [floor, i).
inline int32_t LineBefore(const std::vector<DomNode>& nodes, int32_t i, int32_t floor) {
  int32_t j = i - 1;
  while (j >= floor && !((nodes[j].flags & kDomText) && nodes[j].text > 0)) --j;
  if (j < floor) return -1;
  while (nodes[j].parent >= floor && nodes[nodes[j].parent].end <= i) j = nodes[j].parent;
  return j;
}

// The last prose block (IsProseBlock) of the subtree at `root` outside
// boilerplate, or where there is none (a story told in short paragraphs)
// the last short paragraph (IsRunningParagraph); -1 if none: where an
// article's text ends. One pass over the subtree.
inline int32_t LastProseBlock(const std::vector<DomNode>& nodes, int32_t root) {
  int32_t last_prose = -1, last_paragraph = -1;
  for (int32_t i = root; i < nodes[root].end; ++i) {
    const DomNode& n = nodes[i];
    if (n.flags & kDomBoilerplate) {
      i = n.end - 1;
      continue;
    }
    if (IsProseBlock(n)) last_prose = i;
    if (IsRunningParagraph(n)) last_paragraph = i;
  }
  return last_prose >= 0 ? last_prose : last_paragraph;
}

// DomIndex flattens gumbo's tree of the <body> into a vector in document
// order, without recursion (pages nest elements 100,000 deep), and measures
// the text of every subtree. A subtree of node i is [i, nodes[i].end), so a
// consumer skips a subtree with one jump and never needs a call stack.
class DomIndex {
 public:
  // `root` is gumbo's document node. Also picks up the <title> text.
  void Build(const GumboNode* root);

  const std::vector<DomNode>& nodes() const { return nodes_; }
  std::vector<DomNode>& mutable_nodes() { return nodes_; }
  const std::string& html_title() const { return html_title_; }
  const std::string& og_title() const { return og_title_; }
  // The Open Graph type (<meta property="og:type">): "article", "product", ...
  const std::string& og_type() const { return og_type_; }
  // The page's declared language: <html lang> (or xml:lang), else <meta
  // http-equiv="content-language">, else og:locale; empty if none.
  const std::string& declared_language() const {
    return declared_language_.empty() ? meta_language_ : declared_language_;
  }
  // Index of the page's first <h1> element (its headline), -1 if none.
  int32_t first_h1() const { return first_h1_; }
  // The <button> elements whose text is not read as the page's (all but an
  // accordion's, in a heading), each with the index of its parent element,
  // in document order: controls whose labels some rules read (signup_boxes.h).
  struct Button {
    int32_t parent;
    const GumboNode* node;
  };
  const std::vector<Button>& buttons() const { return buttons_; }
  // The parent element of each <audio> element, in document order: the
  // players whose boxes post_chrome.h leaves out.
  const std::vector<int32_t>& players() const { return players_; }

  static bool IsBlockTag(GumboTag tag);
  // Whether an element is never shown as text (and its subtree is dropped).
  static bool IsHiddenTag(GumboTag tag);

 private:
  void ReadHead(const GumboNode* head);

  std::vector<DomNode> nodes_;
  std::string html_title_;
  std::string og_title_;
  std::string og_type_;
  std::string declared_language_;
  std::string meta_language_;
  int32_t first_h1_ = -1;
  std::vector<Button> buttons_;
  std::vector<int32_t> players_;
};

// Counts the bytes of `text` that are not whitespace, and sentence
// punctuation (. , ; ! ? and their CJK full-width forms; a . or , before a
// digit is part of a number, not punctuation). Also the marks of scripts
// that end sentences otherwise: the danda of Devanagari and the scripts
// that borrow it, Burmese's and Khmer's full stops, the Arabic comma,
// semicolon and question mark, Urdu's full stop; and in Thai and Lao,
// written without marks, a space between two of their letters
// (docs/LANGUAGES.md).
void MeasureText(std::string_view text, uint32_t* chars, uint32_t* punct);

// Calls `is_chrome(i)` for each block element i outside boilerplate with
// some text and at most `max_text` bytes of it, in document order, and
// flags kDomBoilerplate on those for which it returns true (their subtrees
// are then skipped). The walk of the small-block passes (shop_labels.h,
// teaser_lines.h); linear apart from what `is_chrome` reads.
template <typename IsChrome>
void MarkSmallBlocks(DomIndex* dom, uint64_t max_text, IsChrome is_chrome) {
  std::vector<DomNode>& nodes = dom->mutable_nodes();
  for (int32_t i = 1; i < static_cast<int32_t>(nodes.size()); ++i) {
    DomNode& n = nodes[i];
    if (n.flags & kDomBoilerplate) {
      i = n.end - 1;
      continue;
    }
    if ((n.flags & kDomText) || !(n.flags & kDomBlock)) continue;
    if (n.text == 0 || n.text > max_text || !is_chrome(static_cast<int32_t>(i))) continue;
    n.flags |= kDomBoilerplate;
    i = n.end - 1;
  }
}

}  // namespace corpus

#endif  // CORPUS_EXTRACT_DOM_INDEX_H_
