#ifndef CORPUS_SHARD_PARTITION_H_
#define CORPUS_SHARD_PARTITION_H_

#include <cstdint>
#include <string>

#include "corpus/shard/shard_config.h"
#include "corpus/stage/progress.h"
#include "corpus/stage/record_ranges.h"
#include "corpus/stage/stage_config.h"
#include "corpus/stage/stage_dir.h"
#include "corpus/util/status.h"

namespace corpus {

// One phase-1 unit of work of `corpus shard`: one input file.
struct PartitionJob {
  const ShardConfig* config = nullptr;
  const StageDir* dir = nullptr;
  StageConfig work_config;  // the stage config plus the bucket count
  uint32_t buckets = 1;
  std::string input;
  std::string unit;
  int zstd_level = 1;
  RangeOptions ranges;  // how the input is split across threads (record_ranges.h)
};

// Phase 1: reads every record of one input,
// projects it onto the release fields, gives it its shuffle key and split,
// and appends it to the bucket file of its key range. Malformed records (bad
// JSON, no string id) go to rejected/ with rule "malformed". On success it
// writes the unit's `_done` marker, whose outputs are the bucket files (with
// `bytes` = release JSON bytes) and whose counters carry the release stats
// and the largest record per split ("shard.max_record_bytes.<split>").
// Anything left from an earlier, killed attempt at the unit is removed first.
Status PartitionInput(const PartitionJob& job, Progress* progress, bool* damaged);

// Counter names used in partition markers.
std::string MaxRecordCounter(int split);

}  // namespace corpus

#endif  // CORPUS_SHARD_PARTITION_H_
