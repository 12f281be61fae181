#ifndef CORPUS_SHARD_SHUFFLE_KEY_H_
#define CORPUS_SHARD_SHUFFLE_KEY_H_

#include <cstdint>
#include <string_view>

namespace corpus {

// The order of a release is the order of ShuffleKey(seed, id): a seeded
// 64-bit XXH3 hash of the document id. Sorting by it is a uniform random
// permutation that depends only on the seed and the ids, never on the input
// order, the thread count or the task split, and that can be computed one
// record at a time (so the shuffle is an external sort, not an in-memory one).
uint64_t ShuffleKey(uint64_t seed, std::string_view id);

// True if the document goes to the held-out split. Chosen by a hash of the id
// alone (a fixed salt, not the shuffle seed), so a document stays on the same
// side of the split in every refresh and under every seed.
bool InValidationSplit(std::string_view id, double val_fraction);

// Bucket of `key` among `buckets` equal key ranges: monotone in the key, so
// buckets concatenated in index order are in key order.
uint32_t BucketOfKey(uint64_t key, uint32_t buckets);

}  // namespace corpus

#endif  // CORPUS_SHARD_SHUFFLE_KEY_H_
