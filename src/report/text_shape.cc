#include "corpus/report/text_shape.h"

#include <algorithm>
#include <array>
#include <iterator>

#include "corpus/text/text_units.h"
#include "corpus/util/ascii.h"

namespace corpus {
namespace {

const char* const kScriptNames[] = {
    "Latin",   "Greek",    "Cyrillic", "Armenian", "Hebrew",   "Arabic",    "Syriac",   "Thaana",
    "Devanagari", "Bengali", "Gurmukhi", "Gujarati", "Oriya",  "Tamil",     "Telugu",   "Kannada",
    "Malayalam", "Sinhala", "Thai",     "Lao",      "Tibetan",  "Myanmar",   "Georgian", "Hangul",
    "Ethiopic", "Cherokee", "Canadian Aboriginal", "Khmer", "Mongolian", "Hiragana", "Katakana",
    "Bopomofo", "Han",
};
constexpr int kScripts = static_cast<int>(std::size(kScriptNames));

enum : int {
  kLatin, kGreek, kCyrillic, kArmenian, kHebrew, kArabic, kSyriac, kThaana, kDevanagari, kBengali,
  kGurmukhi, kGujarati, kOriya, kTamil, kTelugu, kKannada, kMalayalam, kSinhala, kThai, kLao,
  kTibetan, kMyanmar, kGeorgian, kHangul, kEthiopic, kCherokee, kCanadian, kKhmer, kMongolian,
  kHiragana, kKatakana, kBopomofo, kHan,
};

struct Range {
  char32_t first, last;
  int script;
};

// Sorted by first code point.
constexpr Range kRanges[] = {
    {0x0041, 0x02AF, kLatin},      {0x0370, 0x03FF, kGreek},      {0x0400, 0x052F, kCyrillic},
    {0x0530, 0x058F, kArmenian},   {0x0590, 0x05FF, kHebrew},     {0x0600, 0x06FF, kArabic},
    {0x0700, 0x074F, kSyriac},     {0x0750, 0x077F, kArabic},     {0x0780, 0x07BF, kThaana},
    {0x08A0, 0x08FF, kArabic},     {0x0900, 0x097F, kDevanagari}, {0x0980, 0x09FF, kBengali},
    {0x0A00, 0x0A7F, kGurmukhi},   {0x0A80, 0x0AFF, kGujarati},   {0x0B00, 0x0B7F, kOriya},
    {0x0B80, 0x0BFF, kTamil},      {0x0C00, 0x0C7F, kTelugu},     {0x0C80, 0x0CFF, kKannada},
    {0x0D00, 0x0D7F, kMalayalam},  {0x0D80, 0x0DFF, kSinhala},    {0x0E00, 0x0E7F, kThai},
    {0x0E80, 0x0EFF, kLao},        {0x0F00, 0x0FFF, kTibetan},    {0x1000, 0x109F, kMyanmar},
    {0x10A0, 0x10FF, kGeorgian},   {0x1100, 0x11FF, kHangul},     {0x1200, 0x139F, kEthiopic},
    {0x13A0, 0x13FF, kCherokee},   {0x1400, 0x167F, kCanadian},   {0x1780, 0x17FF, kKhmer},
    {0x1800, 0x18AF, kMongolian},  {0x1C80, 0x1C8F, kCyrillic},   {0x1C90, 0x1CBF, kGeorgian},
    {0x1E00, 0x1EFF, kLatin},      {0x1F00, 0x1FFF, kGreek},      {0x2C60, 0x2C7F, kLatin},
    {0x2D00, 0x2D2F, kGeorgian},   {0x2DE0, 0x2DFF, kCyrillic},   {0x3040, 0x309F, kHiragana},
    {0x30A0, 0x30FF, kKatakana},   {0x3100, 0x312F, kBopomofo},   {0x3130, 0x318F, kHangul},
    {0x31F0, 0x31FF, kKatakana},   {0x3400, 0x4DBF, kHan},        {0x4E00, 0x9FFF, kHan},
    {0xA640, 0xA69F, kCyrillic},   {0xA720, 0xA7FF, kLatin},      {0xAB30, 0xAB6F, kLatin},
    {0xAC00, 0xD7AF, kHangul},     {0xF900, 0xFAFF, kHan},        {0xFB1D, 0xFB4F, kHebrew},
    {0xFB50, 0xFDFF, kArabic},     {0xFE70, 0xFEFF, kArabic},     {0xFF21, 0xFF5A, kLatin},
    {0xFF66, 0xFF9F, kKatakana},   {0xFFA0, 0xFFDC, kHangul},     {0x20000, 0x3134F, kHan},
};

bool IsAsciiSpaceByte(char32_t c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

}  // namespace

int ScriptOf(char32_t c) {
  auto it = std::upper_bound(std::begin(kRanges), std::end(kRanges), c,
                             [](char32_t v, const Range& r) { return v < r.first; });
  if (it == std::begin(kRanges)) return -1;
  --it;
  return c <= it->last ? it->script : -1;
}

const char* ScriptName(int script) {
  return script >= 0 && script < kScripts ? kScriptNames[script] : "Other";
}

TextShape MeasureText(std::string_view text) {
  TextShape shape;
  std::array<uint32_t, kScripts + 1> letters{};  // the last slot: letters of no listed script
  bool in_word = false;
  size_t i = 0;
  while (i < text.size()) {
    // ASCII, most of most texts, without the decoder's call.
    const auto byte = static_cast<unsigned char>(text[i]);
    const char32_t c = byte < 0x80 ? text[i++] : NextCodePoint(text, &i);
    const bool space = IsAsciiSpaceByte(c);
    if (!space) {
      if (!in_word) ++shape.words;
      ++shape.word_chars;
    }
    in_word = !space;
    if (c == '\n') ++shape.lines;
    if (c >= 0x80 ? IsLetter(c) : IsAsciiAlpha(static_cast<char>(c))) {
      const int s = c < 0x80 ? kLatin : ScriptOf(c);
      ++letters[s < 0 ? kScripts : s];
    }
  }
  if (!text.empty() && text.back() != '\n') ++shape.lines;
  const auto best = std::max_element(letters.begin(), letters.end());
  if (*best > 0) {
    shape.script = static_cast<int>(best - letters.begin());  // kScripts: "Other"
  }
  return shape;
}

}  // namespace corpus
