#ifndef CORPUS_CRAWL_CHECKPOINT_H_
#define CORPUS_CRAWL_CHECKPOINT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "corpus/crawl/frontier.h"
#include "corpus/stage/stage_stats.h"
#include "corpus/util/status.h"

namespace corpus {

// CrawlCheckpoint is the crawl's resume point (docs/ARCHITECTURE.md, "Output folders": "crawl
// checkpoints its frontier instead"), stored as `_crawl/checkpoint.json` and
// replaced atomically. It names everything that is committed: the output
// shards and how far the open ones are written, the counts, how far the frontier files were written and read, the
// pending entries' file and the seen-set log length. Anything on disk beyond
// it is the uncommitted tail of a killed run and is discarded on resume.
struct CrawlCheckpoint {
  std::string fingerprint;  // of the output-changing config
  std::string config_json;  // for the error message when it differs
  uint64_t next_part = 0;
  std::vector<OutputFile> outputs;
  // Parts still being appended to, with their committed length (CrawlOutput).
  std::vector<OutputFile> open_parts;
  StageCounts counts;
  FrontierState frontier;
  uint64_t seen_log_length = 0;
  uint64_t host_log_length = 0;  // of HostStateLog (robots.txt cache, parked hosts)
  uint64_t trap_log_length = 0;  // of TrapBudget (family and host counts)
  // Hosts (or registrable domains) in scope beyond those of the seeds:
  // where seeds redirected to.
  std::vector<std::string> scope_extra;
  // With --warc: the archive's committed state (CrawlArchive), as JSON.
  std::string warc_state;
  bool finished = false;

  std::string ToJson() const;
  static Status FromJson(const std::string& json, CrawlCheckpoint* out);
};

Status WriteCheckpoint(const std::string& path, const CrawlCheckpoint& cp);
// kNotFound when there is none.
Status ReadCheckpoint(const std::string& path, CrawlCheckpoint* cp);

}  // namespace corpus

#endif  // CORPUS_CRAWL_CHECKPOINT_H_
