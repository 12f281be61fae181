#include "corpus/extract/dom_index.h"

#include <limits>
#include <string_view>
#include <utility>
#include <vector>

#include "corpus/extract/markup_names.h"

namespace corpus {
namespace {

const GumboNode* FindChild(const GumboNode* parent, GumboTag tag) {
  if (!parent) return nullptr;
  if (parent->type != GUMBO_NODE_ELEMENT && parent->type != GUMBO_NODE_DOCUMENT) return nullptr;
  const GumboVector& kids = parent->type == GUMBO_NODE_DOCUMENT ? parent->v.document.children
                                                                  : parent->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    const auto* kid = static_cast<const GumboNode*>(kids.data[i]);
    if (kid->type == GUMBO_NODE_ELEMENT && kid->v.element.tag == tag) return kid;
  }
  return nullptr;
}

std::string ChildText(const GumboNode* el) {
  std::string out;
  const GumboVector& kids = el->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    const auto* kid = static_cast<const GumboNode*>(kids.data[i]);
    if (kid->type == GUMBO_NODE_TEXT || kid->type == GUMBO_NODE_WHITESPACE) out += kid->v.text.text;
  }
  return out;
}

// A formula's markup is read this far for its TeX source (a bound for pages
// that nest <math> elements).
constexpr int kMaxFormulaNodes = 10000;

// Whether a MathML element is an <annotation> (gumbo knows the tag only by
// its name in the source).
bool IsAnnotationTag(const GumboElement& el) {
  if (el.tag != GUMBO_TAG_UNKNOWN || el.tag_namespace != GUMBO_NAMESPACE_MATHML ||
      !el.original_tag.data) {
    return false;
  }
  GumboStringPiece name = el.original_tag;
  gumbo_tag_from_original_text(&name);
  return EqualsIgnoreAsciiCase(std::string_view(name.data, name.length), "annotation");
}

// The TeX source a MathML <math> element carries, if any: the text of an
// <annotation encoding="application/x-tex"> (MathML 3, section 5.1: KaTeX,
// MediaWiki and LaTeX converters write one beside the presentation markup).
const GumboNode* TexAnnotation(const GumboNode* math) {
  const GumboNode* tex = nullptr;
  AnyElementWithin(math, kMaxFormulaNodes, [&tex](const GumboElement& el) {
    if (!IsAnnotationTag(el)) return false;
    const char* encoding = ElementAttr(el, "encoding");
    if (!encoding || !(EqualsIgnoreAsciiCase(encoding, "application/x-tex") ||
                       EqualsIgnoreAsciiCase(encoding, "tex"))) {
      return false;
    }
    for (unsigned i = 0; i < el.children.length; ++i) {
      const auto* kid = static_cast<const GumboNode*>(el.children.data[i]);
      if (kid->type == GUMBO_NODE_TEXT && !tex) tex = kid;
    }
    return tex != nullptr;
  });
  return tex;
}

// Whether a MathML element holds another encoding of its formula (MathML
// 3, section 5.1), not text to show.
bool IsMathAnnotation(const GumboElement& el) {
  return el.tag == GUMBO_TAG_ANNOTATION_XML || IsAnnotationTag(el);
}

// Whether the character starting at `i` is a Thai or Lao one (U+0E00 to
// U+0EFF: E0 B8 80 to E0 BB BF in UTF-8).
bool IsThaiOrLaoLead(std::string_view text, size_t i) {
  if (static_cast<unsigned char>(text[i]) != 0xE0 || i + 1 >= text.size()) return false;
  const unsigned char s1 = static_cast<unsigned char>(text[i + 1]);
  return s1 >= 0xB8 && s1 <= 0xBB;
}

}  // namespace

void MeasureText(std::string_view text, uint32_t* chars, uint32_t* punct) {
  uint32_t c = 0, p = 0;
  // Thai and Lao end a sentence with a space, not a mark: a space between
  // two of their letters counts as punctuation.
  bool after_thai = false, space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if ((b & 0xC0) != 0x80 && b != ' ' && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
      const bool thai = IsThaiOrLaoLead(text, i);
      if (thai && after_thai && space) ++p;
      after_thai = thai;
      space = false;
    }
    switch (b) {
      case ' ': case '\t': case '\n': case '\r': case '\f':
        space = true;
        continue;
      case '.': case ',':
        // A decimal point or thousands separator ("$79.99", "1,200") is not
        // sentence punctuation: price and spec lines are not prose.
        if (i + 1 >= text.size() || text[i + 1] < '0' || text[i + 1] > '9') ++p;
        break;
      case ';': case '!': case '?':
        ++p;
        break;
      case 0xE3:  // 。、 (U+3002, U+3001)
        if (i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
            (static_cast<unsigned char>(text[i + 2]) == 0x82 ||
             static_cast<unsigned char>(text[i + 2]) == 0x81)) {
          ++p;
        }
        break;
      case 0xE0:  // । ॥ (U+0964, U+0965): Devanagari, Bengali and others' danda
        if (i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA5 &&
            (static_cast<unsigned char>(text[i + 2]) == 0xA4 ||
             static_cast<unsigned char>(text[i + 2]) == 0xA5)) {
          ++p;
        }
        break;
      case 0xE1:  // ။ ၊ (U+104B, U+104A): Burmese; ។ (U+17D4): Khmer
        if (i + 2 < text.size()) {
          const unsigned char s1 = static_cast<unsigned char>(text[i + 1]);
          const unsigned char s2 = static_cast<unsigned char>(text[i + 2]);
          if ((s1 == 0x81 && (s2 == 0x8A || s2 == 0x8B)) || (s1 == 0x9F && s2 == 0x94)) ++p;
        }
        break;
      case 0xD8:  // ، ؛ ؟ (U+060C, U+061B, U+061F): Arabic script
        if (i + 1 < text.size()) {
          const unsigned char s1 = static_cast<unsigned char>(text[i + 1]);
          if (s1 == 0x8C || s1 == 0x9B || s1 == 0x9F) ++p;
        }
        break;
      case 0xDB:  // ۔ (U+06D4): Urdu's full stop
        if (i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x94) ++p;
        break;
      case 0xEF:  // ，！？ (U+FF0C, U+FF01, U+FF1F)
        if (i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBC) {
          const unsigned char t = static_cast<unsigned char>(text[i + 2]);
          if (t == 0x8C || t == 0x81 || t == 0x9F) ++p;
        }
        break;
      default:
        break;
    }
    ++c;
  }
  *chars = c;
  *punct = p;
}

bool DomIndex::IsBlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR: case GUMBO_TAG_LI: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU: case GUMBO_TAG_NAV: case GUMBO_TAG_OL: case GUMBO_TAG_P:
    case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_CAPTION: case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR: case GUMBO_TAG_TD:
    case GUMBO_TAG_TH: case GUMBO_TAG_UL: case GUMBO_TAG_LEGEND: case GUMBO_TAG_LISTING:
    case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_XMP:
    case GUMBO_TAG_UNKNOWN:  // custom elements are mostly layout containers
      return true;
    default:
      return false;
  }
}

namespace {

// The table element that a <div>, <span> or custom element stands for by
// its ARIA role (WAI-ARIA 1.2, 5.3.3 "Document Structure Roles": table,
// rowgroup, row, cell, columnheader, rowheader; and a grid's gridcell,
// 5.3.2), read as one: a table a script framework draws in divs (GitBook,
// React data grids) is a table.
// A row counts inside a table or a row group, a cell inside a row, as
// the roles require; `tag` otherwise.
GumboTag TableRoleTag(const GumboElement& el, GumboTag parent, GumboTag tag) {
  const char* role = ElementAttr(el, "role");
  if (!role) return tag;
  const std::string_view r(role);
  const bool in_table = parent == GUMBO_TAG_TABLE || parent == GUMBO_TAG_TBODY ||
                        parent == GUMBO_TAG_THEAD;
  if (r == "table") return GUMBO_TAG_TABLE;
  if (r == "rowgroup" && parent == GUMBO_TAG_TABLE) return GUMBO_TAG_TBODY;
  if (r == "row" && in_table) return GUMBO_TAG_TR;
  if ((r == "cell" || r == "gridcell") && parent == GUMBO_TAG_TR) return GUMBO_TAG_TD;
  if ((r == "columnheader" || r == "rowheader") && parent == GUMBO_TAG_TR) return GUMBO_TAG_TH;
  return tag;
}

// Whether <a> element `a`, which has no href, is a placeholder link (HTML
// Standard 4.5.1, "the a element": one with no href "represents a
// placeholder for where a link might otherwise have been placed"): a
// control that a script makes clickable, as a tab, a tile's title or a
// button ("Відгуки 38", "Δες το στο κατάστημα"). It is read as a link, but
// not when it names a place in the page (name or id: a target), nor when it
// holds more text than a control's label (kMaxPlaceholderLinkBytes): editors
// leave empty-looking <a> around whole list items and paragraphs.
constexpr size_t kMaxPlaceholderLinkBytes = 100;

bool IsPlaceholderLink(const GumboNode* a) {
  if (ElementAttr(a->v.element, "name") || ElementAttr(a->v.element, "id")) return false;
  size_t bytes = 0;
  const bool short_text =
      ForEachTextWithin(a, std::numeric_limits<int>::max(), [&bytes](std::string_view t) {
        bytes += t.size();
        return bytes <= kMaxPlaceholderLinkBytes;
      });
  return short_text && bytes > 0;
}

}  // namespace

bool DomIndex::IsHiddenTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_MAP: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION: case GUMBO_TAG_OPTGROUP: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_IMG: case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK: case GUMBO_TAG_LINK: case GUMBO_TAG_META:
    case GUMBO_TAG_BASE: case GUMBO_TAG_TITLE: case GUMBO_TAG_MENUITEM:
    case GUMBO_TAG_RP: case GUMBO_TAG_RT: case GUMBO_TAG_PARAM: case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_PROGRESS: case GUMBO_TAG_METER: case GUMBO_TAG_OUTPUT:
      return true;
    default:
      return false;
  }
}

void DomIndex::ReadHead(const GumboNode* head) {
  if (!head) return;
  const GumboVector& kids = head->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    const auto* kid = static_cast<const GumboNode*>(kids.data[i]);
    if (kid->type != GUMBO_NODE_ELEMENT) continue;
    if (kid->v.element.tag == GUMBO_TAG_TITLE && html_title_.empty()) {
      html_title_ = ChildText(kid);
    } else if (kid->v.element.tag == GUMBO_TAG_META) {
      const char* prop = ElementAttr(kid->v.element, "property");
      const char* content = ElementAttr(kid->v.element, "content");
      if (!content) continue;
      // The language a page declares in its head: <meta http-equiv=
      // "content-language"> (HTML 4.01, section 7.4.4) or og:locale.
      const char* equiv = ElementAttr(kid->v.element, "http-equiv");
      if (equiv && EqualsIgnoreAsciiCase(equiv, "content-language") && meta_language_.empty()) {
        meta_language_ = content;
      }
      if (prop && std::string_view(prop) == "og:locale" && meta_language_.empty()) {
        meta_language_ = content;
      }
      if (!prop) continue;
      if (std::string_view(prop) == "og:title" && og_title_.empty()) og_title_ = content;
      if (std::string_view(prop) == "og:type" && og_type_.empty()) og_type_ = content;
    }
  }
}

void DomIndex::Build(const GumboNode* root) {
  nodes_.clear();
  first_h1_ = -1;
  buttons_.clear();
  players_.clear();
  html_title_.clear();
  og_title_.clear();
  og_type_.clear();
  declared_language_.clear();
  meta_language_.clear();
  const GumboNode* html = FindChild(root, GUMBO_TAG_HTML);
  if (html) {
    // <html lang> (HTML Living Standard 3.2.6.2), or xml:lang in XHTML.
    const char* lang = ElementAttr(html->v.element, "lang");
    if (!lang || !*lang) lang = ElementAttr(html->v.element, "xml:lang");
    if (lang) declared_language_ = lang;
  }
  ReadHead(FindChild(html, GUMBO_TAG_HEAD));
  const GumboNode* body = FindChild(html, GUMBO_TAG_BODY);
  if (!body) return;

  // Pre-order walk with an explicit stack of (node, parent index).
  struct Pending {
    const GumboNode* node;
    int32_t parent;
  };
  std::vector<Pending> stack;
  stack.push_back({body, -1});
  while (!stack.empty()) {
    const Pending p = stack.back();
    stack.pop_back();
    const GumboNode* g = p.node;
    DomNode n;
    n.node = g;
    n.parent = p.parent;
    if (p.parent >= 0) {
      const DomNode& par = nodes_[p.parent];
      n.depth = par.depth + 1;
      n.block = par.block;
      n.anchor = par.anchor;
      n.flags = par.flags & (kDomInLink | kDomInPre);
    }
    if (g->type == GUMBO_NODE_ELEMENT) {
      GumboTag tag = g->v.element.tag;
      // A button is a control, not text, but for the one in a heading: an
      // accordion's header, a heading holding the button that opens its
      // panel (WAI-ARIA Authoring Practices, "Accordion Pattern"; Bootstrap
      // and government design systems), whose label is the section's title,
      // an FAQ's question.
      const bool heading_button = tag == GUMBO_TAG_BUTTON && p.parent >= 0 &&
                                  nodes_[p.parent].tag >= GUMBO_TAG_H1 &&
                                  nodes_[p.parent].tag <= GUMBO_TAG_H6;
      if (IsHiddenTag(tag) && !heading_button) {
        if (tag == GUMBO_TAG_BUTTON && p.parent >= 0) buttons_.push_back({p.parent, g});
        if (tag == GUMBO_TAG_AUDIO && p.parent >= 0) {
          players_.push_back(p.parent);
        }
        continue;
      }
      const GumboNode* tex = nullptr;
      if (g->v.element.tag_namespace == GUMBO_NAMESPACE_MATHML) {
        // A formula reads inline, as one run of text: its parts are not
        // blocks, whatever gumbo calls them. With its TeX source, it is
        // shown as that (dom_text.cc writes it between $ signs); without,
        // as the text of its presentation markup.
        if (IsMathAnnotation(g->v.element)) continue;
        if (tag == GUMBO_TAG_MATH) {
          tex = TexAnnotation(g);
          if (tex) n.flags |= kDomTexMath;
        } else {
          tag = GUMBO_TAG_SPAN;
        }
      }
      if (tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_SPAN || tag == GUMBO_TAG_UNKNOWN) {
        tag = TableRoleTag(g->v.element, p.parent >= 0 ? nodes_[p.parent].tag : GUMBO_TAG_BODY,
                           tag);
      }
      n.tag = tag;
      // A custom element is a block (a layout container) but inside a
      // paragraph, a heading or an inline element, where it sits in the
      // line as an inline one does (a quote chip: "The yield <bg-quote>
      // 4.61%</bg-quote> rose"): custom elements display inline unless
      // styled otherwise.
      const bool inline_custom =
          tag == GUMBO_TAG_UNKNOWN && p.parent >= 0 &&
          (!(nodes_[p.parent].flags & kDomBlock) || nodes_[p.parent].tag == GUMBO_TAG_P ||
           (nodes_[p.parent].flags & kDomHeading));
      if (IsBlockTag(tag) && !inline_custom) {
        n.flags |= kDomBlock;
        n.block = static_cast<int32_t>(nodes_.size());
      }
      if (tag == GUMBO_TAG_A && !(n.flags & kDomInLink)) {
        // (An <a> is inline: its block is an ancestor's, already indexed.)
        const bool in_heading = n.block >= 0 && (nodes_[n.block].flags & kDomHeading);
        if (ElementAttr(g->v.element, "href") || (!in_heading && IsPlaceholderLink(g))) {
          n.flags |= kDomInLink;
          n.anchor = static_cast<int32_t>(nodes_.size());
        }
      }
      if (tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING || tag == GUMBO_TAG_PLAINTEXT ||
          tag == GUMBO_TAG_XMP) {
        n.flags |= kDomInPre;
      }
      if (tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6) n.flags |= kDomHeading;
      if (tag == GUMBO_TAG_H1 && first_h1_ < 0) first_h1_ = static_cast<int32_t>(nodes_.size());
      const int32_t self = static_cast<int32_t>(nodes_.size());
      nodes_.push_back(n);
      if (tex) {
        stack.push_back({tex, self});
        continue;
      }
      const GumboVector& kids = g->v.element.children;
      for (unsigned i = kids.length; i-- > 0;) {
        stack.push_back({static_cast<const GumboNode*>(kids.data[i]), self});
      }
    } else if (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_CDATA ||
               (g->type == GUMBO_NODE_WHITESPACE && (n.flags & kDomInPre))) {
      n.flags |= kDomText;
      uint32_t chars = 0, punct = 0;
      MeasureText(g->v.text.text, &chars, &punct);
      n.text = chars;
      n.punct = punct;
      nodes_.push_back(n);
    } else if (g->type == GUMBO_NODE_WHITESPACE) {
      // Whitespace between tags still separates words ("a</span> <span>b").
      n.flags |= kDomText;
      nodes_.push_back(n);
    }
  }

  // Subtree ends and text sizes, children before parents (reverse pre-order).
  for (size_t i = nodes_.size(); i-- > 0;) {
    DomNode& n = nodes_[i];
    if (n.end == 0) n.end = static_cast<int32_t>(i + 1);
    if (n.parent >= 0) {
      DomNode& par = nodes_[n.parent];
      par.end = std::max(par.end, n.end);
      par.text += n.text;
      par.punct += n.punct;
    }
  }
  // Now that every link's length is known, sort text into blocks and links.
  for (DomNode& n : nodes_) {
    if (!(n.flags & kDomText) || n.text == 0) continue;
    const bool in_link = n.anchor >= 0;
    const bool nav = in_link && nodes_[n.anchor].text < kShortLinkBytes;
    n.link = in_link ? n.text : 0;
    n.navlink = nav ? n.text : 0;
    if (n.block >= 0) {
      DomNode& b = nodes_[n.block];
      b.own_text += static_cast<uint32_t>(n.text);
      b.own_punct += static_cast<uint32_t>(n.punct);
      b.own_link += static_cast<uint32_t>(n.link);
      b.own_navlink += static_cast<uint32_t>(n.navlink);
    }
  }
  for (size_t i = nodes_.size(); i-- > 0;) {
    const DomNode& n = nodes_[i];
    if (n.parent >= 0) {
      nodes_[n.parent].link += n.link;
      nodes_[n.parent].navlink += n.navlink;
    }
  }
}

}  // namespace corpus
