#include "corpus/extract/html_prescan.h"

#include <cstring>
#include <utility>
#include <vector>

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
  while (i < s.size() && !IsAsciiWhitespace(s[i]) && s[i] != '/' && s[i] != '>') ++i;
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

bool IsJsonLdScript(std::string_view tag) {
  // Cheap attribute test: the start tag mentions "ld+json".
  for (size_t i = 0; i + 7 <= tag.size(); ++i) {
    if (AsciiLower(tag[i]) == 'l' && StartsWithLowercase(tag, i, "ld+json")) return true;
  }
  return false;
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
// A rule that reads a new attribute must add it here.
constexpr std::string_view kKeptAttributes[] = {
    "class",       "id",         "role",       "style",    "hidden",    "popover",
    "href",        "itemprop",   "itemtype",   "name",     "type",      "placeholder",
    "aria-hidden", "aria-label", "aria-modal", "property", "content",   "encoding",
    "color",       "face",       "size",
};

bool KeepsAttribute(std::string_view name) {
  for (std::string_view kept : kKeptAttributes) {
    if (kept.size() == name.size() && StartsWithLowercase(name, 0, kept)) return true;
  }
  return false;
}

// The attributes of the start tag whose name ends at `name_end`, split as the
// HTML5 tokenizer splits them (NextHtmlAttribute). Appends to `dropped` the
// byte ranges of attributes that KeepsAttribute refuses, and returns the index
// just past the tag's '>', or 0 if the tag never closes.
size_t ScanAttributes(std::string_view s, size_t name_end,
                      std::vector<std::pair<size_t, size_t>>* dropped) {
  size_t i = name_end;
  HtmlAttribute attr;
  while (true) {
    switch (NextHtmlAttribute(s, &i, &attr)) {
      case HtmlAttributeStep::kAttribute:
        if (!KeepsAttribute(attr.name)) dropped->emplace_back(attr.begin, attr.end);
        break;
      case HtmlAttributeStep::kTagEnd:
        return i;
      case HtmlAttributeStep::kEndOfInput:
        return 0;
    }
  }
}

}  // namespace

void PrescanHtml(std::string_view s, PrescanResult* out) {
  out->html.clear();
  out->json_ld.clear();
  out->html.reserve(s.size() / 2);
  size_t copied = 0;  // s[copied, pos) is still to be copied
  size_t pos = 0;
  size_t depth = 0;  // open elements, roughly (see CountsForDepth)
  std::vector<std::pair<size_t, size_t>> dropped;  // attribute ranges of one tag
  // Set once a start tag runs to the end of the input: the tokenizer reads
  // all that follows as that tag's attributes, so nothing after it is
  // scanned again (which also keeps the scan linear).
  bool unclosed_tag = false;
  while (pos < s.size()) {
    const void* hit = std::memchr(s.data() + pos, '<', s.size() - pos);
    if (!hit) break;
    const size_t lt = static_cast<const char*>(hit) - s.data();
    size_t skip_to = 0;  // nonzero: drop s[lt, skip_to)
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
          const size_t tag_end = EndOfTag(s, lt);
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
      copied = pos = skip_to;
      continue;
    }
    pos = lt + 1;
    if (!unclosed_tag && lt + 1 < s.size() && IsAsciiAlpha(s[lt + 1])) {
      // A start tag: copy it without the attributes nothing reads.
      size_t name_end = lt + 2;
      while (name_end < s.size() && !IsAsciiWhitespace(s[name_end]) && s[name_end] != '/' &&
             s[name_end] != '>') {
        ++name_end;
      }
      dropped.clear();
      const size_t tag_end = ScanAttributes(s, name_end, &dropped);
      if (tag_end == 0) {
        unclosed_tag = true;
        continue;
      }
      if (!dropped.empty()) {
        out->html.append(s.data() + copied, lt - copied);
        size_t from = lt;
        for (const auto& [b, e] : dropped) {
          out->html.append(s.data() + from, b - from);
          from = e;
        }
        out->html.append(s.data() + from, tag_end - from);
        copied = tag_end;
      }
      pos = tag_end;
    }
  }
  out->html.append(s.data() + copied, s.size() - copied);
}

}  // namespace corpus
