#ifndef CORPUS_TOKENIZE_BYTE_PAIR_MODEL_H_
#define CORPUS_TOKENIZE_BYTE_PAIR_MODEL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/util/status.h"

namespace corpus {

// BytePairModel is a byte-level BPE vocabulary: tokens are byte strings, and
// a piece of text starts as one token per byte; the adjacent pair with the
// lowest merge rank (leftmost on ties) is merged until no pair has a rank.
// That is both tiktoken's rule (rank of the merged token) and Hugging Face's
// (rank of the merge rule), so one model serves both file formats.
//
// Thread-safety: built single-threaded, then const and safe to share.
class BytePairModel {
 public:
  BytePairModel() = default;
  BytePairModel(const BytePairModel&) = delete;
  BytePairModel& operator=(const BytePairModel&) = delete;

  // Adds a token. A byte string or id seen before is kInvalidArgument.
  Status AddToken(std::string bytes, uint32_t id);
  // Adds the rule "left + right -> merged" with `rank` (lower merges first).
  // An earlier rule for the same pair wins.
  void AddMerge(uint32_t left, uint32_t right, uint32_t rank, uint32_t merged);
  // tiktoken: every token's id is its rank; adds a rule for every split of a
  // token into two tokens, which gives exactly tiktoken's merge order.
  void AddMergesFromRanks();
  // REQUIRES: all tokens added. kInvalidArgument if a byte has no token.
  Status Finalize();

  std::optional<uint32_t> Find(std::string_view bytes) const;
  const std::string& TokenBytes(uint32_t id) const;
  uint32_t max_id() const { return max_id_; }

  // Appends the ids of one pre-tokenized piece. With `whole_piece_first`, a
  // piece that is itself a token is that token (tiktoken always; Hugging Face
  // with "ignore_merges").
  void EncodePiece(std::string_view piece, bool whole_piece_first,
                   std::vector<uint32_t>* out) const;

 private:
  struct Merge {
    uint32_t rank;
    uint32_t merged;
  };
  static constexpr size_t kShortPiece = 32;
  const Merge* FindMerge(uint32_t left, uint32_t right) const;
  void EncodeShort(std::string_view piece, std::vector<uint32_t>* out) const;
  void EncodeLong(std::string_view piece, std::vector<uint32_t>* out) const;

  // Tokens by id (empty: unused id), and a flat hash table from bytes to id
  // (open addressing, like the merges below).
  struct TokenSlot {
    uint64_t hash;
    uint32_t id;
  };
  size_t TokenSlotOf(uint64_t hash, std::string_view bytes) const;
  void GrowTokens();
  std::vector<std::string> bytes_of_;
  std::vector<TokenSlot> token_slots_;
  size_t token_count_ = 0;
  int token_shift_ = 64;
  // Open addressing, linear probing, power-of-two size: the pair lookup is
  // most of the encoding time, and this is about twice std::unordered_map.
  struct MergeSlot {
    uint64_t key;
    Merge merge;
  };
  size_t MergeSlotOf(uint64_t key) const;
  void GrowMerges();
  std::vector<MergeSlot> merge_slots_;
  size_t merge_count_ = 0;
  int merge_shift_ = 64;
  size_t max_token_bytes_ = 0;
  uint32_t byte_token_[256] = {};
  uint32_t max_id_ = 0;
};

}  // namespace corpus

#endif  // CORPUS_TOKENIZE_BYTE_PAIR_MODEL_H_
