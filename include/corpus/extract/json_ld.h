#ifndef CORPUS_EXTRACT_JSON_LD_H_
#define CORPUS_EXTRACT_JSON_LD_H_

#include <string>
#include <vector>

namespace corpus {

// Returns the longest `description` of a schema.org Product (any object whose
// "@type" is or contains "Product", at any depth, @graph included) found in
// the given JSON-LD script bodies; empty if none. Many shops render their
// product description with JavaScript and ship it only as JSON-LD.
// Malformed JSON is skipped. Walks the JSON without recursion.
std::string FindProductDescription(const std::vector<std::string>& json_ld_blocks);

// Whether the JSON-LD describes a schema.org Product (or ProductGroup) with
// "offers" and no list of items (ItemList, CollectionPage,
// SearchResultsPage, OfferCatalog): a page that sells a product, not a
// category page listing many (some shop software describes a category as
// one Product with an AggregateRating of its reviews, and no offers).
bool DescribesProductForSale(const std::vector<std::string>& json_ld_blocks);

// Returns the longest "articleBody" or "text" string of any object (Article,
// DiscussionForumPosting, Question, Answer, ...) in the JSON-LD blocks; the
// text of pages whose body is rendered by JavaScript. Empty if none.
std::string FindJsonLdBody(const std::vector<std::string>& json_ld_blocks);

// Returns the longest "articleBody" string in the JSON-LD blocks: the
// article's text as the page's structured data gives it. Empty if none.
std::string FindArticleBody(const std::vector<std::string>& json_ld_blocks);

// Returns the "description" of each of the page's authors, as given in the
// JSON-LD blocks: an object that is the value of an "author" key (or one of
// an array of them), or an object whose "@id" an "author" value names (SEO
// plugins write the post's author as {"@id": ...} and the Person apart, in
// one @graph). Each description once, as written (it may hold HTML).
std::vector<std::string> FindAuthorDescriptions(const std::vector<std::string>& json_ld_blocks);

}  // namespace corpus

#endif  // CORPUS_EXTRACT_JSON_LD_H_
