#include "corpus/crawl/scope_filter.h"

#include <re2/re2.h>

#include "corpus/url/url.h"
#include "corpus/util/json.h"

namespace corpus {

ScopeFilter::ScopeFilter(const CrawlConfig& config) : config_(config) {
  if (!config.include_regex.empty()) include_ = std::make_unique<re2::RE2>(config.include_regex, RE2::Quiet);
  if (!config.exclude_regex.empty()) exclude_ = std::make_unique<re2::RE2>(config.exclude_regex, RE2::Quiet);
}

ScopeFilter::~ScopeFilter() = default;

std::string ScopeFilter::Key(std::string_view url) const {
  const std::string host = UrlHost(url);
  return config_.scope == CrawlScope::kDomain ? RegistrableDomain(host) : host;
}

void ScopeFilter::AddSeed(std::string_view url) { keys_.insert(Key(url)); }

bool ScopeFilter::AddRedirectTarget(std::string_view url) {
  const std::string key = Key(url);
  if (!keys_.insert(key).second) return false;
  extra_.push_back(key);
  return true;
}

void ScopeFilter::RestoreExtra(const std::vector<std::string>& keys) {
  for (const auto& k : keys) {
    if (keys_.insert(k).second) extra_.push_back(k);
  }
}

std::string ScopeFilter::Check(std::string_view url, std::string* value_json) const {
  if (LooksLikeTrap(url, config_.max_url_length, config_.max_path_depth)) {
    *value_json = JsonQuote("url_shape");
    return "trap";
  }
  if (config_.scope != CrawlScope::kAny && keys_.count(Key(url)) == 0) {
    *value_json = JsonQuote(CrawlScopeName(config_.scope));
    return "scope";
  }
  const re2::StringPiece sp(url.data(), url.size());
  if (include_ && !RE2::PartialMatch(sp, *include_)) {
    *value_json = JsonQuote("include");
    return "scope";
  }
  if (exclude_ && RE2::PartialMatch(sp, *exclude_)) {
    *value_json = JsonQuote("exclude");
    return "scope";
  }
  return "";
}

}  // namespace corpus
