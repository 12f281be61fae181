#ifndef CORPUS_CRAWL_FRONTIER_H_
#define CORPUS_CRAWL_FRONTIER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/util/status.h"
#include "corpus/util/unique_file.h"

namespace corpus {

// One URL waiting to be fetched, with what the crawler must remember about it.
struct FrontierEntry {
  enum Kind : int { kPage = 0, kSitemap = 1 };
  std::string url;  // normalised
  int depth = 0;    // link distance from a seed (seeds are 0)
  int hops = 0;     // redirects followed to reach `url`
  int retries = 0;  // 429/503 retries so far
  int kind = kPage;
  // --refresh: validators of the earlier fetch, sent as conditional headers.
  std::string etag;
  std::string last_modified;

  // One tab-separated line (no newline); URLs are normalised, so they hold
  // no tabs or newlines, and validators have theirs removed.
  std::string Serialize() const;
  // Appends Serialize()'s line to `out`.
  void AppendTo(std::string* out) const;
  // At least the size of Serialize()'s line plus its newline.
  size_t SerializedSizeBound() const;
  static bool Parse(std::string_view line, FrontierEntry* out);
};

// Where the frontier stood at a checkpoint: per depth, how long its queue
// file was and how far it had been read; and the file holding the entries
// that were in memory (queued per host or in flight).
struct FrontierState {
  std::vector<uint64_t> written;  // by depth
  std::vector<uint64_t> read;     // by depth
  std::string pending_file;       // relative to the frontier folder; may be empty
};

// Frontier is the disk side of the crawl queue ("the queues live on
// disk beyond a memory budget"): one append-only FIFO file per depth, read
// lowest depth first, which makes the crawl breadth-first. The crawler pops
// entries into its in-memory per-host queues up to its budget.
//
// Resume contract: Checkpoint() fsyncs the queue files and writes the
// in-memory entries to a new pending file; the returned FrontierState, saved
// by the caller atomically with the output, is what Open() restores: bytes
// appended after it are cut off, reading continues at the saved offsets, and
// LoadPending() gives back the entries that were in memory.
// Not thread-safe; move-only (it owns its open files).
class Frontier {
 public:
  explicit Frontier(std::string dir);

  Status Open(const FrontierState& state);
  Status LoadPending(std::vector<FrontierEntry>* entries) const;

  Status Push(const FrontierEntry& entry);
  // Next entry of the lowest non-empty depth; false when the disk queue is empty.
  bool Pop(FrontierEntry* entry);
  // Entries pushed but not popped.
  uint64_t size() const { return pushed_ - popped_; }

  // `in_memory`: entries popped but not finished. Writes pending-<n>.q.
  Status Checkpoint(const std::vector<const FrontierEntry*>& in_memory, FrontierState* state);
  // Deletes pending files other than `keep` (after the checkpoint naming it is durable).
  void RemoveStalePending(const std::string& keep) const;

  const Status& status() const { return status_; }

 private:
  struct DepthQueue {
    std::string path;
    UniqueFile writer;
    UniqueFile reader;
    uint64_t written = 0;
    uint64_t read = 0;
  };
  DepthQueue* Queue(int depth);
  std::string QueuePath(int depth) const;

  std::string dir_;
  std::vector<DepthQueue> queues_;
  uint64_t pushed_ = 0;
  uint64_t popped_ = 0;
  uint64_t pending_seq_ = 0;
  std::string pending_file_loaded_;
  std::string line_;      // read buffer of Pop()
  std::string out_line_;  // write buffer of Push()
  Status status_;
};

}  // namespace corpus

#endif  // CORPUS_CRAWL_FRONTIER_H_
