#ifndef CORPUS_CRAWL_CRAWL_OUTPUT_H_
#define CORPUS_CRAWL_CRAWL_OUTPUT_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/io/shard_writer.h"
#include "corpus/stage/stage_dir.h"
#include "corpus/stage/stage_stats.h"
#include "corpus/util/status.h"

namespace corpus {

// CrawlOutput writes the crawl's records into its stage folder (DESIGN.md §3):
// pages to `part-NNNNN.jsonl.zst`, everything else to
// `rejected/part-NNNNN.jsonl.zst`, through ShardWriter so files appear under
// their final name only when complete.
//
// Commit() closes the open pair of shards and starts the next number; the
// crawler commits together with its frontier, so the list committed() plus
// the frontier state is one consistent resume point. Shards whose number is
// not below next_part() after a Restore() are leftovers of a killed run and
// are deleted by RemoveUncommitted().
class CrawlOutput {
 public:
  CrawlOutput(const StageDir& dir, int zstd_level, uint64_t shard_max_records);
  ~CrawlOutput();

  // Names shards "<prefix>NNNNN" (default "part-"); one task of a crawl
  // spread over tasks uses its own prefix, so tasks never collide.
  void set_part_prefix(std::string prefix) { prefix_ = std::move(prefix); }
  // Resume: the committed files and counts of the checkpoint.
  void Restore(std::vector<OutputFile> committed, uint64_t next_part, StageCounts counts);
  // Deletes kept/rejected shards (and temp files) that are not committed.
  Status RemoveUncommitted() const;

  Status WritePage(std::string_view json);
  Status WriteReject(std::string_view json, std::string_view rule);
  void Count(const std::string& counter, uint64_t n = 1) { counts_.counters[counter] += n; }
  // True when the open shard reached its record limit.
  bool Full() const;
  // True when records were written since the last Commit().
  bool dirty() const { return pages_ || rejects_; }
  Status Commit();

  const std::vector<OutputFile>& committed() const { return committed_; }
  uint64_t next_part() const { return next_part_; }
  const StageCounts& counts() const { return counts_; }
  StageCounts& mutable_counts() { return counts_; }

 private:
  std::string Unit(uint64_t part) const;
  Status Finish(std::unique_ptr<ShardWriter>* writer);

  const StageDir& dir_;
  int zstd_level_;
  uint64_t shard_max_records_;
  std::unique_ptr<ShardWriter> pages_;
  std::unique_ptr<ShardWriter> rejects_;
  std::vector<OutputFile> committed_;
  uint64_t next_part_ = 0;
  StageCounts counts_;
  std::string prefix_ = "part-";
};

// Record builders (DESIGN.md §2). The id is the first 32 hex digits of the
// sha256 of the normalised URL: stable across runs and machines.
std::string CrawlRecordId(std::string_view url);

struct PageFacts {
  std::string url;
  std::string fetched_at;
  int status = 0;
  std::string content_type;
  std::string etag;
  std::string last_modified;
  int depth = 0;
  std::string html;  // UTF-8
  std::string charset;
  bool truncated = false;
};
std::string PageRecordJson(const PageFacts& page);

// A URL that became no page: {"id","url","source","depth","reject":{...}}.
// `value_json` is raw JSON.
std::string CrawlRejectJson(std::string_view url, int depth, std::string_view rule,
                            std::string_view value_json);

}  // namespace corpus

#endif  // CORPUS_CRAWL_CRAWL_OUTPUT_H_
