#ifndef CORPUS_SHARD_SHUFFLE_BUCKETS_H_
#define CORPUS_SHARD_SHUFFLE_BUCKETS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace corpus {

// The two splits of a release, in the order they are written.
inline constexpr const char* kSplits[] = {"train", "validation"};
inline constexpr int kNumSplits = 2;

// One record in a shuffle bucket: its shuffle key, the length numbers the
// manifest needs (computed once in phase 1, where the whole record is seen)
// and the release record itself.
struct BucketEntry {
  uint64_t key = 0;
  uint64_t words = 0;
  uint64_t characters = 0;
  std::string_view json;
};

// ShuffleBuckets names the files phase 1 of `corpus shard` writes and phase 2
// reads: DIR/_work/buckets/<unit>/<split>-<bucket>.tsv.zst, one per input
// unit, split and key range, so tasks never write the same file. A line is
// "<key hex>\t<words>\t<characters>\t<release JSON>".
class ShuffleBuckets {
 public:
  static std::string WorkDir(const std::string& root);
  static std::string UnitDir(const std::string& root, const std::string& unit);
  static std::string Path(const std::string& root, const std::string& unit, int split, uint32_t bucket);
  // Path relative to the stage folder (as recorded in `_done` markers).
  static std::string RelativePath(const std::string& unit, int split, uint32_t bucket);
  // Parses RelativePath() back; false for any other name.
  static bool ParseRelativePath(std::string_view path, int* split, uint32_t* bucket);

  static void EncodeLine(const BucketEntry& e, std::string* out);
  static bool DecodeLine(std::string_view line, BucketEntry* e);

  // Number of key ranges for inputs of `input_file_bytes` (on disk) so that
  // one bucket holds about `bucket_bytes` of uncompressed JSON. Compressed
  // inputs are assumed to expand 5x (zstd/gzip on web text: 3-5x), erring
  // towards more, smaller buckets. Depends only on the input files, so every
  // task computes the same number.
  static uint32_t ChooseCount(const std::vector<std::string>& inputs, uint64_t bucket_bytes);
  // Upper bound: each phase-1 worker keeps one writer per bucket open.
  static constexpr uint32_t kMaxBuckets = 512;
};

}  // namespace corpus

#endif  // CORPUS_SHARD_SHUFFLE_BUCKETS_H_
