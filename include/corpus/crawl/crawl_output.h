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

// CrawlOutput writes the crawl's records into its stage folder (docs/ARCHITECTURE.md, "Output folders"):
// pages to `part-NNNNN.jsonl.zst`, everything else to
// `rejected/part-NNNNN.jsonl.zst`, through ShardWriter so files appear under
// their final name only when complete.
//
// A pair of parts stays open across checkpoints and rolls (is finished and
// the next number begun) when either reaches `max_records` records or
// `max_bytes` bytes on disk, or when the crawl ends or stops; a long crawl
// leaves a few large files, not one pair per checkpoint. Commit(), called
// with every checkpoint, ends a zstd frame in each open part's temporary
// file and fsyncs it; open_parts() then says how far each is committed.
// The crawler saves committed(), next_part() and open_parts() with its
// frontier as one resume point. After Restore(), RemoveUncommitted() deletes
// every part file that point does not name and cuts the open parts back to
// their committed length, so a killed crawl loses the records written since
// the last checkpoint and duplicates none. Not thread-safe.
class CrawlOutput {
 public:
  CrawlOutput(const StageDir& dir, int zstd_level, uint64_t max_records, uint64_t max_bytes);
  ~CrawlOutput();
  CrawlOutput(const CrawlOutput&) = delete;
  CrawlOutput& operator=(const CrawlOutput&) = delete;

  // Names shards "<prefix>NNNNN" (default "part-"); one task of a crawl
  // spread over tasks uses its own prefix, so tasks never collide.
  void set_part_prefix(std::string prefix) { prefix_ = std::move(prefix); }
  // Resume: the committed files, counts and open parts of the checkpoint.
  void Restore(std::vector<OutputFile> committed, uint64_t next_part, StageCounts counts,
               std::vector<OutputFile> open_parts = {});
  // Deletes kept/rejected shards (and temp files) that are not committed,
  // and reopens the restored open parts at their committed length.
  Status RemoveUncommitted();

  Status WritePage(std::string_view json);
  Status WriteReject(std::string_view json, std::string_view rule);
  void Count(const std::string& counter, uint64_t n = 1) { counts_.counters[counter] += n; }
  // True when an open part reached its record or byte limit (commit soon).
  bool Full() const;
  // True when records were written since the last Commit().
  bool dirty() const { return dirty_; }
  // Makes every record written so far durable; finishes the open parts when
  // `close` is set or one is full.
  Status Commit(bool close = false);

  const std::vector<OutputFile>& committed() const { return committed_; }
  // The parts being appended to, as of the last Commit(): path (final name,
  // relative), records, bytes and file_bytes committed so far.
  const std::vector<OutputFile>& open_parts() const { return open_parts_; }
  uint64_t next_part() const { return next_part_; }
  const StageCounts& counts() const { return counts_; }
  StageCounts& mutable_counts() { return counts_; }

 private:
  std::string Unit(uint64_t part) const;
  std::unique_ptr<ShardWriter> NewWriter(const std::string& path, bool pages) const;
  Status Finish(std::unique_ptr<ShardWriter>* writer);
  Status Reopen(const OutputFile& part);

  const StageDir& dir_;
  int zstd_level_;
  uint64_t max_records_;
  uint64_t max_bytes_;
  std::unique_ptr<ShardWriter> pages_;
  std::unique_ptr<ShardWriter> rejects_;
  std::vector<OutputFile> committed_;
  std::vector<OutputFile> open_parts_;
  uint64_t next_part_ = 0;
  bool dirty_ = false;
  StageCounts counts_;
  std::string prefix_ = "part-";
};

// Record builders (docs/ARCHITECTURE.md, "Records"). The id is the first 32 hex digits of the
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
