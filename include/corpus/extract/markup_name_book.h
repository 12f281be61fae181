#ifndef CORPUS_EXTRACT_MARKUP_NAME_BOOK_H_
#define CORPUS_EXTRACT_MARKUP_NAME_BOOK_H_

#include <array>
#include <cstdint>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/util/status.h"

namespace corpus {

// The lists of class and id names the extractor's markup rules read, one
// [section] of configs/extract/names.txt each (the file says where each
// list's names come from and how a list is matched).
enum class NameList {
  kBoilerplateTokens,     // [boilerplate_tokens]
  kBoilerplateStems,      // [boilerplate_stems]
  kBoilerplateEdgeStems,  // [boilerplate_edge_stems]
  kConsentStems,          // [consent_stems]
  kNavigationTokens,      // [navigation_tokens]
  kNavigationStems,       // [navigation_stems]
  kCommentFormStems,      // [comment_form_stems]
  kCommentFormValues,     // [comment_form_values]
  kCommentStems,          // [comment_stems]
  kCommentTokens,         // [comment_tokens]
  kHiddenClasses,         // [hidden_classes]
  kHiddenClassSuffixes,   // [hidden_class_suffixes]
  kPanelStems,            // [panel_stems]
  kBuyBoxTokens,          // [buy_box_tokens]
  kShopWidgetTokens,      // [shop_widget_tokens]
  kAuthorCardClasses,     // [author_card_classes]
  kSignatureTokens,       // [signature_tokens]
  kUserTitleNames,        // [user_title_names]
  kFinePrintTokens,       // [fine_print_tokens]
  kCaptionClasses,        // [caption_classes]
  kCaptionTokens,         // [caption_tokens]
  kBylineTokens,          // [byline_tokens]
  kMainTokens,            // [main_tokens]
  kWordTokens,            // [word_tokens]
  kJumpLinkTokens,        // [jump_link_tokens]
  kNegationTokens,        // [negation_tokens]
  kSocialHosts,           // [social_hosts]
  kCount,
};

// MarkupNameBook holds the name lists of a names file. The default book is
// parsed once from configs/extract/names.txt, embedded in the binary at build
// time (src/extract/phrase_data.cmake), so the extractor version can include
// its digest. Immutable once built: thread-safe.
class MarkupNameBook {
 public:
  // Parses a names file's text. A name outside a section, an unknown
  // section, or a name with upper-case ASCII or white space is reported in
  // status() and skipped; the rest is kept.
  explicit MarkupNameBook(std::string_view text);

  MarkupNameBook(const MarkupNameBook&) = delete;
  MarkupNameBook& operator=(const MarkupNameBook&) = delete;

  // The book of the embedded configs/extract/names.txt.
  static const MarkupNameBook& Default();

  // List `l` as a bit of the masks below.
  static constexpr uint32_t Bit(NameList l) { return uint32_t{1} << static_cast<unsigned>(l); }

  // The lists that hold `name` whole, as a mask of Bit()s (0 for none). One
  // hash lookup answers for every list.
  uint32_t ListsNaming(std::string_view name) const;
  // The lists that hold, whole, one of the pieces of a class or id value:
  // its whitespace-separated class names, or, with `split_tokens`, its ASCII
  // alphanumeric tokens (AnyNamePiece, markup_names.h). A mask of Bit()s.
  // REQUIRES: `value` is ASCII-lower-cased.
  uint32_t ListsNamingPieces(std::string_view value, bool split_tokens) const;
  // The lists of the mask `wanted` that have a name occurring inside
  // `value`, as a mask of Bit()s. One pass over `value` answers for every
  // list wanted.
  // REQUIRES: `value` is ASCII-lower-cased.
  uint32_t ListsInside(std::string_view value, uint32_t wanted) const;

  // Whether `name` is, whole, one of list `l`'s names.
  bool Has(NameList l, std::string_view name) const { return (ListsNaming(name) & Bit(l)) != 0; }
  // Whether one of list `l`'s names occurs inside `value`.
  // REQUIRES: `value` is ASCII-lower-cased.
  bool AnyInside(NameList l, std::string_view value) const { return ListsInside(value, Bit(l)) != 0; }
  // Whether one of list `l`'s names starts or ends `token` and is shorter
  // than it.
  bool AtEitherEnd(NameList l, std::string_view token) const;
  // Whether `name` ends in "-" or "_" and one of list `l`'s names
  // ("usa-sr-only" for "sr-only"), and the part before that separator does
  // not end in "not" (a negation: "not-sr-only").
  bool EndsAfterSeparator(NameList l, std::string_view name) const;

  const std::vector<std::string>& names(NameList l) const {
    return lists_[static_cast<size_t>(l)];
  }
  // Hex SHA-256 of the file's text.
  const std::string& digest() const { return digest_; }
  const Status& status() const { return status_; }

 private:
  // A name with the lists that hold it.
  struct Named {
    std::string name;
    uint32_t lists = 0;  // 0: an empty slot of whole_
  };
  // Byte classes for the index of names by their first two bytes: a-z,
  // 0-9, '-', '_', and one class for every other byte.
  static constexpr size_t kByteClasses = 39;

  // Indexes the names of lists_ into whole_, pair_lists_, pair_names_ and
  // single_lists_.
  void BuildIndex();

  std::array<std::vector<std::string>, static_cast<size_t>(NameList::kCount)> lists_;
  // Every distinct name, hashed (open addressing, a power of two of slots,
  // at most half of them used).
  std::vector<Named> whole_;
  // Names of two bytes or more by the classes of their first two bytes: the
  // lists among them (to skip a pair at once) and the names themselves.
  std::vector<uint32_t> pair_lists_;
  std::vector<std::vector<Named>> pair_names_;
  // Names of one byte, by that byte.
  std::array<uint32_t, 256> single_lists_{};
  bool has_single_ = false;
  std::string digest_;
  Status status_;
};

}  // namespace corpus

#endif  // CORPUS_EXTRACT_MARKUP_NAME_BOOK_H_
