#ifndef CORPUS_TESTS_TOKENIZE_MEGATRON_INDEX_READER_H_
#define CORPUS_TESTS_TOKENIZE_MEGATRON_INDEX_READER_H_

// Test readers of the token files, written from the formats' documentation:
// Megatron-LM's MMIDIDX index (megatron/core/datasets/indexed_dataset.py,
// _IndexReader) and datatrove's .ds/.index (TokenizedFile).

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "corpus/util/fs.h"

namespace corpus::testing {

struct MegatronIndex {
  uint64_t version = 0;
  uint8_t dtype_code = 0;
  std::vector<int32_t> sequence_lengths;
  std::vector<int64_t> sequence_pointers;
  std::vector<int64_t> document_indices;
};

// Parses an .idx file field by field; false (with `error`) on any mismatch
// or trailing bytes.
inline bool ReadMegatronIndex(const std::string& path, MegatronIndex* idx, std::string* error) {
  std::string b;
  if (!ReadFile(path, &b).ok()) return *error = "unreadable", false;
  size_t pos = 0;
  auto take = [&](void* out, size_t n) {
    if (pos + n > b.size()) return false;
    std::memcpy(out, b.data() + pos, n);  // the test machine is little-endian, like the format
    pos += n;
    return true;
  };
  char magic[9];
  if (!take(magic, 9) || std::memcmp(magic, "MMIDIDX\x00\x00", 9) != 0) return *error = "magic", false;
  uint64_t seq_count = 0, doc_count = 0;
  if (!take(&idx->version, 8) || !take(&idx->dtype_code, 1) || !take(&seq_count, 8) ||
      !take(&doc_count, 8)) {
    return *error = "header", false;
  }
  idx->sequence_lengths.resize(seq_count);
  idx->sequence_pointers.resize(seq_count);
  idx->document_indices.resize(doc_count);
  if (!take(idx->sequence_lengths.data(), 4 * seq_count) ||
      !take(idx->sequence_pointers.data(), 8 * seq_count) ||
      !take(idx->document_indices.data(), 8 * doc_count)) {
    return *error = "arrays", false;
  }
  if (pos != b.size()) return *error = "trailing bytes", false;
  return true;
}

// The documents of a .bin file as its index describes them.
inline std::vector<std::vector<uint32_t>> ReadMegatronDocuments(const std::string& prefix) {
  MegatronIndex idx;
  std::string error, bin;
  std::vector<std::vector<uint32_t>> docs;
  if (!ReadMegatronIndex(prefix + ".idx", &idx, &error) || !ReadFile(prefix + ".bin", &bin).ok()) {
    return docs;
  }
  const size_t item = idx.dtype_code == 8 ? 2 : 4;
  for (size_t d = 0; d + 1 < idx.document_indices.size(); ++d) {
    std::vector<uint32_t> doc;
    for (int64_t s = idx.document_indices[d]; s < idx.document_indices[d + 1]; ++s) {
      for (int32_t t = 0; t < idx.sequence_lengths[s]; ++t) {
        const size_t at = static_cast<size_t>(idx.sequence_pointers[s]) + item * static_cast<size_t>(t);
        uint32_t v = 0;
        std::memcpy(&v, bin.data() + at, item);
        doc.push_back(v);
      }
    }
    docs.push_back(std::move(doc));
  }
  return docs;
}

// The documents of a datatrove .ds file, cut at the ends in its .ds.index.
inline std::vector<std::vector<uint32_t>> ReadDatatroveDocuments(const std::string& ds, size_t token_bytes) {
  std::string tokens, index;
  std::vector<std::vector<uint32_t>> docs;
  if (!ReadFile(ds, &tokens).ok() || !ReadFile(ds + ".index", &index).ok()) return docs;
  uint64_t start = 0;
  for (size_t i = 0; i + 8 <= index.size(); i += 8) {
    uint64_t end;
    std::memcpy(&end, index.data() + i, 8);
    std::vector<uint32_t> doc;
    for (uint64_t t = start; t < end; ++t) {
      uint32_t v = 0;
      std::memcpy(&v, tokens.data() + t * token_bytes, token_bytes);
      doc.push_back(v);
    }
    docs.push_back(std::move(doc));
    start = end;
  }
  return docs;
}

}  // namespace corpus::testing

#endif  // CORPUS_TESTS_TOKENIZE_MEGATRON_INDEX_READER_H_
