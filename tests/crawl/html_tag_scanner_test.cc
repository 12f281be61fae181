#include "corpus/crawl/html_tag_scanner.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace corpus {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// "name" for every start tag, "name attr=value" for those carrying `attr`.
std::vector<std::string> Tags(std::string_view html, std::string_view attr = "href") {
  std::vector<std::string> out;
  HtmlTagScanner scanner;
  scanner.Scan(html, [&](const HtmlStartTag& tag) {
    std::string value;
    std::string s(tag.name());
    if (tag.Get(attr, &value)) s += " " + std::string(attr) + "=" + value;
    out.push_back(s);
  });
  return out;
}

std::string Decode(std::string_view raw) {
  std::string out;
  AppendDecodedAttributeValue(raw, &out);
  return out;
}

TEST(HtmlTagScannerTest, NamesAndAttributesAreCaseInsensitive) {
  EXPECT_THAT(Tags("<A HREF=/x>x</A><Area hReF='/y'><DIV class=c>"),
              ElementsAre("a href=/x", "area href=/y", "div"));
}

TEST(HtmlTagScannerTest, QuotingStyles) {
  EXPECT_THAT(Tags(R"(<a href="/d q">)"
                   "<a href='/s q'>"
                   "<a href=/unquoted title=t>"
                   "<a href = \"/spaced\" >"
                   "<a href=/slash/>"
                   "<a/href=/after-slash>"
                   "<a href>"
                   "<a href=>"),
              ElementsAre("a href=/d q", "a href=/s q", "a href=/unquoted", "a href=/spaced",
                          "a href=/slash/", "a href=/after-slash", "a href=", "a href="));
}

TEST(HtmlTagScannerTest, GreaterThanInsideQuotedValues) {
  EXPECT_THAT(Tags(R"(<a title="a > b" href="/one">x</a><a title='<a href=/no>' href=/two>)"),
              ElementsAre("a href=/one", "a href=/two"));
  // In an end tag too: its attributes are ignored, but their quotes count.
  EXPECT_THAT(Tags(R"(</div title="<a href=/no>"><a href=/yes>)"), ElementsAre("a href=/yes"));
}

TEST(HtmlTagScannerTest, AttributesSpanningLines) {
  EXPECT_THAT(Tags("<a\n  class=\"x\"\r\n\thref=\"/multi\nline\"\n>"),
              ElementsAre("a href=/multi\nline"));
}

TEST(HtmlTagScannerTest, FirstOfDuplicateAttributesWins) {
  EXPECT_THAT(Tags("<a href=/first HREF=/second>"), ElementsAre("a href=/first"));
}

TEST(HtmlTagScannerTest, CommentsHideTags) {
  EXPECT_THAT(Tags("<!-- <a href=/c1> --><a href=/1>"
                   "<!--> <a href=/2>"    // "<!-->" is a whole comment
                   "<!---> <a href=/3>"   // so is "<!--->"
                   "<!-- x --!> <a href=/4>"
                   "<!-- -- still --- in <a href=/c2> ---> <a href=/5>"
                   "<!DOCTYPE html><a href=/6><?php echo '<a href=/c3>'?>"
                   "</ <a href=/bogus> ><a href=/7></><a href=/8>"
                   "<!-- unterminated <a href=/c4>"),
              ElementsAre("a href=/1", "a href=/2", "a href=/3", "a href=/4", "a href=/5",
                          "a href=/6", "a href=/7", "a href=/8"));
}

TEST(HtmlTagScannerTest, RawTextElementsHideTags) {
  EXPECT_THAT(Tags("<script>document.write('<a href=\"/s\">');</script ><a href=/1>"
                   "<SCRIPT type=x>if (a<b) x = '</scripts>'</Script><a href=/2>"
                   "<style>a::after{content:'<a href=/st>'}</style><a href=/3>"
                   "<textarea><a href=/ta></textarea><a href=/4>"
                   "<title><a href=/ti></title><a href=/5>"
                   "<iframe src=/f><a href=/if></iframe><a href=/6>"
                   "<xmp><a href=/x></xmp><noembed><a href=/ne></noembed>"
                   "<noframes><a href=/nf></noframes><a href=/7>"),
              ElementsAre("script", "a href=/1", "script", "a href=/2", "style", "a href=/3",
                          "textarea", "a href=/4", "title", "a href=/5", "iframe", "a href=/6",
                          "xmp", "noembed", "noframes", "a href=/7"));
  // An unterminated script hides the rest; plaintext always does.
  EXPECT_THAT(Tags("<a href=/1><script><a href=/2>"), ElementsAre("a href=/1", "script"));
  EXPECT_THAT(Tags("<plaintext><a href=/2></plaintext><a href=/3>"), ElementsAre("plaintext"));
}

TEST(HtmlTagScannerTest, TagsInsideTemplatesAreFlagged) {
  std::vector<std::string> tags;
  HtmlTagScanner scanner;
  scanner.Scan("<template><a href=/t1><template><a href=/t2></template><script>'<a href=/s>'"
               "</script><a href=/t3></template><a href=/after>",
               [&](const HtmlStartTag& tag) {
                 tags.push_back(std::string(tag.name()) + (tag.in_template() ? " in" : " out"));
               });
  EXPECT_THAT(tags, ElementsAre("template out", "a in", "template in", "a in", "script in", "a in",
                                "a out"));
}

TEST(HtmlTagScannerTest, TextThatIsNotATag) {
  EXPECT_THAT(Tags("a < b, 1<2, <3, <> <=x <a href=/real>"), ElementsAre("a href=/real"));
}

TEST(HtmlTagScannerTest, TruncatedTagIsDropped) {
  EXPECT_THAT(Tags("<a href=/ok><a href=\"/cut"), ElementsAre("a href=/ok"));
  EXPECT_THAT(Tags("<a href=/ok><a href=/cut"), ElementsAre("a href=/ok"));
  EXPECT_THAT(Tags("<"), IsEmpty());
  EXPECT_THAT(Tags(""), IsEmpty());
}

TEST(HtmlTagScannerTest, LongNamesAreReportedEmpty) {
  EXPECT_THAT(Tags("<averyveryverylongname href=/x>"), ElementsAre(" href=/x"));
}

TEST(HtmlTagScannerTest, AttributeValuesAreDecoded) {
  EXPECT_THAT(Tags(R"(<a href="/q?a=1&amp;b=2&#38;c=3&#x26;d=4">)"),
              ElementsAre("a href=/q?a=1&b=2&c=3&d=4"));
  EXPECT_THAT(Tags("<a href=/p&sol;x&quest;y&equals;&quot;z&quot;&apos;>"),
              ElementsAre("a href=/p/x?y=\"z\"'"));
  EXPECT_THAT(Tags("<a href='/maps/26&deg;22&prime;N/caf&eacute;'>"),
              ElementsAre("a href=/maps/26\xC2\xB0" "22\xE2\x80\xB2N/caf\xC3\xA9"));
}

TEST(AppendDecodedAttributeValueTest, CharacterReferences) {
  EXPECT_EQ(Decode("a &amp; b &lt;&gt; &AMP;"), "a & b <> &");
  EXPECT_EQ(Decode("&#169;&#xA9;&#XE9;&nbsp;"), "\xC2\xA9\xC2\xA9\xC3\xA9\xC2\xA0");
  EXPECT_EQ(Decode("&#128512;"), "\xF0\x9F\x98\x80");
  // Invalid code points become U+FFFD; C1 controls are windows-1252.
  EXPECT_EQ(Decode("&#0;&#xD800;&#x110000;"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(Decode("&#x80;"), "\xE2\x82\xAC");
  // HTML 4 names, with HTML5's code points (&lang; is U+27E8 now).
  EXPECT_EQ(Decode("&Omega;&euro;&lang;&hellip;"), "\xCE\xA9\xE2\x82\xAC\xE2\x9F\xA8\xE2\x80\xA6");
  EXPECT_EQ(Decode("&eacute &Eacute"), "\xC3\xA9 \xC3\x89") << "legacy names need no ';'";
  EXPECT_EQ(Decode("&euro &Omega"), "&euro &Omega") << "newer names do";
  // Legacy names without ';', except before '=' (HTML §13.2.5.73).
  EXPECT_EQ(Decode("?a=1&amp"), "?a=1&");
  EXPECT_EQ(Decode("?a=1&copy=2&lt=3"), "?a=1&copy=2&lt=3");
  EXPECT_EQ(Decode("?x&amp/y"), "?x&/y");
  // Unknown, unterminated or non-legacy without ';': as written.
  EXPECT_EQ(Decode("&bogus; &apos &# &#x; & &&amp;"), "&bogus; &apos &# &#x; & &&");
  EXPECT_EQ(Decode("&ampx;"), "&ampx;");
  EXPECT_EQ(Decode("no references"), "no references");
}

}  // namespace
}  // namespace corpus
