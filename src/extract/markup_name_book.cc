#include "corpus/extract/markup_name_book.h"

#include <algorithm>
#include <cstring>
#include <iterator>

#include "corpus/extract/markup_names.h"
#include "corpus/extract/phrase_data.h"
#include "corpus/util/sha256.h"

namespace corpus {
namespace {

constexpr std::string_view kListNames[] = {
    "boilerplate_tokens",  "boilerplate_stems",   "boilerplate_edge_stems",
    "consent_stems",       "navigation_tokens",   "navigation_stems",
    "comment_form_stems",  "comment_form_values", "comment_stems",
    "comment_tokens",      "hidden_classes",      "hidden_class_suffixes",
    "panel_stems",         "buy_box_tokens",      "shop_widget_tokens",
    "author_card_classes", "signature_tokens",    "user_title_names",
    "fine_print_tokens",   "caption_classes",     "caption_tokens",
    "byline_tokens",       "main_tokens",         "word_tokens",
    "jump_link_tokens",    "negation_tokens",     "social_hosts",
};
static_assert(std::size(kListNames) == static_cast<size_t>(NameList::kCount));
static_assert(static_cast<size_t>(NameList::kCount) <= 32, "a list is one bit of a uint32_t mask");

// A hash of a name from its length and its first and last bytes (eight of
// each at most, overlapping on short names): cheap, and the table compares
// whole names anyway. Every token of every class and id value is looked up.
uint64_t HashName(std::string_view s) {
  const size_t n = s.size();
  uint64_t a = 0, b = 0;
  if (n >= 8) {
    std::memcpy(&a, s.data(), 8);
    std::memcpy(&b, s.data() + n - 8, 8);
  } else if (n >= 4) {
    uint32_t x, y;
    std::memcpy(&x, s.data(), 4);
    std::memcpy(&y, s.data() + n - 4, 4);
    a = x;
    b = y;
  } else if (n > 0) {
    a = static_cast<uint8_t>(s[0]) | static_cast<uint64_t>(static_cast<uint8_t>(s[n / 2])) << 8 |
        static_cast<uint64_t>(static_cast<uint8_t>(s[n - 1])) << 16;
  }
  const uint64_t h = a * 0x9E3779B97F4A7C15ULL ^ (b + n) * 0xC2B2AE3D27D4EB4FULL;
  return h ^ (h >> 29);
}

// The byte classes of MarkupNameBook's pair index (kByteClasses of them).
constexpr std::array<uint8_t, 256> kByteClassOf = [] {
  std::array<uint8_t, 256> t{};
  for (size_t b = 0; b < 256; ++b) t[b] = 38;
  for (size_t b = 'a'; b <= 'z'; ++b) t[b] = static_cast<uint8_t>(b - 'a');
  for (size_t b = '0'; b <= '9'; ++b) t[b] = static_cast<uint8_t>(26 + b - '0');
  t['-'] = 36;
  t['_'] = 37;
  return t;
}();

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
  BuildIndex();
}

void MarkupNameBook::BuildIndex() {
  size_t count = 0;
  for (const auto& list : lists_) count += list.size();
  size_t slots = 16;
  while (slots < 2 * count) slots *= 2;
  whole_.assign(slots, Named{});
  pair_lists_.assign(kByteClasses * kByteClasses, 0);
  pair_names_.assign(kByteClasses * kByteClasses, {});
  for (size_t l = 0; l < lists_.size(); ++l) {
    const uint32_t bit = Bit(static_cast<NameList>(l));
    for (const std::string& name : lists_[l]) {
      for (size_t i = HashName(name) & (slots - 1);; i = (i + 1) & (slots - 1)) {
        if (whole_[i].lists == 0) whole_[i].name = name;
        if (whole_[i].name == name) {
          whole_[i].lists |= bit;
          break;
        }
      }
      if (name.size() == 1) {
        single_lists_[static_cast<uint8_t>(name[0])] |= bit;
        has_single_ = true;
        continue;
      }
      const size_t pair = kByteClassOf[static_cast<uint8_t>(name[0])] * kByteClasses +
                          kByteClassOf[static_cast<uint8_t>(name[1])];
      pair_lists_[pair] |= bit;
      std::vector<Named>& names = pair_names_[pair];
      auto it = std::find_if(names.begin(), names.end(), [&](const Named& n) { return n.name == name; });
      if (it == names.end()) it = names.insert(names.end(), Named{name, 0});
      it->lists |= bit;
    }
  }
}

const MarkupNameBook& MarkupNameBook::Default() {
  static const MarkupNameBook* const book = new MarkupNameBook(kEmbeddedMarkupNames);
  return *book;
}

uint32_t MarkupNameBook::ListsNaming(std::string_view name) const {
  const size_t mask = whole_.size() - 1;
  for (size_t i = HashName(name) & mask;; i = (i + 1) & mask) {
    const Named& slot = whole_[i];
    if (slot.lists == 0) return 0;
    if (slot.name == name) return slot.lists;
  }
}

uint32_t MarkupNameBook::ListsNamingPieces(std::string_view value, bool split_tokens) const {
  uint32_t lists = 0;
  AnyNamePiece(value, split_tokens, [&](std::string_view piece) {
    lists |= ListsNaming(piece);
    return false;  // every piece
  });
  return lists;
}

uint32_t MarkupNameBook::ListsInside(std::string_view value, uint32_t wanted) const {
  uint32_t found = 0;
  const size_t n = value.size();
  if (has_single_) {
    for (size_t i = 0; i < n; ++i) found |= single_lists_[static_cast<uint8_t>(value[i])];
    found &= wanted;
  }
  if (n < 2) return found;
  size_t next = kByteClassOf[static_cast<uint8_t>(value[0])];
  for (size_t i = 0; i + 1 < n && found != wanted; ++i) {
    const size_t pair = next * kByteClasses;
    next = kByteClassOf[static_cast<uint8_t>(value[i + 1])];
    const uint32_t open = pair_lists_[pair + next] & wanted & ~found;
    if (open == 0) continue;
    for (const Named& name : pair_names_[pair + next]) {
      if ((name.lists & open) != 0 && value.compare(i, name.name.size(), name.name) == 0) {
        found |= name.lists & wanted;
      }
    }
  }
  return found;
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

bool MarkupNameBook::EndsAfterSeparator(NameList l, std::string_view name) const {
  for (const std::string& x : names(l)) {
    if (name.size() <= x.size() + 1 || !name.ends_with(x)) continue;
    const std::string_view before = name.substr(0, name.size() - x.size() - 1);
    const char sep = name[before.size()];
    if ((sep == '-' || sep == '_') && !before.ends_with("not")) return true;
  }
  return false;
}

}  // namespace corpus
