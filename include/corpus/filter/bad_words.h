#ifndef CORPUS_FILTER_BAD_WORDS_H_
#define CORPUS_FILTER_BAD_WORDS_H_

#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "corpus/filter/document_filter.h"
#include "corpus/util/status.h"

namespace corpus {

// BadWordsFilter rejects pages containing a word or phrase of a list, as C4
// does with the "List of Dirty, Naughty, Obscene or Otherwise Bad Words"
// (Raffel et al. 2020, section 2.2; datatrove's C4BadWordsFilter). Matching
// is case-insensitive. On texts written with spaces an entry must be a whole
// word or a sequence of whole words (flanked by non-word characters, as C4's
// regex); on Chinese, Japanese or Thai text, where words are not separated,
// an entry matches anywhere (as C4 does for ja, th and zh). Rule "bad_words",
// value: the entry found.
class BadWordsFilter : public DocumentFilter {
 public:
  // Entries are lower-cased; phrases are split on whitespace.
  explicit BadWordsFilter(const std::vector<std::string>& entries);
  static Status Load(const std::string& path, std::unique_ptr<BadWordsFilter>* out, std::string* digest);

  std::string_view name() const override { return "bad_words"; }
  FilterVerdict Apply(Document& doc) const override;

 private:
  std::unordered_set<std::string> phrases_;  // words joined by one space
  std::vector<std::string> entries_;         // for substring matching
  size_t max_phrase_words_ = 1;
};

}  // namespace corpus

#endif  // CORPUS_FILTER_BAD_WORDS_H_
