#ifndef CORPUS_CRAWL_SCOPE_FILTER_H_
#define CORPUS_CRAWL_SCOPE_FILTER_H_

#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/crawl/crawl_config.h"

namespace re2 {
class RE2;
}

namespace corpus {

// ScopeFilter decides whether a discovered URL belongs to the crawl
// (--scope, --include, --exclude, "Traps"). Scope is relative to the
// seeds, as wget's --domains is: `host` keeps URLs whose host is a seed's
// host, `domain` those sharing a seed's registrable domain, `any` everything.
// Hosts a seed redirects to join the scope (http://a.test -> https://www.a.test).
class ScopeFilter {
 public:
  explicit ScopeFilter(const CrawlConfig& config);
  ~ScopeFilter();

  void AddSeed(std::string_view url);
  // Adds the scope key of `url` (host or domain); false if it was there.
  bool AddRedirectTarget(std::string_view url);
  const std::vector<std::string>& extra() const { return extra_; }
  void RestoreExtra(const std::vector<std::string>& keys);

  // Empty when `url` may be crawled; otherwise the reject rule ("scope" or
  // "trap") and its value (raw JSON) through `value_json`.
  std::string Check(std::string_view url, std::string* value_json) const;

 private:
  std::string Key(std::string_view url) const;

  const CrawlConfig& config_;
  std::set<std::string> keys_;
  std::vector<std::string> extra_;
  std::unique_ptr<re2::RE2> include_;
  std::unique_ptr<re2::RE2> exclude_;
};

}  // namespace corpus

#endif  // CORPUS_CRAWL_SCOPE_FILTER_H_
