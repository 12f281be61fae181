#ifndef CORPUS_SHARD_PACK_H_
#define CORPUS_SHARD_PACK_H_

#include <string>
#include <vector>

#include "corpus/shard/shard_plan.h"
#include "corpus/stage/stage_config.h"
#include "corpus/stage/stage_dir.h"
#include "corpus/util/status.h"

namespace corpus {

// One phase-2 unit of work of `corpus shard`: one release shard.
struct PackJob {
  const SplitPlan* plan = nullptr;
  const StageDir* dir = nullptr;
  std::vector<std::string> input_units;  // phase-1 units, whose buckets are read
  StageConfig pack_config;               // fingerprint of the `_done` marker
  uint64_t shard = 0;
  int zstd_level = 3;
};

// Phase 2: writes one shard of the release. It loads each bucket
// that overlaps the shard (all inputs' files of that key range), sorts it in
// memory by (key, record bytes) so ties are ordered too, walks it in release
// order keeping the records whose position falls in this shard (see
// SplitPlan), and writes them through ShardWriter (atomic). The `_done`
// marker holds the shard's file, documents, bytes, sha256, and its words and
// characters as counters "words" and "characters". Shards are independent,
// so they run on any threads or tasks and the bytes are the same.
Status PackShard(const PackJob& job);

}  // namespace corpus

#endif  // CORPUS_SHARD_PACK_H_
