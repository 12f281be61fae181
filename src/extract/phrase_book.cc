#include "corpus/extract/phrase_book.h"

#include <algorithm>
#include <array>
#include <cstdlib>

#include "corpus/extract/phrase_data.h"
#include "corpus/text/text_units.h"
#include "corpus/util/ascii.h"
#include "corpus/util/utf8.h"
#include "corpus/util/sha256.h"

namespace corpus {
namespace {

constexpr std::string_view kSectionNames[] = {
    "related_headings", "article_box_headings", "shop_box_headings", "labels",
    "teaser_labels",    "credit_labels",        "shop_phrases",      "pitch_actions",
    "pitch_openings",   "consent_actions",      "pitch_verbs",       "paywall_openings",
    "reply_prefixes",   "reply_actions",        "notice_labels",     "placeholder_openings",
    "date_labels",      "notice_openings",
};
static_assert(std::size(kSectionNames) == static_cast<size_t>(PhraseClass::kCount));

}  // namespace

void PhraseSet::Add(const PhraseTable* table) {
  if (!table) return;
  for (const PhraseTable*& slot : tables_) {
    if (slot == table) return;
    if (!slot) {
      slot = table;
      max_bytes_ = std::max(max_bytes_, table->max_bytes);
      for (size_t c = 0; c < first_bytes_.size(); ++c) first_bytes_[c] |= table->first_bytes[c];
      return;
    }
  }
}

namespace {

// Whether folded[i] is a thousands separator: "." or "," between a digit
// and a group of exactly three ("1.841 Aufrufe", "12,345 views").
bool IsGroupSeparator(std::string_view folded, size_t i) {
  if ((folded[i] != '.' && folded[i] != ',') || i == 0 || i + 4 > folded.size() ||
      !IsAsciiDigit(folded[i - 1])) {
    return false;
  }
  for (size_t k = i + 1; k <= i + 3; ++k) {
    if (!IsAsciiDigit(folded[k])) return false;
  }
  return i + 4 == folded.size() || !IsAsciiDigit(folded[i + 4]);
}

// Whether folded[i] is the decimal mark of a rating opening the text: "."
// or "," between its first digit and one or two more, then a space ("4,86
// von 14 bewertungen", "4.5 from 12 votes").
bool IsRatingDecimalMark(std::string_view folded, size_t i) {
  if ((folded[i] != '.' && folded[i] != ',') || i != 1 || !IsAsciiDigit(folded[0])) return false;
  size_t k = i + 1;
  while (k < folded.size() && k <= i + 2 && IsAsciiDigit(folded[k])) ++k;
  return k > i + 1 && k < folded.size() && folded[k] == ' ';
}

// `folded` without the count at its start or its end (a number, with the
// spaces, brackets and colon around it: "komentarze (3", "12 comments",
// "网友评论（4"; a number's thousands separators: "1.841 aufrufe"; a
// rating's decimals at its start: "4,86 von 14 bewertungen"), or empty if
// it has none or is nothing else. A price or a date is no count: its
// separators are not taken.
std::string_view WithoutCount(std::string_view folded) {
  auto part_of_count = [folded](char32_t c, size_t at) {
    return (c >= '0' && c <= '9') || c == ' ' || c == '(' || c == ')' || c == '[' || c == ']' ||
           c == ':' || c == 0xFF08 || c == 0xFF09 || c == 0xFF1A || c == 0x3000 ||
           IsGroupSeparator(folded, at) || IsRatingDecimalMark(folded, at);
  };
  size_t b = 0, e = folded.size();
  bool digits = false;
  while (e > 0) {
    size_t prev = e;
    const char32_t c = PrevCodePoint(folded, &prev);
    if (!part_of_count(c, prev)) break;
    digits = digits || (c >= '0' && c <= '9');
    e = prev;
  }
  if (!digits) {
    e = folded.size();
    while (b < e) {
      size_t next = b;
      const char32_t c = NextCodePoint(folded, &next);
      if (!part_of_count(c, b)) break;
      digits = digits || (c >= '0' && c <= '9');
      b = next;
    }
  }
  return digits && b < e ? folded.substr(b, e - b) : std::string_view();
}

// `folded` with each run of ASCII digits inside it written as one '#'
// ("lesezeit: 6 min" -> "lesezeit: # min"), into *out; false if it holds
// no digit. A phrase names a number inside it so (configs/extract/en.txt).
bool WithNumberSlots(std::string_view folded, std::string* out) {
  if (std::none_of(folded.begin(), folded.end(), IsAsciiDigit)) return false;
  out->clear();
  for (size_t i = 0; i < folded.size(); ++i) {
    if (!IsAsciiDigit(folded[i])) {
      out->push_back(folded[i]);
    } else if (out->empty() || out->back() != '#') {
      out->push_back('#');
    }
  }
  return true;
}

// Steps *i past the code point at *i in folded `text`; true when the prefix
// it ends is at a word boundary: the end of the text, a letter of a script
// written without spaces, or decoration (a space, punctuation) next.
bool AtPhraseBoundary(std::string_view text, size_t* i) {
  const char32_t c = NextCodePoint(text, i);
  if (*i == text.size() || IsNonSpacingScript(c)) return true;
  size_t j = *i;
  return IsFoldDecoration(NextCodePoint(text, &j));
}

}  // namespace

bool PhraseSet::Has(PhraseClass c, std::string_view folded) const {
  if (folded.empty()) return false;
  const size_t k = static_cast<size_t>(c);
  if (folded.size() <= max_bytes_) {
    for (const PhraseTable* t : tables_) {
      if (t && t->classes[k].contains(folded)) return true;
    }
    std::string slotted;
    if (WithNumberSlots(folded, &slotted)) {
      for (const PhraseTable* t : tables_) {
        if (t && t->classes[k].contains(slotted)) return true;
      }
    }
  }
  const std::string_view bare = WithoutCount(folded);
  return !bare.empty() && Has(c, bare);
}

bool PhraseSet::StartsWith(PhraseClass c, std::string_view folded) const {
  // Without a digit, Has reads a prefix only as it is (no count to take off,
  // no number slot), so once a prefix opens no phrase (PhraseTable::openings)
  // no longer one is a phrase: the search stops there.
  const bool digits = std::any_of(folded.begin(), folded.end(), IsAsciiDigit);
  const size_t k = static_cast<size_t>(c);
  // Every prefix that ends at a boundary, shortest first.
  size_t i = 0;
  while (i < folded.size() && i < max_bytes_) {
    if (!AtPhraseBoundary(folded, &i)) continue;
    const std::string_view prefix = folded.substr(0, i);
    if (!digits && std::none_of(tables_.begin(), tables_.end(), [&](const PhraseTable* t) {
          return t && t->openings[k].contains(prefix);
        })) {
      return false;  // nor is it a phrase: a phrase opens itself
    }
    if (Has(c, prefix)) return true;
  }
  return false;
}

size_t PhraseSet::LongestOpening(PhraseClass c, std::string_view folded) const {
  const size_t k = static_cast<size_t>(c);
  size_t longest = 0;
  size_t i = 0;
  while (i < folded.size() && i < max_bytes_) {
    if (!AtPhraseBoundary(folded, &i)) continue;
    const std::string_view prefix = folded.substr(0, i);
    bool opens = false;
    for (const PhraseTable* t : tables_) {
      if (!t) continue;
      if (t->classes[k].contains(prefix)) longest = i;
      opens = opens || t->openings[k].contains(prefix);
    }
    if (!opens) break;  // no longer prefix is a phrase: a phrase opens itself
  }
  return longest;
}

bool PhraseSet::MayOpenWith(PhraseClass c, std::string_view text) const {
  // FoldPhrase drops leading whitespace and punctuation, and lower-cases an
  // ASCII letter; a character beyond ASCII may fold to anything.
  const std::bitset<256>& first = first_bytes_[static_cast<size_t>(c)];
  for (char ch : text) {
    const auto b = static_cast<uint8_t>(ch);
    // A count may stand before a phrase (Has): "12 Comments".
    if (b >= 0x80 || IsAsciiDigit(ch)) return true;
    // Other ASCII is decoration, which folding drops (no phrase opens with it).
    if (IsAsciiAlpha(ch)) return first.test(static_cast<uint8_t>(AsciiLower(ch)));
  }
  return false;
}

bool PhraseSet::Frames(PhraseClass c, std::string_view folded) const {
  const size_t first_end = folded.find(' ');
  const size_t last_start = folded.rfind(' ');
  if (first_end == std::string_view::npos || first_end == last_start) return false;
  if (static_cast<size_t>(std::count(folded.begin(), folded.end(), ' ')) + 1 > kMaxFramedWords) {
    return false;
  }
  std::string key(folded.substr(0, first_end));
  key += ' ';
  key += folded.substr(last_start + 1);
  return Has(c, key);
}

std::vector<std::string_view> PhraseSet::languages() const {
  std::vector<std::string_view> out;
  for (const PhraseTable* t : tables_) {
    if (t) out.push_back(t->language);
  }
  return out;
}

PhraseBook::PhraseBook(const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<std::pair<std::string, std::string>> sorted = files;
  std::sort(sorted.begin(), sorted.end());
  Sha256 digest;
  for (const auto& [code, text] : sorted) {
    digest.Update(code);
    digest.Update(std::string_view("\0", 1));
    digest.Update(text);
    digest.Update(std::string_view("\0", 1));
    PhraseTable table;
    table.language = code;
    int section = -1;
    size_t line_no = 0;
    size_t pos = 0;
    while (pos < text.size()) {
      size_t nl = text.find('\n', pos);
      if (nl == std::string::npos) nl = text.size();
      std::string_view line(text.data() + pos, nl - pos);
      pos = nl + 1;
      ++line_no;
      while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t')) {
        line.remove_suffix(1);
      }
      while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
      if (line.empty() || line.front() == '#') continue;
      if (line.front() == '[' && line.back() == ']') {
        const std::string_view name = line.substr(1, line.size() - 2);
        const auto* it = std::find(std::begin(kSectionNames), std::end(kSectionNames), name);
        section = it == std::end(kSectionNames) ? -1 : static_cast<int>(it - kSectionNames);
        if (section < 0 && status_.ok()) {
          status_ = Status::InvalidArgument(code + ".txt:" + std::to_string(line_no) +
                                            ": unknown section " + std::string(line));
        }
        continue;
      }
      if (section < 0) {
        if (status_.ok()) {
          status_ = Status::InvalidArgument(code + ".txt:" + std::to_string(line_no) +
                                            ": phrase outside a known section");
        }
        continue;
      }
      std::string folded = FoldPhrase(line);
      if (folded.empty()) continue;
      table.max_bytes = std::max(table.max_bytes, folded.size());
      table.first_bytes[section].set(static_cast<uint8_t>(folded[0]));
      for (size_t i = 0; i < folded.size();) {
        if (AtPhraseBoundary(folded, &i)) table.openings[section].emplace(folded.substr(0, i));
      }
      if (!table.classes[section].insert(std::move(folded)).second && status_.ok()) {
        status_ = Status::InvalidArgument(code + ".txt:" + std::to_string(line_no) +
                                          ": phrase already listed in its section (once folded)");
      }
    }
    tables_.push_back(std::move(table));
  }
  digest_ = digest.HexDigest();
}

const PhraseBook& PhraseBook::Default() {
  static const PhraseBook* const book = [] {
    std::vector<std::pair<std::string, std::string>> files;
    for (size_t i = 0; i < kEmbeddedPhraseFileCount; ++i) {
      files.emplace_back(kEmbeddedPhraseFiles[i].language, kEmbeddedPhraseFiles[i].text);
    }
    return new PhraseBook(files);
  }();
  return *book;
}

const PhraseTable* PhraseBook::Find(std::string_view code) const {
  for (const PhraseTable& t : tables_) {
    if (t.language == code) return &t;
  }
  return nullptr;
}

namespace {

// The file's name for a language named by another code: ISO 639-1 codes
// withdrawn in 1989 that CLD2 and old pages still write ("iw" Hebrew, "in"
// Indonesian, "ji" Yiddish), the written forms of Norwegian, whose UI words the
// Bokmål file serves ("nb", "nn"), Bosnian, whose sites write the Croatian
// file's ijekavian Latin words ("bs"), and Filipino, the standard form of
// Tagalog ("fil").
std::string_view CanonicalLanguage(std::string_view code) {
  if (code == "iw") return "he";
  if (code == "in") return "id";
  if (code == "ji") return "yi";
  if (code == "nb" || code == "nn") return "no";
  if (code == "bs") return "hr";
  if (code == "fil") return "tl";
  return code;
}

}  // namespace

PhraseSet PhraseBook::For(std::string_view declared, std::string_view detected) const {
  PhraseSet set;
  for (std::string_view language : {declared, detected}) {
    // The primary subtag, lower-cased: "de-AT" and "pt_BR" give "de" and "pt".
    const size_t cut = language.find_first_of("-_,; ");
    set.Add(Find(CanonicalLanguage(AsciiLowercase(language.substr(0, cut)))));
  }
  set.Add(Find("en"));
  return set;
}

std::vector<std::string> PhraseBook::languages() const {
  std::vector<std::string> out;
  for (const PhraseTable& t : tables_) out.push_back(t.language);
  return out;
}

}  // namespace corpus
