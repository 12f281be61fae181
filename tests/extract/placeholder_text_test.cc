// A template's filler text (configs/extract/en.txt [placeholder_openings])
// goes on a page in any language; the page's own writing, and a sentence
// that only speaks of the filler, stay.
#include <gtest/gtest.h>

#include <string>

#include "corpus/extract/extractor.h"
#include "extract/extract_test_util.h"

namespace corpus {
namespace {

using testing::GermanParagraphs;
using testing::Has;

constexpr char kFiller[] =
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
    "incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud "
    "exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.";

TEST(PlaceholderTextTest, FillerInAnUnfilledSlotGoesOnAGermanPage) {
  const std::string html =
      "<html lang='de'><body><article><h1>Brücke wird saniert</h1>" +
      GermanParagraphs("Absatz", 4) +
      "<div class='feature-card'><h3>Überschrift</h3><p>" + kFiller +
      "</p><p>Lorem ipsum 2</p></div></article></body></html>";
  const std::string text = ExtractMainContent(html, "", {}).text;
  EXPECT_TRUE(Has(text, "Absatz 3:")) << text;
  EXPECT_FALSE(Has(text, "Lorem ipsum")) << text;
  EXPECT_FALSE(Has(text, "consectetur")) << text;
}

TEST(PlaceholderTextTest, FillerGoesOnAJapanesePage) {
  std::string body;
  for (int i = 0; i < 4; ++i) {
    body += "<p>生地をこねるところから全部自分でやるのは初めてで、最初は手にベタベタくっついて大変でし"
            "たが、三回目でようやくコツがつかめてきました。(" +
            std::to_string(i) + ")</p>";
  }
  const std::string html = "<html lang='ja'><body><article><h1>パン作り</h1>" + body + "<p>" +
                           kFiller + "</p></article></body></html>";
  const std::string text = ExtractMainContent(html, "", {}).text;
  EXPECT_TRUE(Has(text, "(3)")) << text;
  EXPECT_FALSE(Has(text, "Lorem ipsum")) << text;
}

TEST(PlaceholderTextTest, TextThatSpeaksOfTheFillerStays) {
  const std::string html =
      "<html lang='en'><body><article><h1>Dummy text</h1>"
      "<p>Typesetters have set the words Lorem ipsum dolor sit amet in sample pages since the "
      "sixteenth century, so that a client judges the layout and not the copy.</p>"
      "<p>The passage comes from Cicero's De finibus bonorum et malorum, cut and scrambled, "
      "and it has kept its place in design tools because its letters fall like English.</p>"
      "<p>Most page builders still ship it in every empty slot of a new template, and many "
      "sites go live with some of it left in a box that nobody opened again.</p>"
      "</article></body></html>";
  const std::string text = ExtractMainContent(html, "", {}).text;
  EXPECT_TRUE(Has(text, "Typesetters have set the words Lorem ipsum")) << text;
}

TEST(PlaceholderTextTest, ABlockThatHoldsTextAfterTheFillerStays) {
  // The filler opens a container whose paragraphs are the page's: only a
  // block with no block inside is read as filler.
  const std::string html =
      "<html lang='de'><body><article><h1>Brücke wird saniert</h1><div class='text'>Lorem "
      "ipsum<p>" +
      GermanParagraphs("Absatz", 3) + "</p></div></article></body></html>";
  const std::string text = ExtractMainContent(html, "", {}).text;
  EXPECT_TRUE(Has(text, "Absatz 2:")) << text;
}

}  // namespace
}  // namespace corpus
