// What the page's JSON-LD says, read in one walk over its blocks: the
// product it sells and that product's description, the article's body, and
// its authors' descriptions, wherever in the blocks they stand.
#include "corpus/extract/json_ld.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace corpus {
namespace {

TEST(JsonLdTest, NoBlocksSayNothing) {
  const JsonLdFacts facts = ReadJsonLd({});
  EXPECT_FALSE(facts.product_for_sale);
  EXPECT_TRUE(facts.product_description.empty());
  EXPECT_TRUE(facts.body.empty());
  EXPECT_TRUE(facts.article_body.empty());
  EXPECT_TRUE(facts.author_descriptions.empty());
  EXPECT_FALSE(facts.recipe);
}

TEST(JsonLdTest, ARecipeAnywhereInTheGraph) {
  EXPECT_TRUE(ReadJsonLd({R"({"@graph": [{"@type": "WebPage"}, {"@type": ["Recipe", "Thing"],)"
                          R"( "name": "Rinderrouladen"}]})"})
                  .recipe);
  EXPECT_FALSE(ReadJsonLd({R"({"@type": "Article", "headline": "Recipes for a quiet winter"})"})
                   .recipe);
}

TEST(JsonLdTest, AProductForSaleAndItsLongestDescription) {
  const JsonLdFacts facts = ReadJsonLd(
      {R"({"@type": "Organization", "description": "Ein Laden in Köln, seit 1920."})",
       R"({"@graph": [{"@type": ["Product", "Thing"], "description": "Becher",)"
       R"( "offers": {"price": 9}}, {"@type": "ProductGroup",)"
       R"( "description": "Becher aus Steinzeug, gesprenkelt glasiert"}]})"});
  EXPECT_TRUE(facts.product_for_sale);
  EXPECT_EQ(facts.product_description, "Becher aus Steinzeug, gesprenkelt glasiert");
}

TEST(JsonLdTest, AListOfProductsSellsNone) {
  EXPECT_FALSE(ReadJsonLd({R"({"@type": "Product", "offers": {"price": 9}})",
                           R"({"@type": "CollectionPage", "name": "Becher"})"})
                   .product_for_sale);
  // Rated but not offered: some shops describe a category so.
  EXPECT_FALSE(ReadJsonLd({R"({"@type": "Product", "aggregateRating": {"ratingValue": 4}})"})
                   .product_for_sale);
}

TEST(JsonLdTest, TheArticleBodyAndTheLongestText) {
  const JsonLdFacts facts = ReadJsonLd(
      {R"({"@type": "NewsArticle", "articleBody": "記事の本文です。"})",
       R"({"@type": "DiscussionForumPosting",)"
       R"( "text": "Ein längerer Beitrag im Forum, mit mehr Text."})"});
  EXPECT_EQ(facts.article_body, "記事の本文です。");
  EXPECT_EQ(facts.body, "Ein längerer Beitrag im Forum, mit mehr Text.");
}

TEST(JsonLdTest, AuthorsEmbeddedAndNamedByIdInAnyBlock) {
  const JsonLdFacts facts = ReadJsonLd(
      {// The Person named by reference comes before the post that names it.
       R"({"@type": "Person", "@id": "#a", "description": "Erste Autorin."})",
       R"({"@graph": [{"@type": "NewsArticle", "description": "Worum es geht.",)"
       R"( "author": [{"@id": "#a"}, {"@type": "Person", "description": "Zweiter Autor."}]},)"
       R"( {"@type": "Person", "@id": "#b", "description": "Jemand, der zitiert wird."},)"
       R"( {"@type": "Person", "@id": "#a", "description": "Erste Autorin."}]})",
       "{not json"});
  // Embedded authors first, then those named by @id; each once.
  EXPECT_EQ(facts.author_descriptions,
            (std::vector<std::string>{"Zweiter Autor.", "Erste Autorin."}));
}

TEST(JsonLdTest, AMalformedBlockLeavesTheOthers) {
  const JsonLdFacts facts =
      ReadJsonLd({R"({"@type": "Article", "articleBody": )", R"({"articleBody": "正文。"})"});
  EXPECT_EQ(facts.article_body, "正文。");
}

}  // namespace
}  // namespace corpus
