#include "corpus/filter/url_filter.h"

#include <re2/re2.h>

#include <algorithm>

#include "corpus/filter/word_list.h"
#include "corpus/util/ascii.h"
#include "corpus/util/fs.h"
#include "corpus/util/sha256.h"

namespace corpus {
namespace {

bool IsAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (static_cast<uint8_t>(c) >= 0x80);  // non-ASCII letters stay inside words
}

// "http://www.Example.com/a/b?x" -> "example.com/a/b?x": the key UT1 "urls"
// entries are written in.
std::string UrlKey(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  std::string key = AsciiLowercase(url);
  if (key.starts_with("www.")) key.erase(0, 4);
  return key;
}

Status AppendList(const std::string& path, std::vector<std::string>* out, Sha256* digest) {
  ListFile list;
  CORPUS_RETURN_IF_ERROR(LoadListFile(path, &list));
  digest->Update(path + "\n" + list.sha256 + "\n");
  out->insert(out->end(), list.entries.begin(), list.entries.end());
  return Status::OK();
}

Status BuildSet(const std::vector<std::string>& patterns, bool literal, std::unique_ptr<RE2::Set>* out) {
  if (patterns.empty()) return Status::OK();
  RE2::Options options;
  options.set_log_errors(false);
  auto set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (const std::string& p : patterns) {
    std::string error;
    if (set->Add(literal ? RE2::QuoteMeta(p) : p, &error) < 0) {
      return Status::InvalidArgument("bad URL pattern '" + p + "': " + error);
    }
  }
  if (!set->Compile()) return Status::InvalidArgument("URL patterns too large to compile");
  *out = std::move(set);
  return Status::OK();
}

}  // namespace

std::string BlocklistHost(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#"));
  const size_t at = url.rfind('@');
  if (at != std::string_view::npos) url.remove_prefix(at + 1);
  if (!url.empty() && url[0] == '[') {  // IPv6 literal
    url = url.substr(0, url.find(']') + 1);
  } else {
    url = url.substr(0, url.find(':'));
  }
  while (!url.empty() && url.back() == '.') url.remove_suffix(1);
  return AsciiLowercase(url);
}

Status UrlFilter::LoadLists(const UrlFilterOptions& opts, UrlLists* lists, std::string* digest) {
  Sha256 sha;
  for (const std::string& source : opts.blocklists) {
    if (IsDirectory(source)) {
      std::vector<std::string> files;
      CORPUS_RETURN_IF_ERROR(FindNamedFiles(source, "domains", &files));
      for (const auto& f : files) CORPUS_RETURN_IF_ERROR(AppendList(f, &lists->domains, &sha));
      files.clear();
      CORPUS_RETURN_IF_ERROR(FindNamedFiles(source, "urls", &files));
      for (const auto& f : files) CORPUS_RETURN_IF_ERROR(AppendList(f, &lists->url_prefixes, &sha));
    } else {
      CORPUS_RETURN_IF_ERROR(AppendList(source, &lists->domains, &sha));
    }
  }
  if (!opts.substrings_file.empty()) CORPUS_RETURN_IF_ERROR(AppendList(opts.substrings_file, &lists->substrings, &sha));
  if (!opts.patterns_file.empty()) CORPUS_RETURN_IF_ERROR(AppendList(opts.patterns_file, &lists->patterns, &sha));
  if (!opts.banned_words_file.empty()) {
    CORPUS_RETURN_IF_ERROR(AppendList(opts.banned_words_file, &lists->banned_words, &sha));
  }
  *digest = sha.HexDigest().substr(0, 16);
  return Status::OK();
}

Status UrlFilter::Create(UrlLists lists, std::unique_ptr<UrlFilter>* out) {
  std::unique_ptr<UrlFilter> f(new UrlFilter());
  for (const auto& d : lists.domains) {
    std::string host = BlocklistHost(d);  // tolerates "http://x.com/" and "X.com." entries
    if (!host.empty()) f->domains_.insert(std::move(host));
  }
  for (const auto& u : lists.url_prefixes) {
    std::string key = UrlKey(u);
    while (!key.empty() && key.back() == '/') key.pop_back();
    if (!key.empty()) f->url_prefixes_.insert(std::move(key));
  }
  for (const auto& w : lists.banned_words) f->banned_words_.insert(AsciiLowercase(w));
  for (const auto& s : lists.substrings) f->substrings_.push_back(AsciiLowercase(s));
  f->patterns_ = std::move(lists.patterns);
  CORPUS_RETURN_IF_ERROR(BuildSet(f->substrings_, /*literal=*/true, &f->substring_set_));
  CORPUS_RETURN_IF_ERROR(BuildSet(f->patterns_, /*literal=*/false, &f->pattern_set_));
  *out = std::move(f);
  return Status::OK();
}

bool UrlFilter::active() const {
  return !domains_.empty() || !url_prefixes_.empty() || !banned_words_.empty() || substring_set_ ||
         pattern_set_;
}

FilterVerdict UrlFilter::Apply(Document& doc) const {
  const std::string& url = doc.url();
  if (url.empty()) return FilterVerdict::Keep();

  if (!domains_.empty()) {
    // The host and each parent domain: a.b.example.com, b.example.com, example.com, com.
    const std::string host = BlocklistHost(url);
    for (size_t pos = 0; pos != std::string::npos && pos < host.size();) {
      const std::string_view suffix = std::string_view(host).substr(pos);
      if (domains_.count(std::string(suffix))) return FilterVerdict::RejectString("url_domain", suffix);
      pos = host.find('.', pos);
      if (pos != std::string::npos) ++pos;
    }
  }
  if (!url_prefixes_.empty()) {
    // Every prefix that ends at a '/' or '?' boundary, and the whole key.
    const std::string key = UrlKey(url);
    for (size_t i = 0; i <= key.size(); ++i) {
      if (i == key.size() || key[i] == '/' || key[i] == '?') {
        const std::string prefix = key.substr(0, i);
        if (url_prefixes_.count(prefix)) return FilterVerdict::RejectString("url_listed", prefix);
      }
    }
  }
  const std::string lower = AsciiLowercase(url);
  std::vector<int> hits;
  if (substring_set_ && substring_set_->Match(lower, &hits) && !hits.empty()) {
    return FilterVerdict::RejectString("url_substring", substrings_[static_cast<size_t>(*std::min_element(hits.begin(), hits.end()))]);
  }
  hits.clear();
  if (pattern_set_ && pattern_set_->Match(url, &hits) && !hits.empty()) {
    return FilterVerdict::RejectString("url_pattern", patterns_[static_cast<size_t>(*std::min_element(hits.begin(), hits.end()))]);
  }
  if (!banned_words_.empty()) {
    size_t i = 0;
    while (i < lower.size()) {
      while (i < lower.size() && !IsAlnum(lower[i])) ++i;
      size_t j = i;
      while (j < lower.size() && IsAlnum(lower[j])) ++j;
      if (j > i) {
        const std::string word = lower.substr(i, j - i);
        if (banned_words_.count(word)) return FilterVerdict::RejectString("url_banned_word", word);
      }
      i = j;
    }
  }
  return FilterVerdict::Keep();
}

}  // namespace corpus
