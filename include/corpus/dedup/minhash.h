#ifndef CORPUS_DEDUP_MINHASH_H_
#define CORPUS_DEDUP_MINHASH_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace corpus::dedup {

// Parameters of MinHash with LSH banding. The defaults are FineWeb's (Penedo
// et al. 2024, §3.3; datatrove MinhashConfig): word 5-grams, 64-bit hashes,
// 14 bands of 8 rows = 112 hashes. With b bands of r rows, a pair of Jaccard
// similarity s shares at least one band with probability 1 - (1 - s^r)^b:
// 0.92 at s = 0.8, 0.57 at s = 0.7, 0.05 at s = 0.5 for 14 x 8.
struct MinHashParams {
  int ngram = 5;
  int bands = 14;
  int rows = 8;
  uint64_t seed = 1;
  int num_hashes() const { return bands * rows; }
};

// MinHasher computes MinHash signatures of normalised text (see
// text_normalizer.h). Shingles are word n-grams (a text with fewer than n
// words is one shingle); each shingle is hashed with XXH3-64, and hash i of
// the signature is min over shingles of (a_i * h + b_i) mod 2^64, an affine
// permutation of the 64-bit shingle hash with odd a_i drawn from `seed`.
//
// Thread-safe after construction (Compute uses caller-provided buffers).
class MinHasher {
 public:
  explicit MinHasher(const MinHashParams& params);

  const MinHashParams& params() const { return params_; }

  // Fills `signature` (num_hashes values). Returns false, leaving it empty,
  // for text with no words.
  bool Compute(std::string_view normalized_text, std::vector<uint64_t>* signature) const;

  // One hash per band over its rows, band index mixed in, so equal rows in
  // different bands do not collide. `band_hashes` gets `bands` values.
  void BandHashes(const std::vector<uint64_t>& signature, std::vector<uint64_t>* band_hashes) const;

 private:
  MinHashParams params_;
  std::vector<uint64_t> mul_;
  std::vector<uint64_t> add_;
};

// The signature kept on disk for verification: the low 32 bits of each
// MinHash value. Two different 64-bit minima agree on their low 32 bits with
// probability 2^-32, so the estimate is unchanged in practice at half the size.
using CompactSignature = std::vector<uint32_t>;
void CompactSignatureOf(const std::vector<uint64_t>& signature, uint32_t* out);

// Fraction of positions where two signatures agree: an unbiased estimate of
// the Jaccard similarity of the two shingle sets (Broder 1997).
double EstimateJaccard(const uint32_t* a, const uint32_t* b, int n);

}  // namespace corpus::dedup

#endif  // CORPUS_DEDUP_MINHASH_H_
