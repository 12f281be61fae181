// Language identification with CLD2, for extract (a page's language) and
// filter (the language rule).

#include "corpus/text/language_id.h"

#include <cld2/public/compact_lang_det.h>

#include <algorithm>

namespace corpus {
namespace {

// Length of the code point at text[i] if CLD2 would refuse it, else 0.
// ExtDetectLanguageSummaryCheckUTF8 wants "interchange valid" UTF-8 and
// reports UNKNOWN for the whole text when it is not: C0 controls other than
// whitespace, DEL, C1 controls (U+0080..U+009F, typical of Windows-1252 text
// decoded as Latin-1) and the noncharacters (Unicode 15, section 23.7).
size_t NonInterchangeLength(std::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return k < text.size() ? static_cast<uint8_t>(text[k]) : 0; };
  const uint8_t c = byte(i);
  if (c < 0x20) return c == '\t' || c == '\n' || c == '\r' ? 0 : 1;
  if (c == 0x7F) return 1;
  if (c == 0xC2) return byte(i + 1) >= 0x80 && byte(i + 1) <= 0x9F ? 2 : 0;
  if (c == 0xEF) {
    const uint8_t b1 = byte(i + 1), b2 = byte(i + 2);
    if (b1 == 0xB7 && b2 >= 0x90 && b2 <= 0xAF) return 3;     // U+FDD0..U+FDEF
    if (b1 == 0xBF && (b2 == 0xBE || b2 == 0xBF)) return 3;  // U+FFFE, U+FFFF
    return 0;
  }
  if (c >= 0xF0 && c <= 0xF4 && (byte(i + 1) & 0x0F) == 0x0F && byte(i + 2) == 0xBF &&
      (byte(i + 3) == 0xBE || byte(i + 3) == 0xBF)) {
    return 4;  // U+1FFFE, U+1FFFF, ... U+10FFFF
  }
  return 0;
}

// Whether NonInterchangeLength may be non-zero at a byte: the only bytes
// that start a refused code point.
bool MayStartNonInterchange(uint8_t c) { return c < 0x20 || c == 0x7F || c == 0xC2 || c >= 0xEF; }

// `text`, or a copy in `buffer` with every refused code point blanked byte
// for byte, so a few stray characters do not hide the language of the rest.
std::string_view InterchangeValid(std::string_view text, std::string* buffer) {
  size_t i = 0;
  while (i < text.size() &&
         (!MayStartNonInterchange(static_cast<uint8_t>(text[i])) || NonInterchangeLength(text, i) == 0)) {
    ++i;
  }
  if (i == text.size()) return text;
  buffer->assign(text);
  while (i < buffer->size()) {
    const size_t n = NonInterchangeLength(*buffer, i);
    if (n == 0) {
      ++i;
    } else {
      for (const size_t end = i + n; i < end; ++i) (*buffer)[i] = ' ';
    }
  }
  return *buffer;
}

}  // namespace

LanguageGuess IdentifyLanguage(std::string_view text, size_t max_bytes) {
  LanguageGuess guess;
  if (text.size() > max_bytes) {
    // Cut at a code point boundary.
    size_t cut = max_bytes;
    while (cut > 0 && (static_cast<uint8_t>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  if (text.empty()) return guess;
  thread_local std::string blanked;
  text = InterchangeValid(text, &blanked);
  CLD2::Language language3[3];
  int percent3[3] = {0, 0, 0};
  double normalized_score3[3];
  int text_bytes = 0;
  bool is_reliable = false;
  int valid_prefix_bytes = 0;
  const CLD2::Language top = CLD2::ExtDetectLanguageSummaryCheckUTF8(
      text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true, /*cld_hints=*/nullptr,
      /*flags=*/0, language3, percent3, normalized_score3, /*resultchunkvector=*/nullptr, &text_bytes,
      &is_reliable, &valid_prefix_bytes);
  if (top == CLD2::UNKNOWN_LANGUAGE || top == CLD2::TG_UNKNOWN_LANGUAGE) return guess;
  guess.code = CLD2::LanguageCode(top);
  int percent = 0;
  for (int i = 0; i < 3; ++i) {
    if (language3[i] == top) percent = percent3[i];
  }
  guess.score = std::clamp(percent / 100.0, 0.0, 1.0);
  return guess;
}

namespace {

size_t CodePointStart(std::string_view text, size_t i) {
  while (i < text.size() && (static_cast<uint8_t>(text[i]) & 0xC0) == 0x80) ++i;
  return i;
}

bool IsAsciiSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

}  // namespace

std::string_view LanguageSample(std::string_view text, size_t max_bytes, std::string* buffer) {
  if (text.size() <= max_bytes) return text;
  const size_t pieces = std::max<size_t>(1, max_bytes / kLanguageSamplePiece);
  const size_t piece = max_bytes / pieces;
  buffer->clear();
  for (size_t k = 0; k < pieces; ++k) {
    // Piece k starts k/(pieces-1) of the way: the first at the start, the
    // last ending at the end.
    size_t begin = pieces == 1 ? 0 : (text.size() - piece) * k / (pieces - 1);
    size_t end = CodePointStart(text, begin + piece);
    begin = CodePointStart(text, begin);
    // Whole words: a cut word would score as a non-word.
    if (begin > 0 && !IsAsciiSpace(text[begin - 1])) {
      size_t b = begin;
      while (b < end && !IsAsciiSpace(text[b])) ++b;
      if (b < end) begin = b + 1;
    }
    if (end < text.size() && !IsAsciiSpace(text[end])) {
      size_t e = end;
      while (e > begin && !IsAsciiSpace(text[e - 1])) --e;
      if (e > begin) end = e - 1;  // before the space
    }
    if (!buffer->empty()) buffer->push_back('\n');
    buffer->append(text.substr(begin, end - begin));
  }
  return *buffer;
}

}  // namespace corpus
