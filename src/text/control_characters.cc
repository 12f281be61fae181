#include "corpus/text/control_characters.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <string_view>

#include "corpus/text/charset.h"

namespace corpus {
namespace {

// Whether byte `c` is a C0 control (or DEL) that is not HTML whitespace and
// not NUL: one that RepairControlCharacters removes or turns into a space.
bool IsStrayC0(unsigned char c) {
  return (c >= 0x01 && c <= 0x08) || c == 0x0B || (c >= 0x0E && c <= 0x1F) || c == 0x7F;
}

// Whether a C1 control (U+0080..U+009F: 0xC2, then 0x80..0x9F) starts at
// `i`. 0xC2 is never a continuation byte, so `i` is a character's start.
bool C1At(const std::string& s, size_t i) {
  return static_cast<unsigned char>(s[i]) == 0xC2 && i + 1 < s.size() &&
         static_cast<unsigned char>(s[i + 1]) <= 0x9F;
}

// The offset of the first stray C0 control of `s`, or npos.
size_t FirstStrayC0(const std::string& s) {
  size_t i = 0;
#if defined(__SSE2__)
  const __m128i last_c0 = _mm_set1_epi8(0x1F);
  const __m128i del = _mm_set1_epi8(0x7F);
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    // Bytes up to 0x1F (unsigned), but for NUL, tab, line feed, form feed
    // and carriage return; and DEL.
    const __m128i c0 = _mm_cmpeq_epi8(_mm_min_epu8(v, last_c0), v);
    __m128i allowed = _mm_cmpeq_epi8(v, _mm_setzero_si128());
    for (const char w : {'\t', '\n', '\f', '\r'}) {
      allowed = _mm_or_si128(allowed, _mm_cmpeq_epi8(v, _mm_set1_epi8(w)));
    }
    const __m128i stray = _mm_or_si128(_mm_andnot_si128(allowed, c0), _mm_cmpeq_epi8(v, del));
    if (_mm_movemask_epi8(stray) != 0) break;  // the byte loop below finds which
  }
#endif
  for (; i < s.size(); ++i) {
    if (IsStrayC0(static_cast<unsigned char>(s[i]))) return i;
  }
  return std::string::npos;
}

}  // namespace

size_t RepairControlCharacters(std::string* text) {
  const std::string& s = *text;
  // Fast exit for the usual page, which holds none: a stray C0 control is
  // looked for sixteen bytes at a time, a C1 control at each 0xC2 (memchr).
  size_t first = FirstStrayC0(s);
  for (size_t k = s.find('\xC2'); k != std::string::npos && k < first; k = s.find('\xC2', k + 1)) {
    if (C1At(s, k)) {
      first = k;
      break;
    }
  }
  if (first == std::string::npos) return 0;
  std::string out;
  out.reserve(s.size() + 16);
  out.append(s, 0, first);
  size_t changed = 0;
  for (size_t i = first; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (IsStrayC0(c)) {
      if (c == 0x0B) out.push_back(' ');
      ++changed;
      continue;
    }
    if (C1At(s, i)) {
      const char raw = s[i + 1];
      std::string decoded;
      if (ConvertToUtf8(std::string_view(&raw, 1), "windows-1252", &decoded) &&
          decoded != s.substr(i, 2)) {
        out += decoded;  // else undefined in Windows-1252: removed
      }
      ++changed;
      ++i;
      continue;
    }
    out.push_back(s[i]);
  }
  text->swap(out);
  return changed;
}

}  // namespace corpus
