#include "corpus/tokenize/regex_splitter.h"

#include <gtest/gtest.h>

#include <vector>

namespace corpus {
namespace {

std::vector<std::string> Pieces(std::string_view pattern, std::string_view text, bool gaps) {
  std::unique_ptr<RegexSplitter> s;
  const Status st = RegexSplitter::Compile(pattern, &s);
  EXPECT_TRUE(st.ok()) << st.ToString();
  std::vector<std::string> out;
  if (s) s->Split(text, gaps, [&](std::string_view p) { out.emplace_back(p); });
  return out;
}

TEST(RegexSplitter, WhiteSpaceClassRewrite) {
  EXPECT_EQ(WithWhiteSpaceClass(R"(\s+(?!\S))"), R"([\t-\r\x{85}\p{Z}]+(?![^\t-\r\x{85}\p{Z}]))");
  EXPECT_EQ(WithWhiteSpaceClass(R"([^\s\p{L}])"), R"([^\t-\r\x{85}\p{Z}\p{L}])");
  EXPECT_EQ(WithWhiteSpaceClass(R"([]\s] \\s)"), R"([]\t-\r\x{85}\p{Z}] \\s)");
}

TEST(RegexSplitter, NextLineIsWhiteSpaceAsInTheReferences) {
  EXPECT_EQ(Pieces(R"(\s+)", "a\xC2\x85 b", false), (std::vector<std::string>{"\xC2\x85 "}));
  EXPECT_EQ(Pieces(R"(\S+)", "a\xC2\x85" "b", false), (std::vector<std::string>{"a", "b"}));
}

TEST(RegexSplitter, GapsAreKeptOnlyWhenAsked) {
  EXPECT_EQ(Pieces("[0-9]+", "ab12cd3", true), (std::vector<std::string>{"ab", "12", "cd", "3"}));
  EXPECT_EQ(Pieces("[0-9]+", "ab12cd3", false), (std::vector<std::string>{"12", "3"}));
}

TEST(RegexSplitter, BadPatternIsInvalidArgument) {
  std::unique_ptr<RegexSplitter> s;
  EXPECT_TRUE(RegexSplitter::Compile("(unclosed", &s).IsInvalidArgument());
}

}  // namespace
}  // namespace corpus
