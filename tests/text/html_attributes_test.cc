#include "corpus/text/html_attributes.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace corpus {
namespace {

using ::testing::ElementsAre;

// Every attribute of the tag whose name ends at `pos` as "name=value" (or
// "name" without a value), then "END@i" (the tag closed, i past '>') or "EOF".
std::vector<std::string> Split(std::string_view s, size_t pos = 0) {
  std::vector<std::string> out;
  HtmlAttribute attr;
  while (true) {
    switch (NextHtmlAttribute(s, &pos, &attr)) {
      case HtmlAttributeStep::kAttribute: {
        std::string one(attr.name);
        if (attr.end > attr.begin + attr.name.size()) one += "=" + std::string(attr.value);
        EXPECT_EQ(s.substr(attr.begin, attr.name.size()), attr.name);
        out.push_back(one);
        break;
      }
      case HtmlAttributeStep::kTagEnd:
        out.push_back("END@" + std::to_string(pos));
        return out;
      case HtmlAttributeStep::kEndOfInput:
        out.push_back("EOF");
        return out;
    }
  }
}

TEST(HtmlAttributes, QuotedUnquotedAndBare) {
  EXPECT_THAT(Split(R"( a="1 2" b='x"y' c=3 d>tail)"),
              ElementsAre("a=1 2", "b=x\"y", "c=3", "d", "END@23"));
}

TEST(HtmlAttributes, NamesAndValuesKeepTheirCase) {
  EXPECT_THAT(Split(" HREF=/X>"), ElementsAre("HREF=/X", "END@9"));
}

TEST(HtmlAttributes, GreaterThanInsideQuotesDoesNotCloseTheTag) {
  EXPECT_THAT(Split(R"( title="a > b" alt='<c>'>)"),
              ElementsAre("title=a > b", "alt=<c>", "END@25"));
}

TEST(HtmlAttributes, WhitespaceAroundEqualsAndAcrossLines) {
  EXPECT_THAT(Split("\n\tclass = \"x\"\r\n\fid\n=\ny>"), ElementsAre("class=x", "id=y", "END@23"));
}

TEST(HtmlAttributes, SlashesSeparateAndSlashGreaterThanCloses) {
  // §13.2.5.40: a '/' not followed by '>' is read as a separator.
  EXPECT_THAT(Split("/a/b=c/>"), ElementsAre("a", "b=c/", "END@8"));
  EXPECT_THAT(Split(" a=b />"), ElementsAre("a=b", "END@7"));
}

TEST(HtmlAttributes, EqualsAsFirstByteOfAName) {
  // §13.2.5.32: '=' before a name starts the name.
  EXPECT_THAT(Split(" =x=y>"), ElementsAre("=x=y", "END@6"));
}

TEST(HtmlAttributes, EmptyValueBeforeGreaterThan) {
  EXPECT_THAT(Split(" a=>"), ElementsAre("a=", "END@4"));
  EXPECT_THAT(Split(" a=\"\">"), ElementsAre("a=", "END@6"));
}

TEST(HtmlAttributes, UnquotedValueKeepsQuotesInside) {
  EXPECT_THAT(Split(" a=b\"c d=e'f>"), ElementsAre("a=b\"c", "d=e'f", "END@13"));
}

TEST(HtmlAttributes, InputEndingInsideATag) {
  EXPECT_THAT(Split(" a=1 b"), ElementsAre("a=1", "b", "EOF"));
  EXPECT_THAT(Split(" a= "), ElementsAre("EOF"));
  EXPECT_THAT(Split(" a=\"never closed> b=2"), ElementsAre("a=never closed> b=2", "EOF"));
  EXPECT_THAT(Split(" /"), ElementsAre("EOF"));
  EXPECT_THAT(Split(""), ElementsAre("EOF"));
}

TEST(HtmlAttributes, RangesCoverTheWholeAttribute) {
  const std::string_view s = R"(<img src="a.png" alt=x hidden>)";
  size_t pos = 4;
  HtmlAttribute attr;
  std::vector<std::string> ranges;
  while (NextHtmlAttribute(s, &pos, &attr) == HtmlAttributeStep::kAttribute) {
    ranges.emplace_back(s.substr(attr.begin, attr.end - attr.begin));
  }
  EXPECT_THAT(ranges, ElementsAre("src=\"a.png\"", "alt=x", "hidden"));
}

TEST(HtmlAttributes, StartsAfterATagName) {
  const std::string_view s = "<meta charset=utf-8>";
  EXPECT_THAT(Split(s, 5), ElementsAre("charset=utf-8", "END@20"));
}

}  // namespace
}  // namespace corpus
