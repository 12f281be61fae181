#include "corpus/extract/boilerplate.h"

#include <algorithm>
#include <array>
#include <optional>
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

constexpr std::string_view kBoilerplateRoles[] = {
    "navigation", "banner", "contentinfo", "complementary", "search", "menu",
    "menubar", "toolbar", "tablist",
};

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c & 0x80);
}

// Whether a class list that hides an element ("d-none", "hidden") shows it
// again from some screen width up: Bootstrap's "d-md-block" (display
// utilities, getbootstrap.com/docs/5.3/utilities/display) or Tailwind's
// "md:block" (responsive variants). Desktop readers see that element.
bool ShownFromBreakpoint(std::string_view classes) {
  return AnyNamePiece(classes, false, [](std::string_view name) {
    std::string_view display;
    if (name.size() > 2 && name.substr(0, 2) == "d-") {
      const size_t dash = name.find('-', 2);  // "d-md-block": a breakpoint, a value
      if (dash == std::string_view::npos) return false;
      display = name.substr(dash + 1);
    } else if (const size_t colon = name.rfind(':'); colon != std::string_view::npos) {
      display = name.substr(colon + 1);  // "md:block", "lg:inline-flex"
    } else {
      return false;
    }
    for (std::string_view shown : {"block", "flex", "inline", "inline-block", "inline-flex",
                                   "grid", "table", "contents"}) {
      if (display == shown) return true;
    }
    return false;
  });
}

using Book = MarkupNameBook;

// The name lists matched anywhere inside a class or id value.
constexpr uint32_t kStemLists = Book::Bit(NameList::kPanelStems) | Book::Bit(NameList::kConsentStems) |
                                Book::Bit(NameList::kCommentFormStems) | Book::Bit(NameList::kCommentStems) |
                                Book::Bit(NameList::kBoilerplateStems) | Book::Bit(NameList::kNavigationStems);

// A class or id value (or a custom element's name), ASCII-lower-cased once,
// with the stem lists found inside it (kStemLists) scanned once: both the
// disclosure-panel test and the name verdict read them.
struct NameValue {
  std::string_view lower;
  uint32_t inside = 0;
};

// Blanks, in a lower-cased class list, the names of a post's tags and
// categories: site software that names a post's wrapper after its type and
// state ("type-post", "status-publish", "hentry"; an archive page's body
// "archive") also names it after each of its topics ("tag-cookies",
// "category-rgpd", a product's "product_cat-advertising-gifts"). Those
// slugs are words an author chose, not the name of a part of the page: a
// recipe tagged "cookies" is not a cookie banner.
void BlankTopicNames(std::string* lower) {
  bool post_list = false;
  AnyNamePiece(*lower, false, [&post_list](std::string_view name) {
    post_list = post_list || name == "hentry" || name == "archive" || name.substr(0, 5) == "type-" ||
                name.substr(0, 7) == "status-";
    return post_list;
  });
  if (!post_list) return;
  std::string& v = *lower;
  for (size_t i = 0; i < v.size();) {
    while (i < v.size() && IsAsciiWhitespace(v[i])) ++i;
    size_t j = i;
    while (j < v.size() && !IsAsciiWhitespace(v[j])) ++j;
    const std::string_view name(v.data() + i, j - i);
    if (name.substr(0, 4) == "tag-" || name.substr(0, 9) == "category-" ||
        name.substr(0, 12) == "product_cat-" || name.substr(0, 12) == "product_tag-") {
      std::fill(v.begin() + static_cast<std::ptrdiff_t>(i), v.begin() + static_cast<std::ptrdiff_t>(j), ' ');
    }
    i = j;
  }
}

// Blanks the tokens of a lower-cased value that are words of a page's
// language holding a chrome stem ([word_tokens]: "caja-advertencia").
void BlankWordTokens(std::string* lower) {
  std::string& v = *lower;
  const Book& names = Book::Default();
  for (size_t k = 0; k < v.size();) {
    while (k < v.size() && !IsAlnum(v[k])) ++k;
    size_t e = k;
    while (e < v.size() && IsAlnum(v[e])) ++e;
    if (e > k && names.Has(NameList::kWordTokens, std::string_view(v.data() + k, e - k))) {
      std::fill(v.begin() + static_cast<std::ptrdiff_t>(k), v.begin() + static_cast<std::ptrdiff_t>(e), ' ');
    }
    k = e;
  }
}

// Blanks the modifier of each class name written block--modifier
// ("article-body--kommentar"): it names a variant of the block (an opinion
// piece's body), not a part of the page.
void BlankModifiers(std::string* lower) {
  std::string& v = *lower;
  for (size_t at = v.find("--"); at != std::string::npos; at = v.find("--", at)) {
    size_t start = at;
    while (start > 0 && !IsAsciiWhitespace(v[start - 1])) --start;
    size_t end = at;
    while (end < v.size() && !IsAsciiWhitespace(v[end])) ++end;
    if (start == at) {  // a name that starts with "--" has no block
      at = end;
      continue;
    }
    std::fill(v.begin() + static_cast<std::ptrdiff_t>(at), v.begin() + static_cast<std::ptrdiff_t>(end), ' ');
    at = end;
  }
}

// `raw` lower-cased into *buffer (reused, so no allocation per element),
// with its topic names and word tokens blanked (BlankTopicNames,
// BlankWordTokens). A comment stem found only in modifiers (BlankModifiers)
// names no comment section.
NameValue ReadNames(std::string_view raw, std::string* buffer) {
  buffer->assign(raw);
  AsciiLowercaseInPlace(buffer);
  if (buffer->find("tag-") != std::string::npos || buffer->find("category-") != std::string::npos ||
      buffer->find("product_") != std::string::npos) {
    BlankTopicNames(buffer);
  }
  BlankWordTokens(buffer);
  uint32_t inside = Book::Default().ListsInside(*buffer, kStemLists);
  if ((inside & Book::Bit(NameList::kCommentStems)) && buffer->find("--") != std::string::npos) {
    std::string blanked = *buffer;
    BlankModifiers(&blanked);
    if (!(Book::Default().ListsInside(blanked, kStemLists) & Book::Bit(NameList::kCommentStems))) {
      inside &= ~Book::Bit(NameList::kCommentStems);
    }
  }
  return {*buffer, inside};
}

// Boilerplate or comments as named by one class or id attribute value.
// `panel`: the element is a disclosure panel (see IsDisclosurePanel), whose
// hidden state and "dropdown" naming say nothing against its text.
MarkupVerdict ClassifyNames(const NameValue& value, bool is_class, bool panel) {
  const std::string_view v = value.lower;
  if (v.empty()) return MarkupVerdict::kNeutral;
  const Book& names = Book::Default();
  const uint32_t inside = value.inside;
  if ((inside & (Book::Bit(NameList::kConsentStems) | Book::Bit(NameList::kCommentFormStems))) != 0 ||
      names.Has(NameList::kCommentFormValues, v)) {
    return MarkupVerdict::kAlwaysBoilerplate;
  }
  if (inside & Book::Bit(NameList::kCommentStems)) return MarkupVerdict::kComments;
  if (inside & Book::Bit(NameList::kBoilerplateStems)) return MarkupVerdict::kBoilerplate;
  bool narrow_hidden = false;
  bool navigation = (inside & Book::Bit(NameList::kNavigationStems)) != 0;
  // Whitespace-separated class names, then alphanumeric tokens.
  size_t i = 0;
  while (i < v.size()) {
    while (i < v.size() && (v[i] == ' ' || v[i] == '\t' || v[i] == '\n')) ++i;
    size_t j = i;
    while (j < v.size() && v[j] != ' ' && v[j] != '\t' && v[j] != '\n') ++j;
    const std::string_view name(v.data() + i, j - i);
    // Hidden by a class name: one of [hidden_classes] whole, or a
    // screen-reader utility after a design system's prefix ("usa-sr-only").
    if (is_class && !panel &&
        (names.Has(NameList::kHiddenClasses, name) ||
         names.EndsAfterSeparator(NameList::kHiddenClassSuffixes, name))) {
      if (!ShownFromBreakpoint(v)) return MarkupVerdict::kHidden;
      narrow_hidden = true;
    }
    size_t k = 0;
    while (k < name.size()) {
      while (k < name.size() && !IsAlnum(name[k])) ++k;
      size_t e = k;
      while (e < name.size() && IsAlnum(name[e])) ++e;
      const std::string_view token = name.substr(k, e - k);
      const uint32_t lists = e > k ? names.ListsNaming(token) : 0;
      // "hide-read-more-ad", "no-sidebar": what follows is not there.
      if (lists & Book::Bit(NameList::kNegationTokens)) break;
      // A disclosure panel's "dropdown" names its behaviour, not a menu.
      if ((lists & Book::Bit(NameList::kBoilerplateTokens)) != 0 && !(panel && token == "dropdown")) {
        return MarkupVerdict::kBoilerplate;
      }
      if (names.AtEitherEnd(NameList::kBoilerplateEdgeStems, token)) {
        return MarkupVerdict::kBoilerplate;
      }
      if (lists & Book::Bit(NameList::kCommentTokens)) return MarkupVerdict::kComments;
      if (lists & Book::Bit(NameList::kNavigationTokens)) navigation = true;
      k = e;
    }
    i = j;
  }
  if (navigation) return MarkupVerdict::kNavigationName;
  return narrow_hidden ? MarkupVerdict::kNarrowScreenHidden : MarkupVerdict::kNeutral;
}

// The class (or id) values an element can have, remembered with what they
// name: a page repeats a few hundred values over thousands of elements, and
// sites repeat them from page to page. Direct-mapped by a hash of the raw
// value; a newer value takes an older one's slot. Per thread.
class NameCache {
 public:
  struct Entry {
    std::string raw;      // the attribute's value as written
    std::string lower;    // ASCII-lower-cased
    uint32_t inside = 0;  // kStemLists found inside `lower`
    // ClassifyNames for panel = false / true, computed when first asked.
    std::array<std::optional<MarkupVerdict>, 2> verdict;
  };

  // The entry of `raw`, filled in (but for its verdicts) if it was not there.
  Entry& Find(std::string_view raw) {
    Entry& e = slots_[HashBytes(raw) & (kSlots - 1)];
    if (e.raw != raw || e.inside == kUnset) {
      e.raw.assign(raw);
      const NameValue v = ReadNames(raw, &e.lower);
      e.inside = v.inside;
      e.verdict = {};
    }
    return e;
  }

 private:
  static constexpr size_t kSlots = 512;
  static constexpr uint32_t kUnset = ~uint32_t{0};  // no entry yet (ListsInside never sets every bit)
  std::vector<Entry> slots_ = std::vector<Entry>(kSlots, Entry{{}, {}, kUnset, {}});
};

// The verdict of a cached value, computed once per panel state.
MarkupVerdict CachedVerdict(NameCache::Entry& e, bool is_class, bool panel) {
  std::optional<MarkupVerdict>& v = e.verdict[panel ? 1 : 0];
  if (!v) v = ClassifyNames(NameValue{e.lower, e.inside}, is_class, panel);
  return *v;
}

// Tab panels and accordion panels: their text is hidden until a click, but
// it is the page's content (service pages put their offer in tabs, FAQs in
// accordions, documentation its per-platform steps), and the reference text
// of WCXB, like readers who click, includes it. The ARIA roles say so
// (tabpanel; region is what accordion panels are told to use, WAI-ARIA
// Authoring Practices "Accordion Pattern"), and so do common class names.
// `class_inside`, `id_inside`: the stem lists inside its class and id values.
bool IsDisclosurePanel(const GumboElement& el, uint32_t class_inside, uint32_t id_inside) {
  if (const char* role = ElementAttr(el, "role")) {
    if (EqualsIgnoreAsciiCase(role, "tabpanel") || EqualsIgnoreAsciiCase(role, "region")) return true;
  }
  return ((class_inside | id_inside) & Book::Bit(NameList::kPanelStems)) != 0;
}

// A style attribute's declarations lower-cased, spaces left out, in a
// buffer of the thread's: "Display: None" gives "display:none".
const std::string& CompactStyle(std::string_view style) {
  thread_local std::string compact;
  compact.clear();
  for (char c : style) {
    if (c != ' ') compact += AsciiLower(c);
  }
  return compact;
}

bool StyleHides(std::string_view style) {
  const std::string& compact = CompactStyle(style);
  return compact.find("display:none") != std::string::npos ||
         compact.find("visibility:hidden") != std::string::npos;
}

// Whether the element is hidden by "visibility:hidden" alone: it keeps its
// place in the layout, as a body a script shows once the page is ready
// does, where "display:none" and `hidden` take it out.
bool KeepsItsPlace(const GumboElement& el) {
  const char* style = ElementAttr(el, "style");
  if (!style || ElementAttr(el, "hidden")) return false;
  const std::string& compact = CompactStyle(style);
  return compact.find("visibility:hidden") != std::string::npos &&
         compact.find("display:none") == std::string::npos;
}

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

// Whether the value of `el`'s attribute `attr` (a class list or an id)
// holds one of list `l`'s names: a whole class name or, with
// `split_tokens`, one of its alphanumeric tokens (ListsNamingPieces).
bool AttrNames(const GumboElement& el, const char* attr, NameList l, bool split_tokens) {
  const char* value = ElementAttr(el, attr);
  return value && *value &&
         (Book::Default().ListsNamingPieces(AsciiLowercase(value), split_tokens) & Book::Bit(l));
}

// Whether the element's class names the page's main column ([main_tokens]
// of configs/extract/names.txt).
bool IsNamedMainColumn(const DomNode& n) {
  if ((n.flags & kDomText) || n.node->type != GUMBO_NODE_ELEMENT) return false;
  return AttrNames(n.node->v.element, "class", NameList::kMainTokens, true);
}

// Whether `el` is a link to a place on its own page named as a jump past a
// part of the page ([jump_link_tokens] of configs/extract/names.txt): a
// keyboard user's shortcut, shown only when focused.
bool IsJumpLink(const GumboElement& el) {
  if (el.tag != GUMBO_TAG_A) return false;
  const char* href = ElementAttr(el, "href");
  if (!href || href[0] != '#') return false;
  return AttrNames(el, "class", NameList::kJumpLinkTokens, true) ||
         AttrNames(el, "id", NameList::kJumpLinkTokens, true);
}

// Whether the element at `i` is a box set in the running text: a titled
// list or table that links nowhere, with running text among its siblings
// before and after it (a fact box, "by the numbers", a timeline, set in an
// <aside> among an article's paragraphs). Sidebars, teaser boxes and author
// cards link somewhere or stand beside the text, not inside it; a pull
// quote or a quoted post is a quote, not a titled list.
bool IsBoxInTheText(const std::vector<DomNode>& nodes, int32_t i) {
  if (nodes[i].text == 0 || nodes[i].link > 0) return false;
  bool heading = false, list = false;
  for (int32_t k = i + 1; k < nodes[i].end; ++k) {
    if (nodes[k].flags & kDomText) continue;
    heading = heading || (nodes[k].tag >= GUMBO_TAG_H1 && nodes[k].tag <= GUMBO_TAG_H6);
    list = list || nodes[k].tag == GUMBO_TAG_UL || nodes[k].tag == GUMBO_TAG_OL ||
           nodes[k].tag == GUMBO_TAG_DL || nodes[k].tag == GUMBO_TAG_TABLE;
  }
  if (!heading || !list) return false;
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

// Whether a child of `el` is a tab panel (WAI-ARIA role "tabpanel").
bool HoldsTabPanel(const GumboElement& el) {
  for (unsigned i = 0; i < el.children.length; ++i) {
    const auto* kid = static_cast<const GumboNode*>(el.children.data[i]);
    if (kid->type != GUMBO_NODE_ELEMENT) continue;
    const char* role = ElementAttr(kid->v.element, "role");
    if (role && EqualsIgnoreAsciiCase(role, "tabpanel")) return true;
  }
  return false;
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

MarkupVerdict ClassifyMarkup(const GumboElement& el, bool in_main, bool controlled) {
  switch (el.tag) {
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_ARTICLE:
      return MarkupVerdict::kMainHint;
    case GUMBO_TAG_NAV:
      return MarkupVerdict::kAlwaysBoilerplate;
    case GUMBO_TAG_FOOTER:
      // The page's footer, however much text it holds: shops put policy
      // text, testimonials and store finders there, often more than the
      // product has. (A <footer> inside an <article> is the article's.)
      if (!in_main) return MarkupVerdict::kAlwaysBoilerplate;
      return MarkupVerdict::kBoilerplate;
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_FORM:
      return MarkupVerdict::kBoilerplate;
    case GUMBO_TAG_HEADER:
      if (!in_main) return MarkupVerdict::kBoilerplate;
      break;
    default:
      break;
  }
  if (IsJumpLink(el)) return MarkupVerdict::kAlwaysBoilerplate;
  // A popover (HTML "popover" attribute) stays hidden until some control
  // opens it over the page: app prompts, menus, tooltips.
  if (ElementAttr(el, "popover")) return MarkupVerdict::kBoilerplate;
  // Class and id values apart, so that one never takes the other's slot.
  thread_local NameCache class_cache, id_cache;
  const char* cls = ElementAttr(el, "class");
  const char* id = NameId(el);
  NameCache::Entry* class_names = cls ? &class_cache.Find(cls) : nullptr;
  NameCache::Entry* id_names = id ? &id_cache.Find(id) : nullptr;
  const bool panel =
      controlled || IsDisclosurePanel(el, class_names ? class_names->inside : 0, id_names ? id_names->inside : 0);
  // A modal dialog (a privacy policy, a size guide, a sign-in box) is on top
  // of the page, never the page itself, even when it holds most of its text,
  // and whether or not it is hidden until opened.
  if (const char* modal = ElementAttr(el, "aria-modal"); modal && AsciiLowercase(modal) == "true") {
    return MarkupVerdict::kAlwaysBoilerplate;
  }
  const char* role = ElementAttr(el, "role");
  const std::string r = role ? AsciiLowercase(role) : std::string();
  if (r == "dialog" || r == "alertdialog") return MarkupVerdict::kAlwaysBoilerplate;
  if (!panel) {
    if (ElementAttr(el, "hidden")) return MarkupVerdict::kHidden;
    // aria-hidden on a link only spares screen readers a second link to the
    // same place (a teaser under its headline); sighted readers see its text.
    // On other elements it marks collapsed panels and carousel clones.
    if (const char* aria = ElementAttr(el, "aria-hidden");
        aria && std::string_view(aria) == "true" && el.tag != GUMBO_TAG_A) {
      return MarkupVerdict::kHidden;
    }
    if (const char* style = ElementAttr(el, "style"); style && StyleHides(style)) {
      return MarkupVerdict::kHidden;
    }
  }
  if (role) {
    if (r == "main" || r == "article") return MarkupVerdict::kMainHint;
    // A "tablist" that is itself a panel container, or that holds the
    // panels beside their tabs (Elementor's tabs and toggles), holds the
    // panels' text, not only the tabs.
    if (InList(kBoilerplateRoles, r) && !(r == "tablist" && (panel || HoldsTabPanel(el)))) {
      return MarkupVerdict::kBoilerplate;
    }
  }
  if (const char* prop = ElementAttr(el, "itemprop")) {
    const std::string p = AsciiLowercase(prop);
    if (p == "articlebody" || p == "text") return MarkupVerdict::kMainHint;
    // schema.org's count of a post's likes, shares or comments
    // ("interactionStatistic", an InteractionCounter): a counter, shown as
    // "7 Likes" beside each post.
    if (p == "interactionstatistic") return MarkupVerdict::kBoilerplate;
  }
  if (el.tag == GUMBO_TAG_UNKNOWN && el.original_tag.data) {
    // Custom elements name themselves: <cookie-banner>, <site-footer>.
    std::string_view raw(el.original_tag.data, el.original_tag.length);
    if (raw.size() > 1 && raw.front() == '<') raw.remove_prefix(1);
    size_t e = 0;
    while (e < raw.size() && raw[e] != ' ' && raw[e] != '>' && raw[e] != '/' && raw[e] != '\n' &&
           raw[e] != '\t') {
      ++e;
    }
    std::string tag_buffer;
    const MarkupVerdict by_name = ClassifyNames(ReadNames(raw.substr(0, e), &tag_buffer), false, panel);
    if (by_name != MarkupVerdict::kNeutral) return by_name;
  }
  // A heading's own class or id names how it is set, not a part of the page
  // it stands in: documentation themes give every section heading a name
  // for the offset that keeps it clear of a sticky bar when linked to
  // ("anchorWithStickyNavbar_…"). A heading of a part that is chrome goes
  // with that part, or by its words.
  const auto by_names = [&](NameCache::Entry* names, bool is_class) {
    if (!names) return MarkupVerdict::kNeutral;
    const MarkupVerdict v = CachedVerdict(*names, is_class, panel);
    return IsHeadingTag(el.tag) && v == MarkupVerdict::kBoilerplate ? MarkupVerdict::kNeutral : v;
  };
  const MarkupVerdict by_class = by_names(class_names, true);
  return by_class != MarkupVerdict::kNeutral ? by_class : by_names(id_names, false);
}

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
        // page that fades in by script): it has paragraphs or headings.
        // Hidden data tables and lists (a shop's custom fields) go.
        if (!large || !(HasProseBlocks(nodes, static_cast<int32_t>(i)) ||
                        (holds_prose[i] && KeepsItsPlace(n.node->v.element)))) {
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
