#include "corpus/tokenize/byte_pair_model.h"

#include <algorithm>
#include <bit>
#include <functional>
#include <limits>

#include <xxhash.h>

namespace corpus {
namespace {

constexpr uint32_t kNoRank = std::numeric_limits<uint32_t>::max();
constexpr uint64_t kEmptyKey = std::numeric_limits<uint64_t>::max();

uint64_t PairKey(uint32_t left, uint32_t right) {
  return (static_cast<uint64_t>(left) << 32) | right;
}

}  // namespace

size_t BytePairModel::TokenSlotOf(uint64_t hash, std::string_view bytes) const {
  const size_t mask = token_slots_.size() - 1;
  size_t i = static_cast<size_t>((hash * 0x9E3779B97F4A7C15ull) >> token_shift_);
  while (token_slots_[i].id != kNoRank &&
         (token_slots_[i].hash != hash || bytes_of_[token_slots_[i].id] != bytes)) {
    i = (i + 1) & mask;
  }
  return i;
}

void BytePairModel::GrowTokens() {
  std::vector<TokenSlot> old = std::move(token_slots_);
  token_slots_.assign(old.empty() ? 1024 : old.size() * 2, TokenSlot{0, kNoRank});
  token_shift_ = 64 - std::countr_zero(token_slots_.size());
  for (const TokenSlot& t : old) {
    if (t.id != kNoRank) token_slots_[TokenSlotOf(t.hash, bytes_of_[t.id])] = t;
  }
}

Status BytePairModel::AddToken(std::string bytes, uint32_t id) {
  if (bytes.empty()) return Status::InvalidArgument("empty token for id " + std::to_string(id));
  if (id == kNoRank) return Status::InvalidArgument("id " + std::to_string(id) + " is too large");
  if (id < bytes_of_.size() && !bytes_of_[id].empty()) {
    return Status::InvalidArgument("id " + std::to_string(id) + " given twice");
  }
  if (auto other = Find(bytes)) {
    return Status::InvalidArgument("token with id " + std::to_string(id) +
                                   " repeats the bytes of id " + std::to_string(*other));
  }
  if ((token_count_ + 1) * 2 > token_slots_.size()) GrowTokens();  // load at most 1/2
  const uint64_t hash = XXH3_64bits(bytes.data(), bytes.size());
  const size_t slot = TokenSlotOf(hash, bytes);
  if (id >= bytes_of_.size()) bytes_of_.resize(static_cast<size_t>(id) + 1);
  max_token_bytes_ = std::max(max_token_bytes_, bytes.size());
  bytes_of_[id] = std::move(bytes);
  token_slots_[slot] = {hash, id};
  ++token_count_;
  if (id > max_id_) max_id_ = id;
  return Status::OK();
}

size_t BytePairModel::MergeSlotOf(uint64_t key) const {
  const size_t mask = merge_slots_.size() - 1;
  // Fibonacci hashing: the top bits of the product spread every input bit.
  size_t i = static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> merge_shift_);
  while (merge_slots_[i].key != key && merge_slots_[i].key != kEmptyKey) i = (i + 1) & mask;
  return i;
}

void BytePairModel::GrowMerges() {
  std::vector<MergeSlot> old = std::move(merge_slots_);
  merge_slots_.assign(old.empty() ? 1024 : old.size() * 2, MergeSlot{kEmptyKey, {}});
  merge_shift_ = 64 - std::countr_zero(merge_slots_.size());
  for (const MergeSlot& s : old) {
    if (s.key != kEmptyKey) merge_slots_[MergeSlotOf(s.key)] = s;
  }
}

void BytePairModel::AddMerge(uint32_t left, uint32_t right, uint32_t rank, uint32_t merged) {
  if ((merge_count_ + 1) * 2 > merge_slots_.size()) GrowMerges();  // load at most 1/2
  const uint64_t key = PairKey(left, right);
  MergeSlot& slot = merge_slots_[MergeSlotOf(key)];
  if (slot.key == key) return;  // an earlier rule for the pair wins
  slot = {key, Merge{rank, merged}};
  ++merge_count_;
}

void BytePairModel::AddMergesFromRanks() {
  for (uint32_t id = 0; id < bytes_of_.size(); ++id) {
    const std::string_view b = bytes_of_[id];
    for (size_t cut = 1; cut < b.size(); ++cut) {
      auto left = Find(b.substr(0, cut));
      if (!left) continue;
      auto right = Find(b.substr(cut));
      if (!right) continue;
      AddMerge(*left, *right, id, id);
    }
  }
}

Status BytePairModel::Finalize() {
  for (int b = 0; b < 256; ++b) {
    const char c = static_cast<char>(b);
    auto id = Find(std::string_view(&c, 1));
    if (!id) {
      return Status::InvalidArgument("the vocabulary has no token for byte " + std::to_string(b) +
                                     ", so not every text can be encoded");
    }
    byte_token_[b] = *id;
  }
  return Status::OK();
}

std::optional<uint32_t> BytePairModel::Find(std::string_view bytes) const {
  if (token_slots_.empty()) return std::nullopt;
  const TokenSlot& t = token_slots_[TokenSlotOf(XXH3_64bits(bytes.data(), bytes.size()), bytes)];
  if (t.id == kNoRank) return std::nullopt;
  return t.id;
}

const std::string& BytePairModel::TokenBytes(uint32_t id) const {
  static const std::string kEmpty;
  if (id >= bytes_of_.size()) return kEmpty;
  return bytes_of_[id];
}

const BytePairModel::Merge* BytePairModel::FindMerge(uint32_t left, uint32_t right) const {
  if (merge_slots_.empty()) return nullptr;
  const MergeSlot& slot = merge_slots_[MergeSlotOf(PairKey(left, right))];
  return slot.key == kEmptyKey ? nullptr : &slot.merge;
}

void BytePairModel::EncodePiece(std::string_view piece, bool whole_piece_first,
                                std::vector<uint32_t>* out) const {
  if (piece.empty()) return;
  if (piece.size() == 1) {
    out->push_back(byte_token_[static_cast<unsigned char>(piece[0])]);
    return;
  }
  if (whole_piece_first && piece.size() <= max_token_bytes_) {
    if (auto id = Find(piece)) {
      out->push_back(*id);
      return;
    }
  }
  if (piece.size() <= kShortPiece) {
    EncodeShort(piece, out);
  } else {
    EncodeLong(piece, out);
  }
}

// Short pieces (most words): rescan the pair ranks after each merge, which
// beats a heap for a handful of symbols.
void BytePairModel::EncodeShort(std::string_view piece, std::vector<uint32_t>* out) const {
  // syms[i] is the current token; ranks[i] the rank of merging syms[i] with
  // syms[i + 1]. Each round merges the lowest rank, leftmost first.
  uint32_t syms[kShortPiece], ranks[kShortPiece], merged[kShortPiece];
  size_t n = piece.size();
  for (size_t i = 0; i < n; ++i) syms[i] = byte_token_[static_cast<unsigned char>(piece[i])];
  auto rank_at = [&](size_t i) {
    const Merge* m = FindMerge(syms[i], syms[i + 1]);
    merged[i] = m ? m->merged : 0;
    return m ? m->rank : kNoRank;
  };
  for (size_t i = 0; i + 1 < n; ++i) ranks[i] = rank_at(i);
  while (n > 1) {
    size_t best = 0;
    uint32_t best_rank = kNoRank;
    for (size_t i = 0; i + 1 < n; ++i) {
      if (ranks[i] < best_rank) {
        best_rank = ranks[i];
        best = i;
      }
    }
    if (best_rank == kNoRank) break;
    syms[best] = merged[best];
    for (size_t i = best + 1; i + 1 < n; ++i) {
      syms[i] = syms[i + 1];
      ranks[i] = ranks[i + 1];
      merged[i] = merged[i + 1];
    }
    --n;
    if (best + 1 < n) ranks[best] = rank_at(best);
    if (best > 0) ranks[best - 1] = rank_at(best - 1);
  }
  out->insert(out->end(), syms, syms + n);
}

// Long pieces (CJK sentences, whitespace and symbol runs): a heap of
// candidate merges ordered by (rank, position) over a linked list of
// symbols, O(n log n). Popping the lowest rank, leftmost first, is the same
// order as the rescan above; stale candidates are skipped by checking that
// both symbols are still the ones the candidate was made from.
void BytePairModel::EncodeLong(std::string_view piece, std::vector<uint32_t>* out) const {
  struct Sym {
    uint32_t id;
    int32_t prev, next;
  };
  struct Candidate {
    uint32_t rank;
    int32_t left;  // index of the left symbol: also its position
    uint32_t left_id, right_id, merged;
    bool operator>(const Candidate& o) const {
      return rank != o.rank ? rank > o.rank : left > o.left;
    }
  };
  thread_local std::vector<Sym> syms;
  thread_local std::vector<Candidate> heap;
  const int32_t n = static_cast<int32_t>(piece.size());
  syms.resize(static_cast<size_t>(n));
  heap.clear();
  for (int32_t i = 0; i < n; ++i) {
    syms[i] = {byte_token_[static_cast<unsigned char>(piece[i])], i - 1, i + 1 < n ? i + 1 : -1};
  }
  auto push = [&](int32_t left) {
    const int32_t right = syms[left].next;
    if (right < 0) return;
    const Merge* m = FindMerge(syms[left].id, syms[right].id);
    if (m == nullptr) return;
    heap.push_back({m->rank, left, syms[left].id, syms[right].id, m->merged});
    std::push_heap(heap.begin(), heap.end(), std::greater<>());
  };
  for (int32_t i = 0; i + 1 < n; ++i) push(i);
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), std::greater<>());
    const Candidate c = heap.back();
    heap.pop_back();
    Sym& left = syms[c.left];
    if (left.id != c.left_id || left.next < 0 || syms[left.next].id != c.right_id) continue;
    const int32_t right = left.next;
    left.id = c.merged;
    left.next = syms[right].next;
    if (left.next >= 0) syms[left.next].prev = c.left;
    syms[right].id = kNoRank;  // dead: matches no candidate
    if (left.prev >= 0) push(left.prev);
    push(c.left);
  }
  for (int32_t i = 0; i >= 0; i = syms[i].next) out->push_back(syms[i].id);
}

}  // namespace corpus
