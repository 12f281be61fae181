#include "corpus/extract/boilerplate.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/extract/markup_name_book.h"
#include "corpus/extract/markup_names.h"
#include "corpus/text/text_units.h"
#include "corpus/util/ascii.h"

namespace corpus {
namespace {

// Text outside links that an element hidden on phones only must hold to be
// content rather than a sidebar or an excerpt: a few paragraphs.
constexpr uint64_t kMinNarrowScreenText = 1000;

// Elements of a subtree looked at for paragraphs: the answer is in its first
// few, and the bound keeps nested hidden wrappers linear.
constexpr int32_t kMaxProseScan = 2000;

// Whether the subtree at `root` holds a paragraph or a heading.
bool HasProseBlocks(const std::vector<DomNode>& nodes, int32_t root) {
  const int32_t end = std::min(nodes[root].end, root + kMaxProseScan);
  for (int32_t k = root + 1; k < end; ++k) {
    if (nodes[k].tag == GUMBO_TAG_P || (nodes[k].flags & kDomHeading)) return true;
  }
  return false;
}

// <main>, role=main, or itemprop=articleBody: the element the page itself
// names as its main content.
bool IsMainElement(const DomNode& n) {
  if (n.tag == GUMBO_TAG_MAIN) return true;
  if ((n.flags & kDomText) || n.node->type != GUMBO_NODE_ELEMENT) return false;
  const GumboElement& el = n.node->v.element;
  const char* prop = ElementAttr(el, "itemprop");
  if (prop && EqualsIgnoreAsciiCase(prop, "articlebody")) return true;
  const char* role = ElementAttr(el, "role");
  return role && EqualsIgnoreAsciiCase(role, "main");
}

// Whether the element's class names the page's main column ([main_tokens]
// of configs/extract/names.txt).
bool IsNamedMainColumn(const DomNode& n) {
  if ((n.flags & kDomText) || n.node->type != GUMBO_NODE_ELEMENT) return false;
  return AttrNames(n.node->v.element, "class", NameList::kMainTokens, true);
}

// A fact box's paragraph: a sentence of at least this many bytes (non-space).
constexpr uint32_t kMinFactParagraph = 80;

// Whether the element at `i` is a box set in the running text: a titled
// list, table or paragraph (a <p> of a sentence or more) that links
// nowhere, with running text among its siblings before and after it (a
// fact box, "by the numbers", a timeline, an "Info:" note, set in an
// <aside> among an article's paragraphs). Sidebars, teaser boxes and author
// cards link somewhere or stand beside the text, not inside it; a pull
// quote or a quoted post is a quote, with no title.
bool IsBoxInTheText(const std::vector<DomNode>& nodes, int32_t i) {
  if (nodes[i].text == 0 || nodes[i].link > 0) return false;
  bool heading = false, body = false;
  for (int32_t k = i + 1; k < nodes[i].end; ++k) {
    if (nodes[k].flags & kDomText) continue;
    heading = heading || (nodes[k].tag >= GUMBO_TAG_H1 && nodes[k].tag <= GUMBO_TAG_H6);
    body = body || nodes[k].tag == GUMBO_TAG_UL || nodes[k].tag == GUMBO_TAG_OL ||
           nodes[k].tag == GUMBO_TAG_DL || nodes[k].tag == GUMBO_TAG_TABLE ||
           (nodes[k].tag == GUMBO_TAG_P && nodes[k].own_punct > 0 &&
            nodes[k].own_text >= kMinFactParagraph);
  }
  if (!heading || !body) return false;
  // Out of wrappers that hold the box alone.
  return SetInRunningText(nodes, OutermostWrapper(nodes, i, 0));
}

// A <header> of a section rather than of the page: a heading below the
// page's headline level (<h2> to <h6>) and perhaps a line under it, without
// a link (a page's header links its logo and its menu), of at most
// kMaxSectionHeaderText bytes. Content management systems wrap each
// content element's heading in one.
constexpr uint64_t kMaxSectionHeaderText = 400;

bool IsSectionHeader(const std::vector<DomNode>& nodes, int32_t i) {
  const DomNode& n = nodes[i];
  if (n.link > 0 || n.text == 0 || n.text > kMaxSectionHeaderText) return false;
  bool heading = false;
  for (int32_t k = i + 1; k < n.end; ++k) {
    if ((nodes[k].flags & kDomText) || !(nodes[k].flags & kDomHeading)) continue;
    if (nodes[k].tag == GUMBO_TAG_H1) return false;
    heading = true;
  }
  return heading;
}

// Whether the element at `i` is a heading's link to itself shown as a mark
// and no word ("¶", "#", "§", "🔗"): the permalink that documentation
// generators and blog themes set in every section heading. Its mark would
// end each heading's text.
bool IsHeadingSelfLink(const std::vector<DomNode>& nodes, int32_t i) {
  const DomNode& n = nodes[i];
  if (n.tag != GUMBO_TAG_A || n.text == 0 || n.text > 4 || n.block < 0 ||
      !(nodes[n.block].flags & kDomHeading)) {
    return false;
  }
  const char* href = ElementAttr(n.node->v.element, "href");
  if (!href || href[0] != '#') return false;
  for (int32_t k = i + 1; k < n.end; ++k) {
    if (!(nodes[k].flags & kDomText)) continue;
    const std::string_view t = nodes[k].node->v.text.text;
    for (size_t at = 0; at < t.size();) {
      const char32_t c = NextCodePoint(t, &at);
      if (IsLetter(c) || (c >= '0' && c <= '9')) return false;
    }
  }
  return true;
}

// Whether the element at `i`, after the page's first <h1> (`h1`, -1 for
// none), is a box whose class name or id is, whole, one of
// [boilerplate_tokens] ("sidebar", "footer", "col-md-4 sidebar") and is a
// child of one of the headline's ancestors: a column or box beside the
// headline's, not a wrapper of the text (a wrapper holds the headline).
// Such a box is boilerplate however much text it holds (a column of a
// business's customer reviews beside a product). Longer names
// ("sidebar-first-only", "content-sidebar-wrap") are often a layout's
// wrappers, named after the columns they hold, and keep the size veto.
bool IsNamedBoxBesideHeadline(const std::vector<DomNode>& nodes, int32_t i, int32_t h1) {
  if (h1 < 0 || h1 > i) return false;
  const GumboElement& el = nodes[i].node->v.element;
  if (!AttrNames(el, "class", NameList::kBoilerplateTokens, false) &&
      !AttrNames(el, "id", NameList::kBoilerplateTokens, false)) {
    return false;
  }
  for (int32_t a = nodes[h1].parent; a >= 0; a = nodes[a].parent) {
    if (a == nodes[i].parent) return true;
  }
  return false;
}

// Nodes of a form's subtree read for a control (AsksOfTheReader).
constexpr int kMaxFormScan = 4000;

// Whether the gumbo subtree of `form` has a control a reader uses (controls
// are not in DomIndex): a field to fill in or pick from (<textarea>,
// <select>, an <input> other than a hidden one) or a button. Reads at most
// kMaxFormScan nodes.
bool AsksOfTheReader(const GumboNode* form) {
  return AnyElementWithin(form, kMaxFormScan, [](const GumboElement& el) {
    if (el.tag == GUMBO_TAG_TEXTAREA || el.tag == GUMBO_TAG_SELECT || el.tag == GUMBO_TAG_BUTTON) {
      return true;
    }
    if (el.tag != GUMBO_TAG_INPUT) return false;
    const char* type = ElementAttr(el, "type");
    return !type || !EqualsIgnoreAsciiCase(type, "hidden");
  });
}

// Whether `node` is a carousel's slide that is out of view: aria-hidden
// "true" beside a sibling of its first class name that is aria-hidden
// "false", the slide in view (carousel scripts such as Slick mark every
// slide so). The slides are the carousel's text, shown one at a time; the
// copies a looping carousel makes of its first and last slides ("cloned",
// "clone", "duplicate" in their class) are not.
bool IsSlideOutOfView(const GumboNode* node) {
  const GumboElement& el = node->v.element;
  const char* aria = ElementAttr(el, "aria-hidden");
  const char* cls = ElementAttr(el, "class");
  if (!aria || std::string_view(aria) != "true" || !cls || !node->parent ||
      node->parent->type != GUMBO_NODE_ELEMENT) {
    return false;
  }
  const std::string lower = AsciiLowercase(cls);
  if (AnyNamePiece(lower, true, [](std::string_view t) {
        return t == "cloned" || t == "clone" || t == "duplicate";
      })) {
    return false;
  }
  std::string_view first;
  AnyNamePiece(lower, false, [&first](std::string_view c) {
    first = c;
    return true;
  });
  const GumboVector& kids = node->parent->v.element.children;
  for (unsigned k = 0; k < kids.length; ++k) {
    const auto* kid = static_cast<const GumboNode*>(kids.data[k]);
    if (kid == node || kid->type != GUMBO_NODE_ELEMENT) continue;
    const char* kid_aria = ElementAttr(kid->v.element, "aria-hidden");
    const char* kid_cls = ElementAttr(kid->v.element, "class");
    if (!kid_aria || std::string_view(kid_aria) != "false" || !kid_cls) continue;
    const std::string kid_lower = AsciiLowercase(kid_cls);
    if (AnyNamePiece(kid_lower, false, [first](std::string_view c) { return c == first; })) {
      return true;
    }
  }
  return false;
}

// Whether the element at `i` is the folded answer of a question: the only
// other child with text of its parent is a heading before it, and the
// parent has a sibling of its tag and class (the next question). A list of
// questions whose answers a script unfolds, in any language, whatever the
// names.
bool IsAnswerUnderItsQuestion(const std::vector<DomNode>& nodes, int32_t i) {
  const int32_t parent = nodes[i].parent;
  if (parent < 0 || nodes[parent].parent < 0) return false;
  int32_t heading = -1;
  for (int32_t c = parent + 1; c < nodes[parent].end; c = nodes[c].end) {
    if (c == i || nodes[c].text == 0) continue;
    if (heading >= 0 || c > i || !IsHeadingTag(nodes[c].tag)) return false;
    heading = c;
  }
  if (heading < 0) return false;
  const int32_t up = nodes[parent].parent;
  const std::string_view mine = ClassValue(nodes[parent].node->v.element);
  for (int32_t c = up + 1; c < nodes[up].end; c = nodes[c].end) {
    if (c == parent || nodes[c].tag != nodes[parent].tag || (nodes[c].flags & kDomText)) continue;
    if (ClassValue(nodes[c].node->v.element) == mine) return true;
  }
  return false;
}

}  // namespace

void MarkBoilerplate(DomIndex* dom, double veto_share) {
  std::vector<DomNode>& nodes = dom->mutable_nodes();
  if (nodes.empty()) return;
  const double page_text = static_cast<double>(nodes[0].text);
  const int32_t first_h1 = dom->first_h1();
  // Per subtree, in one pass from the leaves up: whether it holds a
  // paragraph of prose (kMinProseBlock outside links in one block; menus and
  // tables of contents are lists of short links), and the text of its
  // formulas shown as TeX (dom_index.h, kDomTexMath).
  std::vector<uint8_t> holds_prose(nodes.size(), 0);
  std::vector<uint64_t> tex_text(nodes.size(), 0);
  // And the text of its code listings (<pre>, <code>).
  std::vector<uint64_t> code_text(nodes.size(), 0);
  for (size_t i = nodes.size(); i-- > 1;) {
    const DomNode& n = nodes[i];
    if (IsProseBlock(n)) holds_prose[i] = 1;
    if (n.flags & kDomTexMath) tex_text[i] = n.text;
    if (!(n.flags & kDomText) && (n.tag == GUMBO_TAG_PRE || n.tag == GUMBO_TAG_CODE)) {
      code_text[i] = n.text;
    }
    if (n.parent < 0) continue;
    if (holds_prose[i]) holds_prose[n.parent] = 1;
    tex_text[n.parent] += tex_text[i];
    code_text[n.parent] += code_text[i];
  }
  // The elements that hold the page's <main> (or role=main, or the
  // microdata articleBody, or a main column by name that holds prose) are
  // its layout, whatever their names or tags say ("layout--with-sidebars",
  // "content-wrapper sidebar-left", an <aside> around the whole article).
  std::vector<uint8_t> holds_main(nodes.size(), 0);
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (!IsMainElement(nodes[i]) && !(holds_prose[i] && IsNamedMainColumn(nodes[i]))) continue;
    for (int32_t a = nodes[i].parent; a >= 0 && !holds_main[a]; a = nodes[a].parent) {
      holds_main[a] = 1;
    }
  }
  // The ids that a control names in its aria-controls: disclosure panels.
  std::vector<std::string_view> controlled_ids;
  for (const DomNode& n : nodes) {
    if (n.flags & kDomText) continue;
    const char* controls = ElementAttr(n.node->v.element, "aria-controls");
    if (!controls) continue;
    std::string_view v(controls);
    while (!v.empty()) {
      const size_t end = v.find(' ');
      if (end != 0) controlled_ids.push_back(v.substr(0, end));
      if (end == std::string_view::npos) break;
      v.remove_prefix(end + 1);
    }
  }
  std::sort(controlled_ids.begin(), controlled_ids.end());
  const auto is_controlled = [&controlled_ids](const GumboElement& el) {
    const char* id = controlled_ids.empty() ? nullptr : ElementAttr(el, "id");
    return id && std::binary_search(controlled_ids.begin(), controlled_ids.end(), std::string_view(id));
  };
  // Inside <pre> or <code>: a code listing.
  std::vector<uint8_t> in_code(nodes.size(), 0);
  // The element microdata names the article's body (itemprop articleBody)
  // or inside it.
  std::vector<uint8_t> body_or_in(nodes.size(), 0);
  for (size_t i = 0; i < nodes.size(); ++i) {
    DomNode& n = nodes[i];
    if (n.flags & kDomText) continue;
    in_code[i] = (n.flags & kDomInPre) || n.tag == GUMBO_TAG_CODE ||
                 (n.parent >= 0 && in_code[n.parent]);
    const char* prop = ElementAttr(n.node->v.element, "itemprop");
    body_or_in[i] = (n.parent >= 0 && body_or_in[n.parent]) ||
                    (prop && EqualsIgnoreAsciiCase(prop, "articlebody"));
    const bool in_body = n.parent >= 0 && body_or_in[n.parent];
    const bool in_main = n.parent >= 0 && (nodes[n.parent].flags & kDomMainHint);
    if (n.parent >= 0) n.flags |= nodes[n.parent].flags & kDomMainHint;
    if (i == 0) continue;  // never the body
    if (IsHeadingSelfLink(nodes, static_cast<int32_t>(i))) {
      n.flags |= kDomBoilerplate;
      continue;
    }
    const MarkupVerdict v = ClassifyMarkup(n.node->v.element, in_main, is_controlled(n.node->v.element));
    // A wrapper named like "sidebar-first-only" that holds much of the
    // page's prose is the content, whatever its name.
    const double text = static_cast<double>(n.text);
    const bool prose = text >= 0.25 * page_text && static_cast<double>(n.link) < 0.3 * text;
    bool large = page_text > 0 && (text >= veto_share * page_text || prose);
    // An <aside> after the page's headline is a sidebar however much it
    // holds (excerpts of recent posts, an author's bio): the size veto is
    // for wrappers, and a wrapper holds the headline. (One before it may be
    // a page's whole list of teasers, with the headline further down.)
    if (n.tag == GUMBO_TAG_ASIDE && first_h1 >= 0 && first_h1 < static_cast<int32_t>(i)) {
      large = false;
    }
    switch (v) {
      case MarkupVerdict::kMainHint:
        n.flags |= kDomMainHint;
        break;
      case MarkupVerdict::kBoilerplate:
        if (n.tag == GUMBO_TAG_ASIDE && IsBoxInTheText(nodes, static_cast<int32_t>(i))) break;
        // A wrapper whose text is a code listing's is the listing's,
        // named after the toolbar set on it (Prism's "code-toolbar" around
        // each <pre>, with its copy button).
        if (n.text > 0 && code_text[i] == n.text) break;
        // Inside the article's body, a part named for readers of one kind
        // ("subscriber-preview": the lede shown to all) that holds a
        // paragraph of prose is the article's.
        if (in_body && holds_prose[i] && 4 * n.link < n.text) break;
        if (n.tag == GUMBO_TAG_HEADER && IsSectionHeader(nodes, static_cast<int32_t>(i))) break;
        // A <form> that asks nothing of the reader (hidden fields only)
        // around a paragraph of prose is a wrapper of text: a forum's posts
        // inside the form that edits or moderates them.
        if (n.tag == GUMBO_TAG_FORM && holds_prose[i] && !AsksOfTheReader(n.node)) break;
        if (holds_main[i]) break;
        if (!large || IsNamedBoxBesideHeadline(nodes, static_cast<int32_t>(i), first_h1)) {
          n.flags |= kDomBoilerplate;
        }
        break;
      case MarkupVerdict::kAlwaysBoilerplate:
        n.flags |= kDomBoilerplate;
        break;
      case MarkupVerdict::kNavigationName:
        if (!large && !holds_main[i] && !holds_prose[i]) n.flags |= kDomBoilerplate;
        break;
      case MarkupVerdict::kNarrowScreenHidden:
        // Hidden on phones only: a desktop sidebar, or teaser excerpts
        // trimmed for small screens; but a long text of its own (a
        // category's description, its phone copy printed apart) is content.
        if (!holds_prose[i] || n.text < n.link + kMinNarrowScreenText || 5 * n.link > n.text) {
          n.flags |= kDomBoilerplate;
        }
        break;
      case MarkupVerdict::kHidden:
        // A formula's MathML hidden beside a picture of it (MediaWiki's
        // pages) is the only text of that formula.
        if (n.text > 0 && tex_text[i] == n.text) break;
        if (IsSlideOutOfView(n.node)) break;
        if (IsAnswerUnderItsQuestion(nodes, static_cast<int32_t>(i))) break;
        // Large hidden text is kept when it reads as the page's content (a
        // page that fades in by script): it has paragraphs or headings, or
        // it keeps its place on the page and holds half of its text, few
        // of it in links (an article whose paragraphs are <section>s of
        // short lines, shown when its script has run). Hidden data tables
        // and lists (a shop's custom fields) go.
        if (!large || !(HasProseBlocks(nodes, static_cast<int32_t>(i)) ||
                        ((holds_prose[i] || (prose && 2 * text >= page_text)) &&
                         KeepsItsPlace(n.node->v.element)))) {
          n.flags |= kDomBoilerplate;
        }
        break;
      case MarkupVerdict::kComments:
        // In a code block a "comment" is a comment of the code
        // (syntax highlighters' "hljs-comment", "token comment").
        if (!in_code[i]) n.flags |= kDomComments;
        break;
      case MarkupVerdict::kNeutral:
        break;
    }
  }
}

}  // namespace corpus
