#ifndef CORPUS_UTIL_UTF8_H_
#define CORPUS_UTIL_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace corpus {

// Reads the UTF-8 sequence at s[i] (REQUIRES: i < s.size()). If it is one of
// the well-formed sequences of the Unicode Standard, Table 3-7 (RFC 3629: no
// overlong forms, no surrogates, nothing past U+10FFFF), sets *cp to its
// code point and returns its length, 1 to 4; otherwise returns 0.
// Inline: the tokeniser and the JSON writer decode every character with it.
inline size_t DecodeUtf8(std::string_view s, size_t i, char32_t* cp) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data() + i);
  const size_t left = s.size() - i;
  const uint8_t b0 = p[0];
  const auto continuation = [&](size_t k) { return (p[k] & 0xC0) == 0x80; };
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (left < 2 || !continuation(1)) return 0;
    *cp = (char32_t{b0 & 0x1Fu} << 6) | (p[1] & 0x3Fu);
    return 2;
  }
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    const uint8_t lo = b0 == 0xE0 ? 0xA0 : 0x80, hi = b0 == 0xED ? 0x9F : 0xBF;
    if (left < 3 || p[1] < lo || p[1] > hi || !continuation(2)) return 0;
    *cp = (char32_t{b0 & 0x0Fu} << 12) | (char32_t{p[1] & 0x3Fu} << 6) | (p[2] & 0x3Fu);
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    const uint8_t lo = b0 == 0xF0 ? 0x90 : 0x80, hi = b0 == 0xF4 ? 0x8F : 0xBF;
    if (left < 4 || p[1] < lo || p[1] > hi || !continuation(2) || !continuation(3)) return 0;
    *cp = (char32_t{b0 & 0x07u} << 18) | (char32_t{p[1] & 0x3Fu} << 12) | (char32_t{p[2] & 0x3Fu} << 6) |
          (p[3] & 0x3Fu);
    return 4;
  }
  return 0;
}

// Writes code point `cp` as UTF-8 at `out` and returns its length, 1 to 4.
// REQUIRES: cp <= U+10FFFF and `out` has room for 4 bytes.
inline size_t EncodeUtf8(char32_t cp, char* out) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

}  // namespace corpus

#endif  // CORPUS_UTIL_UTF8_H_
