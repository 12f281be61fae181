#include "corpus/text/text_units.h"

#include "corpus/util/utf8.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

namespace corpus {
namespace {

// Byte classes for the ASCII fast path.
enum : uint8_t { kOther = 0, kSpace = 1, kPunct = 2, kLetter = 4 };

constexpr std::array<uint8_t, 128> MakeAsciiTable() {
  std::array<uint8_t, 128> t{};
  for (int c = 0; c < 128; ++c) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') t[c] = kSpace;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) t[c] = kLetter;
  }
  // Python's string.punctuation.
  for (const char* p = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"; *p; ++p) t[static_cast<uint8_t>(*p)] = kPunct;
  return t;
}
constexpr std::array<uint8_t, 128> kAscii = MakeAsciiTable();

uint8_t ClassOfCategory(char32_t c) {
  if (c == 0x85 || c == 0x2028 || c == 0x2029) return kSpace;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_ZS:
      return kSpace;
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
      return kLetter;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
      return kPunct;
    default:
      return kOther;
  }
}

// ClassOfCategory for every BMP code point, built once per process (65,536
// lookups, well under a millisecond): the tokeniser classifies every
// character, and a Chinese or Japanese text has no ASCII fast path.
const std::array<uint8_t, 0x10000>& BmpClasses() {
  static const auto* const table = [] {
    auto* t = new std::array<uint8_t, 0x10000>;
    for (char32_t c = 0; c < 0x10000; ++c) (*t)[c] = c < 128 ? kAscii[c] : ClassOfCategory(c);
    return t;
  }();
  return *table;
}

// The class of a code point: kSpace (ASCII whitespace, U+0085, Zs, U+2028,
// U+2029), kLetter (L*), kPunct (Python's string.punctuation, or P*).
uint8_t ClassOf(char32_t c) {
  if (c < 128) return kAscii[c];
  if (c < 0x10000) return BmpClasses()[c];
  return ClassOfCategory(c);
}

}  // namespace

void AppendUtf8(char32_t cp, std::string* out) {
  char b[4];
  out->append(b, EncodeUtf8(cp, b));
}

char32_t NextCodePoint(std::string_view s, size_t* i) {
  const auto b0 = static_cast<uint8_t>(s[*i]);
  if (b0 < 0x80) {
    ++*i;
    return b0;
  }
  // A sequence that is not well-formed is one U+FFFD for its first byte.
  char32_t cp;
  const size_t n = DecodeUtf8(s, *i, &cp);
  *i += n == 0 ? 1 : n;
  return n == 0 ? 0xFFFD : cp;
}

char32_t PrevCodePoint(std::string_view s, size_t* end) {
  size_t start = *end - 1;
  // Step back over at most three continuation bytes.
  while (start > 0 && *end - start < 4 && (static_cast<uint8_t>(s[start]) & 0xC0) == 0x80) --start;
  size_t i = start;
  const char32_t c = NextCodePoint(s, &i);
  if (i != *end) {  // not a well-formed sequence ending at *end
    --*end;
    return 0xFFFD;
  }
  *end = start;
  return c;
}

size_t CountCodePoints(std::string_view s) {
  // Bytes that are not continuation bytes (10xxxxxx). Eight bytes at a time:
  // a byte's top bit in x & ~(x << 1) is set when its top bit is 1 and the
  // next is 0; those bits, moved to each byte's lowest bit, add up in
  // byte-wide lanes for at most 255 words, then the lanes are summed.
  constexpr uint64_t kTop = 0x8080808080808080ULL;
  constexpr uint64_t kLow16 = 0x00FF00FF00FF00FFULL;
  size_t continuations = 0;
  size_t i = 0;
  while (i + 8 <= s.size()) {
    uint64_t lanes = 0;
    for (int k = 0; k < 255 && i + 8 <= s.size(); ++k, i += 8) {
      uint64_t x;
      std::memcpy(&x, s.data() + i, 8);
      lanes += (x & ~(x << 1) & kTop) >> 7;
    }
    const uint64_t pairs = (lanes & kLow16) + ((lanes >> 8) & kLow16);  // four 16-bit lanes
    continuations += (pairs * 0x0001000100010001ULL) >> 48;
  }
  for (; i < s.size(); ++i) continuations += (static_cast<uint8_t>(s[i]) & 0xC0) == 0x80;
  return s.size() - continuations;
}

bool IsLetter(char32_t c) { return ClassOf(c) == kLetter; }
bool IsPunctuation(char32_t c) { return ClassOf(c) == kPunct; }
bool IsSpace(char32_t c) { return ClassOf(c) == kSpace; }
bool IsUppercase(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return c <= 0x10FFFF && utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_LU;
}
bool IsLowercase(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return c <= 0x10FFFF && utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_LL;
}

bool IsNonSpacingScript(char32_t c) {
  return (c >= 0x0E00 && c <= 0x0EFF)      // Thai, Lao
         || (c >= 0x0F00 && c <= 0x0FFF)   // Tibetan
         || (c >= 0x1000 && c <= 0x109F)   // Myanmar
         || (c >= 0x1780 && c <= 0x17FF)   // Khmer
         || (c >= 0x3040 && c <= 0x30FF)   // Hiragana, Katakana
         || (c >= 0x31F0 && c <= 0x31FF)   // Katakana extensions
         || (c >= 0x3400 && c <= 0x4DBF)   // CJK extension A
         || (c >= 0x4E00 && c <= 0x9FFF)   // CJK unified ideographs
         || (c >= 0xF900 && c <= 0xFAFF)   // CJK compatibility ideographs
         || (c >= 0xFF66 && c <= 0xFF9F)   // half-width Katakana
         || (c >= 0x20000 && c <= 0x3134F);  // CJK extensions B-G
}

namespace {
// See text_units.h; the code points, by script, are those of Unicode's
// Sentence_Terminal property (PropList.txt) in scripts of living languages,
// with Khmer's ។ ៕ and Tibetan's ། ༎, which end sentences without it.
constexpr std::string_view kSentenceMarks[] = {
    "。", "！", "？", "｡", "．",  // CJK, full-width and half-width
    "।", "॥",                     // Devanagari and other Indic scripts
    "۔", "؟",                     // Arabic script
    "։",                          // Armenian
    "።", "፧",                     // Ethiopic full stop and question mark
    "။",                          // Myanmar
    "។", "៕",                     // Khmer
    "།", "༎",                     // Tibetan
    "᠃",                          // Mongolian
    "᙮",                          // Canadian Aboriginal syllabics
    "߹",                          // N'Ko (its exclamation mark)
    "᱾",                          // Ol Chiki (Santali)
    "꓿",                          // Lisu
    "꘎",                          // Vai
    "꛳",                          // Bamum
    "꧉",                          // Javanese
    "꯫",                          // Meetei Mayek (Manipuri)
};

// The first two bytes of the marks, as bits of a 65,536-bit set: text in
// other scripts (and kana, which shares its first byte with "。") passes
// without comparing.
constexpr uint32_t TwoBytes(uint8_t a, uint8_t b) { return uint32_t{a} << 8 | b; }
constexpr std::array<uint64_t, 1024> kSentenceMarkPrefix = [] {
  std::array<uint64_t, 1024> t{};
  for (std::string_view m : kSentenceMarks) {
    const uint32_t k = TwoBytes(static_cast<uint8_t>(m[0]), static_cast<uint8_t>(m[1]));
    t[k >> 6] |= uint64_t{1} << (k & 63);
  }
  return t;
}();
}  // namespace

size_t SentenceMarkAt(std::string_view s, size_t i) {
  // Every mark is two bytes or more.
  if (static_cast<uint8_t>(s[i]) < 0x80 || i + 1 >= s.size()) return 0;
  const uint32_t k = TwoBytes(static_cast<uint8_t>(s[i]), static_cast<uint8_t>(s[i + 1]));
  if ((kSentenceMarkPrefix[k >> 6] >> (k & 63) & 1) == 0) return 0;
  const std::string_view rest = s.substr(i);
  for (std::string_view m : kSentenceMarks) {
    if (rest.starts_with(m)) return m.size();
  }
  return 0;
}

bool EndsWithSentenceMark(std::string_view s) {
  // The last character starts at the last byte that is not a continuation
  // byte (every mark is two to three bytes).
  size_t i = s.size();
  while (i > 0 && s.size() - i < 4 && (static_cast<uint8_t>(s[i - 1]) & 0xC0) == 0x80) --i;
  if (i == 0 || i == s.size()) return false;
  --i;
  return SentenceMarkAt(s, i) == s.size() - i;
}

std::string_view TrimSpace(std::string_view s) {
  size_t b = 0;
  while (b < s.size()) {
    const auto c = static_cast<uint8_t>(s[b]);
    if (c < 0x80) {  // ASCII: no decoding needed
      if (kAscii[c] != kSpace) break;
      ++b;
      continue;
    }
    size_t i = b;
    if (!IsSpace(NextCodePoint(s, &i))) break;
    b = i;
  }
  size_t e = s.size();
  while (e > b) {
    const auto c = static_cast<uint8_t>(s[e - 1]);
    if (c < 0x80) {
      if (kAscii[c] != kSpace) break;
      --e;
      continue;
    }
    size_t i = e;
    if (!IsSpace(PrevCodePoint(s, &i))) break;
    e = i;
  }
  return s.substr(b, e - b);
}

bool IsBlank(std::string_view s) {
  for (const char ch : s) {
    const auto b = static_cast<uint8_t>(ch);
    if (b >= 0x80 || kAscii[b] != kSpace) return TrimSpace(s).empty();
  }
  return true;
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    const size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

void SplitTrimmedLines(std::string_view text, std::vector<Line>* lines) {
  lines->clear();
  for (std::string_view line : SplitLines(text)) lines->push_back(Line{line, TrimSpace(line)});
}

void NonBlankLines(const std::vector<Line>& lines, std::vector<std::string_view>* out) {
  out->clear();
  for (const Line& line : lines) {
    if (line.trimmed.empty()) continue;
    // Keep leading indentation (bullets are found after it), drop trailing space.
    const char* end = line.trimmed.data() + line.trimmed.size();
    out->emplace_back(line.text.data(), static_cast<size_t>(end - line.text.data()));
  }
}

void Paragraphs(const std::vector<Line>& lines, std::vector<std::string_view>* out) {
  out->clear();
  const char* para_begin = nullptr;
  const char* para_end = nullptr;
  for (const Line& line : lines) {
    if (line.trimmed.empty()) {
      if (para_begin) out->emplace_back(para_begin, static_cast<size_t>(para_end - para_begin));
      para_begin = nullptr;
      continue;
    }
    if (!para_begin) para_begin = line.text.data();
    para_end = line.text.data() + line.text.size();
  }
  if (para_begin) out->emplace_back(para_begin, static_cast<size_t>(para_end - para_begin));
}

namespace {

using LinePicker = void (*)(const std::vector<Line>&, std::vector<std::string_view>*);

// `pick` over the lines of `text`.
std::vector<std::string_view> PickFromText(std::string_view text, LinePicker pick) {
  std::vector<Line> lines;
  SplitTrimmedLines(text, &lines);
  std::vector<std::string_view> out;
  pick(lines, &out);
  return out;
}

}  // namespace

std::vector<std::string_view> NonBlankLines(std::string_view text) {
  return PickFromText(text, static_cast<LinePicker>(&NonBlankLines));
}

std::vector<std::string_view> Paragraphs(std::string_view text) {
  return PickFromText(text, static_cast<LinePicker>(&Paragraphs));
}

// Flattened: the vector append of each word is inlined (GCC at -O2 leaves it a
// call, a few percent of the filter on English).
[[gnu::flatten]] void TokenizeWords(std::string_view text, std::vector<Word>* words,
                                    std::vector<uint32_t>* line_tokens) {
  words->clear();
  words->reserve(text.size() / 6);  // about one word per six bytes of prose
  if (line_tokens) line_tokens->clear();
  uint32_t tokens_in_line = 0;
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    // Skip whitespace; a '\n' ends a line (tokens never span one).
    while (i < n) {
      const auto b = static_cast<uint8_t>(text[i]);
      if (b < 0x80) {
        if (kAscii[b] != kSpace) break;
        if (b == '\n' && line_tokens) {
          line_tokens->push_back(tokens_in_line);
          tokens_in_line = 0;
        }
        ++i;
      } else {
        size_t j = i;
        if (ClassOf(NextCodePoint(text, &j)) != kSpace) break;
        i = j;
      }
    }
    if (i >= n) break;
    ++tokens_in_line;
    // Token: up to the next whitespace; strip punctuation at both ends.
    // Tokens that are all ASCII (most) go fast: find the end, then strip.
    size_t j = i;
    while (j < n && static_cast<uint8_t>(text[j]) < 0x80 && kAscii[static_cast<uint8_t>(text[j])] != kSpace) ++j;
    if (j == n || static_cast<uint8_t>(text[j]) < 0x80) {
      size_t b = i, e = j;
      while (b < e && kAscii[static_cast<uint8_t>(text[b])] == kPunct) ++b;
      while (e > b && kAscii[static_cast<uint8_t>(text[e - 1])] == kPunct) --e;
      if (b < e) {
        size_t k = b;
        while (k < e && kAscii[static_cast<uint8_t>(text[k])] != kLetter) ++k;
        words->push_back(Word{text.substr(b, e - b), static_cast<uint32_t>(e - b), k < e});
      }
      i = j;
      continue;
    }
    // A token with non-ASCII characters: decode as we go.
    size_t word_begin = n, word_end = i;
    uint32_t chars = 0, chars_at_end = 0;
    bool has_letter = false;
    j = i;
    while (j < n) {
      const auto b = static_cast<uint8_t>(text[j]);
      size_t next = j + 1;
      const uint8_t cls = b < 0x80 ? kAscii[b] : (next = j, ClassOf(NextCodePoint(text, &next)));
      if (cls == kSpace) break;
      if (cls != kPunct) {
        if (word_begin == n) word_begin = j;
        word_end = next;
        chars_at_end = chars + 1;
        has_letter = has_letter || cls == kLetter;
      }
      if (word_begin != n) ++chars;
      j = next;
    }
    if (word_begin != n) {
      words->push_back(Word{text.substr(word_begin, word_end - word_begin), chars_at_end, has_letter});
    }
    i = j;
  }
  // SplitLines has no empty line after a final '\n'.
  if (line_tokens && n > 0 && text[n - 1] != '\n') line_tokens->push_back(tokens_in_line);
}

size_t CountTokens(std::string_view text) {
  size_t count = 0;
  bool in_token = false;
  size_t i = 0;
  while (i < text.size()) {
    const auto b = static_cast<uint8_t>(text[i]);
    const bool space = b < 0x80 ? (++i, kAscii[b] == kSpace) : IsSpace(NextCodePoint(text, &i));
    if (!space && !in_token) ++count;
    in_token = !space;
  }
  return count;
}

uint64_t HashBytes(std::string_view s) { return HashBytesIn(s, s.data() + s.size()); }

size_t CountSubstr(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return 0;
  size_t count = 0;
  for (size_t pos = haystack.find(needle); pos != std::string_view::npos;
       pos = haystack.find(needle, pos + needle.size())) {
    ++count;
  }
  return count;
}

}  // namespace corpus
