#ifndef CORPUS_TEXT_HTML_ATTRIBUTES_H_
#define CORPUS_TEXT_HTML_ATTRIBUTES_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace corpus {

// The one splitter of an HTML tag's attributes, shared by the charset prescan
// (text/charset.cc), the crawler's link scanner (crawl/html_tag_scanner.cc)
// and extraction's prescan (extract/html_prescan.cc), so that all three agree
// on where an attribute, and the tag, ends.
//
// It follows the WHATWG HTML tokenizer states §13.2.5.32-40 ("before
// attribute name" to "self-closing start tag"), which the encoding prescan's
// "get an attribute" (§13.2.3.3) splits the same way:
//   - whitespace (TAB, LF, FF, CR, SPACE) and '/' separate attributes; "/>"
//     ends the tag like ">" (§13.2.5.40);
//   - a name runs to whitespace, '/', '>' or '=', and its first byte is part
//     of it even when it is '=' (§13.2.5.33);
//   - a value follows '=' (whitespace allowed around it, §13.2.5.34-35) and is
//     double-quoted, single-quoted (and may then hold '>'), or unquoted up to
//     whitespace or '>' (§13.2.5.36-38); "a=>" has an empty value.
// Names and values are returned as written: no case folding, no character
// references decoded (that is the caller's business). Free functions over
// string_views: no state, thread-safe.

// One attribute as written: views into the scanned input.
struct HtmlAttribute {
  std::string_view name;   // never empty
  std::string_view value;  // raw; empty when there is no '=' or nothing after it
  size_t begin = 0;        // input range of the whole attribute, name to value's end
  size_t end = 0;          // (past the closing quote of a quoted value)
};

enum class HtmlAttributeStep {
  kAttribute,   // `*attr` holds the next attribute
  kTagEnd,      // the tag closed: `*pos` is just past its '>'
  kEndOfInput,  // the input ended inside the tag (§13.2.5 "EOF in tag": the tag is dropped)
};

// Classes of the bytes that end names inside a tag, for the scanners' inner
// loops (one table load a byte, not seven comparisons).
enum : uint8_t { kHtmlSpace = 1, kHtmlSlash = 2, kHtmlGt = 4, kHtmlEq = 8 };
inline constexpr std::array<uint8_t, 256> kHtmlTagBytes = [] {
  std::array<uint8_t, 256> t{};
  for (const char c : {'\t', '\n', '\f', '\r', ' '}) t[static_cast<uint8_t>(c)] = kHtmlSpace;
  t['/'] = kHtmlSlash;
  t['>'] = kHtmlGt;
  t['='] = kHtmlEq;
  return t;
}();

// The end of the tag name that starts at `i` (§13.2.5.8, tag name state: up
// to whitespace, '/' or '>'), or s.size().
inline size_t TagNameEnd(std::string_view s, size_t i) {
  while (i < s.size() && (kHtmlTagBytes[static_cast<uint8_t>(s[i])] & (kHtmlSpace | kHtmlSlash | kHtmlGt)) == 0) ++i;
  return i;
}

// Reads what follows `*pos` in a tag, where `*pos` is past the tag name or a
// previous attribute, and advances `*pos` past it. A quoted value the input
// ends in is returned (running to the end of `s`) as kAttribute; the call after
// it returns kEndOfInput. So is the name of an attribute the input ends in; an
// '=' the input ends after gives kEndOfInput at once.
// REQUIRES: *pos <= s.size().
HtmlAttributeStep NextHtmlAttribute(std::string_view s, size_t* pos, HtmlAttribute* attr);

}  // namespace corpus

#endif  // CORPUS_TEXT_HTML_ATTRIBUTES_H_
