#ifndef CORPUS_SHARD_PARTITION_H_
#define CORPUS_SHARD_PARTITION_H_

#include <cstdint>
#include <string>

#include "corpus/shard/shard_config.h"
#include "corpus/stage/options.h"
#include "corpus/stage/stage_config.h"
#include "corpus/stage/stage_stats.h"

namespace corpus {

// Phase 1 of `corpus shard`, a MapStage run by RunMapStage (one unit per
// input, ranges of an input on several threads): reads every record,
// projects it onto the release fields, gives it its shuffle key and split,
// and appends it to the bucket file of its key range under DIR. Malformed
// records (bad JSON, no string id) go to rejected/ with rule "malformed".
// Each input's `_done` marker has config `work_config` (the user settings
// `stage_config` plus the bucket count); its outputs are the bucket files
// (with `bytes` = release JSON bytes) and its counters carry the release
// stats and the largest record per split ("shard.max_record_bytes.<split>").
// A marker made with other user settings is an error unless --force; one
// made for another bucket count is redone. Anything left from an earlier,
// killed attempt at a unit is removed first. Writes no `_manifest.json`
// (the pack phase does).
StageOutcome RunPartitionPhase(const ShardConfig& cfg, const CommonOptions& opts, const StageConfig& stage_config,
                               const StageConfig& work_config, uint32_t buckets);

// Counter names used in partition markers.
std::string MaxRecordCounter(int split);

}  // namespace corpus

#endif  // CORPUS_SHARD_PARTITION_H_
