// Control characters of a page's HTML before the parse (control_characters.h).
#include "corpus/text/control_characters.h"

#include <gtest/gtest.h>

#include <string>

namespace corpus {
namespace {

std::string Repair(std::string s, size_t* count = nullptr) {
  const size_t n = RepairControlCharacters(&s);
  if (count) *count = n;
  return s;
}

TEST(RepairControlCharactersTest, C1ControlsAreWindows1252ReadAsLatin1) {
  size_t n = 0;
  // 0x92, 0x93, 0x94, 0x96, 0x85, 0x80 of Windows-1252, each as its C1 control.
  EXPECT_EQ(Repair("we\xC2\x92re \xC2\x93quoted\xC2\x94 \xC2\x96 and so on\xC2\x85 \xC2\x80" "5", &n),
            "we’re “quoted” – and so on… €5");
  EXPECT_EQ(n, 6u);
  EXPECT_EQ(Repair("C\xC2\x92" "est l\xC2\x92\xC3\xA9t\xC3\xA9 \xC2\x96 der Stra\xC3\x9F" "e"),
            "C’est l’été – der Straße");
}

TEST(RepairControlCharactersTest, UndefinedC1ControlsGo) {
  size_t n = 0;
  // U+009D, the lone tail of a "”": no Windows-1252 character.
  EXPECT_EQ(Repair("love \xE2\x80\x9D\xC2\x9D guarantee", &n), "love \xE2\x80\x9D guarantee");
  EXPECT_EQ(n, 1u);
}

TEST(RepairControlCharactersTest, C0ControlsGoAndAVerticalTabIsASpace) {
  size_t n = 0;
  EXPECT_EQ(Repair("die unbequemen \x1DThemen\x7F, Start:\x0Bsudo\x01", &n),
            "die unbequemen Themen, Start: sudo");
  EXPECT_EQ(n, 4u);
}

TEST(RepairControlCharactersTest, FoundAtAnyOffset) {
  // Sixteen bytes at a time, then byte by byte: every offset and tail.
  for (size_t at = 0; at < 70; ++at) {
    std::string text(at, 'a');
    text += '\x1F';
    text += std::string(at % 17, 'b');
    EXPECT_EQ(Repair(text), std::string(at, 'a') + std::string(at % 17, 'b')) << at;
  }
}

TEST(RepairControlCharactersTest, WhitespaceNulAndTextAreLeftAlone) {
  size_t n = 7;
  // HTML's whitespace, NUL, U+00A0..U+00FF (0xC2 0xA0.., 0xC3 ..), CJK and
  // Cyrillic.
  const std::string text = std::string("a\tb\nc\x0C" "d\re\0f", 12) +
                           "caf\xC3\xA9\xC2\xA0\xC2\xA9 2024 \xE6\xB2\xB3\xE5\x8C\x97 "
                           "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 \xC2";
  EXPECT_EQ(Repair(text, &n), text);
  EXPECT_EQ(n, 0u);
}

}  // namespace
}  // namespace corpus
