#include "corpus/report/html.h"

#include <gtest/gtest.h>

#include "corpus/report/svg_chart.h"
#include "corpus/report/text_shape.h"
#include "corpus/shard/doc_stats.h"

namespace corpus {
namespace {

size_t Count(const std::string& s, const std::string& needle) {
  size_t n = 0;
  for (size_t at = s.find(needle); at != std::string::npos; at = s.find(needle, at + 1)) ++n;
  return n;
}

TEST(EscapeHtmlTest, MarkupCharactersBecomeReferences) {
  EXPECT_EQ(EscapeHtml("<script>alert('x&y')</script> \"q\""),
            "&lt;script&gt;alert(&#39;x&amp;y&#39;)&lt;/script&gt; &quot;q&quot;");
  EXPECT_EQ(EscapeHtml("line 1\n\tline 2"), "line 1\n\tline 2");
}

TEST(EscapeHtmlTest, UnicodeKeptInvalidBytesAndControlsReplaced) {
  EXPECT_EQ(EscapeHtml("caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80"), "caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80");
  EXPECT_EQ(EscapeHtml("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(EscapeHtml("a\xE2\x82"), "a\xEF\xBF\xBD\xEF\xBF\xBD");  // truncated sequence: one per byte
  EXPECT_EQ(EscapeHtml(std::string("a\0b\x1B", 4)), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
  EXPECT_EQ(EscapeHtml("\xEF\xBF\xBD"), "\xEF\xBF\xBD");  // a real U+FFFD stays
}

TEST(NumberFormatTest, GroupedCompactShortPercent) {
  EXPECT_EQ(GroupedNumber(0), "0");
  EXPECT_EQ(GroupedNumber(999), "999");
  EXPECT_EQ(GroupedNumber(1234567), "1,234,567");
  EXPECT_EQ(CompactNumber(950), "950");
  EXPECT_EQ(CompactNumber(12345), "12.3k");
  EXPECT_EQ(CompactNumber(4500000), "4.5M");
  EXPECT_EQ(ShortDouble(0.123456), "0.123");
  EXPECT_EQ(ShortDouble(42), "42");
  EXPECT_EQ(PercentOf(1, 8), "12.5%");
  EXPECT_EQ(PercentOf(1, 0), "0.0%");
}

TEST(SvgChartTest, BarsAreEscapedAndScaled) {
  std::vector<Bar> bars = {{"<b>bold</b>", 100, "", "", 0}, {"half", 50, "", "", 1}, {"none", 0, "", "", 2}};
  const std::string svg = HorizontalBarChart(bars);
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_EQ(Count(svg, "<rect"), 3u);
  EXPECT_EQ(Count(svg, "<title>"), 3u);
  EXPECT_EQ(svg.find("<b>"), std::string::npos);
  EXPECT_NE(svg.find("&lt;b&gt;bold&lt;/b&gt;"), std::string::npos);
  EXPECT_NE(svg.find("width=\"220.0\""), std::string::npos) << svg;  // the full bar
  EXPECT_NE(svg.find("width=\"110.0\""), std::string::npos) << svg;  // half of it
  EXPECT_NE(svg.find("width=\"0.0\""), std::string::npos) << svg;
}

TEST(SvgChartTest, HistogramHasOneRectPerBin) {
  Histogram h;
  for (int i = 1; i <= 5; ++i) {
    for (int k = 0; k < i; ++k) h.Add(i);
  }
  const std::string svg = HistogramChart(h, "words <per> doc");
  EXPECT_EQ(Count(svg, "<rect"), 5u);
  EXPECT_NE(svg.find("words &lt;per&gt; doc"), std::string::npos);
  EXPECT_NE(svg.find("<title>3: 3 (20.0%)</title>"), std::string::npos) << svg;
  EXPECT_EQ(Count(HistogramChart(Histogram(), "x"), "<rect"), 0u);
}

TEST(TextShapeTest, WordsAgreeWithTheCardsCount) {
  for (const char* text : {"", "one", "  two  words ", "a\tb\nc\r\nd", "caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC"}) {
    EXPECT_EQ(MeasureText(text).words, CountWords(text)) << text;
  }
  const TextShape s = MeasureText("Hello world\n\nabc");
  EXPECT_EQ(s.words, 3u);
  EXPECT_EQ(s.word_chars, 13u);
  EXPECT_EQ(s.lines, 3u);
  EXPECT_NEAR(s.chars_per_word(), 13.0 / 3, 1e-12);
  EXPECT_EQ(MeasureText("a\n").lines, 1u);
  EXPECT_EQ(MeasureText("").lines, 0u);
}

TEST(TextShapeTest, ScriptOfTheMostLetters) {
  EXPECT_STREQ(ScriptName(MeasureText("Hello, world").script), "Latin");
  EXPECT_STREQ(ScriptName(MeasureText("\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 ok").script), "Cyrillic");
  EXPECT_STREQ(ScriptName(MeasureText("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xA7 ab").script), "Han");
  EXPECT_STREQ(ScriptName(MeasureText("\xCE\xB1\xCE\xB2\xCE\xB3").script), "Greek");
  EXPECT_STREQ(ScriptName(MeasureText("\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85").script), "Arabic");
  EXPECT_EQ(MeasureText("123 456 !?").script, -1);
  EXPECT_EQ(ScriptOf(U'\u00E9'), ScriptOf(U'a'));
  EXPECT_EQ(ScriptOf(U'1'), -1);
}

}  // namespace
}  // namespace corpus
