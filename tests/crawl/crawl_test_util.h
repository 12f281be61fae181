#ifndef CORPUS_TESTS_CRAWL_CRAWL_TEST_UTIL_H_
#define CORPUS_TESTS_CRAWL_CRAWL_TEST_UTIL_H_

#include <map>
#include <string>
#include <vector>

#include "corpus/crawl/crawl_config.h"
#include "corpus/io/record.h"
#include "corpus/io/record_source.h"
#include "corpus/util/fs.h"

namespace corpus::testing {

// Records of every shard of `dir` (a stage folder or its rejected/), by url.
inline std::map<std::string, std::string> ReadRecordsByUrl(const std::string& dir,
                                                           int* duplicates = nullptr) {
  std::map<std::string, std::string> out;
  std::vector<std::string> files;
  if (!ResolveInputs({dir}, &files).ok()) return out;
  Record rec;
  for (const auto& f : files) {
    std::unique_ptr<RecordSource> src;
    if (!OpenRecordSource(f, &src).ok()) continue;
    std::string_view line;
    while (src->Next(&line)) {
      if (!rec.Parse(line).ok()) continue;
      const std::string url = rec.GetString("url").value_or("");
      if (out.count(url) && duplicates) ++*duplicates;
      out[url] = std::string(line);
    }
  }
  return out;
}

inline std::string Field(const std::string& json, const std::string& key) {
  Record rec;
  if (!rec.Parse(json).ok()) return "";
  auto raw = rec.GetRaw(key);
  if (!raw) return "";
  auto s = rec.GetString(key);
  return s ? *s : std::string(*raw);
}

// A crawl config for tests: private networks allowed, short delays.
inline CrawlConfig TestCrawlConfig(const std::string& seeds_file, const std::string& out) {
  CrawlConfig c;
  c.seeds_file = seeds_file;
  c.out_dir = out;
  c.allow_private_networks = true;
  c.per_host_delay_ms = 0;
  c.concurrency = 16;
  c.timeout_ms = 5000;
  c.checkpoint_interval_ms = 200;
  c.max_retry_after_ms = 200;
  return c;
}

}  // namespace corpus::testing

#endif  // CORPUS_TESTS_CRAWL_CRAWL_TEST_UTIL_H_
