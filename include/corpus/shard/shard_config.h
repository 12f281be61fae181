#ifndef CORPUS_SHARD_SHARD_CONFIG_H_
#define CORPUS_SHARD_SHARD_CONFIG_H_

#include <cstdint>
#include <string>
#include <vector>

#include "corpus/stage/stage_config.h"
#include "corpus/util/byte_size.h"
#include "corpus/util/status.h"

namespace corpus {

// Which part of `corpus shard` a run performs. `kAll` does both phases when
// it can (a single task, or the last partition task); Slurm arrays run
// `kPartition` and then `kPack` as two dependent arrays.
enum class ShardPhase { kAll, kPartition, kPack };

// ShardConfig is everything that decides what a release contains and how it
// is cut. Exactly one of target_bytes / docs_per_shard is non-zero.
struct ShardConfig {
  uint64_t target_bytes = 256ull << 20;  // uncompressed JSON per shard
  uint64_t docs_per_shard = 0;
  uint64_t seed = 0;
  double val_fraction = 0;  // share of documents held out, chosen by id
  std::vector<std::string> fields = {"id", "text", "url", "lang", "fetched_at", "source"};
  // Uncompressed bytes of one shuffle bucket, the unit sorted in memory by
  // the pack phase. Does not change the release's bytes, only the memory use.
  uint64_t bucket_bytes = 128ull << 20;
  ShardPhase phase = ShardPhase::kAll;
  // Where the run's `corpus report` page is (a path relative to the release
  // folder, or a URL); the dataset card links it when set. Not part of the
  // fingerprint: it changes the card's text, not the release's records.
  std::string report_link;

  Status Validate() const;
  // The settings that change the release (bucket size and phase excluded).
  StageConfig ToStageConfig() const;
};



}  // namespace corpus

#endif  // CORPUS_SHARD_SHARD_CONFIG_H_
