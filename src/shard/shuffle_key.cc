#include "corpus/shard/shuffle_key.h"

#include <xxhash.h>

namespace corpus {
namespace {

// Salt of the held-out split ("heldout!" in ASCII). Fixed forever: changing
// it would move documents between train and validation across releases.
constexpr uint64_t kSplitSalt = 0x686564646f757421ull;

}  // namespace

uint64_t ShuffleKey(uint64_t seed, std::string_view id) {
  // XXH3's output is frozen since xxHash 0.8.0, so keys are stable across
  // library versions and machines.
  return XXH3_64bits_withSeed(id.data(), id.size(), seed);
}

bool InValidationSplit(std::string_view id, double val_fraction) {
  if (val_fraction <= 0) return false;
  const uint64_t h = XXH3_64bits_withSeed(id.data(), id.size(), kSplitSalt);
  // Top 53 bits as a uniform double in [0, 1).
  const double u = static_cast<double>(h >> 11) * (1.0 / 9007199254740992.0);
  return u < val_fraction;
}

uint32_t BucketOfKey(uint64_t key, uint32_t buckets) {
  return static_cast<uint32_t>((static_cast<unsigned __int128>(key) * buckets) >> 64);
}

}  // namespace corpus
