#include "corpus/extract/json_ld.h"

#include <simdjson.h>

#include <algorithm>
#include <initializer_list>
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
// without recursion; malformed blocks are skipped. `visit` must not call it
// again: the thread's one parser (its buffers kept from page to page) holds
// the objects it is given.
template <typename Visit>
void ForEachObject(const std::vector<std::string>& blocks, Visit visit) {
  thread_local simdjson::dom::parser parser;
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

// Whether a block holds `quoted_key` ("\"author\""): blocks without it
// are not parsed for that key.
bool AnyBlockHolds(const std::vector<std::string>& blocks, std::string_view quoted_key) {
  return std::any_of(blocks.begin(), blocks.end(), [&](const std::string& b) {
    return b.find(quoted_key) != std::string::npos;
  });
}

// The longest string value of any of `keys` in any object of the blocks.
std::string LongestStringOf(const std::vector<std::string>& blocks,
                            std::initializer_list<const char*> keys) {
  std::string best;
  ForEachObject(blocks, [&](simdjson::dom::object obj) {
    for (const char* key : keys) {
      std::string_view value;
      if (obj[key].get(value) == simdjson::SUCCESS && value.size() > best.size()) best.assign(value);
    }
  });
  return best;
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
  return LongestStringOf(blocks, {"articleBody", "text"});
}

std::string FindArticleBody(const std::vector<std::string>& blocks) {
  if (!AnyBlockHolds(blocks, "\"articleBody\"")) return {};
  return LongestStringOf(blocks, {"articleBody"});
}

std::vector<std::string> FindAuthorDescriptions(const std::vector<std::string>& blocks) {
  std::vector<std::string> found;
  if (!AnyBlockHolds(blocks, "\"author\"")) return found;
  std::vector<std::string> ids;  // of authors given by reference
  const auto take = [&](simdjson::dom::object person, bool by_id) {
    std::string_view text;
    if (by_id) {
      std::string_view id;
      if (person["@id"].get(id) != simdjson::SUCCESS ||
          std::find(ids.begin(), ids.end(), id) == ids.end()) {
        return;
      }
    }
    if (person["description"].get(text) == simdjson::SUCCESS && !text.empty() &&
        std::find(found.begin(), found.end(), text) == found.end()) {
      found.emplace_back(text);
    }
  };
  ForEachObject(blocks, [&](simdjson::dom::object obj) {
    simdjson::dom::element author;
    if (obj["author"].get(author) != simdjson::SUCCESS) return;
    std::vector<simdjson::dom::object> people;
    simdjson::dom::object one;
    simdjson::dom::array many;
    if (author.get(one) == simdjson::SUCCESS) {
      people.push_back(one);
    } else if (author.get(many) == simdjson::SUCCESS) {
      for (simdjson::dom::element e : many) {
        if (e.get(one) == simdjson::SUCCESS) people.push_back(one);
      }
    }
    for (simdjson::dom::object person : people) {
      std::string_view id;
      if (person["@id"].get(id) == simdjson::SUCCESS) ids.emplace_back(id);
      take(person, false);
    }
  });
  if (!ids.empty()) {
    ForEachObject(blocks, [&](simdjson::dom::object obj) { take(obj, true); });
  }
  return found;
}

}  // namespace corpus
