#include "corpus/util/json.h"

#include "corpus/util/utf8.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include <simdjson.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace corpus {
namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 if invalid.
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  char32_t cp;
  return DecodeUtf8(s, i, &cp);
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool ParseHex4(std::string_view s, size_t i, uint32_t* v) {
  if (i + 4 > s.size()) return false;
  uint32_t r = 0;
  for (size_t k = 0; k < 4; ++k) {
    const int h = HexValue(s[i + k]);
    if (h < 0) return false;
    r = (r << 4) | static_cast<uint32_t>(h);
  }
  *v = r;
  return true;
}

constexpr char kReplacement[] = "\xEF\xBF\xBD";

constexpr uint64_t kLowBits = 0x0101010101010101ull;
constexpr uint64_t kHighBits = 0x8080808080808080ull;

// Whether some byte of `w` is zero, exactly: its top bit is set in the result
// ("Bit Twiddling Hacks", haszero).
constexpr uint64_t ZeroBytes(uint64_t w) { return (w - kLowBits) & ~w & kHighBits; }

// Whether one of the eight bytes of `w` may be one that AppendJsonString does
// not copy as it is: a control character (< 0x20), '"', '\\', or a byte >= 0x80.
// False positives are allowed (the caller then looks at the bytes one by one),
// false negatives are not.
constexpr bool MayNeedEscape(uint64_t w) {
  const uint64_t below_space = (w - kLowBits * 0x20) & ~w & kHighBits;  // hasless(w, 0x20)
  return ((w & kHighBits) | below_space | ZeroBytes(w ^ (kLowBits * '"')) |
          ZeroBytes(w ^ (kLowBits * '\\'))) != 0;
}

// The length of the prefix of p[0, n) that AppendJsonString copies as it
// is without looking at each byte: printable ASCII other than '"' and '\\',
// and with kValidUtf8 (the text is known to be valid UTF-8) the bytes >= 0x80
// too. Without kValidUtf8 it may stop early (at a word MayNeedEscape flags),
// never late; with it, it stops at the first control, '"' or '\\'.
template <bool kValidUtf8>
size_t CleanPrefixLength(const char* p, size_t n) {
  size_t i = 0;
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(' ');
  const __m128i last_control = _mm_set1_epi8(0x1F);
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    // Valid text: the controls alone (unsigned v <= 0x1F: min(v, 0x1F) == v).
    // Otherwise, as signed bytes, both the controls and the bytes >= 0x80
    // compare below ' '.
    const __m128i stop = kValidUtf8 ? _mm_cmpeq_epi8(_mm_min_epu8(v, last_control), v) : _mm_cmplt_epi8(v, space);
    const __m128i flagged =
        _mm_or_si128(stop, _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
    const int mask = _mm_movemask_epi8(flagged);
    if (mask != 0) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  if constexpr (kValidUtf8) {
    while (i < n) {
      const auto c = static_cast<unsigned char>(p[i]);
      if (c < 0x20 || c == '"' || c == '\\') break;
      ++i;
    }
  } else {
    for (; i + 8 <= n; i += 8) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (MayNeedEscape(w)) break;
    }
  }
  return i;
}

// Appends the JSON escape of the ASCII byte c (a control, '"' or '\\').
void AppendEscape(std::string* out, unsigned char c) {
  static const char kHex[] = "0123456789abcdef";
  switch (c) {
    case '"': *out += "\\\""; break;
    case '\\': *out += "\\\\"; break;
    case '\n': *out += "\\n"; break;
    case '\r': *out += "\\r"; break;
    case '\t': *out += "\\t"; break;
    case '\b': *out += "\\b"; break;
    case '\f': *out += "\\f"; break;
    default:
      *out += "\\u00";
      out->push_back(kHex[c >> 4]);
      out->push_back(kHex[c & 0xF]);
  }
}

// Below this length a string is escaped and checked in one pass; from it on,
// it is checked as a whole first (many bytes a step), and valid text is then
// only escaped.
constexpr size_t kValidateFirstBytes = 64;

}  // namespace

size_t AsciiPrefixLength(std::string_view s) {
  const char* p = s.data();
  const size_t n = s.size();
  size_t i = 0;
#if defined(__SSE2__)
  // Sixty-four bytes at a time: a byte >= 0x80 has its top bit set, which
  // movemask gathers.
  for (; i + 64 <= n; i += 64) {
    const __m128i* v = reinterpret_cast<const __m128i*>(p + i);
    const __m128i any = _mm_or_si128(_mm_or_si128(_mm_loadu_si128(v), _mm_loadu_si128(v + 1)),
                                     _mm_or_si128(_mm_loadu_si128(v + 2), _mm_loadu_si128(v + 3)));
    if (_mm_movemask_epi8(any) != 0) break;
  }
#endif
  // Eight bytes at a time: a byte >= 0x80 has its top bit set.
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    if (w & kHighBits) break;
  }
  while (i < n && static_cast<unsigned char>(p[i]) < 0x80) ++i;
  return i;
}

bool IsValidUtf8(std::string_view s) {
  // simdjson's validator: RFC 3629's definition, as Utf8SequenceLength's.
  return simdjson::validate_utf8(s.data(), s.size());
}

bool SanitizeUtf8(std::string* s) {
  if (IsValidUtf8(*s)) return false;
  std::string out;
  out.reserve(s->size() + 16);
  size_t i = 0;
  while (i < s->size()) {
    const size_t len = Utf8SequenceLength(*s, i);
    if (len == 0) {
      out += kReplacement;
      ++i;
    } else {
      out.append(*s, i, len);
      i += len;
    }
  }
  s->swap(out);
  return true;
}

void AppendJsonString(std::string* out, std::string_view s) {
  out->reserve(out->size() + s.size() + 2);
  out->push_back('"');
  const char* p = s.data();
  const size_t n = s.size();
  size_t i = 0;
  if (n >= kValidateFirstBytes && IsValidUtf8(s)) {
    while (i < n) {
      const size_t run = i + CleanPrefixLength<true>(p + i, n - i);
      out->append(p + i, run - i);
      i = run;
      if (i >= n) break;
      AppendEscape(out, static_cast<unsigned char>(p[i++]));
    }
    out->push_back('"');
    return;
  }
  while (i < n) {
    // One pass that escapes and checks UTF-8: the run of bytes copied as
    // they are grows over clean words eight bytes at a time, over other
    // bytes one at a time, and over whole valid multi-byte sequences; it
    // ends at a byte to escape or an invalid sequence.
    size_t run = i;
    bool stop = false;
    while (run < n && !stop) {
      run += CleanPrefixLength<false>(p + run, n - run);
      if (run >= n) break;
      // The bytes of a flagged word (or of the tail), one by one.
      const size_t word_end = std::min(run + 8, n);
      while (run < word_end) {
        const unsigned char c = static_cast<unsigned char>(p[run]);
        if (c >= 0x80) {
          const size_t len = Utf8SequenceLength(s, run);
          if (len == 0) {
            stop = true;
            break;
          }
          run += len;
        } else if (c < 0x20 || c == '"' || c == '\\') {
          stop = true;
          break;
        } else {
          ++run;
        }
      }
    }
    out->append(p + i, run - i);
    i = run;
    if (i >= n) break;
    const unsigned char c = static_cast<unsigned char>(p[i]);
    ++i;
    if (c >= 0x80) {  // not the start of a valid sequence
      *out += kReplacement;
      continue;
    }
    AppendEscape(out, c);
  }
  out->push_back('"');
}

std::string JsonQuote(std::string_view s) {
  std::string out;
  AppendJsonString(&out, s);
  return out;
}

std::optional<std::string> JsonUnquote(std::string_view raw) {
  if (raw.size() < 2 || raw.front() != '"' || raw.back() != '"') return std::nullopt;
  // No escape writes more bytes than it reads ("\n": one for two, "\uXXXX":
  // at most three for six, a surrogate pair four for twelve), so the text
  // fits in the literal's body and is written in place, then cut to size.
  std::string out(raw.size() - 2, '\0');
  char* w = out.data();
  const size_t end = raw.size() - 1;
  const std::string_view body = raw.substr(0, end);  // without the closing quote
  size_t i = 1;
  while (true) {
    // Escapes are rare in text but frequent in markup (every quote): the
    // bytes up to the next one are copied 16 at a time.
#if defined(__SSE2__)
    const __m128i backslash = _mm_set1_epi8('\\');
    while (end - i >= 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(raw.data() + i));
      const int mask = _mm_movemask_epi8(_mm_cmpeq_epi8(v, backslash));
      if (mask != 0) {
        const int k = __builtin_ctz(static_cast<unsigned>(mask));
        std::memcpy(w, raw.data() + i, static_cast<size_t>(k));
        w += k;
        i += static_cast<size_t>(k);
        break;
      }
      _mm_storeu_si128(reinterpret_cast<__m128i*>(w), v);
      w += 16;
      i += 16;
    }
#endif
    while (i < end && raw[i] != '\\') *w++ = raw[i++];
    if (i >= end) break;
    if (i + 1 >= end) return std::nullopt;
    const char e = raw[i + 1];
    i += 2;
    switch (e) {
      case '"': *w++ = '"'; break;
      case '\\': *w++ = '\\'; break;
      case '/': *w++ = '/'; break;
      case 'b': *w++ = '\b'; break;
      case 'f': *w++ = '\f'; break;
      case 'n': *w++ = '\n'; break;
      case 'r': *w++ = '\r'; break;
      case 't': *w++ = '\t'; break;
      case 'u': {
        uint32_t cp;
        if (!ParseHex4(body, i, &cp)) return std::nullopt;
        i += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          uint32_t lo;
          if (i + 6 <= end && raw[i] == '\\' && raw[i + 1] == 'u' && ParseHex4(body, i + 2, &lo) &&
              lo >= 0xDC00 && lo <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            i += 6;
          } else {
            cp = 0xFFFD;  // lone high surrogate
          }
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
          cp = 0xFFFD;  // lone low surrogate
        }
        w += EncodeUtf8(cp, w);
        break;
      }
      default:
        return std::nullopt;
    }
  }
  out.resize(static_cast<size_t>(w - out.data()));
  return out;
}

void JsonObjectWriter::Key(std::string_view key) {
  if (body_.size() > 1) body_.push_back(',');
  AppendJsonString(&body_, key);
  body_.push_back(':');
}

JsonObjectWriter& JsonObjectWriter::String(std::string_view key, std::string_view value) {
  Key(key);
  AppendJsonString(&body_, value);
  return *this;
}
JsonObjectWriter& JsonObjectWriter::Int(std::string_view key, int64_t value) {
  Key(key);
  body_ += std::to_string(value);
  return *this;
}
JsonObjectWriter& JsonObjectWriter::Uint(std::string_view key, uint64_t value) {
  Key(key);
  body_ += std::to_string(value);
  return *this;
}
JsonObjectWriter& JsonObjectWriter::Double(std::string_view key, double value) {
  Key(key);
  body_ += FormatJsonDouble(value);
  return *this;
}
JsonObjectWriter& JsonObjectWriter::Bool(std::string_view key, bool value) {
  Key(key);
  body_ += value ? "true" : "false";
  return *this;
}
JsonObjectWriter& JsonObjectWriter::Raw(std::string_view key, std::string_view raw_json) {
  Key(key);
  body_.append(raw_json);
  return *this;
}
JsonObjectWriter& JsonObjectWriter::Null(std::string_view key) {
  Key(key);
  body_ += "null";
  return *this;
}

std::string FormatJsonDouble(double v) {
  if (!std::isfinite(v)) return "null";
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%.6g", v);
  return buf;
}

}  // namespace corpus
