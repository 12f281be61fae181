// Hostile inputs: no crash, no quadratic blow-up.
// No timing assertions: a blow-up shows as a test timeout.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>

#include "corpus/extract/extractor.h"
#include "corpus/extract/html_prescan.h"
#include "corpus/util/json.h"

namespace corpus {
namespace {

ExtractResult ExtractPage(const std::string& html) { return ExtractMainContent(html, "", ExtractOptions()); }

TEST(ExtractRobustnessTest, EmptyDocument) {
  EXPECT_EQ(ExtractPage("").text, "");
  EXPECT_EQ(ExtractPage("<html></html>").text, "");
  EXPECT_EQ(ExtractPage("<!DOCTYPE html>").text, "");
}

TEST(ExtractRobustnessTest, HundredThousandLevelsOfNesting) {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "<p>Deep inside, a sentence that is the whole content of this page, as it happens.</p>";
  for (int i = 0; i < 100000; ++i) html += "</div>";
  const ExtractResult r = ExtractPage(html + "</body></html>");
  EXPECT_NE(r.text.find("Deep inside"), std::string::npos);
}

TEST(ExtractRobustnessTest, DeepUnclosedInlineAndListNesting) {
  std::string html = "<html><body>";
  for (int i = 0; i < 20000; ++i) html += "<span><ul><li>";
  html += "end of the line, with words.";
  ExtractPage(html);  // must return
}

TEST(ExtractRobustnessTest, FiftyMegabytePage) {
  // Fifty paragraphs of a megabyte each (the stage sets pages over
  // --max-html-mb aside before this point; the extractor copes anyway).
  // Each paragraph is numbered: identical copies would be left out as
  // repetitions (duplicate_blocks.h).
  const std::string sentence = "A long page repeats this sentence, with commas, periods, and words. ";
  std::string para;
  while (para.size() < (1u << 20)) para += sentence;
  para += "</p>\n";
  std::string html = "<html><body><article>";
  html.reserve(51u << 20);
  for (int i = 0; html.size() < (50u << 20); ++i) html += "<p>" + std::to_string(i) + para;
  html += "</article></body></html>";
  const ExtractResult r = ExtractPage(html);
  EXPECT_GT(r.text.size(), 10u << 20);
}

TEST(ExtractRobustnessTest, BinaryGarbageAndNulBytes) {
  std::mt19937 rng(42);
  for (int round = 0; round < 20; ++round) {
    std::string junk(100000, '\0');
    for (char& c : junk) c = static_cast<char>(rng());
    const ExtractResult r = ExtractPage(junk);
    std::string copy = r.text;
    SanitizeUtf8(&copy);  // output is usable as JSON either way
  }
  std::string nul = "<html><body><p>before";
  nul += std::string(1000, '\0');
  nul += "after, in one paragraph with words.</p></body></html>";
  const ExtractResult r = ExtractPage(nul);
  EXPECT_NE(r.text.find("before"), std::string::npos);
}

TEST(ExtractRobustnessTest, InvalidUtf8) {
  const std::string html =
      "<html><body><p>Caf\xE9 \xFF\xFE broken \xC3 bytes, but still a sentence with words in it.</p></body></html>";
  const ExtractResult r = ExtractPage(html);
  EXPECT_TRUE(IsValidUtf8(r.text)) << r.text;  // gumbo replaces bad bytes with U+FFFD
  EXPECT_NE(r.text.find("broken"), std::string::npos);
}

TEST(ExtractRobustnessTest, UnterminatedRawTextAndComments) {
  const std::string p = "<html><body><p>A sentence, with words, that is the content.</p>";
  EXPECT_EQ(ExtractPage(p + "<script>never closed").text, "A sentence, with words, that is the content.");
  EXPECT_EQ(ExtractPage(p + "<!-- never closed").text, "A sentence, with words, that is the content.");
  EXPECT_EQ(ExtractPage(p + "<svg><svg><g>").text, "A sentence, with words, that is the content.");
}

TEST(HtmlPrescanTest, UnclosedSvgDropsOnlyItsStartTag) {
  // An icon left open in a menu must not take the page after it along.
  PrescanResult r;
  PrescanHtml("<header><a><svg width=\"18\" class=\"icon\"></a></header><main><p>Text</p></main>", &r);
  EXPECT_EQ(r.html, "<header><a></a></header><main><p>Text</p></main>");
  const ExtractResult page = ExtractPage(
      "<html><body><header><nav><a href=\"/\">Home</a></nav><a role=\"button\"><svg class=\"i\"></a>"
      "</header><main><h1>Consulting</h1><p>For thirty years we have set the standard for the "
      "security of networks, clouds and the people who run them, with advice and audits.</p>"
      "</main></body></html>");
  EXPECT_NE(page.text.find("For thirty years"), std::string::npos) << page.text;
}

TEST(HtmlPrescanTest, CapsNestingDepthButKeepsText) {
  std::string html;
  for (size_t i = 0; i < kMaxPrescanDepth + 50; ++i) html += "<div>";
  html += "deep";
  for (size_t i = 0; i < kMaxPrescanDepth + 50; ++i) html += "</div>";
  PrescanResult r;
  PrescanHtml(html, &r);
  std::string expect;
  for (size_t i = 0; i < kMaxPrescanDepth; ++i) expect += "<div>";
  expect += "deep";
  for (size_t i = 0; i < kMaxPrescanDepth; ++i) expect += "</div>";
  EXPECT_EQ(r.html, expect);
}

TEST(HtmlPrescanTest, CapsNestingDepthOfTagsWithAttributes) {
  // A tag within the cap loses the attributes nothing reads; one past it
  // goes whole, a quoted '>' in its attributes and all.
  std::string html;
  for (size_t i = 0; i < kMaxPrescanDepth + 2; ++i) html += "<div data-x=\"a>b\" class=k>";
  html += "deep";
  PrescanResult r;
  PrescanHtml(html, &r);
  std::string expect;
  for (size_t i = 0; i < kMaxPrescanDepth; ++i) expect += "<div  class=k>";
  expect += "deep";
  EXPECT_EQ(r.html, expect);
}

TEST(HtmlPrescanTest, RemovesRawTextBlocksAndKeepsJsonLd) {
  PrescanResult r;
  PrescanHtml(
      "a<SCRIPT type='x'>if (a<b) {}</script>b<style>x</style >c<!-- d -->e"
      "<script type=\"application/ld+json\">{\"k\":1}</script>f<svg><svg></svg><p>in</p></svg>g"
      "<scripts>h</scripts>",
      &r);
  EXPECT_EQ(r.html, "abce" "fg<scripts>h</scripts>");
  ASSERT_EQ(r.json_ld.size(), 1u);
  EXPECT_EQ(r.json_ld[0], "{\"k\":1}");
}

// The page as the prescan leaves it.
std::string Prescanned(std::string_view html) {
  PrescanResult r;
  PrescanHtml(html, &r);
  return r.html;
}

TEST(HtmlPrescanTest, QuotedGreaterThanInsideTheStartTag) {
  EXPECT_EQ(Prescanned("<script data-x=\"a>b\">code</script>after"), "after");
}

TEST(HtmlPrescanTest, DropsAttributesNothingReads) {
  EXPECT_EQ(Prescanned("<div data-props='{\"a\":\"<b>\"}' class=\"card wide\" onclick=go()>"
                       "x</div><img srcset=\"a.jpg 1x, b.jpg 2x\" alt=\"A > B\" loading=lazy>"
                       "<a HREF=/p ID=\"k\" data-x>y</a><input disabled type=hidden>"
                       "<p =odd Style='display:none'  aria-hidden=\"true\">z</p>"),
            "<div  class=\"card wide\" >x</div><img   ><a HREF=x ID=\"k\" >y</a>"
            "<input  type=hidden><p  Style='display:none'  aria-hidden=\"true\">z</p>");
}

TEST(HtmlPrescanTest, HrefValuesAreCutToWhatIsRead) {
  EXPECT_EQ(Prescanned("<a href=\"https://example.org/a?b=c\">1</a><a href='#sec-2'>2</a>"
                       "<a href=#>3</a><a href=\"\">4</a><a href=\"&#35;top\">5</a>"
                       "<a href=\"https://schema.org/Product\">6</a><a href>7</a>"
                       "<a href=\"/p\" href=\"#second\">8</a>"),
            "<a href=\"x\">1</a><a href='#x'>2</a><a href=#>3</a><a href=\"\">4</a>"
            "<a href=\"&#35;top\">5</a><a href=\"https://schema.org/Product\">6</a><a href>7</a>"
            "<a href=\"x\" href=\"#x\">8</a>");
}

TEST(HtmlPrescanTest, HrefsToMailPhonesAndSocialProfilesKeepWhatTheyAre) {
  // An e-mail address or a phone number keeps its scheme; a site's profile
  // on a social network ([social_hosts]) becomes the network's domain; a
  // post on a network, a port, or another site is cut as any link.
  EXPECT_EQ(Prescanned("<a href=\"mailto:tips@example.org\">1</a><a href='tel:+15550100'>2</a>"
                       "<a href=\"https://www.facebook.com/CityNews/\">3</a>"
                       "<a href=\"https://twitter.com/citynews?lang=en\">4</a>"
                       "<a href=\"//m.youtube.com\">5</a>"
                       "<a href=\"https://twitter.com/citynews/status/123\">6</a>"
                       "<a href=\"https://example.com/facebook.com\">7</a>"
                       "<a href=\"https://www.facebook.com:8080/x\">8</a>"),
            "<a href=\"mailto:\">1</a><a href='tel:'>2</a><a href=\"facebook.com\">3</a>"
            "<a href=\"twitter.com\">4</a><a href=\"youtube.com\">5</a><a href=\"x\">6</a>"
            "<a href=\"x\">7</a><a href=\"x\">8</a>");
  EXPECT_EQ(SocialProfileDomain("https://t.me/citynews"), "t.me");
  EXPECT_EQ(SocialProfileDomain("https://www.instagram.com/p/AbC123/"), "");
  EXPECT_EQ(SocialProfileDomain("mailto:a@b.c"), "");
}

TEST(HtmlPrescanTest, WhitespaceBetweenTagsBecomesOneCharacter) {
  EXPECT_EQ(Prescanned("<div>\n    <p>a   b</p>  \r\n\t</div>\t\t<br>   text   <b>x</b>\n\n"),
            "<div>\n<p>a   b</p>\n</div>\t<br>   text   <b>x</b>\n\n");
  // A doctype and an end tag with attributes end where the tokenizer ends them.
  EXPECT_EQ(Prescanned("<!DOCTYPE html>\n\n<html>  <body class=\"a > b\">  </body  x=\">\">  <i>"),
            "<!DOCTYPE html>\n<html> <body class=\"a > b\"> </body  x=\">\"> <i>");
  // A '<' that starts no tag is text: the run beside it stays.
  EXPECT_EQ(Prescanned("<b>x</b>   < 3"), "<b>x</b>   < 3");
}

TEST(HtmlPrescanTest, WhitespaceInPreformattedAndRawTextStays) {
  const std::string pre = "<pre>\n  <b>x</b>   <PRE> <i>y</i></pre>   <i>z</i>\n</pre>  <p>";
  EXPECT_EQ(Prescanned(pre), "<pre>\n  <b>x</b>   <PRE> <i>y</i></pre>   <i>z</i>\n</pre> <p>");
  const std::string raw =
      "<title>  </title>  <textarea>  <b>  </b>  </textarea>  <xmp>  <i>  </i></xmp>"
      "<listing>  <i>  </i></listing>  <plaintext>  <b>  </b>  ";
  EXPECT_EQ(Prescanned(raw),
            "<title>  </title> <textarea>  <b>  </b>  </textarea> <xmp>  <i>  </i></xmp>"
            "<listing>  <i>  </i></listing> <plaintext>  <b>  </b>  ");
}

TEST(ExtractRobustnessTest, ManyStartTagsThatNeverClose) {
  // Each tag's attributes would run to the end of the input; only the first
  // is followed there (the tokenizer reads the rest as its attributes).
  std::string html = "<html><body><p>Kept text before the damage.</p>";
  for (int i = 0; i < 100000; ++i) html += "<div a=\"x\" ";
  const ExtractResult page = ExtractPage(html);
  EXPECT_NE(page.text.find("Kept text"), std::string::npos);
}

TEST(HtmlPrescanTest, TagsThatNeverCloseStayAsTheyAre) {
  EXPECT_EQ(Prescanned("<p>a</p><div data-x=\"never closed>text"),
            "<p>a</p><div data-x=\"never closed>text");
}

TEST(HtmlPrescanTest, SlashesAsTheTokenizerReadsThem) {
  // An unquoted value takes a '/' (so "1/>" closes no empty element);
  // a lone '/' between attributes separates them.
  EXPECT_EQ(Prescanned("<br data-a=1/><hr data-b='2'/><span data-b/class=c>t</span>"),
            "<br ><hr /><span /class=c>t</span>");
}

TEST(HtmlPrescanTest, PhpDiagnosticsAreNotText) {
  // PHP prints its diagnostics into the page, here before the <html> and in
  // the article; the message's own tags are only <b> around the file name.
  EXPECT_EQ(Prescanned("<br />\n<b>Warning</b>:  Undefined variable $x in <b>/srv/www/index.php</b> "
                       "on line <b>12</b><br />\n<p>Text</p>"),
            "<br />\n<br />\n<p>Text</p>");
  EXPECT_EQ(Prescanned("<p>a<b>Deprecated</b>:  Function create_function() is deprecated in "
                       "<b>/x.php</b> on line <b>7</b></p>"),
            "<p>a</p>");
  // Bold words of a text that read like one stay: another tag between, no
  // line number, or another level's name.
  for (const std::string text :
       {"<p><b>Warning</b>: the <i>old</i> bridge is closed in <b>winter</b> on line <b>4</b>.</p>",
        "<p><b>Warning</b>: the bridge is closed in <b>winter</b>.</p>",
        "<p><b>Notice</b>: opening times change on line <b>two</b> of the timetable.</p>",
        "<p><b>Achtung</b>: gesperrt in <b>/x.php</b> on line <b>3</b></p>"}) {
    EXPECT_EQ(Prescanned(text), text);
  }
  const ExtractResult page = ExtractPage(
      "<br />\n<b>Strict Standards</b>:  Redefining already defined constructor for class wpdb in "
      "<b>/www/htdocs/wp-includes/wp-db.php</b> on line <b>56</b><br />\n"
      "<html><body><main><h1>Malaga</h1><p>Die Stadt, die oftmals im Schatten des historischen "
      "Sevilla steht, ist auch selbst eine Reise wert, und hier kann man als Tourist so einiges "
      "entdecken.</p></main></body></html>");
  EXPECT_NE(page.text.find("im Schatten des historischen"), std::string::npos) << page.text;
  EXPECT_EQ(page.text.find("on line"), std::string::npos) << page.text;
  EXPECT_EQ(page.text.find("wpdb"), std::string::npos) << page.text;
}

}  // namespace
}  // namespace corpus
