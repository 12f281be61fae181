#include "corpus/extract/dom_text.h"

#include <string_view>

#include "corpus/extract/markup_names.h"
#include "corpus/text/text_units.h"

namespace corpus {
namespace {

// The length of the invisible format character at s[i], 0 if there is none:
// U+00AD SOFT HYPHEN, U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER and U+FEFF
// ZERO WIDTH NO-BREAK SPACE only mark where a line may (or may not) break;
// a reader never sees them, and left in the text they split words
// ("Ver\u00ADständnis") for every later stage. ZWJ and ZWNJ (U+200D, U+200C)
// stay: emoji sequences and Persian and Indic spelling need them (but see
// IsJoinerAt). docs/LANGUAGES.md, "Text the page shows".
size_t InvisibleFormatLength(std::string_view s, size_t i) {
  const auto at = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  switch (at(i)) {
    case 0xC2:
      return i + 1 < s.size() && at(i + 1) == 0xAD ? 2 : 0;
    case 0xE2:
      if (i + 2 >= s.size()) return 0;
      return (at(i + 1) == 0x80 && at(i + 2) == 0x8B) || (at(i + 1) == 0x81 && at(i + 2) == 0xA0) ? 3 : 0;
    case 0xEF:
      return i + 2 < s.size() && at(i + 1) == 0xBB && at(i + 2) == 0xBF ? 3 : 0;
    default:
      return 0;
  }
}

// Whether s[i] starts U+200D ZERO WIDTH JOINER or U+200C ZERO WIDTH
// NON-JOINER. At the start of a line one joins (or parts) nothing: a page's
// spacer paragraph `<p>&zwj;</p>` would be a line of its own.
bool IsJoinerAt(std::string_view s, size_t i) {
  const std::string_view c = s.substr(i, 3);
  return c == "\xE2\x80\x8D" || c == "\xE2\x80\x8C";
}

// The length of the space separator (Unicode Zs) at s[i] other than U+0020
// and U+00A0 (which are collapsed like any space), 0 if there is none:
// U+1680, U+2000..U+200A, U+202F, U+205F and U+3000 IDEOGRAPHIC SPACE, the
// three-byte characters IsSpace knows but the line and paragraph separators
// (U+2028, U+2029), which are not spacing. Inside a line they are the page's
// own spacing and stay; at either end of one they are an indent (two U+3000
// open every paragraph of Chinese typesetting) and go. docs/LANGUAGES.md,
// "Text the page shows".
size_t SpaceSeparatorLength(std::string_view s, size_t i) {
  if (i >= s.size() || static_cast<unsigned char>(s[i]) < 0xE0) return 0;
  size_t end = i;
  const char32_t c = NextCodePoint(s, &end);
  return IsSpace(c) && c != 0x2028 && c != 0x2029 ? end - i : 0;
}

// Whether `c` is part of a word in a script that spaces its words: a letter
// or a digit outside Han, kana, Thai and the other scripts written without
// spaces.
bool IsSpacedWordChar(char32_t c) {
  return (IsLetter(c) || (c >= '0' && c <= '9')) && !IsNonSpacingScript(c);
}

// Whether a box ending in `before` and one opening with `after` read as a
// clause and the next ("Tried this recipe?" and "Tag us on Instagram",
// two boxes a template lays out as lines; "Author:" and the name): a
// question or exclamation mark, a colon, semicolon or comma, before a
// letter of a script that spaces its words. Not a full stop: a name's
// parts are boxes too ("json." and "JSONDecoder" in a documentation's
// signature).
bool EndsClauseBeforeWord(char32_t before, char32_t after) {
  if (!IsLetter(after) || IsNonSpacingScript(after)) return false;
  return before == '?' || before == '!' || before == ':' || before == ';' || before == ',';
}

// Accumulates text with pending line breaks, so runs of empty blocks never
// produce runs of blank lines.
class TextBuilder {
 public:
  explicit TextBuilder(bool markdown) : markdown_(markdown) {}

  // Asks for a break before the next text: 1 = new line, 2 = blank line.
  void Break(int level) {
    if (level > pending_) pending_ = level;
    space_ = false;
  }
  // A <br>: a new line, and a blank line when two follow each other.
  void LineBreak() {
    if (out_.empty()) return;
    pending_ = pending_ >= 1 ? 2 : 1;
    space_ = false;
  }
  // Text to put at the start of the next line (markdown markers).
  void SetPrefix(std::string prefix) { prefix_ = std::move(prefix); }
  bool AtLineStart() const { return pending_ > 0 || out_.empty() || out_.back() == '\n'; }

  // Asks for a space before the next text if it starts a word right where
  // the text so far ends in one: the seam of two boxes a browser lays out
  // apart (buttons, tags, a card's "3 beds" and "2 baths"), which the
  // markup writes with nothing between them. Not between a number and the
  // lower-case letters after it ("3<span>rd</span>"), but at the edge of
  // a custom element read inline (dom_index.h), a component that lays out
  // its own box ("<number-counter>1500</number-counter>watts").
  void SeparateBoxes(bool component = false) {
    box_seam_ = true;
    seam_component_ = seam_component_ || component;
  }
  // Asks for a space before the next text if a lower-case letter ends the
  // text so far and a capital opens the next: a box's last word and the
  // sentence that runs on after it ("<span>Hà Nội</span>Từ tháng 7…", a
  // dateline a style sets apart). No word is split so.
  void SeparateCase() { case_seam_ = true; }

  void Text(std::string_view s) {
    if ((case_seam_ || box_seam_) && !s.empty()) {
      if (!space_ && pending_ == 0 && !out_.empty()) {
        size_t end = out_.size(), next = 0;
        const char32_t before = PrevCodePoint(out_, &end);
        const char32_t after = NextCodePoint(s, &next);
        space_ = (case_seam_ && IsLowercase(before) && IsUppercase(after)) ||
                 (box_seam_ &&
                  ((IsSpacedWordChar(before) && IsSpacedWordChar(after) &&
                    (seam_component_ ||
                     !(before >= '0' && before <= '9' && after >= 'a' && after <= 'z'))) ||
                   EndsClauseBeforeWord(before, after)));
      }
      case_seam_ = box_seam_ = seam_component_ = false;
    }
    for (size_t i = 0; i < s.size(); ++i) {
      const char c = s[i];
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
        space_ = true;
        continue;
      }
      if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {  // U+00A0
        space_ = true;
        ++i;
        continue;
      }
      if (const size_t n = InvisibleFormatLength(s, i); n > 0) {
        i += n - 1;
        continue;
      }
      const bool line_start = pending_ > 0 || out_.empty() || out_.back() == '\n';
      if (line_start && IsJoinerAt(s, i)) {
        i += 2;
        continue;
      }
      if (line_start) {
        if (const size_t n = SpaceSeparatorLength(s, i); n > 0) {  // an indent
          i += n - 1;
          continue;
        }
        Flush();
      } else if (space_) {
        out_.push_back(' ');
      }
      space_ = false;
      out_.push_back(c);
    }
  }

  // Text kept as is (inside <pre>), only line ends normalised.
  void RawText(std::string_view s) {
    if (s.empty()) return;
    box_seam_ = false;
    Flush();
    for (char c : s) {
      if (c != '\r') out_.push_back(c);
    }
    space_ = false;
  }

  // Writes markup that must appear even with no text after it (a fence).
  void Markup(std::string_view s) {
    Flush();
    out_.append(s);
    space_ = false;
  }

  void Flush() {
    if (!out_.empty() && pending_ > 0) {
      TrimLineEnd();
      if (!out_.empty() && out_.back() != '\n') out_.push_back('\n');
      if (pending_ == 2) out_.push_back('\n');
    }
    pending_ = 0;
    if (!prefix_.empty()) {
      out_.append(prefix_);
      prefix_.clear();
    }
  }

  std::string Finish() {
    TrimLineEnd();
    size_t b = 0, e = out_.size();
    while (b < e && (out_[b] == ' ' || out_[b] == '\n')) ++b;
    while (e > b && (out_[e - 1] == ' ' || out_[e - 1] == '\n')) --e;
    return out_.substr(b, e - b);
  }
  bool markdown() const { return markdown_; }

 private:
  // Drops the spaces, and the space separators, that end the last line.
  void TrimLineEnd() {
    while (!out_.empty()) {
      if (out_.back() == ' ') {
        out_.pop_back();
      } else if (out_.size() >= 3 && SpaceSeparatorLength(out_, out_.size() - 3) == 3) {
        out_.resize(out_.size() - 3);
      } else {
        break;
      }
    }
  }

  std::string out_;
  std::string prefix_;
  int pending_ = 0;
  bool space_ = false;
  bool box_seam_ = false;
  bool seam_component_ = false;
  bool case_seam_ = false;
  bool markdown_;
};

// A custom element that DomIndex reads inline (in a paragraph's line).
bool IsInlineComponent(const DomNode& n) {
  return n.tag == GUMBO_TAG_UNKNOWN && !(n.flags & (kDomBlock | kDomText));
}

// How an element separates its text from its neighbours'.
int BreakLevel(const DomNode& n) {
  if (IsInlineComponent(n)) return 0;
  switch (n.tag) {
    case GUMBO_TAG_LI: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_TR:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_LEGEND:
      return 1;
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
      return 0;
    default:
      return DomIndex::IsBlockTag(n.tag) ? 2 : 0;
  }
}

// A formula shown as TeX goes between $ signs, or $$ when it is set apart
// (<math display="block">), as TeX writes them.
std::string_view TexDelimiter(const DomNode& n) {
  const char* display = ElementAttr(n.node->v.element, "display");
  return display && EqualsIgnoreAsciiCase(display, "block") ? "$$" : "$";
}

// Per open element: what to do when it closes.
struct Open {
  int32_t index;
  int cells = 0;  // <tr>: cells written so far; <table>: rows (markdown)
  // <tr>: a row of one-line cells (IsOneLineRow); <td>, <th>: a cell of one.
  bool one_line = false;
  bool lone = false;  // <table>: of one row (HasOneRow); <tr>: that row
};

// A cell's text is one line when it is short and holds at most one block
// with text of its own, and no list, table, heading, listing or line break:
// a word processor's or a press release's table wraps each cell's text in a
// <p> ("<td><p><span>Length overall</span></p></td>"), which is still a
// cell of a row, not a paragraph.
constexpr uint32_t kMaxOneLineCellBytes = 200;

bool IsOneLineCell(const std::vector<DomNode>& nodes, int32_t cell) {
  if (nodes[cell].text > kMaxOneLineCellBytes) return false;
  int32_t line = -1;  // the block that holds the cell's text
  for (int32_t k = cell + 1; k < nodes[cell].end; ++k) {
    const DomNode& n = nodes[k];
    if (n.flags & kDomText) {
      if (n.text == 0) continue;
      if (line >= 0 && n.block != line) return false;
      line = n.block;
      continue;
    }
    switch (n.tag) {
      case GUMBO_TAG_TABLE: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL:
      case GUMBO_TAG_PRE: case GUMBO_TAG_BR:
        return false;
      default:
        break;
    }
    if (n.flags & kDomHeading) return false;
  }
  return true;
}

// Whether the row `tr` has two cells or more, each of one line.
bool IsOneLineRow(const std::vector<DomNode>& nodes, int32_t tr) {
  int cells = 0;
  for (int32_t c = tr + 1; c < nodes[tr].end; c = nodes[c].end) {
    const DomNode& n = nodes[c];
    if (n.flags & kDomText) continue;
    if (n.tag != GUMBO_TAG_TD && n.tag != GUMBO_TAG_TH) continue;
    if (!IsOneLineCell(nodes, c)) return false;
    ++cells;
  }
  return cells >= 2;
}

// Whether the table `table` has one row (rows of tables nested in it
// aside): a box laid out as a table (an icon's cell beside a notice), where
// an empty cell is no column of data. Looks at its nodes up to its second
// row.
bool HasOneRow(const std::vector<DomNode>& nodes, int32_t table) {
  int rows = 0;
  for (int32_t i = table + 1; i < nodes[table].end; ++i) {
    const DomNode& n = nodes[i];
    if (n.flags & kDomText) continue;
    if (n.tag == GUMBO_TAG_TABLE || n.tag == GUMBO_TAG_TR) {
      if (n.tag == GUMBO_TAG_TR && ++rows > 1) return false;
      i = n.end - 1;
    }
  }
  return rows == 1;
}

class Renderer {
 public:
  Renderer(const DomIndex& dom, const std::vector<uint8_t>& drop, bool markdown)
      : nodes_(dom.nodes()), drop_(drop), b_(markdown) {}

  std::string Run(int32_t root) {
    if (root < 0 || root >= static_cast<int32_t>(nodes_.size())) return "";
    const int32_t end = nodes_[root].end;
    for (int32_t i = root; i < end; ++i) {
      while (!open_.empty() && nodes_[open_.back().index].end <= i) Close();
      if (i != root && !drop_.empty() && drop_[i]) {
        // A block left out still stood between the text before it and the
        // text after it, which were laid out on lines of their own (a date,
        // a left-out view counter, the story's first line, all three in
        // one <div>): a new line, not a paragraph's blank one, and none in
        // a table's cell, whose row stays one line.
        if (nodes_[i].text > 0 && BreakLevel(nodes_[i]) > 0 && one_line_cells_ == 0 &&
            !Nearest(GUMBO_TAG_TD) && !Nearest(GUMBO_TAG_TH)) {
          b_.Break(1);
        }
        i = nodes_[i].end - 1;
        continue;
      }
      const DomNode& n = nodes_[i];
      if (n.flags & kDomText) {
        // Text right after one inline box closed and another opened; not
        // inside a paragraph of prose, where a word may be split by markup
        // ("un<b>bel</b><i>ievable</i>").
        if (closed_box_ && opened_box_ && !(n.block >= 0 && IsProseParagraph(nodes_[n.block]))) {
          b_.SeparateBoxes();
        } else if (closed_box_ && !opened_box_) {
          b_.SeparateCase();
        }
        closed_box_ = opened_box_ = false;
        const std::string_view text = n.node->v.text.text;
        if (n.parent >= 0 && (nodes_[n.parent].flags & kDomTexMath)) {
          b_.Text(TrimSpace(text));  // "$x^2$", not "$ x^2 $"
        } else if (n.flags & kDomInPre) {
          b_.RawText(text);
        } else {
          b_.Text(text);
        }
        continue;
      }
      Enter(i);
    }
    while (!open_.empty()) Close();
    return b_.Finish();
  }

 private:
  Open* Nearest(GumboTag tag) {
    for (size_t k = open_.size(); k-- > 0;) {
      if (nodes_[open_[k].index].tag == tag) return &open_[k];
      if (nodes_[open_[k].index].tag == GUMBO_TAG_TABLE) break;
    }
    return nullptr;
  }

  int ListDepth() const {
    int d = 0;
    for (const Open& o : open_) {
      const GumboTag t = nodes_[o.index].tag;
      if (t == GUMBO_TAG_UL || t == GUMBO_TAG_OL) ++d;
    }
    return d;
  }

  // An inline element with two characters or more of text, as a box of its
  // own: not a letter set apart (a drop cap, a word animated letter by
  // letter), not a superscript, subscript or code.
  static bool IsInlineBox(const DomNode& n) {
    return !(n.flags & (kDomBlock | kDomInPre)) && n.text >= 2 && n.tag != GUMBO_TAG_SUP &&
           n.tag != GUMBO_TAG_SUB && n.tag != GUMBO_TAG_CODE;
  }

  void Enter(int32_t i) {
    const DomNode& n = nodes_[i];
    const GumboTag tag = n.tag;
    open_.push_back({i});
    if (IsInlineBox(n)) opened_box_ = true;
    if (IsInlineComponent(n)) b_.SeparateBoxes(/*component=*/true);
    if (tag == GUMBO_TAG_BR) {
      b_.LineBreak();
      return;
    }
    if (tag == GUMBO_TAG_TABLE) open_.back().lone = HasOneRow(nodes_, i);
    if (tag == GUMBO_TAG_TR) {
      open_.back().one_line = IsOneLineRow(nodes_, i);
      const Open* table = Nearest(GUMBO_TAG_TABLE);
      open_.back().lone = table && table->lone;
    }
    if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
      Open* row = Nearest(GUMBO_TAG_TR);
      // An empty cell of a table's only row (an icon's) is no column; in a
      // table of rows it is (a comparison table's corner).
      if (row && row->lone && n.text == 0) return;
      if (row && row->one_line) {
        open_.back().one_line = true;
        ++one_line_cells_;
      }
      if (row && row->cells++ > 0) {
        if (b_.AtLineStart() && !row->one_line) {
          // The previous cell ended in a block: a layout table; keep lines.
          // (In a row of one-line cells the line is empty only after empty
          // cells, a comparison table's corner: they are kept.)
        } else {
          b_.Text(" | ");
        }
      } else if (row && b_.markdown()) {
        b_.Markup("| ");
      }
      return;
    }
    if (n.flags & kDomTexMath) {
      b_.Text(TexDelimiter(n));
      return;
    }
    const int level = NestedBreakLevel(n);
    if (level && one_line_cells_ == 0) b_.Break(level);
    if (!b_.markdown()) return;
    if (n.flags & kDomHeading) {
      b_.SetPrefix(std::string(static_cast<size_t>(tag - GUMBO_TAG_H1 + 1), '#') + " ");
    } else if (tag == GUMBO_TAG_LI) {
      const bool ordered = n.parent >= 0 && nodes_[n.parent].tag == GUMBO_TAG_OL;
      b_.SetPrefix(std::string(2 * static_cast<size_t>(std::max(ListDepth() - 1, 0)), ' ') +
                   (ordered ? "1. " : "- "));
    } else if (tag == GUMBO_TAG_PRE) {
      b_.Markup("```\n");
    }
  }

  void Close() {
    const Open o = open_.back();
    open_.pop_back();
    const DomNode& n = nodes_[o.index];
    const GumboTag tag = n.tag;
    if (!(n.flags & kDomBlock) && n.text > 0) {
      closed_box_ = IsInlineBox(n);
      opened_box_ = false;
    }
    if (IsInlineComponent(n)) b_.SeparateBoxes(/*component=*/true);
    if (n.flags & kDomTexMath) {
      b_.Text(TexDelimiter(n));
      return;
    }
    if (b_.markdown()) {
      if (tag == GUMBO_TAG_PRE) {
        b_.Break(1);
        b_.Markup("```");
      } else if (tag == GUMBO_TAG_TR && o.cells > 0) {
        b_.Text(" |");
        Open* table = Nearest(GUMBO_TAG_TABLE);
        if (table && table->cells++ == 0) {
          // Pipe tables need a delimiter row after the first row.
          std::string sep = "|";
          for (int c = 0; c < o.cells; ++c) sep += " --- |";
          b_.Break(1);
          b_.Markup(sep);
        }
      }
    }
    if (o.one_line && (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH)) --one_line_cells_;
    const int level = NestedBreakLevel(n);
    if (level && one_line_cells_ == 0) b_.Break(level);
  }

  // A list inside a list item continues the outer list: one line break.
  // Inside a <pre>, a block is one line of the listing (a highlighter's
  // <div class="line">), not a paragraph: one line break at most.
  int NestedBreakLevel(const DomNode& n) const {
    if ((n.tag == GUMBO_TAG_UL || n.tag == GUMBO_TAG_OL) && n.parent >= 0 &&
        nodes_[n.parent].tag == GUMBO_TAG_LI) {
      return 1;
    }
    const int level = BreakLevel(n);
    if (level > 1 && n.parent >= 0 && (nodes_[n.parent].flags & kDomInPre)) return 1;
    return level;
  }

  const std::vector<DomNode>& nodes_;
  const std::vector<uint8_t>& drop_;
  TextBuilder b_;
  std::vector<Open> open_;
  // Since the last text: an inline box closed (with text in it), and then
  // one opened (TextBuilder::SeparateBoxes).
  bool closed_box_ = false;
  bool opened_box_ = false;
  // Open cells of one-line rows (IsOneLineRow): their blocks break no line.
  int one_line_cells_ = 0;
};

}  // namespace

std::string RenderText(const DomIndex& dom, int32_t root, const std::vector<uint8_t>& drop,
                       TextFormat format) {
  Renderer r(dom, drop, format == TextFormat::kMarkdown);
  return r.Run(root);
}

}  // namespace corpus
