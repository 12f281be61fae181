// Repair of UTF-8 decoded as Windows-1252 / Latin-1 (mojibake.h).
#include "corpus/text/mojibake.h"

#include <gtest/gtest.h>

#include <string>

namespace corpus {
namespace {

std::string Repair(std::string s, size_t* count = nullptr) {
  const size_t n = RepairMojibake(&s);
  if (count) *count = n;
  return s;
}

TEST(MojibakeTest, Windows1252Spelling) {
  size_t n = 0;
  EXPECT_EQ(Repair("doesnâ€™t â€œquotedâ€\xC2\x9D and cafÃ©", &n), "doesn’t “quoted” and café");
  EXPECT_EQ(n, 4u);
  EXPECT_EQ(Repair("â‚¬20/month"), "€20/month");
}

TEST(MojibakeTest, Latin1SpellingWithC1Controls) {
  // "â" U+0080 U+0099: the ISO-8859-1 reading of E2 80 99.
  EXPECT_EQ(Repair("doesn\xC3\xA2\xC2\x80\xC2\x99t"), "doesn’t");
  EXPECT_EQ(Repair("loopingÂ¶ xÂ²"), "looping¶ x²");
}

TEST(MojibakeTest, CyrillicAndFourByteSequences) {
  EXPECT_EQ(Repair("ÐŸÑ€Ð¸Ð²ÐµÑ‚"), "Привет");
  EXPECT_EQ(Repair("ðŸ˜€ smile"), "😀 smile");
}

TEST(MojibakeTest, CorrectTextIsLeftAlone) {
  for (const std::string s :
       {"café, naïve, São Paulo, Ærø, Øresund", "«CAFÉ» and ÉTÉ°", "Ü\u00a0Straße", "plain ascii",
        "日本語のテキスト", "Привет, мир", "Ã at the end Ã", "price: 5 €, 10 ™"}) {
    size_t n = 1;
    EXPECT_EQ(Repair(s, &n), s);
    EXPECT_EQ(n, 0u) << s;
  }
}

TEST(MojibakeTest, IncompleteOrInvalidSequencesStay) {
  EXPECT_EQ(Repair("â€ alone"), "â€ alone");        // needs two continuations
  EXPECT_EQ(Repair("Ã€"), "À");                      // € stands for 0x80
  EXPECT_EQ(Repair("\xC3\xA0\xC2\x80\xC2\x80"), "\xC3\xA0\xC2\x80\xC2\x80");  // E0 80 80 is overlong
  EXPECT_EQ(Repair("í\xC2\xA0\xC2\x80"), "í\xC2\xA0\xC2\x80");  // ED A0 80 is a surrogate
}

}  // namespace
}  // namespace corpus
