#include "corpus/crawl/html_tag_scanner.h"

#include <cstring>

#include "corpus/crawl/html_named_references.h"
#include "corpus/text/html_attributes.h"
#include "corpus/text/text_units.h"
#include "corpus/util/ascii.h"

namespace corpus {
namespace {

// Numeric character reference end state (WHATWG HTML §13.2.5.80): invalid
// code points become U+FFFD, C1 controls are read as windows-1252.
uint32_t FixNumericReference(uint64_t v) {
  static const uint16_t kC1[32] = {
      0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
  if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0xFFFD;
  if (v >= 0x80 && v <= 0x9F) return kC1[v - 0x80];
  return static_cast<uint32_t>(v);
}

// Decodes the reference starting at raw[i] == '&'; returns the index past
// it, or i when it is left as written.
size_t DecodeReference(std::string_view raw, size_t i, std::string* out) {
  size_t j = i + 1;
  if (j < raw.size() && raw[j] == '#') {
    ++j;
    const bool hex = j < raw.size() && (raw[j] == 'x' || raw[j] == 'X');
    if (hex) ++j;
    const size_t digits = j;
    uint64_t v = 0;
    for (; j < raw.size(); ++j) {
      const char c = raw[j];
      int d;
      if (IsAsciiDigit(c)) d = c - '0';
      else if (hex && AsciiLower(c) >= 'a' && AsciiLower(c) <= 'f') d = AsciiLower(c) - 'a' + 10;
      else break;
      if (v <= 0x10FFFF) v = v * (hex ? 16 : 10) + static_cast<uint64_t>(d);
    }
    if (j == digits) return i;  // "&#" or "&#x" without digits: as written
    if (j < raw.size() && raw[j] == ';') ++j;  // optional (a parse error without)
    AppendUtf8(FixNumericReference(v), out);
    return j;
  }
  while (j < raw.size() && IsAsciiAlnum(raw[j]) && j - i <= 32) ++j;
  const HtmlNamedReference* r = FindHtmlNamedReference(raw.substr(i + 1, j - i - 1));
  if (r == nullptr) return i;
  const bool semicolon = j < raw.size() && raw[j] == ';';
  // §13.2.5.73: in an attribute, a reference without ';' followed by '=' is
  // kept as written ("?a=1&copy=2" is a query, not a copyright sign).
  if (!semicolon && (!r->legacy || (j < raw.size() && raw[j] == '='))) return i;
  AppendUtf8(r->code_point, out);
  return semicolon ? j + 1 : j;
}

// Elements whose contents the tokenizer reads as text up to their end tag
// (§13.2.5.2-7: RCDATA, RAWTEXT, script data, PLAINTEXT).
bool IsRawTextElement(std::string_view name) {
  switch (name.size()) {
    case 3: return name == "xmp";
    case 5: return name == "style" || name == "title";
    case 6: return name == "script" || name == "iframe";
    case 7: return name == "noembed";
    case 8: return name == "textarea" || name == "noframes";
    default: return false;
  }
}

// Index just past the end of a comment whose text starts at `pos` (after
// "<!--"), per the comment states of §13.2.5.43-52.
size_t SkipComment(std::string_view html, size_t pos) {
  // "<!-->" and "<!--->" are complete (empty) comments.
  if (pos < html.size() && html[pos] == '>') return pos + 1;
  if (pos + 1 < html.size() && html[pos] == '-' && html[pos + 1] == '>') return pos + 2;
  size_t i = pos;
  while (true) {
    i = html.find("--", i);
    if (i == std::string_view::npos) return html.size();
    i += 2;
    while (i < html.size() && html[i] == '-') ++i;  // "--->" ends too
    if (i < html.size() && html[i] == '>') return i + 1;
    if (i + 1 < html.size() && html[i] == '!' && html[i + 1] == '>') return i + 2;
  }
}

// Index just past the '>' closing a bogus comment opened before `pos`.
size_t SkipBogusComment(std::string_view html, size_t pos) {
  const size_t gt = html.find('>', pos);
  return gt == std::string_view::npos ? html.size() : gt + 1;
}

// Index of the "</name" that ends a raw-text element whose contents start at
// `pos` (an "appropriate end tag": `name`, given in lower case, matched
// case-insensitively and followed by whitespace, '/' or '>'), or html.size()
// when there is none.
size_t FindRawTextEnd(std::string_view html, size_t pos, std::string_view name) {
  const char* p = html.data();
  const size_t n = html.size();
  while (pos < n) {
    const void* lt = std::memchr(p + pos, '<', n - pos);
    if (lt == nullptr) return n;
    const size_t i = static_cast<const char*>(lt) - p;
    const size_t after = i + 2 + name.size();
    if (after < n && p[i + 1] == '/' && StartsWithLowercase(html, i + 2, name) &&
        (IsAsciiWhitespace(p[after]) || p[after] == '/' || p[after] == '>')) {
      return i;
    }
    pos = i + 1;
  }
  return n;
}

}  // namespace

const HtmlStartTag::Attr* HtmlStartTag::Find(std::string_view name) const {
  for (const Attr& a : attrs_) {
    if (EqualsIgnoreAsciiCase(a.name, name)) return &a;  // the first one wins (§13.2.5.33)
  }
  return nullptr;
}

bool HtmlStartTag::Has(std::string_view name) const { return Find(name) != nullptr; }

bool HtmlStartTag::Get(std::string_view name, std::string* value) const {
  value->clear();
  const Attr* a = Find(name);
  if (a == nullptr) return false;
  AppendDecodedAttributeValue(a->value, value);
  return true;
}

void AppendDecodedAttributeValue(std::string_view raw, std::string* out) {
  size_t i = 0;
  while (i < raw.size()) {
    const size_t amp = raw.find('&', i);
    if (amp == std::string_view::npos) {
      out->append(raw.substr(i));
      return;
    }
    out->append(raw.substr(i, amp - i));
    const size_t next = DecodeReference(raw, amp, out);
    if (next == amp) {
      out->push_back('&');
      i = amp + 1;
    } else {
      i = next;
    }
  }
}

size_t HtmlTagScanner::ParseTag(std::string_view html, size_t pos) {
  const char* p = html.data();
  size_t i = TagNameEnd(html, pos);
  const size_t len = i - pos;
  tag_.name_len_ = len < sizeof(tag_.name_) ? len : 0;
  for (size_t k = 0; k < tag_.name_len_; ++k) tag_.name_[k] = AsciiLower(p[pos + k]);
  tag_.attrs_.clear();
  HtmlAttribute attr;
  while (true) {
    switch (NextHtmlAttribute(html, &i, &attr)) {
      case HtmlAttributeStep::kAttribute:
        tag_.attrs_.push_back({attr.name, attr.value});
        break;
      case HtmlAttributeStep::kTagEnd:
        return i;
      case HtmlAttributeStep::kEndOfInput:
        return std::string_view::npos;
    }
  }
}

void HtmlTagScanner::Scan(std::string_view html, const Callback& on_tag) {
  const char* p = html.data();
  const size_t n = html.size();
  int template_depth = 0;
  size_t i = 0;
  while (i < n) {
    const void* lt = std::memchr(p + i, '<', n - i);
    if (lt == nullptr) break;
    i = static_cast<const char*>(lt) - p + 1;
    if (i >= n) break;
    const char c = p[i];
    if (c == '!') {
      // Markup declaration open (§13.2.5.42): a comment, else (DOCTYPE,
      // CDATA outside foreign content) a bogus comment to the next '>'.
      i = html.compare(i + 1, 2, "--") == 0 ? SkipComment(html, i + 3) : SkipBogusComment(html, i);
    } else if (c == '?') {
      i = SkipBogusComment(html, i);
    } else if (c == '/') {
      // End tag open (§13.2.5.7): "</>" is dropped, "</" + non-letter is a
      // bogus comment; a real end tag is parsed like a start tag so quoted
      // '>' in its (ignored) attributes does not end it early.
      if (i + 1 < n && IsAsciiAlpha(p[i + 1])) {
        const size_t end = ParseTag(html, i + 1);
        if (end == std::string_view::npos) break;
        if (template_depth > 0 && tag_.name() == "template") --template_depth;
        i = end;
      } else {
        i = SkipBogusComment(html, i);
      }
    } else if (IsAsciiAlpha(c)) {
      const size_t end = ParseTag(html, i);
      if (end == std::string_view::npos) break;  // EOF in a tag: dropped
      i = end;
      const std::string_view name = tag_.name();
      tag_.in_template_ = template_depth > 0;
      if (name == "template") ++template_depth;
      on_tag(tag_);
      if (name == "plaintext") break;  // §13.2.5.5: the rest is text
      if (IsRawTextElement(name)) i = FindRawTextEnd(html, i, name);
    }
    // Anything else after '<' is text.
  }
}

}  // namespace corpus
