// Repair of UTF-8 decoded as Windows-1252 / Latin-1, and of whole East Asian
// pages read the same way (mojibake.h).
#include "corpus/text/mojibake.h"

#include <gtest/gtest.h>
#include <iconv.h>

#include <string>

#include "corpus/text/charset.h"

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

// `utf8` encoded in `charset` (an iconv name), then read back byte by byte
// as Windows-1252: what a tool that took the wrong charset hands on.
std::string Misread(const std::string& utf8, const char* charset) {
  iconv_t cd = iconv_open(charset, "UTF-8");
  EXPECT_NE(cd, reinterpret_cast<iconv_t>(-1));
  std::string in = utf8, bytes(4 * utf8.size(), '\0');
  char* src = in.data();
  char* dst = bytes.data();
  size_t src_left = in.size(), dst_left = bytes.size();
  EXPECT_NE(iconv(cd, &src, &src_left, &dst, &dst_left), static_cast<size_t>(-1));
  iconv_close(cd);
  bytes.resize(bytes.size() - dst_left);
  std::string out;
  EXPECT_TRUE(ConvertToUtf8(bytes, "windows-1252", &out));
  return out;
}

std::string Page(const std::string& lang, const std::string& text) {
  return "<html lang=\"" + lang + "\"><head><title>t</title></head><body><p>" + text + "</p><p>" +
         text + "</p></body></html>";
}

const char kChinese[] =
    "一个约定，信守十五年，感人至深；一段真情，延续十五年，催人泪下。六月三日上午，话剧全省各市"
    "巡演活动来到张家口。话剧结尾，当全体演员喊出誓言时，全场响起经久不息的掌声，许多观众流下感动"
    "的泪水。";
const char kJapanese[] =
    "日本の政府は、来年の春から新しい制度を始めると発表しました。この制度では、子どもがいる家庭に"
    "毎月お金を支給します。多くの人が賛成していますが、お金が足りるかどうか心配する声もあります。";

TEST(RedecodeMisreadCjkTest, ChineseInGbkReadAsLatin1IsDecodedAgain) {
  const std::string page = Page("zh", kChinese);
  std::string text = Misread(page, "GBK");
  ASSERT_NE(text, page);
  // uchardet names GB18030, the superset of GBK.
  EXPECT_EQ(RedecodeMisreadCjk(&text), "gb18030");
  EXPECT_EQ(text, page);
}

TEST(RedecodeMisreadCjkTest, JapaneseInShiftJisReadAsLatin1IsDecodedAgain) {
  const std::string page = Page("ja", kJapanese);
  std::string text = Misread(page, "SHIFT_JIS");
  EXPECT_EQ(RedecodeMisreadCjk(&text), "shift_jis");
  EXPECT_EQ(text, page);
}

TEST(RedecodeMisreadCjkTest, LatinPagesAndRealCjkAreLeftAlone) {
  // German in Latin-1, read as Latin-1, dense with umlauts (over 5% of the
  // characters): uchardet calls the bytes Windows-1252, so they stay.
  std::string german = Page(
      "de",
      "Ärger über Öl: Bürger fürchten höhere Gebühren für Müll, Süßwaren, Brötchen und Bäder. "
      "Über die Brücke fährt täglich ein Zug; für die Schüler ändert sich nichts.");
  const std::string german_before = german;
  EXPECT_EQ(RedecodeMisreadCjk(&german), "");
  EXPECT_EQ(german, german_before);
  // Text with characters that stand for no single byte is text, not bytes.
  std::string chinese = Page("zh", kChinese);
  EXPECT_EQ(RedecodeMisreadCjk(&chinese), "");
  EXPECT_EQ(chinese, Page("zh", kChinese));
  // A few misread characters in a long page of ASCII markup: under 5% of the
  // characters, left alone (uchardet alone would call them GB18030).
  std::string markup;
  while (markup.size() < 8000) markup += "<div class=\"row\"><a href=\"/a/b\">link</a></div>\n";
  std::string sparse = markup + Misread(kChinese, "GBK");
  const std::string sparse_before = sparse;
  EXPECT_EQ(RedecodeMisreadCjk(&sparse), "");
  EXPECT_EQ(sparse, sparse_before);
}

}  // namespace
}  // namespace corpus
