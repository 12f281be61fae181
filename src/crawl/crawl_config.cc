#include "corpus/crawl/crawl_config.h"

#include <re2/re2.h>

#include <cctype>
#include <cstdlib>

#include "corpus/version.h"

namespace corpus {

std::string CrawlConfig::EffectiveUserAgent() const {
  if (!user_agent.empty()) return user_agent;
  return std::string("corpus/") + CORPUS_VERSION + " (+https://github.com/corpus/corpus)";
}

Status CrawlConfig::Validate() const {
  if (seeds_file.empty() && refresh_dir.empty()) {
    return Status::InvalidArgument("--seeds FILE (or --refresh DIR) is required");
  }
  if (out_dir.empty()) return Status::InvalidArgument("--out DIR is required");
  if (concurrency < 1) return Status::InvalidArgument("--concurrency must be at least 1");
  if (per_host_concurrency < 1) {
    return Status::InvalidArgument("--per-host-concurrency must be at least 1");
  }
  if (per_host_delay_ms < 0) return Status::InvalidArgument("--per-host-delay must be >= 0");
  if (timeout_ms <= 0) return Status::InvalidArgument("--timeout must be positive");
  if (max_body_bytes == 0) return Status::InvalidArgument("--max-body must be positive");
  if (max_depth < -1) return Status::InvalidArgument("--max-depth must be -1 (no limit) or more");
  if (part_max_records == 0 || part_max_bytes == 0) {
    return Status::InvalidArgument("--part-max-records and --part-max-size must be positive");
  }
  for (const std::string* re : {&include_regex, &exclude_regex}) {
    if (re->empty()) continue;
    RE2 compiled(*re, RE2::Quiet);
    if (!compiled.ok()) {
      return Status::InvalidArgument("bad regular expression '" + *re + "': " + compiled.error());
    }
  }
  if (num_tasks < 1 || task_index < 0 || task_index >= num_tasks) {
    return Status::InvalidArgument("--task-index must be below --num-tasks");
  }
  if (peer_timeout_ms <= 0) return Status::InvalidArgument("--peer-timeout must be positive");
  if (!refresh_dir.empty() && refresh_dir == out_dir) {
    return Status::InvalidArgument("--refresh must name an earlier crawl, not --out");
  }
  if (!warc_dir.empty() && warc_dir == out_dir) {
    return Status::InvalidArgument("--warc must name a folder other than --out");
  }
  if (warc_max_bytes == 0) return Status::InvalidArgument("--warc-max-size must be positive");
  return Status::OK();
}

StageConfig CrawlConfig::ToStageConfig(const std::string& seeds_digest) const {
  StageConfig c;
  c.Set("seeds_sha256", seeds_digest);
  c.Set("max_pages", static_cast<unsigned long long>(max_pages));
  c.Set("max_depth", max_depth);
  c.Set("scope", CrawlScopeName(scope));
  c.Set("include", include_regex);
  c.Set("exclude", exclude_regex);
  c.Set("user_agent", EffectiveUserAgent());
  c.Set("max_body", static_cast<unsigned long long>(max_body_bytes));
  c.Set("allow_private_networks", allow_private_networks);
  c.Set("refresh", refresh_dir);
  c.Set("sitemaps", sitemaps);
  c.Set("max_url_length", static_cast<unsigned long long>(max_url_length));
  c.Set("max_path_depth", max_path_depth);
  c.Set("max_pages_per_host", static_cast<unsigned long long>(max_pages_per_host));
  c.Set("max_urls_per_family", static_cast<unsigned long long>(max_urls_per_family));

  // Only with --warc, so the fingerprints of crawls without it stay as they were.
  if (!warc_dir.empty()) c.Set("warc", warc_dir);
  // Every task of a spread crawl shares one fingerprint: the split, not the index.
  if (num_tasks > 1) {
    c.Set("num_tasks", num_tasks);
    c.Set("partition_by", PartitionByName(partition_by));
  }
  return c;
}

const char* CrawlScopeName(CrawlScope scope) {
  switch (scope) {
    case CrawlScope::kHost: return "host";
    case CrawlScope::kDomain: return "domain";
    case CrawlScope::kAny: return "any";
  }
  return "host";
}

bool ParseCrawlScope(const std::string& name, CrawlScope* scope) {
  if (name == "host") *scope = CrawlScope::kHost;
  else if (name == "domain") *scope = CrawlScope::kDomain;
  else if (name == "any") *scope = CrawlScope::kAny;
  else return false;
  return true;
}

}  // namespace corpus
