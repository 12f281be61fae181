#ifndef CORPUS_EXTRACT_PHRASE_BOOK_H_
#define CORPUS_EXTRACT_PHRASE_BOOK_H_

#include <array>
#include <bitset>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "corpus/extract/phrase_fold.h"
#include "corpus/util/status.h"

namespace corpus {

// The kinds of page-chrome phrase the extractor knows, one [section] of a
// language file each (configs/extract/en.txt describes them).
enum class PhraseClass {
  kRelatedHeading,     // [related_headings]: matched at the start of a heading
  kArticleBoxHeading,  // [article_box_headings]
  kShopBoxHeading,     // [shop_box_headings]
  kLabel,              // [labels]
  kTeaserLabel,        // [teaser_labels]
  kCreditLabel,        // [credit_labels]
  kShopPhrase,         // [shop_phrases]
  kPitchAction,        // [pitch_actions]
  kPitchOpening,       // [pitch_openings]: matched at the start of a line
  kConsentAction,      // [consent_actions]
  kPitchVerb,          // [pitch_verbs]: matched at the start of a short link
  kPaywallOpening,     // [paywall_openings]: matched at the start of a line
  kReplyPrefix,        // [reply_prefixes]
  kReplyAction,        // [reply_actions]
  kNoticeLabel,        // [notice_labels]
  kPlaceholderOpening, // [placeholder_openings]: matched at the start of a block
  kDateLabel,          // [date_labels]: matched at the start of a short line
  kNoticeOpening,      // [notice_openings]: matched at the start of a short line
  kCount,
};

// Hashes a std::string and a std::string_view alike, so a phrase set is
// searched for a piece of a text without copying it into a std::string.
struct PhraseHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using PhraseStrings = std::unordered_set<std::string, PhraseHash, std::equal_to<>>;

// The phrases of one language, parsed from a language file.
struct PhraseTable {
  std::string language;  // "en", "de", ...
  std::array<PhraseStrings, static_cast<size_t>(PhraseClass::kCount)> classes;
  size_t max_bytes = 0;  // longest folded phrase
  // first_bytes[c][b]: a folded phrase of class c opens with byte b
  // (PhraseSet::MayOpenWith).
  std::array<std::bitset<256>, static_cast<size_t>(PhraseClass::kCount)> first_bytes;
  // openings[c]: every prefix of a folded phrase of class c that ends at a
  // word boundary, the phrase itself among them (PhraseSet::StartsWith).
  std::array<PhraseStrings, static_cast<size_t>(PhraseClass::kCount)> openings;
};

// What applies to one page: the phrases of its declared language, of the
// language its text is in (when the two differ: templates often declare
// "en" whatever the text), and English's (sites in every language reuse
// English UI strings). Cheap to copy; refers to the PhraseBook it came
// from, which must outlive it.
class PhraseSet {
 public:
  static constexpr size_t kMaxTables = 3;

  PhraseSet() = default;

  // Whether the folded `text` (FoldPhrase) is, whole, a phrase of class `c`,
  // or is one with a count before or after it ("Komentarze (3)", "12
  // Comments", "网友评论（4）"): a heading counts what its box holds; a
  // rating's decimals before it count too ("4.86 from 14 votes"). A
  // "#" inside a phrase stands for a run of digits ("lesezeit: # min"
  // matches "Lesezeit: 6 Min.").
  bool Has(PhraseClass c, std::string_view folded) const;
  // Whether the folded `text` starts with a phrase of class `c` that ends at
  // a word boundary: the end of the text, a space or punctuation after it,
  // or, in scripts written without spaces (CJK), any character.
  bool StartsWith(PhraseClass c, std::string_view folded) const;
  // The bytes of the longest prefix of the folded `text` that is, as it is
  // (no count taken off, no number slot), a phrase of class `c` ending at a
  // word boundary (StartsWith's); 0 when none is.
  size_t LongestOpening(PhraseClass c, std::string_view folded) const;
  // Whether the folded `text`, of three to kMaxFramedWords words, opens
  // and ends with the two words of a phrase of class `c`: a phrase whose
  // words frame the rest, as German and Dutch set a verb last ("jetzt
  // testen": "Jetzt 4 Wochen für 0,99 € testen").
  static constexpr size_t kMaxFramedWords = 8;
  bool Frames(PhraseClass c, std::string_view folded) const;
  // Has(c, FoldPhrase(text)), folding only when MayOpenWith(c, text).
  bool Matches(PhraseClass c, std::string_view text) const {
    return MayOpenWith(c, text) && Has(c, FoldPhrase(text));
  }
  // StartsWith(c, FoldPhrase(text)), folding only when MayOpenWith(c, text).
  bool OpensWith(PhraseClass c, std::string_view text) const {
    return MayOpenWith(c, text) && StartsWith(c, FoldPhrase(text));
  }
  // A quick test before folding: false when the unfolded `text` cannot
  // open with a phrase of class `c` (its first character that folding
  // keeps is an ASCII letter that opens none of them); true when it may (a
  // digit: a count may come first).
  bool MayOpenWith(PhraseClass c, std::string_view text) const;

  // The languages whose phrases apply, in the order added.
  std::vector<std::string_view> languages() const;

 private:
  friend class PhraseBook;
  void Add(const PhraseTable* table);

  std::array<const PhraseTable*, kMaxTables> tables_ = {};
  size_t max_bytes_ = 0;
  std::array<std::bitset<256>, static_cast<size_t>(PhraseClass::kCount)> first_bytes_;
};

// PhraseBook holds the phrase tables of every language the extractor knows.
// The default book is built once from the files under configs/extract/,
// embedded in the binary at build time (so a clean clone and an installed
// binary behave alike, and the extractor version can include their digest).
// Immutable once built: thread-safe.
class PhraseBook {
 public:
  // Parses language files, given as (language code, file text) pairs. A line
  // outside a section, an unknown section, or a phrase that folds to one
  // already in its section (FoldPhrase: "l’auteur" after "l'auteur") is
  // reported in status() and skipped; the rest is kept.
  explicit PhraseBook(const std::vector<std::pair<std::string, std::string>>& files);

  PhraseBook(const PhraseBook&) = delete;
  PhraseBook& operator=(const PhraseBook&) = delete;

  // The book of the embedded configs/extract files.
  static const PhraseBook& Default();

  // The phrases for a page in `declared` and `detected` language, each a
  // BCP 47 tag or CLD2 code ("de", "de-AT", "pt_BR", "zh-Hant") or empty,
  // and in English. The withdrawn codes "iw" and "in" (CLD2 still gives
  // "iw") are Hebrew and Indonesian; Norwegian "nb" and "nn" take the "no"
  // file, Bosnian "bs" the Croatian one, Filipino "fil" the Tagalog one. A
  // language with no file adds nothing.
  PhraseSet For(std::string_view declared, std::string_view detected = {}) const;

  // Sorted language codes.
  std::vector<std::string> languages() const;
  // Hex SHA-256 of every file's name and text, in name order.
  const std::string& digest() const { return digest_; }
  const Status& status() const { return status_; }

 private:
  const PhraseTable* Find(std::string_view code) const;

  std::vector<PhraseTable> tables_;  // sorted by language
  std::string digest_;
  Status status_;
};

}  // namespace corpus

#endif  // CORPUS_EXTRACT_PHRASE_BOOK_H_
