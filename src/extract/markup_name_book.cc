#include "corpus/extract/markup_name_book.h"

#include <algorithm>
#include <iterator>

#include "corpus/extract/phrase_data.h"
#include "corpus/util/sha256.h"

namespace corpus {
namespace {

constexpr std::string_view kListNames[] = {
    "boilerplate_tokens",  "boilerplate_stems",   "boilerplate_edge_stems",
    "consent_stems",       "navigation_tokens",   "navigation_stems",
    "comment_form_stems",  "comment_form_values", "comment_stems",
    "comment_tokens",      "hidden_classes",      "panel_stems",
    "buy_box_tokens",      "shop_widget_tokens",  "author_card_classes",
    "signature_tokens",    "user_title_names",    "fine_print_tokens",
    "caption_classes",     "caption_tokens",      "byline_tokens",
};
static_assert(std::size(kListNames) == static_cast<size_t>(NameList::kCount));

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

}  // namespace

MarkupNameBook::MarkupNameBook(std::string_view text) {
  Sha256 digest;
  digest.Update(text);
  digest_ = digest.HexDigest();
  int section = -1;
  size_t line_no = 0;
  size_t pos = 0;
  auto report = [&](const std::string& what) {
    if (status_.ok()) {
      status_ = Status::InvalidArgument("names.txt:" + std::to_string(line_no) + ": " + what);
    }
  };
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = Trim(text.substr(pos, nl - pos));
    pos = nl + 1;
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    if (line.front() == '[' && line.back() == ']') {
      const std::string_view name = line.substr(1, line.size() - 2);
      const auto* it = std::find(std::begin(kListNames), std::end(kListNames), name);
      section = it == std::end(kListNames) ? -1 : static_cast<int>(it - kListNames);
      if (section < 0) report("unknown section " + std::string(line));
      continue;
    }
    if (section < 0) {
      report("name outside a known section");
      continue;
    }
    const bool plain = std::none_of(line.begin(), line.end(), [](char c) {
      return (c >= 'A' && c <= 'Z') || c == ' ' || c == '\t';
    });
    if (!plain) {
      report("a name is one lower-case word: " + std::string(line));
      continue;
    }
    lists_[section].emplace_back(line);
  }
}

const MarkupNameBook& MarkupNameBook::Default() {
  static const MarkupNameBook* const book = new MarkupNameBook(kEmbeddedMarkupNames);
  return *book;
}

bool MarkupNameBook::Has(NameList l, std::string_view name) const {
  for (const std::string& x : names(l)) {
    if (x == name) return true;
  }
  return false;
}

bool MarkupNameBook::AnyInside(NameList l, std::string_view value) const {
  for (const std::string& x : names(l)) {
    if (value.find(x) != std::string_view::npos) return true;
  }
  return false;
}

bool MarkupNameBook::AtEitherEnd(NameList l, std::string_view token) const {
  for (const std::string& x : names(l)) {
    if (token.size() > x.size() &&
        (token.substr(0, x.size()) == x || token.substr(token.size() - x.size()) == x)) {
      return true;
    }
  }
  return false;
}

}  // namespace corpus
