#ifndef CORPUS_DEDUP_WORK_FILES_H_
#define CORPUS_DEDUP_WORK_FILES_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "corpus/util/status.h"

namespace corpus::dedup {

// The binary files the dedup phases exchange (docs/ARCHITECTURE.md, "Output folders": "phases over
// partitioned files on disk"). All are arrays of fixed-size little-endian
// structs, so they can be sorted externally and read at an offset.
//
// A document is named by a 64-bit key: its store (an index generation, or an
// input file in sorted input order) in the top 24 bits, its ordinal within
// the store in the low 40. Keys therefore do not depend on threads or tasks.

constexpr int kOrdinalBits = 40;
inline uint64_t MakeKey(uint64_t store, uint64_t ordinal) { return (store << kOrdinalBits) | ordinal; }
inline uint64_t StoreOf(uint64_t key) { return key >> kOrdinalBits; }
inline uint64_t OrdinalOf(uint64_t key) { return key & ((uint64_t{1} << kOrdinalBits) - 1); }

// Pseudo-band numbers for the exact groups and the line counts that share
// the partitioned band files with the MinHash bands.
constexpr uint32_t kTextBand = 0xFFFF0001u;  // hash of the normalised text
constexpr uint32_t kUrlBand = 0xFFFF0002u;   // hash of the normalised URL
constexpr uint32_t kLineBand = 0xFFFF0003u;  // hash of one distinct line

// One document in one LSH bucket. `key` holds the ordinal only in the
// signature files; the pairs phase turns it into a full key.
struct BandEntry {
  uint64_t hash;
  uint64_t key;
  uint32_t band;
  uint32_t pad = 0;
  bool operator<(const BandEntry& o) const {
    if (band != o.band) return band < o.band;
    if (hash != o.hash) return hash < o.hash;
    return key < o.key;
  }
};

// What the cluster phase needs to know about a document, one per ordinal.
struct DocEntry {
  int64_t fetched_at;    // seconds since the epoch; meaningful if kHasFetchedAt
  uint64_t url_hash;
  uint64_t text_hash;    // of the normalised text
  uint64_t id_hash;      // checks that apply sees the same input
  uint64_t id_offset;    // into ids.bin
  uint32_t id_len;
  uint32_t text_bytes;   // of the original text, for "longest text"
  uint32_t flags;
  uint32_t pad = 0;
};
constexpr uint32_t kHasText = 1;        // non-empty "text" string
constexpr uint32_t kHasSignature = 2;   // at least one word after normalisation
constexpr uint32_t kHasUrl = 4;
constexpr uint32_t kHasFetchedAt = 8;

// A candidate pair, a < b, that survived verification.
enum PairKind : uint32_t { kPairUrl = 0, kPairText = 1, kPairNear = 2 };
struct PairEntry {
  uint64_t a;
  uint64_t b;
  uint32_t kind;
  float similarity;
  bool operator<(const PairEntry& o) const {
    if (a != o.a) return a < o.a;
    if (b != o.b) return b < o.b;
    return kind < o.kind;
  }
};

// Writes an array of T to `path` through `path.tmp`; Commit() renames it.
// Destroyed without Commit(), the temporary file is removed.
class RawFileWriter {
 public:
  explicit RawFileWriter(std::string path);
  ~RawFileWriter();
  RawFileWriter(const RawFileWriter&) = delete;
  RawFileWriter& operator=(const RawFileWriter&) = delete;
  Status Append(const void* data, size_t len);
  template <typename T>
  Status Put(const T& item) { return Append(&item, sizeof(T)); }
  uint64_t bytes() const { return bytes_; }
  Status Commit();

 private:
  std::string path_;
  std::string tmp_;
  FILE* file_ = nullptr;
  Status error_;
  uint64_t bytes_ = 0;
  bool committed_ = false;
};

// Reads an array of T sequentially with a buffer.
// Thread-safety: not thread-safe; owns an open file, so it cannot be copied.
template <typename T>
class RecordFileReader {
 public:
  RecordFileReader() = default;
  ~RecordFileReader() { if (file_) std::fclose(file_); }
  RecordFileReader(const RecordFileReader&) = delete;
  RecordFileReader& operator=(const RecordFileReader&) = delete;

  Status Open(const std::string& path) {
    path_ = path;
    file_ = std::fopen(path.c_str(), "rb");
    if (!file_) return Status::IOError("cannot open " + path);
    buf_.resize(4096);
    return Status::OK();
  }
  // False at the end; check status() for a torn file.
  bool Next(T* item) {
    if (pos_ == len_) {
      len_ = std::fread(buf_.data(), sizeof(T), buf_.size(), file_);
      pos_ = 0;
      if (len_ == 0) {
        if (std::ftell(file_) % static_cast<long>(sizeof(T)) != 0) {
          status_ = Status::Corruption("torn work file " + path_);
        }
        return false;
      }
    }
    *item = buf_[pos_++];
    return true;
  }
  const Status& status() const { return status_; }

 private:
  std::string path_;
  FILE* file_ = nullptr;
  std::vector<T> buf_;
  size_t pos_ = 0, len_ = 0;
  Status status_;
};

// Reads `len` bytes at `offset` of a file kept open for random access.
// Thread-safety: Read() is safe from many threads at once (pread); Open() is
// not. Owns a file descriptor, so it cannot be copied.
class RandomAccessFile {
 public:
  RandomAccessFile() = default;
  ~RandomAccessFile();
  RandomAccessFile(const RandomAccessFile&) = delete;
  RandomAccessFile& operator=(const RandomAccessFile&) = delete;
  Status Open(const std::string& path);
  Status Read(uint64_t offset, size_t len, void* out) const;

 private:
  std::string path_;
  int fd_ = -1;
};

// Removes a file or folder tree if present (work files of a redone unit).
Status RemoveTree(const std::string& path);

}  // namespace corpus::dedup

#endif  // CORPUS_DEDUP_WORK_FILES_H_
