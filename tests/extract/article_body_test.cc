// When the page's JSON-LD gives the article's text ("articleBody"), a
// paragraph inside the article's container that the body does not hold goes
// (a box the editors set between paragraphs); the article's own paragraphs
// stay, and nothing goes when the body is a teaser rather than the article.
#include <gtest/gtest.h>

#include <string>

#include "corpus/extract/extractor.h"
#include "extract/extract_test_util.h"

namespace corpus {
namespace {

using testing::Has;

constexpr char kBox[] =
    "Jetzt neu in unserer App: alle Nachrichten aus Ihrer Region, jeden Morgen um sechs Uhr "
    "kompakt zusammengefasst und kostenlos auf Ihr Telefon geliefert.";

// Two runs of paragraphs with words of their own, as HTML and as the plain
// text a JSON-LD articleBody holds.
std::string Sentence(bool opening, int i) {
  return std::string(opening ? "Absatz " : "Ende ") + std::to_string(i) +
         (opening ? ": Der Gemeinderat hat am Dienstagabend nach langer Debatte beschlossen, die "
                    "Brücke über den Fluss im kommenden Frühjahr zu sanieren, und die Kosten auf "
                    "drei Jahre verteilt, damit die Schulen und das Schwimmbad nicht warten müssen."
                  : ": Im Sommer sollen Taucher zuerst jeden Pfeiler unter Wasser prüfen, bevor "
                    "ein Kran aus Erfurt das rostige Geländer abnimmt und neue Laternen für "
                    "Radfahrer aufstellt, wie es der Bauausschuss verlangt.");
}

std::string Paragraphs(bool opening) {
  std::string html;
  for (int i = 0; i < 5; ++i) html += "<p>" + Sentence(opening, i) + "</p>";
  return html;
}

std::string BodyOf(bool opening) {
  std::string body;
  for (int i = 0; i < 5; ++i) body += Sentence(opening, i) + " ";
  return body;
}

std::string GermanStory(const std::string& article_body) {
  return "<html lang='de'><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\","
         "\"headline\":\"Brücke wird saniert\",\"articleBody\":\"" +
         article_body + "\"}</script></head><body><article><h1>Brücke wird saniert</h1>" +
         Paragraphs(true) + "<p>" + kBox + "</p>" + Paragraphs(false) + "</article></body></html>";
}

TEST(ArticleBodyTest, AParagraphTheBodyDoesNotHoldGoesOnAGermanStory) {
  const std::string text =
      ExtractMainContent(GermanStory(BodyOf(true) + BodyOf(false)), "", {}).text;
  EXPECT_TRUE(Has(text, "Absatz 4:")) << text;
  EXPECT_TRUE(Has(text, "Ende 4:")) << text;
  EXPECT_FALSE(Has(text, "unserer App")) << text;
}

TEST(ArticleBodyTest, ABodyCutShortTakesNothing) {
  // Sites behind a paywall give the opening paragraphs alone: most words
  // of the page's article are not in that body, and nothing goes.
  const std::string text = ExtractMainContent(GermanStory(BodyOf(true)), "", {}).text;
  EXPECT_TRUE(Has(text, "Ende 4:")) << text;
  EXPECT_TRUE(Has(text, "unserer App")) << text;
}

TEST(ArticleBodyTest, AJapaneseStoryKeepsItsText) {
  std::string paragraphs, body;
  for (int i = 0; i < 5; ++i) {
    const std::string p = "生地をこねるところから全部自分でやるのは初めてで、最初は手にベタベタくっついて"
                          "大変でしたが、三回目でようやくコツがつかめてきました。(" +
                          std::to_string(i) + ")";
    paragraphs += "<p>" + p + "</p>";
    body += p + "\\n";
  }
  const std::string html =
      "<html lang='ja'><head><script type='application/ld+json'>{\"@type\":\"BlogPosting\","
      "\"articleBody\":\"" +
      body + "\"}</script></head><body><article><h1>パン作り</h1>" + paragraphs +
      "</article></body></html>";
  const std::string text = ExtractMainContent(html, "", {}).text;
  EXPECT_TRUE(Has(text, "(0)")) << text;
  EXPECT_TRUE(Has(text, "(4)")) << text;
}

}  // namespace
}  // namespace corpus
