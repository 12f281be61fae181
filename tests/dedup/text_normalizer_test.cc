#include "corpus/dedup/text_normalizer.h"

#include <gtest/gtest.h>

namespace corpus::dedup {
namespace {

TEST(NormalizeDedupText, LowercasesAndCollapsesWhitespace) {
  EXPECT_EQ(NormalizeDedupText("  Hello   WORLD\n\n\tAgain  "), "hello world again");
}

TEST(NormalizeDedupText, DigitRunsBecomeOneZero) {
  EXPECT_EQ(NormalizeDedupText("Call 555-1234 in 2024"), "call 0 0 in 0");
  EXPECT_EQ(NormalizeDedupText("v3.14"), "v0 0");
}

TEST(NormalizeDedupText, PunctuationAndSymbolsBecomeSpaces) {
  EXPECT_EQ(NormalizeDedupText("Hello, world! (really?) a+b=c \u00ab\u00bb\u2014x"), "hello world really a b c x");
}

TEST(NormalizeDedupText, StripsDiacriticsAfterNfd) {
  EXPECT_EQ(NormalizeDedupText("Caf\u00e9 CR\u00c8ME br\u00fbl\u00e9e na\u00efve"), "cafe creme brulee naive");
  // Already decomposed input gives the same result.
  EXPECT_EQ(NormalizeDedupText("Cafe\u0301"), "cafe");
}

TEST(NormalizeDedupText, NonLatinScriptsAndNonAsciiDigits) {
  EXPECT_EQ(NormalizeDedupText("\u041f\u0420\u0418\u0412\u0415\u0422 \u0661\u0662\u0663"),
            "\u043f\u0440\u0438\u0432\u0435\u0442 0");
}

TEST(NormalizeDedupText, CjkIsSplitIntoWordsAndWidthFolded) {
  EXPECT_EQ(NormalizeDedupText("\u6211\u4eec\u53bb\u516c\u56ed\u6563\u6b65\u3002"),  // 我们去公园散步。
            "\u6211\u4eec \u53bb \u516c\u56ed \u6563\u6b65");
  // Full-width Latin letters and digits fold to ASCII (NFKC width folding).
  EXPECT_EQ(NormalizeDedupText("\uff21\uff22\uff23 \uff11\uff12"), "abc 0");
  // Half-width katakana folds to full width: the same words either way.
  EXPECT_EQ(NormalizeDedupText("\uff76\uff80\uff76\uff85"), NormalizeDedupText("\u30ab\u30bf\u30ab\u30ca"));
}

TEST(NormalizeDedupText, InvalidUtf8DoesNotFail) {
  EXPECT_EQ(NormalizeDedupText(std::string("ab\xff\xfe" "cd \xc3\xa9t\xc3\xa9")), "abcd ete");
  EXPECT_EQ(NormalizeDedupText(""), "");
  EXPECT_EQ(NormalizeDedupText("!!! ... ???"), "");
}

TEST(NormalizeDedupUrl, CanonicalisesSchemeHostPortAndFragment) {
  EXPECT_EQ(NormalizeDedupUrl("HTTP://Example.COM:80/Path?q=1#frag"), "http://example.com/Path?q=1");
  EXPECT_EQ(NormalizeDedupUrl("https://example.com:443"), "https://example.com/");
  EXPECT_EQ(NormalizeDedupUrl("https://example.com?x"), "https://example.com/?x");
  EXPECT_EQ(NormalizeDedupUrl("https://example.com:8443/a"), "https://example.com:8443/a");
  EXPECT_EQ(NormalizeDedupUrl("not a url#x"), "not a url");
  // The crawler's normaliser: host spellings, dot segments, percent-encoding.
  EXPECT_EQ(NormalizeDedupUrl("http://2852039166/a/./b/../c%7e"), "http://169.254.169.254/a/c~");
  EXPECT_EQ(NormalizeDedupUrl("http://Example.com./x"), NormalizeDedupUrl("http://example.com/x"));
  EXPECT_EQ(NormalizeDedupUrl("ftp://Host/x#y"), "ftp://Host/x");
}

}  // namespace
}  // namespace corpus::dedup
