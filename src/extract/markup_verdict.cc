#include "corpus/extract/markup_verdict.h"

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

}  // namespace

bool KeepsItsPlace(const GumboElement& el) {
  const char* style = ElementAttr(el, "style");
  if (!style || ElementAttr(el, "hidden")) return false;
  const std::string& compact = CompactStyle(style);
  return compact.find("visibility:hidden") != std::string::npos &&
         compact.find("display:none") == std::string::npos;
}

bool AttrNames(const GumboElement& el, const char* attr, NameList l, bool split_tokens) {
  const char* value = ElementAttr(el, attr);
  return value && *value &&
         (Book::Default().ListsNamingPieces(AsciiLowercase(value), split_tokens) & Book::Bit(l));
}

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
    // An image drawn in markup (WAI-ARIA's "img" role: its children are
    // presentational, its name is its aria-label): a rating's stars with
    // their sentence for screen readers, an icon's glyphs.
    if (r == "img") return MarkupVerdict::kBoilerplate;
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

}  // namespace corpus
