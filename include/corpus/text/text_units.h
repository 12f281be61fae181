#ifndef CORPUS_TEXT_TEXT_UNITS_H_
#define CORPUS_TEXT_TEXT_UNITS_H_

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace corpus {

// The text units the quality rules count: code points, lines, paragraphs and
// words. All functions take valid or invalid UTF-8 without crashing (invalid
// bytes count as one U+FFFD each).
//
// "Characters" are Unicode code points, as Python's len() in datatrove's
// filters. A "line" is a '\n'-separated piece without a trailing '\r'.
// Blank lines separate paragraphs in corpus's text format (docs/ARCHITECTURE.md, "Records"), so
// line-based rules look at non-blank lines only (see each rule's comment).

// Decodes the code point at s[*i] and advances *i past it.
char32_t NextCodePoint(std::string_view s, size_t* i);
// Decodes the code point that ends just before s[*end] and moves *end back.
char32_t PrevCodePoint(std::string_view s, size_t* end);
size_t CountCodePoints(std::string_view s);
// Appends the UTF-8 encoding of `cp` (1 to 4 bytes).
// REQUIRES: cp <= 0x10FFFF.
void AppendUtf8(char32_t cp, std::string* out);

bool IsLetter(char32_t c);       // Unicode general category L*
bool IsPunctuation(char32_t c);  // Python's string.punctuation, or Unicode P*
bool IsSpace(char32_t c);        // ASCII whitespace or Unicode Zs
bool IsUppercase(char32_t c);    // Unicode general category Lu
bool IsLowercase(char32_t c);    // Unicode general category Ll
// Scripts written without spaces between words (Han, Hiragana, Katakana,
// Thai, Lao, Khmer, Myanmar, Tibetan): word statistics mean nothing there.
bool IsNonSpacingScript(char32_t c);

// Sentence-ending marks of scripts other than Latin: 。！？｡． (CJK),
// । ॥ (Devanagari and other Indic scripts), ۔ ؟ (Arabic script), ։
// (Armenian), ። ፧ (Ethiopic), ။ (Myanmar), ។ ៕ (Khmer), ། ༎ (Tibetan), and
// the full stops of Mongolian, Canadian syllabics, N'Ko, Ol Chiki, Lisu, Vai,
// Bamum, Javanese and Meetei Mayek (text_units.cc lists them). The rules that
// look for terminal punctuation accept these besides the ASCII marks, so a
// Hindi, Armenian or Chinese page is not judged by the English full stop.
// Returns the byte length of such a mark at s[i], or 0.
size_t SentenceMarkAt(std::string_view s, size_t i);
bool EndsWithSentenceMark(std::string_view s);

// Strips ASCII whitespace and Unicode spaces from both ends.
std::string_view TrimSpace(std::string_view s);
bool IsBlank(std::string_view s);

// Splits on '\n' (dropping a '\r' before it). An empty text has no lines.
std::vector<std::string_view> SplitLines(std::string_view text);
// The non-blank lines, trimmed on the right only.
std::vector<std::string_view> NonBlankLines(std::string_view text);
// Paragraphs: maximal runs of non-blank lines, as in datatrove's
// `re.split(r"\n{2,}", text.strip())`.
std::vector<std::string_view> Paragraphs(std::string_view text);

// A line of SplitLines and the same line trimmed (TrimSpace); the line is
// blank when `trimmed` is empty.
struct Line {
  std::string_view text;
  std::string_view trimmed;
};
void SplitTrimmedLines(std::string_view text, std::vector<Line>* lines);
// NonBlankLines and Paragraphs of lines already split, so that a document
// is split once for all rules.
void NonBlankLines(const std::vector<Line>& lines, std::vector<std::string_view>* out);
void Paragraphs(const std::vector<Line>& lines, std::vector<std::string_view>* out);

// A word: a whitespace-separated token with leading and trailing punctuation
// removed; tokens that are all punctuation are not words. This approximates
// NLTK's word_tokenize followed by dropping string.punctuation tokens, which
// is how datatrove's Gopher filters count words.
struct Word {
  std::string_view text;
  uint32_t chars = 0;       // code points
  bool has_letter = false;  // whether a code point is a letter (IsLetter)
};
// Also counts, if `line_tokens` is given, the whitespace-separated tokens of
// each line of SplitLines (CountTokens of each line), in the same pass.
void TokenizeWords(std::string_view text, std::vector<Word>* words, std::vector<uint32_t>* line_tokens = nullptr);
// Number of whitespace-separated tokens (Python's str.split()).
size_t CountTokens(std::string_view text);

// 64-bit hash of a byte string, for duplicate detection (collisions at
// 2^-64 per pair are far below anything a rule threshold can see).
uint64_t HashBytes(std::string_view s);
// HashBytes(s) for an `s` inside a buffer that can be read up to
// `readable_end`, which lets it load the last bytes as one 8-byte word.
// (Inline: the n-gram rules hash every word of a document.)
inline uint64_t HashBytesIn(std::string_view s, const char* readable_end);
inline uint64_t MixHash(uint64_t a, uint64_t b) {
  // Murmur3's 64-bit finalizer over a combined value (inline: the n-gram
  // rules call it once per word and round).
  uint64_t h = a * 0x9E3779B97F4A7C15ULL ^ (b + 0x632BE59BD9B4E019ULL + (a << 6) + (a >> 2));
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDULL;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ULL;
  h ^= h >> 33;
  return h;
}

inline uint64_t HashBytesIn(std::string_view s, const char* readable_end) {
  uint64_t h = 0xCBF29CE484222325ULL ^ s.size();
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * 0x100000001B3ULL;
    h ^= h >> 29;
  }
  // The last 0-7 bytes as a little-endian number: one 8-byte load, masked,
  // when the buffer goes on long enough (words are short, so this is the
  // common case), else byte by byte.
  const size_t rest = s.size() - i;
  uint64_t tail = 0;
  if (rest > 0) {
    const char* p = s.data() + i;
    if (std::endian::native == std::endian::little && readable_end - p >= 8) {
      std::memcpy(&tail, p, 8);
      tail &= ~0ULL >> (64 - 8 * rest);
    } else {
      for (size_t k = 0; k < rest; ++k) tail |= static_cast<uint64_t>(static_cast<uint8_t>(p[k])) << (8 * k);
    }
  }
  return MixHash(h, tail);
}

// Counts non-overlapping occurrences of `needle` (Python's str.count).
size_t CountSubstr(std::string_view haystack, std::string_view needle);

}  // namespace corpus

#endif  // CORPUS_TEXT_TEXT_UNITS_H_
