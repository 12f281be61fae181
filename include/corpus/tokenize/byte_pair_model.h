#ifndef CORPUS_TOKENIZE_BYTE_PAIR_MODEL_H_
#define CORPUS_TOKENIZE_BYTE_PAIR_MODEL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
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
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  const Merge* FindMerge(uint32_t left, uint32_t right) const;

  std::unordered_map<std::string, uint32_t, StringHash, std::equal_to<>> ids_;
  std::vector<const std::string*> bytes_of_;  // by id; null for unused ids
  std::unordered_map<uint64_t, Merge> merges_;
  uint32_t byte_token_[256] = {};
  uint32_t max_id_ = 0;
};

}  // namespace corpus

#endif  // CORPUS_TOKENIZE_BYTE_PAIR_MODEL_H_
