#include "corpus/extract/html_prescan.h"

#include <cstring>

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
  return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// Index just past the '>' that closes the start tag beginning at `lt`,
// honouring quoted attribute values; s.size() if there is none.
size_t EndOfTag(std::string_view s, size_t lt) {
  char quote = 0;
  for (size_t i = lt + 1; i < s.size(); ++i) {
    const char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      // Quotes only open a value right after '=' (possibly after spaces).
      size_t j = i;
      while (j > lt && (s[j - 1] == ' ' || s[j - 1] == '\t' || s[j - 1] == '\n')) --j;
      if (j > lt && s[j - 1] == '=') quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return s.size();
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

}  // namespace

void PrescanHtml(std::string_view s, PrescanResult* out) {
  out->html.clear();
  out->json_ld.clear();
  out->html.reserve(s.size() / 2);
  size_t copied = 0;  // s[copied, pos) is still to be copied
  size_t pos = 0;
  size_t depth = 0;  // open elements, roughly (see CountsForDepth)
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
    } else {
      pos = lt + 1;
    }
  }
  out->html.append(s.data() + copied, s.size() - copied);
}

}  // namespace corpus
