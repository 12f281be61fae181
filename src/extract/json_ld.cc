#include "corpus/extract/json_ld.h"

#include <simdjson.h>

#include <string_view>

#include "corpus/extract/markup_names.h"

namespace corpus {
namespace {

bool IsProductType(simdjson::dom::element type) {
  std::string_view s;
  if (type.get(s) == simdjson::SUCCESS) return s == "Product" || s == "ProductGroup";
  simdjson::dom::array arr;
  if (type.get(arr) != simdjson::SUCCESS) return false;
  for (simdjson::dom::element e : arr) {
    if (e.get(s) == simdjson::SUCCESS && (s == "Product" || s == "ProductGroup")) return true;
  }
  return false;
}

// Types of pages and objects that list several products: a category page
// may describe each of its products as a Product inside one of these.
bool IsListType(simdjson::dom::element type) {
  constexpr std::string_view kLists[] = {"ItemList", "CollectionPage", "SearchResultsPage",
                                         "OfferCatalog"};
  std::string_view s;
  return type.get(s) == simdjson::SUCCESS && InList(kLists, s);
}

// Calls visit(object) for every JSON object in the blocks, depth first,
// without recursion; malformed blocks are skipped.
template <typename Visit>
void ForEachObject(const std::vector<std::string>& blocks, Visit visit) {
  simdjson::dom::parser parser;
  for (const std::string& block : blocks) {
    simdjson::dom::element root;
    if (parser.parse(block).get(root) != simdjson::SUCCESS) continue;
    std::vector<simdjson::dom::element> stack{root};
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
      visit(obj);
      for (auto field : obj) stack.push_back(field.value);
    }
  }
}

}  // namespace

std::string FindProductDescription(const std::vector<std::string>& blocks) {
  std::string best;
  ForEachObject(blocks, [&best](simdjson::dom::object obj) {
    simdjson::dom::element type;
    std::string_view desc;
    if (obj["@type"].get(type) == simdjson::SUCCESS && IsProductType(type) &&
        obj["description"].get(desc) == simdjson::SUCCESS && desc.size() > best.size()) {
      best.assign(desc);
    }
  });
  return best;
}

bool DescribesProductForSale(const std::vector<std::string>& blocks) {
  bool product = false, list = false;
  ForEachObject(blocks, [&](simdjson::dom::object obj) {
    simdjson::dom::element type, offers;
    if (obj["@type"].get(type) != simdjson::SUCCESS) return;
    product = product || (IsProductType(type) && obj["offers"].get(offers) == simdjson::SUCCESS);
    list = list || IsListType(type);
  });
  return product && !list;
}

std::string FindJsonLdBody(const std::vector<std::string>& blocks) {
  std::string best;
  ForEachObject(blocks, [&best](simdjson::dom::object obj) {
    for (const char* key : {"articleBody", "text"}) {
      std::string_view body;
      if (obj[key].get(body) == simdjson::SUCCESS && body.size() > best.size()) best.assign(body);
    }
  });
  return best;
}

}  // namespace corpus
