#ifndef CORPUS_CRAWL_CRAWL_CONFIG_H_
#define CORPUS_CRAWL_CRAWL_CONFIG_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "corpus/crawl/host_partition.h"
#include "corpus/stage/options.h"
#include "corpus/stage/stage_config.h"
#include "corpus/util/status.h"

namespace corpus {

// How far a crawl may wander from its seeds ("--scope").
enum class CrawlScope { kHost, kDomain, kAny };

// CrawlConfig holds every setting of `corpus crawl` (docs/ARCHITECTURE.md, "Commands").
// The CLI layer fills it from flags; the crawler reads it and nothing else.
// ToStageConfig() keeps only the settings that change what is written, so a
// resumed crawl may change politeness or concurrency but not its scope.
struct CrawlConfig {
  std::string seeds_file;
  std::string out_dir;
  uint64_t max_pages = 0;  // 0: no limit
  // Link hops from a seed (0: seeds only; -1: no limit). 20 as Heritrix's
  // max-hops: with it every crawl ends, whatever a site generates.
  int max_depth = 20;
  CrawlScope scope = CrawlScope::kHost;
  std::string include_regex;  // empty: everything
  std::string exclude_regex;  // empty: nothing
  int concurrency = 64;
  int per_host_concurrency = 1;
  int per_host_delay_ms = 1000;
  // Crawl-delay from robots.txt raises the per-host delay up to this cap.
  int max_crawl_delay_ms = 30000;
  std::string user_agent;  // empty: "corpus/VERSION (+https://github.com/corpus)"
  uint64_t max_body_bytes = 10ull << 20;
  int timeout_ms = 20000;  // Heritrix's socket timeout is 20 s, Nutch's 10 s
  int connect_timeout_ms = 10000;
  bool allow_private_networks = false;
  std::string refresh_dir;  // earlier pages folder re-fetched conditionally
  // --warc: also archive every fetch as WARC/1.1 there (crawl_archive.h).
  std::string warc_dir;
  uint64_t warc_max_bytes = 1000000000;  // --warc-max-size: a new file after this
  bool sitemaps = false;
  // Trap defences (docs/crawl-traps.md).
  size_t max_url_length = 2048;
  int max_path_depth = 16;
  uint64_t max_pages_per_host = 100000;  // 0: no limit
  // URLs of one family (url_family.h) followed from pages of that family.
  uint64_t max_urls_per_family = 25;  // 0: no limit
  // Family and host counters held in RAM; the smallest are forgotten past it.
  size_t trap_memory_entries = 1u << 20;
  // 429/503 and robots 5xx: how often to retry and the longest wait honoured.
  int max_retries = 3;
  int max_retry_after_ms = 60000;
  // Consecutive failures after which a host is parked (its URLs rejected).
  int park_after_failures = 5;
  // Memory budgets: URLs held in RAM by the frontier, hashes by the seen set.
  size_t queue_memory_entries = 200000;
  size_t seen_memory_entries = 4u << 20;
  // How often output and frontier are committed together (resume point).
  int checkpoint_interval_ms = 1000;
  // A part file is closed (and the next begun) at this many records or this
  // many bytes on disk, whichever comes first; checkpoints append to it.
  uint64_t part_max_records = 100000;
  uint64_t part_max_bytes = 256ull << 20;
  // Level 1, not the other stages' 3: pages/ is read once, by extract, and
  // on real pages level 1 compresses ~1.4x faster for ~14% more bytes
  // (BENCHMARKS.md, "`corpus crawl` benchmarks").
  int zstd_level = kWorkingZstdLevel;
  // Threads that decode and parse fetched pages (0: one per core).
  int threads = 0;
  bool force = false;
  bool progress = false;
  // A crawl spread over tasks (README.md, "A crawl over many tasks"; crawl_peers.h): this task owns
  // the hosts whose hash falls in slice `task_index` of `num_tasks`.
  int task_index = 0;
  int num_tasks = 1;
  PartitionBy partition_by = PartitionBy::kHost;
  // How long the idle tasks wait for a task that never starts (or stops
  // reporting) before they end with an error naming its slice.
  int64_t peer_timeout_ms = 600000;

  std::string EffectiveUserAgent() const;
  Status Validate() const;
  // Settings that change the output; fingerprinted into the checkpoint and
  // the `_done` marker. `seeds_digest` is the sha256 of the seeds file.
  StageConfig ToStageConfig(const std::string& seeds_digest) const;
};

const char* CrawlScopeName(CrawlScope scope);
// "host", "domain" or "any"; false otherwise.
bool ParseCrawlScope(const std::string& name, CrawlScope* scope);

}  // namespace corpus

#endif  // CORPUS_CRAWL_CRAWL_CONFIG_H_
