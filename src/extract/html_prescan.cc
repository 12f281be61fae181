#include "corpus/extract/html_prescan.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "corpus/extract/markup_name_book.h"
#include "corpus/text/html_attributes.h"
#include "corpus/util/ascii.h"

namespace corpus {
namespace {

// Whether the tag name that starts at `pos` is exactly `name` (so "<scripts"
// is not "<script").
bool TagNameIs(std::string_view s, size_t pos, std::string_view name) {
  if (!StartsWithLowercase(s, pos, name)) return false;
  const size_t after = pos + name.size();
  if (after >= s.size()) return true;
  const char c = s[after];
  return c == '>' || c == '/' || IsAsciiWhitespace(c);
}

// Index just past the '>' that closes the tag (start or end tag) beginning at
// `lt`, its attributes split as the tokenizer splits them (NextHtmlAttribute,
// so a quoted '>' does not close it); s.size() if there is none.
size_t EndOfTag(std::string_view s, size_t lt) {
  // Tag name (WHATWG HTML §13.2.5.8): up to whitespace, '/' or '>'.
  size_t i = lt + 1;
  if (i < s.size() && s[i] == '/') ++i;
  i = TagNameEnd(s, i);
  HtmlAttribute attr;
  HtmlAttributeStep step;
  while ((step = NextHtmlAttribute(s, &i, &attr)) == HtmlAttributeStep::kAttribute) {
  }
  return step == HtmlAttributeStep::kTagEnd ? i : s.size();
}

// Position of the next case-insensitive "</name" at or after `from`.
size_t FindClose(std::string_view s, size_t from, std::string_view name) {
  while (from < s.size()) {
    const void* hit = std::memchr(s.data() + from, '<', s.size() - from);
    if (!hit) return s.size();
    const size_t lt = static_cast<const char*>(hit) - s.data();
    if (lt + 1 < s.size() && s[lt + 1] == '/' && TagNameIs(s, lt + 2, name)) return lt;
    from = lt + 1;
  }
  return s.size();
}

// For <svg> (not raw text: it can nest), the end of the balanced element.
size_t FindBalancedClose(std::string_view s, size_t from, std::string_view name) {
  int depth = 1;
  while (from < s.size()) {
    const void* hit = std::memchr(s.data() + from, '<', s.size() - from);
    if (!hit) return s.size();
    const size_t lt = static_cast<const char*>(hit) - s.data();
    if (lt + 1 < s.size() && s[lt + 1] == '/' && TagNameIs(s, lt + 2, name)) {
      if (--depth == 0) return lt;
    } else if (TagNameIs(s, lt + 1, name)) {
      const size_t end = EndOfTag(s, lt);
      if (!(end >= 2 && s[end - 2] == '/')) ++depth;  // <svg/> does not open
      from = end;
      continue;
    }
    from = lt + 1;
  }
  return s.size();
}

// Whether the start tag mentions `needle` (lower case), ignoring case: a
// cheap attribute test.
bool TagMentions(std::string_view tag, std::string_view needle) {
  for (size_t i = 0; i + needle.size() <= tag.size(); ++i) {
    if (AsciiLower(tag[i]) == needle[0] && StartsWithLowercase(tag, i, needle)) return true;
  }
  return false;
}

bool IsJsonLdScript(std::string_view tag) { return TagMentions(tag, "ld+json"); }

// The levels PHP names its diagnostics by (PHP's own words, the same in
// every locale).
constexpr std::string_view kPhpLevels[] = {
    "Warning",     "Notice",      "Deprecated",   "Strict Standards", "Fatal error",
    "Parse error", "Catchable fatal error", "Recoverable fatal error"};
// A diagnostic's message and file name fit in this many bytes.
constexpr size_t kMaxPhpDiagnostic = 4096;

// One past a PHP diagnostic that starts at the `<b>` at `lt`, or 0 when
// none does. With html_errors on (PHP's default for pages) a diagnostic
// reads `<b>Warning</b>:  message in <b>/path/file.php</b> on line
// <b>12</b>`, printed into the page wherever the error happened, often
// before its <html> (docs/LANGUAGES.md, "Text the page shows"). Only `<b>`
// and `</b>` may stand between the level and the line number.
size_t PhpDiagnosticEnd(std::string_view s, size_t lt) {
  size_t p = lt + 3;
  bool level = false;
  for (const std::string_view l : kPhpLevels) {
    if (s.substr(p, l.size()) == l && s.substr(p + l.size(), 5) == "</b>:") {
      p += l.size() + 5;
      level = true;
      break;
    }
  }
  if (!level) return 0;
  const size_t window_end = std::min(s.size(), p + kMaxPhpDiagnostic);
  constexpr std::string_view kOnLine = " on line ";
  for (size_t i = p; i < window_end; ++i) {
    if (s[i] != '<' || s.substr(i, 4) == "</b>") continue;
    if (s.substr(i, 3) != "<b>") return 0;  // another tag: not PHP's format
    if (i - p >= kOnLine.size() && s.substr(i - kOnLine.size(), kOnLine.size()) == kOnLine) {
      size_t d = i + 3;
      while (d < s.size() && IsAsciiDigit(s[d])) ++d;
      if (d > i + 3 && s.substr(d, 4) == "</b>") return d + 4;
    }
  }
  return 0;
}

// A formula in MathJax's script form (<script type="math/tex">, and
// "math/tex; mode=display" set apart; what kramdown and other Markdown
// converters write for pages that MathJax typesets in the browser), as the
// MathML with a TeX annotation that DomIndex shows as TeX: a script's text
// is never read otherwise.
std::string TexScriptAsMathMl(std::string_view tag, std::string_view tex) {
  std::string out = TagMentions(tag, "mode=display") ? "<math display=\"block\">" : "<math>";
  out += "<semantics><annotation encoding=\"application/x-tex\">";
  for (const char c : tex) {
    if (c == '<') {
      out += "&lt;";
    } else if (c == '&') {
      out += "&amp;";
    } else {
      out.push_back(c);
    }
  }
  out += "</annotation></semantics></math>";
  return out;
}

struct RawElement {
  std::string_view name;
  bool nests;
};
constexpr RawElement kRawElements[] = {
    {"script", false}, {"style", false}, {"template", false},
    {"iframe", false}, {"svg", true},    {"object", true},
};

// Elements that never nest content (void) or whose end tag is optional and
// usually implied (<p>, <li>, table parts): they do not count as depth.
bool CountsForDepth(std::string_view s, size_t name_pos, size_t name_end) {
  static constexpr std::string_view kFlat[] = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
      "source", "track", "wbr", "p", "li", "dt", "dd", "td", "th", "tr", "option", "optgroup",
      "rb", "rt", "rp", "tbody", "thead", "tfoot", "colgroup", "caption", "image", "keygen"};
  const size_t len = name_end - name_pos;
  for (std::string_view flat : kFlat) {
    if (flat.size() == len && StartsWithLowercase(s, name_pos, flat)) return false;
  }
  return true;
}

// Attributes that survive the prescan: those the extractor reads
// (ElementAttr and DomIndex in extract/), and those that steer HTML5 tree
// construction: "type" (an <input type=hidden> stays inside a table),
// "encoding" (<annotation-xml> as an HTML integration point) and "color",
// "face" and "size" (a <font> carrying one breaks out of foreign content).
// A rule that reads a new attribute must add it here. (`href` is kept but
// shortened: see ShortHref.)
constexpr std::string_view kKeptAttributes[] = {
    "class",       "id",         "role",       "style",    "hidden",    "popover",
    "href",        "itemprop",   "itemtype",   "name",     "type",      "placeholder",
    "aria-hidden", "aria-label", "aria-modal", "property", "content",   "encoding",
    "color",       "face",       "size",       "lang",     "xml:lang",  "http-equiv",
    "display",     "aria-controls", "aria-roledescription",
};

bool KeepsAttribute(std::string_view name) {
  for (std::string_view kept : kKeptAttributes) {
    if (kept.size() == name.size() && StartsWithLowercase(name, 0, kept)) return true;
  }
  return false;
}

// A change to one start tag: bytes [begin, end) become `with`.
struct TagEdit {
  size_t begin;
  size_t end;
  std::string_view with;
};

// What an `href` value may be cut to. The extractor reads only whether a
// link has an href (dom_index.cc), whether it points inside the page:
// starts with '#' and has more after it (toc_lists.cc, trailing_links.cc),
// and whether it is an e-mail address, a phone number or a profile on a
// social network (signup_boxes.cc). URLs are a tenth of the bytes gumbo
// would otherwise copy on the WCXB pages, so a value becomes "#x", "#",
// "mailto:", "tel:", the network's domain or "x", which answer those
// questions alike. Values are kept whole when an entity could decode to
// '#' ('&'), and when they name schema.org, which IsProductPage counts in
// the markup.
// Returns false to keep the value as it is.
bool ShortHref(std::string_view value, std::string_view* with) {
  if (value.size() <= 1 || value.find('&') != std::string_view::npos ||
      value.find("schema.org") != std::string_view::npos) {
    return false;
  }
  if (StartsWithLowercase(value, 0, "mailto:")) {
    *with = "mailto:";
  } else if (StartsWithLowercase(value, 0, "tel:")) {
    *with = "tel:";
  } else if (const std::string_view domain = SocialProfileDomain(value); !domain.empty()) {
    *with = domain;
  } else if (value[0] != '#') {
    *with = "x";
  } else if (value.size() > 2) {
    *with = "#x";
  } else {
    return false;
  }
  return true;
}

}  // namespace

std::string_view SocialProfileDomain(std::string_view href) {
  size_t start;
  if (href.starts_with("//")) {
    start = 2;
  } else {
    const size_t scheme = href.find("://");
    if (scheme == std::string_view::npos || scheme < 4 || scheme > 5 ||
        !StartsWithLowercase(href, 0, "http")) {
      return {};
    }
    start = scheme + 3;
  }
  const size_t host_end = std::min(href.find_first_of("/?#:", start), href.size());
  const std::string_view host = href.substr(start, host_end - start);
  const size_t dot = host.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  const size_t label = host.rfind('.', dot - 1);
  const std::string_view domain = label == std::string_view::npos ? host : host.substr(label + 1);
  if (!MarkupNameBook::Default().Has(NameList::kSocialHosts, domain)) return {};
  if (host_end < href.size() && href[host_end] == ':') return {};  // a port: not a profile
  std::string_view path = href.substr(host_end);
  path = path.substr(0, path.find_first_of("?#"));
  while (path.ends_with('/')) path.remove_suffix(1);
  if (path.find('/', 1) != std::string_view::npos) return {};
  return domain;
}

namespace {

// The attributes of the start tag whose name ends at `name_end`, split as the
// HTML5 tokenizer splits them (NextHtmlAttribute, text/html_attributes.h).
// Appends to `edits`, in order, the removal of each attribute that
// KeepsAttribute refuses and the shortening of each href value (ShortHref),
// and returns the index just past the tag's '>', or 0 if the tag never closes.
size_t ScanAttributes(std::string_view s, size_t name_end, std::vector<TagEdit>* edits) {
  size_t i = name_end;
  HtmlAttribute attr;
  while (true) {
    switch (NextHtmlAttribute(s, &i, &attr)) {
      case HtmlAttributeStep::kAttribute: {
        std::string_view with;
        if (attr.name.size() == 4 && StartsWithLowercase(attr.name, 0, "href") &&
            ShortHref(attr.value, &with)) {
          const size_t value_begin = static_cast<size_t>(attr.value.data() - s.data());
          edits->push_back({value_begin, value_begin + attr.value.size(), with});
        } else if (!KeepsAttribute(attr.name)) {
          edits->push_back({attr.begin, attr.end, {}});
        }
        break;
      }
      case HtmlAttributeStep::kTagEnd:
        return i;
      case HtmlAttributeStep::kEndOfInput:
        return 0;
    }
  }
}

// Elements inside which whitespace is content and stays as it is: <pre> and
// <listing> keep it (they hold markup, so they are counted as they nest), and
// in the raw-text and RCDATA elements (HTML Living Standard 13.2.5.2-13.2.5.5)
// there is no markup at all until their end tag.
struct SpaceKeeper {
  std::string_view name;
  bool raw;  // content runs to the first "</name", tags inside are text
};
constexpr SpaceKeeper kSpaceKeepers[] = {
    {"pre", false},   {"listing", false},  {"textarea", true}, {"title", true},
    {"xmp", true},    {"noembed", true},   {"noframes", true}, {"plaintext", true},
};

const SpaceKeeper* FindSpaceKeeper(std::string_view s, size_t name_pos, size_t name_end) {
  for (const SpaceKeeper& k : kSpaceKeepers) {
    if (k.name.size() == name_end - name_pos && StartsWithLowercase(s, name_pos, k.name)) return &k;
  }
  return nullptr;
}

// Each run of two or more whitespace characters that lies between the end of
// one tag and the start of the next (indentation; a fifth of what the WCXB
// pages hand to gumbo) becomes one character: a line feed if the run holds a
// line break, else its first character. Gumbo makes one token per character
// of text, so these runs cost it more than their share of bytes; the run
// stays one whitespace node, and the extractor reads such a node only as "a
// space here" (DomIndex skips whitespace in its measures, the text builder
// folds any run to one space). Runs inside <pre>, <listing> and the raw-text
// elements (kSpaceKeepers), and runs next to text, are left as they are.
void CollapseSpaceBetweenTags(std::string* html) {
  std::string& s = *html;
  const size_t n = s.size();
  size_t r = 0;  // s[r, n) is still to be read
  size_t w = 0;  // s[0, w) is the output so far
  auto copy_to = [&](size_t end) {
    if (w != r) std::memmove(&s[w], &s[r], end - r);
    w += end - r;
    r = end;
  };
  int keep_depth = 0;  // <pre> and <listing> elements open
  while (r < n) {
    const void* hit = std::memchr(s.data() + r, '<', n - r);
    if (!hit) break;
    const size_t lt = static_cast<const char*>(hit) - s.data();
    const bool end_tag = lt + 1 < n && s[lt + 1] == '/';
    const size_t name_pos = lt + (end_tag ? 2 : 1);
    size_t tag_end;
    if (name_pos < n && IsAsciiAlpha(s[name_pos])) {
      const size_t name_end = TagNameEnd(s, name_pos + 1);
      tag_end = EndOfTag(s, lt);
      if (const SpaceKeeper* keeper = FindSpaceKeeper(s, name_pos, name_end)) {
        if (keeper->raw && !end_tag) {
          // Everything up to the end tag is copied as it is.
          const size_t close = keeper->name == "plaintext" ? n : FindClose(s, tag_end, keeper->name);
          tag_end = close < n ? EndOfTag(s, close) : n;
        } else if (!keeper->raw) {
          keep_depth += end_tag ? (keep_depth > 0 ? -1 : 0) : 1;
        }
      }
    } else if (lt + 1 < n && (s[lt + 1] == '!' || s[lt + 1] == '?')) {
      // A doctype or a bogus comment, up to the next '>'.
      const void* gt = std::memchr(s.data() + lt, '>', n - lt);
      tag_end = gt ? static_cast<const char*>(gt) - s.data() + 1 : n;
    } else {
      copy_to(lt + 1);  // a '<' in text
      continue;
    }
    copy_to(tag_end);
    if (keep_depth > 0 || tag_end >= n) continue;
    size_t k = tag_end;
    bool line = false;
    while (k < n && IsAsciiWhitespace(s[k])) {
      line |= s[k] == '\n' || s[k] == '\r';
      ++k;
    }
    if (k - tag_end < 2 || k + 1 >= n || s[k] != '<') continue;
    const char next = s[k + 1];
    const bool tag_next = IsAsciiAlpha(next) || next == '!' || next == '?' ||
                          (next == '/' && k + 2 < n && IsAsciiAlpha(s[k + 2]));
    if (!tag_next) continue;
    s[w++] = line ? '\n' : s[tag_end];
    r = k;
  }
  copy_to(n);
  s.resize(w);
}

}  // namespace

void PrescanHtml(std::string_view s, PrescanResult* out) {
  out->html.clear();
  out->json_ld.clear();
  out->html.reserve(s.size() / 2);
  size_t copied = 0;  // s[copied, pos) is still to be copied
  size_t pos = 0;
  size_t depth = 0;  // open elements, roughly (see CountsForDepth)
  std::vector<TagEdit> edits;  // of one start tag
  // Set once a start tag runs to the end of the input: the tokenizer reads
  // all that follows as that tag's attributes, so nothing after it is
  // scanned again (which also keeps the scan linear).
  bool unclosed_tag = false;
  while (pos < s.size()) {
    const void* hit = std::memchr(s.data() + pos, '<', s.size() - pos);
    if (!hit) break;
    const size_t lt = static_cast<const char*>(hit) - s.data();
    size_t skip_to = 0;  // nonzero: drop s[lt, skip_to)
    std::string replacement;  // written in place of s[lt, skip_to)
    if (StartsWithLowercase(s, lt + 1, "!--")) {
      const size_t close = s.find("-->", lt + 4);
      skip_to = close == std::string_view::npos ? s.size() : close + 3;
    } else if (lt + 1 < s.size()) {
      const char c = AsciiLower(s[lt + 1]);
      if (c == 's' || c == 'n' || c == 't' || c == 'i' || c == 'o') {
        for (const RawElement& raw : kRawElements) {
          if (!TagNameIs(s, lt + 1, raw.name)) continue;
          const size_t body = EndOfTag(s, lt);
          if (raw.nests && body >= 2 && s[body - 2] == '/') {
            skip_to = body;
            break;
          }
          const size_t close =
              raw.nests ? FindBalancedClose(s, body, raw.name) : FindClose(s, body, raw.name);
          if (raw.name == "script" && IsJsonLdScript(s.substr(lt, body - lt))) {
            out->json_ld.emplace_back(s.substr(body, close - body));
          }
          if (raw.name == "script" && close < s.size() &&
              TagMentions(s.substr(lt, body - lt), "math/tex")) {
            replacement = TexScriptAsMathMl(s.substr(lt, body - lt), s.substr(body, close - body));
          }
          if (close < s.size()) {
            skip_to = EndOfTag(s, close);
          } else if (raw.nests) {
            // An <svg> or <object> never closed (an icon cut short in a
            // template) would take the rest of the page with it; browsers
            // leave foreign content at the next HTML element, so only the
            // start tag goes (HTML Living Standard 13.2.6.5, "the rules for
            // parsing tokens in foreign content").
            skip_to = body;
          } else {
            skip_to = s.size();  // raw text runs to the end, as in browsers
          }
          break;
        }
      }
    }
    if (!skip_to && lt + 3 < s.size() && s[lt + 1] == 'b' && s[lt + 2] == '>') {
      skip_to = PhpDiagnosticEnd(s, lt);
    }
    // A start tag's attributes, read once for the depth cap and the copy
    // below: the end of the tag (0: it never closes) and the edits to them.
    bool scanned = false;
    size_t scanned_end = 0;
    if (!skip_to) {
      // Depth cap: tags past kMaxPrescanDepth are dropped, text kept.
      const bool end_tag = lt + 1 < s.size() && s[lt + 1] == '/';
      const size_t name_pos = lt + (end_tag ? 2 : 1);
      if (name_pos < s.size() && IsAsciiAlpha(s[name_pos])) {
        size_t name_end = name_pos;
        while (name_end < s.size() && (IsAsciiAlpha(s[name_end]) || s[name_end] == '-' ||
                                       (s[name_end] >= '0' && s[name_end] <= '9'))) {
          ++name_end;
        }
        if (CountsForDepth(s, name_pos, name_end)) {
          if (!end_tag && !unclosed_tag) {
            edits.clear();
            scanned_end = ScanAttributes(s, TagNameEnd(s, lt + 2), &edits);
            scanned = true;
          }
          const size_t tag_end = scanned ? (scanned_end ? scanned_end : s.size()) : EndOfTag(s, lt);
          const bool self_closing = !end_tag && tag_end >= 2 && s[tag_end - 2] == '/';
          if (end_tag) {
            if (depth > kMaxPrescanDepth) skip_to = tag_end;
            if (depth > 0) --depth;
          } else if (!self_closing && ++depth > kMaxPrescanDepth) {
            skip_to = tag_end;
          }
        }
      }
    }
    if (skip_to) {
      out->html.append(s.data() + copied, lt - copied);
      out->html.append(replacement);
      copied = pos = skip_to;
      continue;
    }
    pos = lt + 1;
    if (!unclosed_tag && lt + 1 < s.size() && IsAsciiAlpha(s[lt + 1])) {
      // A start tag: copy it without the attributes nothing reads.
      if (!scanned) {
        edits.clear();
        scanned_end = ScanAttributes(s, TagNameEnd(s, lt + 2), &edits);
      }
      const size_t tag_end = scanned_end;
      if (tag_end == 0) {
        unclosed_tag = true;
        continue;
      }
      if (!edits.empty()) {
        out->html.append(s.data() + copied, lt - copied);
        size_t from = lt;
        for (const TagEdit& edit : edits) {
          out->html.append(s.data() + from, edit.begin - from);
          out->html.append(edit.with);
          from = edit.end;
        }
        out->html.append(s.data() + from, tag_end - from);
        copied = tag_end;
      }
      pos = tag_end;
    }
  }
  out->html.append(s.data() + copied, s.size() - copied);
  CollapseSpaceBetweenTags(&out->html);
}

}  // namespace corpus
