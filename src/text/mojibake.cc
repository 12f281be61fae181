#include "corpus/text/mojibake.h"

#include <cstdint>
#include <string_view>

#include "corpus/text/charset.h"
#include "corpus/text/text_units.h"
#include "corpus/util/json.h"

namespace corpus {
namespace {

// Decodes the UTF-8 character at s[i] (input is valid UTF-8); sets *len.
uint32_t DecodeAt(const std::string& s, size_t i, size_t* len) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  if (i + n > s.size()) n = s.size() - i;
  uint32_t cp = c & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  *len = n;
  return cp;
}

// The Windows-1252 byte a code point stands for, or -1. Bytes 0x80..0x9F
// are printable characters in Windows-1252 and C1 controls in ISO-8859-1;
// both spellings come back to the same byte.
int Cp1252Byte(uint32_t cp) {
  if (cp >= 0x80 && cp <= 0xFF) return static_cast<int>(cp);
  switch (cp) {
    case 0x20AC: return 0x80;  // €
    case 0x201A: return 0x82;  // ‚
    case 0x0192: return 0x83;  // ƒ
    case 0x201E: return 0x84;  // „
    case 0x2026: return 0x85;  // …
    case 0x2020: return 0x86;  // †
    case 0x2021: return 0x87;  // ‡
    case 0x02C6: return 0x88;  // ˆ
    case 0x2030: return 0x89;  // ‰
    case 0x0160: return 0x8A;  // Š
    case 0x2039: return 0x8B;  // ‹
    case 0x0152: return 0x8C;  // Œ
    case 0x017D: return 0x8E;  // Ž
    case 0x2018: return 0x91;  // ‘
    case 0x2019: return 0x92;  // ’
    case 0x201C: return 0x93;  // “
    case 0x201D: return 0x94;  // ”
    case 0x2022: return 0x95;  // •
    case 0x2013: return 0x96;  // –
    case 0x2014: return 0x97;  // —
    case 0x02DC: return 0x98;  // ˜
    case 0x2122: return 0x99;  // ™
    case 0x0161: return 0x9A;  // š
    case 0x203A: return 0x9B;  // ›
    case 0x0153: return 0x9C;  // œ
    case 0x017E: return 0x9E;  // ž
    case 0x0178: return 0x9F;  // Ÿ
    default: return -1;
  }
}

// Two-byte leads repaired: those of the Latin-1 supplement and Latin
// Extended-A (Â Ã Ä Å), Greek (Î Ï), Cyrillic (Ð Ñ), Hebrew (×) and Arabic
// (Ø Ù), the scripts whose mojibake is common. The others (Æ..Í: IPA,
// modifier letters, combining marks) would turn legitimate pairs such as
// the "É»" of «CAFÉ» into letters no page meant.
bool RepairableTwoByteLead(int lead) {
  return (lead >= 0xC2 && lead <= 0xC5) || lead == 0xCE || lead == 0xCF || lead == 0xD0 ||
         lead == 0xD1 || lead == 0xD7 || lead == 0xD8 || lead == 0xD9;
}

// How many continuation bytes a UTF-8 lead byte takes, or 0 if it is none
// (0xC0, 0xC1 and 0xF5.. never start a valid sequence) or not repaired.
size_t Continuations(int lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return RepairableTwoByteLead(lead) ? 1 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) return 2;
  if (lead >= 0xF0 && lead <= 0xF4) return 3;
  return 0;
}

// Whether bytes[0..n) is the shortest-form UTF-8 of a scalar value
// (RFC 3629 section 4), given that each continuation is in 0x80..0xBF.
bool ValidSequence(const unsigned char* b, size_t n) {
  if (n == 3) {
    if (b[0] == 0xE0 && b[1] < 0xA0) return false;  // overlong
    if (b[0] == 0xED && b[1] >= 0xA0) return false;  // surrogate
  } else if (n == 4) {
    if (b[0] == 0xF0 && b[1] < 0x90) return false;  // overlong
    if (b[0] == 0xF4 && b[1] >= 0x90) return false;  // above U+10FFFF
  }
  return true;
}

// RedecodeMisreadCjk's thresholds: the share and count of characters that
// stand for bytes 0x80..0xFF, and the share of replacement characters the
// new decoding may hold.
constexpr double kMinHighShare = 0.05;
constexpr size_t kMinHighChars = 100;
constexpr double kMaxReplacedShare = 0.01;

bool IsEastAsianMultiByte(std::string_view charset) {
  return charset == "gbk" || charset == "gb18030" || charset == "big5" ||
         charset == "shift_jis" || charset == "euc-jp" || charset == "euc-kr";
}

}  // namespace

size_t RepairMojibake(std::string* text) {
  const std::string& s = *text;
  // Fast exit: every repair starts at a lead character U+00C2..U+00F4,
  // whose UTF-8 starts with byte 0xC3.
  if (s.find('\xC3') == std::string::npos) return 0;
  std::string out;
  size_t repaired = 0;
  size_t copied = 0;
  size_t i = 0;
  while (i < s.size()) {
    // Skip to the next character U+00C0..U+00FF (0xC3 is never a
    // continuation byte, so this is a character boundary).
    i = s.find('\xC3', i);
    if (i == std::string::npos) break;
    size_t len;
    const uint32_t cp = DecodeAt(s, i, &len);
    const size_t need = cp >= 0xC2 && cp <= 0xF4 ? Continuations(static_cast<int>(cp)) : 0;
    if (need == 0) {
      i += len;
      continue;
    }
    unsigned char bytes[4] = {static_cast<unsigned char>(cp), 0, 0, 0};
    size_t j = i + len;
    size_t got = 0;
    while (got < need && j < s.size()) {
      size_t clen;
      const int b = Cp1252Byte(DecodeAt(s, j, &clen));
      if (b < 0x80 || b > 0xBF) break;
      bytes[++got] = static_cast<unsigned char>(b);
      j += clen;
    }
    if (got < need || !ValidSequence(bytes, need + 1)) {
      i += len;
      continue;
    }
    if (out.empty()) out.reserve(s.size());
    out.append(s, copied, i - copied);
    out.append(reinterpret_cast<const char*>(bytes), need + 1);
    copied = i = j;
    ++repaired;
  }
  if (repaired == 0) return 0;
  out.append(s, copied, std::string::npos);
  text->swap(out);
  return repaired;
}

std::string RedecodeMisreadCjk(std::string* text) {
  const std::string& s = *text;
  // First pass: count the characters that stand for bytes 0x80..0xFF; stop
  // at the first that stands for none (any CJK, Cyrillic... text).
  size_t chars = 0;
  size_t high = 0;
  for (size_t i = 0; i < s.size();) {
    const size_t ascii = AsciiPrefixLength(std::string_view(s).substr(i));
    chars += ascii;
    i += ascii;
    if (i == s.size()) break;
    size_t len;
    if (Cp1252Byte(DecodeAt(s, i, &len)) < 0) return "";
    ++chars;
    ++high;
    i += len;
  }
  if (high < kMinHighChars ||
      static_cast<double>(high) < kMinHighShare * static_cast<double>(chars)) {
    return "";
  }
  // The bytes the text was decoded from.
  std::string bytes;
  bytes.reserve(chars);
  for (size_t i = 0; i < s.size();) {
    size_t len;
    const uint32_t cp = DecodeAt(s, i, &len);
    bytes.push_back(static_cast<char>(cp < 0x80 ? static_cast<int>(cp) : Cp1252Byte(cp)));
    i += len;
  }
  const std::string charset = DetectCharset(bytes);
  if (!IsEastAsianMultiByte(charset)) return "";
  std::string decoded;
  if (!ConvertToUtf8(bytes, charset, &decoded)) return "";
  constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
  size_t replaced = 0;
  for (size_t p = decoded.find(kReplacement); p != std::string::npos;
       p = decoded.find(kReplacement, p + kReplacement.size())) {
    ++replaced;
  }
  if (static_cast<double>(replaced) >=
      kMaxReplacedShare * static_cast<double>(CountCodePoints(decoded))) {
    return "";
  }
  text->swap(decoded);
  return charset;
}

}  // namespace corpus
