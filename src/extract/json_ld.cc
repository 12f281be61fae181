#include "corpus/extract/json_ld.h"

#include <simdjson.h>

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string_view>
#include <utility>

#include "corpus/extract/markup_names.h"

namespace corpus {
namespace {

// Whether the "@type" value `type` (a string or an array of them) names
// one of `names`.
bool TypeNames(simdjson::dom::element type, std::initializer_list<std::string_view> names) {
  const auto named = [&](std::string_view s) {
    return std::find(names.begin(), names.end(), s) != names.end();
  };
  std::string_view s;
  if (type.get(s) == simdjson::SUCCESS) return named(s);
  simdjson::dom::array arr;
  if (type.get(arr) != simdjson::SUCCESS) return false;
  for (simdjson::dom::element e : arr) {
    if (e.get(s) == simdjson::SUCCESS && named(s)) return true;
  }
  return false;
}

bool IsProductType(simdjson::dom::element type) {
  return TypeNames(type, {"Product", "ProductGroup"});
}

// Types of pages and objects that list several products: a category page
// may describe each of its products as a Product inside one of these.
bool IsListType(simdjson::dom::element type) {
  constexpr std::string_view kLists[] = {"ItemList", "CollectionPage", "SearchResultsPage",
                                         "OfferCatalog"};
  std::string_view s;
  return type.get(s) == simdjson::SUCCESS && InList(kLists, s);
}

// Keeps `value` in `*best` when it is longer (the first of equal lengths).
void KeepLonger(std::string_view value, std::string* best) {
  if (value.size() > best->size()) best->assign(value);
}

// Adds `text` to `found` unless it is empty or there already.
void AddOnce(std::string_view text, std::vector<std::string>* found) {
  if (!text.empty() && std::find(found->begin(), found->end(), text) == found->end()) {
    found->emplace_back(text);
  }
}

// The fields of one object that the facts read: the first of each name, as
// a lookup by name finds it; absent ones empty.
struct Fields {
  std::optional<simdjson::dom::element> type, offers, description, article_body, text, id, author;
};

Fields ReadFields(simdjson::dom::object obj) {
  Fields f;
  const std::pair<std::string_view, std::optional<simdjson::dom::element>*> slots[] = {
      {"@type", &f.type},         {"offers", &f.offers},  {"description", &f.description},
      {"articleBody", &f.article_body}, {"text", &f.text}, {"@id", &f.id},
      {"author", &f.author}};
  for (auto field : obj) {
    for (const auto& [name, slot] : slots) {
      if (field.key == name && !slot->has_value()) *slot = field.value;
    }
  }
  return f;
}

// The string `e` holds, if it holds one.
std::optional<std::string_view> StringOf(const std::optional<simdjson::dom::element>& e) {
  std::string_view s;
  if (e && e->get(s) == simdjson::SUCCESS) return s;
  return std::nullopt;
}

// One walk over a page's blocks: the facts so far, and what the authors'
// descriptions are resolved from once all blocks are read (the Person an
// "author" names by "@id" may stand before or after the post).
struct Walk {
  bool authors = false;  // whether any block names an author (else no author field is read)
  bool product = false;  // a Product with offers was seen
  bool list = false;     // a list of items was seen
  JsonLdFacts facts;
  std::vector<std::string> ids;  // the "@id" of authors named by reference
  std::vector<std::pair<std::string, std::string>> described;  // every "@id" with a "description"

  void Read(simdjson::dom::object obj);
};

void Walk::Read(simdjson::dom::object obj) {
  const Fields f = ReadFields(obj);
  if (f.type) {
    const bool product_type = IsProductType(*f.type);
    product = product || (product_type && f.offers);
    list = list || IsListType(*f.type);
    facts.recipe = facts.recipe || TypeNames(*f.type, {"Recipe"});
    if (const auto d = StringOf(f.description); product_type && d) {
      KeepLonger(*d, &facts.product_description);
    }
  }
  if (const auto b = StringOf(f.article_body)) {
    KeepLonger(*b, &facts.body);
    KeepLonger(*b, &facts.article_body);
  }
  if (const auto t = StringOf(f.text)) KeepLonger(*t, &facts.body);
  if (!authors) return;
  const auto id = StringOf(f.id);
  const auto description = StringOf(f.description);
  if (id && description && !description->empty()) described.emplace_back(*id, *description);
  if (!f.author) return;
  simdjson::dom::object one;
  simdjson::dom::array many;
  const auto take = [&](simdjson::dom::object person) {
    std::string_view person_id, text;
    if (person["@id"].get(person_id) == simdjson::SUCCESS) ids.emplace_back(person_id);
    if (person["description"].get(text) == simdjson::SUCCESS) {
      AddOnce(text, &facts.author_descriptions);
    }
  };
  if (f.author->get(one) == simdjson::SUCCESS) {
    take(one);
  } else if (f.author->get(many) == simdjson::SUCCESS) {
    for (simdjson::dom::element e : many) {
      if (e.get(one) == simdjson::SUCCESS) take(one);
    }
  }
}

}  // namespace

JsonLdFacts ReadJsonLd(const std::vector<std::string>& blocks) {
  Walk walk;
  walk.authors = std::any_of(blocks.begin(), blocks.end(), [](const std::string& b) {
    return b.find("\"author\"") != std::string::npos;
  });
  // One parser per thread: its buffers are kept from page to page.
  thread_local simdjson::dom::parser parser;
  std::vector<simdjson::dom::element> stack;
  for (const std::string& block : blocks) {
    simdjson::dom::element root;
    if (parser.parse(block).get(root) != simdjson::SUCCESS) continue;
    stack.assign(1, root);
    while (!stack.empty()) {
      simdjson::dom::element e = stack.back();
      stack.pop_back();
      simdjson::dom::array arr;
      if (e.get(arr) == simdjson::SUCCESS) {
        for (simdjson::dom::element x : arr) stack.push_back(x);
        continue;
      }
      simdjson::dom::object obj;
      if (e.get(obj) != simdjson::SUCCESS) continue;
      walk.Read(obj);
      for (auto field : obj) stack.push_back(field.value);
    }
  }
  walk.facts.product_for_sale = walk.product && !walk.list;
  for (const auto& [id, text] : walk.described) {
    if (std::find(walk.ids.begin(), walk.ids.end(), id) != walk.ids.end()) {
      AddOnce(text, &walk.facts.author_descriptions);
    }
  }
  return std::move(walk.facts);
}

}  // namespace corpus
