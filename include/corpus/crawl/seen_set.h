#ifndef CORPUS_CRAWL_SEEN_SET_H_
#define CORPUS_CRAWL_SEEN_SET_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/util/status.h"

namespace corpus {

// SeenSet remembers every URL the crawler has ever queued or rejected, so each
// URL is handled once. It stores 64-bit hashes of the
// normalised URL, not the URL: at 10^8 URLs the chance of any collision is
// about 3e-4, which costs one page not fetched.
//
// Memory is bounded: up to `memory_entries` hashes live in an open-addressing
// table (16 bytes per hash at its 50% load); beyond that the table is sorted
// and spilled to a run file, whose keys are looked up with one 4 KiB pread
// through a sparse in-RAM index (1 key in 512). Runs are merged when there
// are too many.
//
// Durability: every new hash is appended to `seen.log` in `dir`. Sync()
// flushes it and returns its committed length; Open() with that length
// truncates what came after (an uncommitted tail) and rebuilds the set, so
// after a crash the set matches the last checkpoint exactly.
// Not thread-safe.
class SeenSet {
 public:
  SeenSet(std::string dir, size_t memory_entries);
  ~SeenSet();
  SeenSet(const SeenSet&) = delete;
  SeenSet& operator=(const SeenSet&) = delete;

  // Opens (or creates) the set in `dir`, keeping the first `log_length`
  // bytes of the log (0: start empty).
  Status Open(uint64_t log_length);

  // Adds `url`'s hash; true if it was not there before.
  bool Insert(std::string_view url);
  bool Contains(std::string_view url) const;
  // Raw hash interface (tests and benchmarks).
  bool InsertHash(uint64_t h);
  bool ContainsHash(uint64_t h) const;

  // Flushes and fsyncs the log; `*log_length` is the length to pass to Open().
  Status Sync(uint64_t* log_length);

  uint64_t size() const { return size_; }
  size_t runs() const { return runs_.size(); }
  // Bytes of RAM held (table, run indexes, write buffer).
  size_t MemoryBytes() const;
  // First error of a log write or a spill (kept, not thrown).
  const Status& status() const { return status_; }

  static uint64_t Hash(std::string_view url);

 private:
  struct Run {
    std::string path;
    int fd = -1;
    uint64_t count = 0;
    std::vector<uint64_t> index;  // every kIndexStride-th key
  };

  bool TableContains(uint64_t h) const;
  bool TableInsert(uint64_t h);  // true if new
  void Grow();
  Status Spill();
  Status MergeRuns();
  Status OpenRun(const std::string& path, Run* run) const;
  bool RunContains(const Run& run, uint64_t h) const;
  void CloseRuns();

  std::string dir_;
  size_t memory_entries_;
  std::vector<uint64_t> table_;  // 0 = empty slot
  size_t table_count_ = 0;
  std::vector<Run> runs_;
  uint64_t next_run_id_ = 0;
  uint64_t size_ = 0;
  FILE* log_ = nullptr;
  Status status_;
};

}  // namespace corpus

#endif  // CORPUS_CRAWL_SEEN_SET_H_
