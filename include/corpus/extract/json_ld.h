#ifndef CORPUS_EXTRACT_JSON_LD_H_
#define CORPUS_EXTRACT_JSON_LD_H_

#include <string>
#include <vector>

namespace corpus {

// What a page's JSON-LD script bodies say about its text, read in one walk:
// each block is parsed once, its objects visited depth first (@graph and
// nested objects included) without recursion. Malformed blocks are skipped.
// Strings are as written (they may hold HTML). A plain value: copyable.
struct JsonLdFacts {
  // A schema.org Product (or ProductGroup) with "offers", and no list of
  // items (ItemList, CollectionPage, SearchResultsPage, OfferCatalog): a
  // page that sells a product, not a category page listing many (some shop
  // software describes a category as one Product with an AggregateRating of
  // its reviews, and no offers).
  bool product_for_sale = false;
  // A schema.org Recipe: a page that gives a recipe, its ingredients and
  // its steps often in boxes of their own.
  bool recipe = false;
  // The longest "description" of a Product or ProductGroup. Many shops
  // render their product description with JavaScript and ship it only here.
  std::string product_description;
  // The longest "articleBody" or "text" of any object (Article,
  // DiscussionForumPosting, Question, Answer, ...): the text of a page whose
  // body is rendered by JavaScript.
  std::string body;
  // The longest "articleBody": the article's text as the page's structured
  // data gives it.
  std::string article_body;
  // The "description" of each of the page's authors: an object that is the
  // value of an "author" key (or one of an array of them), or an object
  // whose "@id" an "author" value names (SEO plugins write the post's author
  // as {"@id": ...} and the Person apart, in one @graph). Each description
  // once, the embedded authors first, in document order.
  std::vector<std::string> author_descriptions;
};

[[nodiscard]] JsonLdFacts ReadJsonLd(const std::vector<std::string>& json_ld_blocks);

}  // namespace corpus

#endif  // CORPUS_EXTRACT_JSON_LD_H_
