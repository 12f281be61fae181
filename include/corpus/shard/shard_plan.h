#ifndef CORPUS_SHARD_SHARD_PLAN_H_
#define CORPUS_SHARD_SHARD_PLAN_H_

#include <cstdint>
#include <string>
#include <vector>

#include "corpus/shard/shard_config.h"
#include "corpus/stage/stage_dir.h"
#include "corpus/util/status.h"

namespace corpus {

// SplitPlan decides, before any shard is written, how many shards a split
// gets and which shard every record lands in, from the totals that phase 1
// recorded per bucket. That is what lets shards carry their final
// `-of-NNNNN` names and lets every shard be written by an independent task.
//
// Records are numbered in release order (buckets in key order, each sorted
// by key). A record's *position* is its byte offset in the split's
// concatenated JSON (with --target-size) or its index (with
// --docs-per-shard), and it goes to shard floor(position * N / total) (resp.
// index / docs_per_shard). With total bytes T, target t and largest record
// m, N = max(1, min(ceil(T / t), floor(T / m))): consecutive record starts
// differ by at most m <= T / N, so no shard index is skipped and no shard is
// empty; shards are balanced at about T / N <= t bytes, each at most one
// record over. Only a record larger than T / ceil(T / t) makes N smaller
// than ceil(T / t) (fewer, larger shards rather than empty ones).
class SplitPlan {
 public:
  SplitPlan(int split, std::vector<uint64_t> bucket_records, std::vector<uint64_t> bucket_bytes,
            uint64_t max_record_bytes, const ShardConfig& config);

  int split() const { return split_; }
  const char* split_name() const;
  uint64_t records() const { return records_; }
  uint64_t bytes() const { return bytes_; }
  uint64_t shards() const { return shards_; }
  uint32_t buckets() const { return static_cast<uint32_t>(bucket_records_.size()); }
  bool by_docs() const { return docs_per_shard_ != 0; }
  // Position of a record of `bytes` JSON bytes (newline included).
  uint64_t Advance(uint64_t record_bytes) const { return by_docs() ? 1 : record_bytes; }
  uint64_t BucketStart(uint32_t bucket) const { return bucket_start_[bucket]; }
  uint64_t ShardOf(uint64_t position) const;
  // Buckets [first, last] that can hold records of `shard`.
  void BucketsOfShard(uint64_t shard, uint32_t* first, uint32_t* last) const;

  // "train-00003-of-00042.jsonl.zst" and its marker unit "train-00003-of-00042".
  std::string ShardUnit(uint64_t shard) const;
  std::string ShardFileName(uint64_t shard) const { return ShardUnit(shard) + ".jsonl.zst"; }

 private:
  uint64_t total() const { return by_docs() ? records_ : bytes_; }
  int split_;
  std::vector<uint64_t> bucket_records_;
  std::vector<uint64_t> bucket_bytes_;
  std::vector<uint64_t> bucket_start_;  // positions; one extra at the end
  uint64_t records_ = 0;
  uint64_t bytes_ = 0;
  uint64_t docs_per_shard_;
  uint64_t shards_ = 0;
};

// Builds both splits' plans from the `_done` markers of phase 1. All of
// `units` must have a marker with `fingerprint` (kNotFound otherwise).
Status LoadSplitPlans(const StageDir& dir, const std::vector<std::string>& units,
                      const std::string& fingerprint, uint32_t buckets, const ShardConfig& config,
                      std::vector<SplitPlan>* plans);

}  // namespace corpus

#endif  // CORPUS_SHARD_SHARD_PLAN_H_
