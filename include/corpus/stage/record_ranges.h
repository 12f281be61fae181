#ifndef CORPUS_STAGE_RECORD_RANGES_H_
#define CORPUS_STAGE_RECORD_RANGES_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/io/record.h"
#include "corpus/io/record_source.h"
#include "corpus/stage/progress.h"
#include "corpus/util/status.h"

namespace corpus {

// The one rule every stage uses to tell a record from a malformed line
// (docs/ARCHITECTURE.md, "Output folders": a bad line goes to rejected/ with
// rule "malformed"): the line parses as a JSON object and, when `requires_id`,
// has an "id" that is a JSON string. Stages that number an input's records
// (dedup's signature and apply phases) count exactly the lines this accepts,
// so they agree on every ordinal by construction.
Status ParseInputRecord(std::string_view line, bool requires_id, Record* record);

// RecordRange is a run of consecutive records of one input: a piece of it
// that can be handled on its own. Ranges are cut by the input's records and a
// fixed byte target only, never by the thread count, so whatever is written
// per range and concatenated in range order is the same for any --threads.
struct RecordRange {
  uint64_t index = 0;                // 0-based, in input order
  std::string text;                  // the records' JSON, back to back
  std::vector<size_t> ends;          // end of each record in `text`
  std::vector<uint64_t> positions;   // each record's line (or record) number in the input

  size_t size() const { return ends.size(); }
  std::string_view record(size_t i) const {
    const size_t begin = i == 0 ? 0 : ends[i - 1];
    return std::string_view(text).substr(begin, ends[i] - begin);
  }
};

// What a RangeJob's Process() hands to its Commit().
class RangeResult {
 public:
  virtual ~RangeResult() = default;
};

// RangeJob is the work one input is split into: Process() turns one range
// into a result with no other state, so ranges may be processed in any order
// and on any thread; Commit() takes the results in input order.
//
// Thread-safety: Process() is called concurrently for different ranges;
// Commit() is called for one range at a time, in range order, and never
// concurrently with itself.
class RangeJob {
 public:
  virtual ~RangeJob() = default;
  virtual Status Process(const RecordRange& range, std::unique_ptr<RangeResult>* result) = 0;
  virtual Status Commit(const RecordRange& range, std::unique_ptr<RangeResult> result) = 0;
};

struct RangeOptions {
  // A range ends at the first record boundary at or after this many bytes of
  // JSON (a single larger record is a range of its own).
  size_t range_bytes = size_t{1} << 20;
  // Threads that process ranges; 1 runs everything on the caller's thread.
  int threads = 1;
};

// Reads `source` to its end (or its damage: the caller checks
// source.status() afterwards) on the calling thread, cutting it into ranges,
// and runs `job` over them on up to `opts.threads` threads. At most about
// two ranges per thread are held in memory at once. Bumps `progress`'s
// record and byte counters as it reads when given. Returns the first error of
// Process() or Commit(), or kAborted when a stop signal arrives; no range is
// committed after an error.
Status RunRecordRanges(RecordSource& source, const RangeOptions& opts, RangeJob& job,
                       Progress* progress);

}  // namespace corpus

#endif  // CORPUS_STAGE_RECORD_RANGES_H_
