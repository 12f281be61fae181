#include "corpus/shard/shard_plan.h"

#include <algorithm>
#include <cstdio>

#include "corpus/shard/partition.h"
#include "corpus/shard/shuffle_buckets.h"

namespace corpus {
namespace {

uint64_t MulDiv(uint64_t a, uint64_t b, uint64_t c) {
  return static_cast<uint64_t>(static_cast<unsigned __int128>(a) * b / c);
}

}  // namespace

SplitPlan::SplitPlan(int split, std::vector<uint64_t> bucket_records, std::vector<uint64_t> bucket_bytes,
                     uint64_t max_record_bytes, const ShardConfig& config)
    : split_(split),
      bucket_records_(std::move(bucket_records)),
      bucket_bytes_(std::move(bucket_bytes)),
      docs_per_shard_(config.docs_per_shard) {
  for (size_t b = 0; b < bucket_records_.size(); ++b) {
    records_ += bucket_records_[b];
    bytes_ += bucket_bytes_[b];
  }
  bucket_start_.push_back(0);
  for (size_t b = 0; b < bucket_records_.size(); ++b) {
    bucket_start_.push_back(bucket_start_.back() + (by_docs() ? bucket_records_[b] : bucket_bytes_[b]));
  }
  if (records_ == 0) {
    shards_ = 0;
  } else if (by_docs()) {
    shards_ = (records_ + docs_per_shard_ - 1) / docs_per_shard_;
  } else {
    const uint64_t target = config.target_bytes;
    shards_ = (bytes_ + target - 1) / target;
    if (max_record_bytes > 0) shards_ = std::min(shards_, bytes_ / max_record_bytes);
    shards_ = std::max<uint64_t>(shards_, 1);
  }
}

const char* SplitPlan::split_name() const { return kSplits[split_]; }

uint64_t SplitPlan::ShardOf(uint64_t position) const {
  if (by_docs()) return position / docs_per_shard_;
  return MulDiv(position, shards_, bytes_);
}

void SplitPlan::BucketsOfShard(uint64_t shard, uint32_t* first, uint32_t* last) const {
  // Positions p with ShardOf(p) == shard form [lo, hi).
  uint64_t lo, hi;
  if (by_docs()) {
    lo = shard * docs_per_shard_;
    hi = lo + docs_per_shard_;
  } else {
    auto ceil_div = [&](uint64_t j) {
      const unsigned __int128 num = static_cast<unsigned __int128>(j) * bytes_;
      return static_cast<uint64_t>((num + shards_ - 1) / shards_);
    };
    lo = ceil_div(shard);
    hi = ceil_div(shard + 1);
  }
  // Bucket b holds positions [start[b], start[b+1]).
  const uint32_t n = buckets();
  uint32_t f = 0;
  while (f + 1 < n && bucket_start_[f + 1] <= lo) ++f;
  uint32_t l = f;
  while (l + 1 < n && bucket_start_[l + 1] < hi) ++l;
  *first = f;
  *last = l;
}

std::string SplitPlan::ShardUnit(uint64_t shard) const {
  char name[96];
  std::snprintf(name, sizeof(name), "%s-%05llu-of-%05llu", split_name(),
                static_cast<unsigned long long>(shard), static_cast<unsigned long long>(shards_));
  return name;
}

Status LoadSplitPlans(const StageDir& dir, const std::vector<std::string>& units,
                      const std::string& fingerprint, uint32_t buckets, const ShardConfig& config,
                      std::vector<SplitPlan>* plans) {
  std::vector<std::vector<uint64_t>> records(kNumSplits, std::vector<uint64_t>(buckets, 0));
  std::vector<std::vector<uint64_t>> bytes(kNumSplits, std::vector<uint64_t>(buckets, 0));
  uint64_t max_record[kNumSplits] = {0, 0};
  for (const auto& unit : units) {
    DoneMarker m;
    const Status st = dir.ReadDone(unit, &m);
    if (!st.ok() || m.fingerprint != fingerprint) {
      return Status::NotFound("phase 1 has not finished input " + unit);
    }
    for (const auto& f : m.outputs) {
      int split;
      uint32_t bucket;
      if (!ShuffleBuckets::ParseRelativePath(f.path, &split, &bucket)) continue;
      if (bucket >= buckets) return Status::Corruption("bucket out of range in marker of " + unit);
      records[split][bucket] += f.records;
      bytes[split][bucket] += f.bytes;
    }
    for (int s = 0; s < kNumSplits; ++s) {
      auto it = m.counts.counters.find(MaxRecordCounter(s));
      if (it != m.counts.counters.end()) max_record[s] = std::max(max_record[s], it->second);
    }
  }
  plans->clear();
  for (int s = 0; s < kNumSplits; ++s) {
    plans->emplace_back(s, std::move(records[s]), std::move(bytes[s]), max_record[s], config);
  }
  return Status::OK();
}

}  // namespace corpus
