#include "corpus/dedup/minhash.h"

#include <xxhash.h>

#include <algorithm>
#include <limits>

namespace corpus::dedup {
namespace {

// splitmix64 (Steele, Lea, Flood 2014): a fixed, portable stream of
// well-mixed values from one seed, so signatures are the same everywhere.
uint64_t SplitMix64(uint64_t* state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

}  // namespace

MinHasher::MinHasher(const MinHashParams& params) : params_(params) {
  uint64_t state = params.seed;
  const int n = params.num_hashes();
  mul_.resize(n);
  add_.resize(n);
  for (int i = 0; i < n; ++i) {
    mul_[i] = SplitMix64(&state) | 1;  // odd: a bijection modulo 2^64
    add_[i] = SplitMix64(&state);
  }
}

bool MinHasher::Compute(std::string_view text, std::vector<uint64_t>* signature) const {
  signature->clear();
  // Word boundaries: the normalised text has single spaces between words.
  thread_local std::vector<uint32_t> starts;
  starts.clear();
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != ' ' && (i == 0 || text[i - 1] == ' ')) starts.push_back(static_cast<uint32_t>(i));
  }
  if (starts.empty()) return false;
  const size_t words = starts.size();
  const size_t n = static_cast<size_t>(std::max(1, params_.ngram));
  const size_t shingles = words >= n ? words - n + 1 : 1;

  const int h = params_.num_hashes();
  signature->assign(h, std::numeric_limits<uint64_t>::max());
  uint64_t* sig = signature->data();
  const uint64_t* mul = mul_.data();
  const uint64_t* add = add_.data();
  for (size_t s = 0; s < shingles; ++s) {
    const size_t begin = starts[s];
    const size_t last = std::min(words, s + n);  // one past the last word
    const size_t end = last < words ? starts[last] - 1 : text.size();
    const uint64_t x = XXH3_64bits(text.data() + begin, end - begin);
    for (int i = 0; i < h; ++i) {
      const uint64_t v = mul[i] * x + add[i];
      sig[i] = v < sig[i] ? v : sig[i];
    }
  }
  return true;
}

void MinHasher::BandHashes(const std::vector<uint64_t>& signature,
                           std::vector<uint64_t>* band_hashes) const {
  band_hashes->resize(params_.bands);
  for (int b = 0; b < params_.bands; ++b) {
    (*band_hashes)[b] = XXH3_64bits_withSeed(signature.data() + static_cast<size_t>(b) * params_.rows,
                                             sizeof(uint64_t) * params_.rows,
                                             static_cast<uint64_t>(b));
  }
}

void CompactSignatureOf(const std::vector<uint64_t>& signature, uint32_t* out) {
  for (size_t i = 0; i < signature.size(); ++i) out[i] = static_cast<uint32_t>(signature[i]);
}

double EstimateJaccard(const uint32_t* a, const uint32_t* b, int n) {
  if (n <= 0) return 0;
  int same = 0;
  for (int i = 0; i < n; ++i) same += a[i] == b[i];
  return static_cast<double>(same) / n;
}

}  // namespace corpus::dedup
