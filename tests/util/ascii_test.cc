#include "corpus/util/ascii.h"

#include <gtest/gtest.h>

namespace corpus {
namespace {

TEST(Ascii, CaseFoldingLeavesNonAsciiBytesAlone) {
  EXPECT_EQ(AsciiLowercase("Hello WORLD \xC3\x84"), "hello world \xC3\x84");
  EXPECT_EQ(AsciiUppercase("windows-1252 \xC3\xA4"), "WINDOWS-1252 \xC3\xA4");
  std::string s = "MiXeD";
  AsciiLowercaseInPlace(&s);
  EXPECT_EQ(s, "mixed");
}

TEST(Ascii, CaseInsensitiveCompares) {
  EXPECT_TRUE(EqualsIgnoreAsciiCase("Content-Type", "content-type"));
  EXPECT_FALSE(EqualsIgnoreAsciiCase("Content-Type", "content-typ"));
  EXPECT_TRUE(StartsWithIgnoreAsciiCase("TEXT/html; charset=x", "text/"));
  EXPECT_FALSE(StartsWithIgnoreAsciiCase("tex", "text"));
  EXPECT_TRUE(StartsWithLowercase("<META charset>", 1, "meta"));
  EXPECT_FALSE(StartsWithLowercase("<me", 1, "meta"));
}

TEST(Ascii, WhitespaceIsTheInfraSet) {
  for (char c : std::string(" \t\n\r\f")) EXPECT_TRUE(IsAsciiWhitespace(c)) << int(c);
  EXPECT_FALSE(IsAsciiWhitespace('\v'));
  EXPECT_FALSE(IsAsciiWhitespace('\xA0'));
  EXPECT_EQ(StripAsciiWhitespace("\f\t a b \r\n"), "a b");
  EXPECT_EQ(StripAsciiWhitespace(" \n "), "");
}

TEST(Ascii, StripCharsTrimsOnlyTheGivenSet) {
  EXPECT_EQ(StripChars("\t key \n", " \t"), "key \n");
  EXPECT_EQ(StripChars("\r\t\r", " \t\r"), "");
  EXPECT_EQ(StripChars("x", ""), "x");
}

}  // namespace
}  // namespace corpus
