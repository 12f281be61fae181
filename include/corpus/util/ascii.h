#ifndef CORPUS_UTIL_ASCII_H_
#define CORPUS_UTIL_ASCII_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace corpus {

// ASCII-only case folding, as HTML tag and attribute names, URL schemes and
// hosts, robots.txt product tokens and class names want it: bytes outside
// A-Z (including every byte of a multi-byte UTF-8 sequence) are left alone,
// and no locale is consulted.
inline char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

inline bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }

inline char AsciiUpper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c; }

// ASCII whitespace as the WHATWG Infra standard defines it (TAB, LF, FF, CR,
// SPACE): what HTML, URLs and HTTP header values separate tokens with. Unlike
// std::isspace, no VT and no locale.
inline bool IsAsciiWhitespace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

inline void AsciiLowercaseInPlace(std::string* s) {
  for (char& c : *s) c = AsciiLower(c);
}

inline std::string AsciiLowercase(std::string_view s) {
  std::string out(s);
  AsciiLowercaseInPlace(&out);
  return out;
}

inline std::string AsciiUppercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiUpper(c);
  return out;
}

// `s` without leading and trailing ASCII whitespace (IsAsciiWhitespace).
inline std::string_view StripAsciiWhitespace(std::string_view s) {
  while (!s.empty() && IsAsciiWhitespace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiWhitespace(s.back())) s.remove_suffix(1);
  return s;
}

// `s` without leading and trailing bytes that are in `chars` (formats that
// trim a narrower set than IsAsciiWhitespace: robots.txt " \t", ...).
inline std::string_view StripChars(std::string_view s, std::string_view chars) {
  while (!s.empty() && chars.find(s.front()) != std::string_view::npos) s.remove_prefix(1);
  while (!s.empty() && chars.find(s.back()) != std::string_view::npos) s.remove_suffix(1);
  return s;
}

inline bool EqualsIgnoreAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

// Whether `s` starts with `prefix`, ASCII case-insensitively.
inline bool StartsWithIgnoreAsciiCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsIgnoreAsciiCase(s.substr(0, prefix.size()), prefix);
}

// Whether `s` at `pos` starts with `lower_prefix` (lowercase ASCII), ignoring
// the case of `s`.
inline bool StartsWithLowercase(std::string_view s, size_t pos, std::string_view lower_prefix) {
  if (pos > s.size() || s.size() - pos < lower_prefix.size()) return false;
  for (size_t i = 0; i < lower_prefix.size(); ++i) {
    if (AsciiLower(s[pos + i]) != lower_prefix[i]) return false;
  }
  return true;
}

}  // namespace corpus

#endif  // CORPUS_UTIL_ASCII_H_
