// The author's bio under a post goes when the page's JSON-LD gives the same
// words as its author's description, on a page in any language; the
// article's own words, and a bio the structured data does not give, stay.
#include "corpus/extract/author_bios.h"

#include <gtest/gtest.h>

#include <string>

#include "corpus/extract/extractor.h"
#include "extract/extract_test_util.h"

namespace corpus {
namespace {

using testing::GermanParagraphs;
using testing::Has;

constexpr char kGermanBio[] =
    "Anna Berger schreibt seit 2015 über Verkehr und Stadtplanung in Thüringen. Sie hat in "
    "Weimar Architektur studiert und fährt jeden Tag mit dem Rad zur Redaktion.";

// A post as an SEO plugin writes it: the article names its author by @id,
// and the Person with the description stands apart in the @graph.
std::string GermanPost(const std::string& json_ld_bio, const std::string& page_bio) {
  return "<html lang='de'><head><script type='application/ld+json'>{\"@context\":"
         "\"https://schema.org\",\"@graph\":[{\"@type\":\"Article\",\"headline\":\"Brücke\","
         "\"author\":{\"@id\":\"https://example.de/#/person/1\"}},{\"@type\":\"Person\","
         "\"@id\":\"https://example.de/#/person/1\",\"name\":\"Anna Berger\","
         "\"description\":\"" +
         json_ld_bio +
         "\"}]}</script></head><body><article><h1>Brücke wird saniert</h1>" +
         GermanParagraphs("Absatz", 5) + "<div class='kasten'><h4>Anna Berger</h4><p>" +
         page_bio + "</p></div></article></body></html>";
}

TEST(AuthorBiosTest, TheBioTheStructuredDataGivesGoesOnAGermanPost) {
  const std::string text = ExtractMainContent(GermanPost(kGermanBio, kGermanBio), "", {}).text;
  EXPECT_TRUE(Has(text, "Absatz 4:")) << text;
  EXPECT_FALSE(Has(text, "Weimar Architektur")) << text;
}

TEST(AuthorBiosTest, ABioWrittenWithOtherSpacingAndEscapesIsTheSame) {
  // The JSON-LD holds the bio as HTML, with a character reference and
  // other spacing; the page shows it in two paragraphs.
  const std::string json_bio =
      "<p>Anna Berger schreibt seit 2015 &uuml;ber Verkehr und Stadtplanung in "
      "Thüringen.</p>  <p>Sie hat in Weimar Architektur studiert und fährt jeden Tag mit dem "
      "Rad zur Redaktion.</p>";
  const std::string page_bio =
      "Anna Berger schreibt seit 2015 über Verkehr und Stadtplanung in Thüringen.</p><p>Sie hat "
      "in Weimar Architektur studiert und fährt jeden Tag mit dem Rad zur Redaktion.";
  const std::string text = ExtractMainContent(GermanPost(json_bio, page_bio), "", {}).text;
  EXPECT_TRUE(Has(text, "Absatz 4:")) << text;
  EXPECT_FALSE(Has(text, "Weimar Architektur")) << text;
}

TEST(AuthorBiosTest, ABioTheStructuredDataDoesNotGiveStays) {
  const std::string other =
      "Karl Weiß leitet das Ressort Wirtschaft und schreibt über Handwerk, Mittelstand und die "
      "Löhne in der Region.";
  const std::string text = ExtractMainContent(GermanPost(other, kGermanBio), "", {}).text;
  EXPECT_TRUE(Has(text, "Weimar Architektur")) << text;
}

TEST(AuthorBiosTest, AnEmbeddedAuthorsBioGoesOnAJapanesePost) {
  const std::string bio =
      "山田花子は東京在住のライターです。十年以上にわたり、料理と旅行について雑誌やウェブで"
      "記事を書いてきました。週末は近所のパン屋を巡るのが楽しみです。";
  std::string body;
  for (int i = 0; i < 5; ++i) {
    body += "<p>生地をこねるところから全部自分でやるのは初めてで、最初は手にベタベタくっついて大変でし"
            "たが、三回目でようやくコツがつかめてきました。(" +
            std::to_string(i) + ")</p>";
  }
  const std::string html =
      "<html lang='ja'><head><script type='application/ld+json'>{\"@type\":\"BlogPosting\","
      "\"author\":[{\"@type\":\"Person\",\"name\":\"山田花子\",\"description\":\"" +
      bio + "\"}]}</script></head><body><article><h1>パン作り</h1>" + body +
      "<div class='kasten'><p>" + bio + "</p></div></article></body></html>";
  const std::string text = ExtractMainContent(html, "", {}).text;
  EXPECT_TRUE(Has(text, "(4)")) << text;
  EXPECT_FALSE(Has(text, "近所のパン屋")) << text;
}

TEST(AuthorBiosTest, TheArticlesOwnWordsStay) {
  // A paragraph of the article that opens with the bio's words but goes on
  // is more than the bio with a name beside it.
  const std::string long_paragraph =
      std::string(kGermanBio) +
      " Für diesen Beitrag hat sie drei Wochen lang Pendler befragt, die Pläne des Bauamts "
      "gelesen und mit den Anwohnern am Fluss gesprochen, die seit Jahren auf die neue "
      "Brücke warten und den Umweg über die Stadt leid sind.";
  const std::string html =
      "<html lang='de'><head><script type='application/ld+json'>{\"@type\":\"Article\","
      "\"author\":{\"@type\":\"Person\",\"description\":\"" +
      std::string(kGermanBio) + "\"}}</script></head><body><article><h1>Brücke</h1>" +
      GermanParagraphs("Absatz", 3) + "<p>" + long_paragraph + "</p>" +
      GermanParagraphs("Schluss", 2) + "</article></body></html>";
  const std::string text = ExtractMainContent(html, "", {}).text;
  EXPECT_TRUE(Has(text, "Pendler befragt")) << text;
}

}  // namespace
}  // namespace corpus
