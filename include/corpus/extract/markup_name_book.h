#ifndef CORPUS_EXTRACT_MARKUP_NAME_BOOK_H_
#define CORPUS_EXTRACT_MARKUP_NAME_BOOK_H_

#include <array>
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

  // Whether `name` is, whole, one of list `l`'s names.
  bool Has(NameList l, std::string_view name) const;
  // Whether one of list `l`'s names occurs inside `value`.
  // REQUIRES: `value` is ASCII-lower-cased.
  bool AnyInside(NameList l, std::string_view value) const;
  // Whether one of list `l`'s names starts or ends `token` and is shorter
  // than it.
  bool AtEitherEnd(NameList l, std::string_view token) const;

  const std::vector<std::string>& names(NameList l) const {
    return lists_[static_cast<size_t>(l)];
  }
  // Hex SHA-256 of the file's text.
  const std::string& digest() const { return digest_; }
  const Status& status() const { return status_; }

 private:
  // The lists are a few dozen names each: a linear scan is the fastest
  // lookup for them.
  std::array<std::vector<std::string>, static_cast<size_t>(NameList::kCount)> lists_;
  std::string digest_;
  Status status_;
};

}  // namespace corpus

#endif  // CORPUS_EXTRACT_MARKUP_NAME_BOOK_H_
