#ifndef CORPUS_FILTER_URL_FILTER_H_
#define CORPUS_FILTER_URL_FILTER_H_

#include <re2/set.h>

#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "corpus/filter/document_filter.h"
#include "corpus/util/status.h"

namespace corpus {

// Where the URL filter's lists come from (all optional; list file format in
// word_list.h).
struct UrlFilterOptions {
  // Domain blocklists: plain files of domains, or UT1-style folders
  // (<category>/domains and <category>/urls files, as the Université
  // Toulouse 1 Capitole blacklists that FineWeb's URL filter uses).
  std::vector<std::string> blocklists;
  std::string substrings_file;    // reject URLs containing any of these (lower-cased)
  std::string patterns_file;      // reject URLs matching any of these RE2 patterns
  std::string banned_words_file;  // reject URLs with one of these as a word
};

// The lists themselves, e.g. built in a test.
struct UrlLists {
  std::vector<std::string> domains;       // "example.com" also blocks "a.example.com"
  std::vector<std::string> url_prefixes;  // UT1 "urls": "example.com/path" blocks that path and below
  std::vector<std::string> substrings;
  std::vector<std::string> patterns;
  std::vector<std::string> banned_words;
};

// UrlFilter judges a document by its URL, as datatrove's URLFilter used in
// FineWeb (Penedo et al. 2024, section 3.1): blocked domain (subdomains
// included; rule "url_domain"), listed URL ("url_listed"), substring
// ("url_substring"), RE2 pattern ("url_pattern"), banned word
// ("url_banned_word": the URL split on non-alphanumerics, as datatrove's
// hard-banned words). The value is the list entry that matched. Documents
// without a URL pass.
class UrlFilter : public DocumentFilter {
 public:
  // Reads the files named in `opts`; errors are InvalidArgument (bad usage).
  static Status LoadLists(const UrlFilterOptions& opts, UrlLists* lists, std::string* digest);
  static Status Create(UrlLists lists, std::unique_ptr<UrlFilter>* out);

  std::string_view name() const override { return "url"; }
  FilterVerdict Apply(Document& doc) const override;
  // Whether any list is non-empty.
  bool active() const;

 private:
  UrlFilter() = default;
  std::unordered_set<std::string> domains_;
  std::unordered_set<std::string> url_prefixes_;
  std::unordered_set<std::string> banned_words_;
  std::vector<std::string> substrings_;
  std::vector<std::string> patterns_;
  std::unique_ptr<RE2::Set> substring_set_;
  std::unique_ptr<RE2::Set> pattern_set_;
};

// The lower-cased host of a URL ("" if there is none): no scheme, user
// info, port or trailing dot.
std::string BlocklistHost(std::string_view url);

}  // namespace corpus

#endif  // CORPUS_FILTER_URL_FILTER_H_
