#include "corpus/tokenize/byte_pair_model.h"

#include <limits>

namespace corpus {
namespace {

constexpr uint32_t kNoRank = std::numeric_limits<uint32_t>::max();

uint64_t PairKey(uint32_t left, uint32_t right) {
  return (static_cast<uint64_t>(left) << 32) | right;
}

}  // namespace

Status BytePairModel::AddToken(std::string bytes, uint32_t id) {
  if (bytes.empty()) return Status::InvalidArgument("empty token for id " + std::to_string(id));
  if (id < bytes_of_.size() && bytes_of_[id] != nullptr) {
    return Status::InvalidArgument("id " + std::to_string(id) + " given twice");
  }
  auto [it, inserted] = ids_.emplace(std::move(bytes), id);
  if (!inserted) {
    return Status::InvalidArgument("token with id " + std::to_string(id) +
                                   " repeats the bytes of id " + std::to_string(it->second));
  }
  if (id >= bytes_of_.size()) bytes_of_.resize(static_cast<size_t>(id) + 1, nullptr);
  bytes_of_[id] = &it->first;
  if (id > max_id_) max_id_ = id;
  return Status::OK();
}

void BytePairModel::AddMerge(uint32_t left, uint32_t right, uint32_t rank, uint32_t merged) {
  merges_.emplace(PairKey(left, right), Merge{rank, merged});
}

void BytePairModel::AddMergesFromRanks() {
  merges_.reserve(ids_.size() * 2);
  for (const auto& [bytes, id] : ids_) {
    const std::string_view b = bytes;
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
  auto it = ids_.find(bytes);
  if (it == ids_.end()) return std::nullopt;
  return it->second;
}

const std::string& BytePairModel::TokenBytes(uint32_t id) const {
  static const std::string kEmpty;
  if (id >= bytes_of_.size() || bytes_of_[id] == nullptr) return kEmpty;
  return *bytes_of_[id];
}

const BytePairModel::Merge* BytePairModel::FindMerge(uint32_t left, uint32_t right) const {
  auto it = merges_.find(PairKey(left, right));
  return it == merges_.end() ? nullptr : &it->second;
}

void BytePairModel::EncodePiece(std::string_view piece, bool whole_piece_first,
                                std::vector<uint32_t>* out) const {
  if (piece.empty()) return;
  if (piece.size() == 1) {
    out->push_back(byte_token_[static_cast<unsigned char>(piece[0])]);
    return;
  }
  if (whole_piece_first) {
    if (auto id = Find(piece)) {
      out->push_back(*id);
      return;
    }
  }
  // syms[i] is the current token; ranks[i] the rank of merging syms[i] with
  // syms[i + 1]. Each round merges the lowest rank, leftmost first.
  thread_local std::vector<uint32_t> syms;
  thread_local std::vector<uint32_t> ranks;
  thread_local std::vector<uint32_t> merged;
  syms.clear();
  ranks.clear();
  merged.clear();
  for (char c : piece) syms.push_back(byte_token_[static_cast<unsigned char>(c)]);
  auto rank_at = [&](size_t i, uint32_t* into) {
    const Merge* m = FindMerge(syms[i], syms[i + 1]);
    *into = m ? m->merged : 0;
    return m ? m->rank : kNoRank;
  };
  ranks.resize(syms.size() - 1);
  merged.resize(syms.size() - 1);
  for (size_t i = 0; i + 1 < syms.size(); ++i) ranks[i] = rank_at(i, &merged[i]);
  while (syms.size() > 1) {
    size_t best = 0;
    uint32_t best_rank = kNoRank;
    for (size_t i = 0; i < ranks.size(); ++i) {
      if (ranks[i] < best_rank) {
        best_rank = ranks[i];
        best = i;
      }
    }
    if (best_rank == kNoRank) break;
    syms[best] = merged[best];
    syms.erase(syms.begin() + static_cast<std::ptrdiff_t>(best) + 1);
    ranks.erase(ranks.begin() + static_cast<std::ptrdiff_t>(best));
    merged.erase(merged.begin() + static_cast<std::ptrdiff_t>(best));
    if (best < ranks.size()) ranks[best] = rank_at(best, &merged[best]);
    if (best > 0) ranks[best - 1] = rank_at(best - 1, &merged[best - 1]);
  }
  out->insert(out->end(), syms.begin(), syms.end());
}

}  // namespace corpus
