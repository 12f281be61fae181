// Boxes of other products on shop pages are found by their heading and left
// out; the product itself and prose that merely mentions the words stay.
#include "corpus/extract/related_sections.h"

#include <gtest/gtest.h>

#include <string>

#include "corpus/extract/extractor.h"
#include "extract/extract_test_util.h"

namespace corpus {
namespace {

using testing::Has;

std::string Extract(const std::string& body) { return testing::ExtractBody(body); }

std::string Cards(const std::string& name) {
  std::string out = "<ul>";
  for (int i = 0; i < 5; ++i) {
    out += "<li><a href='/p" + std::to_string(i) + "'>" + name + " model " + std::to_string(i) +
           " with a long descriptive name</a><p>Handmade in Portugal, $" + std::to_string(20 + i) +
           ".00 plus shipping.</p></li>";
  }
  return out + "</ul>";
}

const char kProduct[] =
    "<h1>Wool blanket</h1><p>Woven from the wool of our own sheep, this blanket is warm "
    "without weight, and softens with every wash. Each one takes a weaver two days.</p>"
    "<p>Size 140 by 200 cm. Dry clean or hand wash cold, and dry it flat.</p>";

TEST(RelatedSectionsTest, HeadingsMatchLoosely) {
  EXPECT_TRUE(IsRelatedHeading(testing::EnglishPhrases(), "You may also like"));
  EXPECT_TRUE(IsRelatedHeading(testing::EnglishPhrases(), "  YOU MAY ALSO LIKE: "));
  EXPECT_TRUE(IsRelatedHeading(testing::EnglishPhrases(), "Customers who viewed this item\n also viewed"));
  EXPECT_TRUE(IsRelatedHeading(testing::EnglishPhrases(), "Recently viewed…"));
  EXPECT_FALSE(IsRelatedHeading(testing::EnglishPhrases(), "Why you may also like wool"));
  EXPECT_FALSE(IsRelatedHeading(testing::EnglishPhrases(), "Description"));
  // The fixed phrase may be extended, at a word boundary only.
  EXPECT_TRUE(IsRelatedHeading(testing::EnglishPhrases(), "Related items to explore"));
  EXPECT_TRUE(IsRelatedHeading(testing::EnglishPhrases(), "Similar products from other brands"));
  EXPECT_FALSE(IsRelatedHeading(testing::EnglishPhrases(), "Related itemset mining"));
  EXPECT_TRUE(IsRelatedHeading(testing::EnglishPhrases(), "More items to explore"));
}

TEST(RelatedSectionsTest, WrappedBoxGoes) {
  const std::string t = Extract("<main>" + std::string(kProduct) +
                                "<div class='block'><div><h2>You may also like</h2></div>" +
                                Cards("Throw") + "</div></main>");
  EXPECT_TRUE(Has(t, "softens with every wash"));
  EXPECT_TRUE(Has(t, "dry it flat"));
  EXPECT_FALSE(Has(t, "Throw model"));
  EXPECT_FALSE(Has(t, "also like"));
}

TEST(RelatedSectionsTest, UnwrappedBoxGoesUpToTheNextHeading) {
  const std::string t = Extract("<div>" + std::string(kProduct) +
                                "<h3>Customers also viewed</h3>" + Cards("Pillow") +
                                "<h3>Care</h3><p>Air it outside on a dry day, away from "
                                "direct sun, and brush it gently.</p></div>");
  EXPECT_TRUE(Has(t, "softens with every wash"));
  EXPECT_FALSE(Has(t, "Pillow model"));
  EXPECT_TRUE(Has(t, "brush it gently"));
}

TEST(RelatedSectionsTest, BoxHoldingTheProductStays) {
  // A page whose only heading reads like a box title but which holds the
  // product's <h1> is the product.
  const std::string t = Extract("<div><h2>Recommended for you</h2>" + std::string(kProduct) +
                                "</div>");
  EXPECT_TRUE(Has(t, "softens with every wash"));
}

TEST(RelatedSectionsTest, OffSwitch) {
  ExtractOptions o;
  o.drop_related_sections = false;
  const std::string html = "<html><body><main>" + std::string(kProduct) +
                           "<section><h2>Related products</h2>" + Cards("Scarf") +
                           "</section></main></body></html>";
  EXPECT_TRUE(Has(ExtractMainContent(html, "", o).text, "Scarf model"));
  o.drop_related_sections = true;
  EXPECT_FALSE(Has(ExtractMainContent(html, "", o).text, "Scarf model"));
}

}  // namespace
}  // namespace corpus
