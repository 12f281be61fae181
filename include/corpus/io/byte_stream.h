#ifndef CORPUS_IO_BYTE_STREAM_H_
#define CORPUS_IO_BYTE_STREAM_H_

#include <cstdint>
#include <memory>
#include <string>

#include "corpus/util/status.h"

namespace corpus {

// ByteStream reads a file's decompressed bytes in chunks, choosing the codec
// from the file name: ".zst" (zstd, any number of frames), ".gz" (gzip, any
// number of members, as Common Crawl writes one per record), else plain.
//
// Contract: Read() returns the next chunk of decompressed bytes, 0 at the end.
// When the file is truncated or corrupt, every byte before the damage is
// returned first, then Read() returns 0 and status() is kCorruption with the
// compressed byte offset where decoding failed.
class ByteStream {
 public:
  virtual ~ByteStream() = default;
  virtual size_t Read(char* buf, size_t len) = 0;
  virtual Status status() const = 0;
  // Compressed bytes consumed so far (the position in the file).
  virtual uint64_t compressed_offset() const = 0;
  // Total size of the file on disk.
  virtual uint64_t file_size() const = 0;

  static Status Open(const std::string& path, std::unique_ptr<ByteStream>* out);
};

// For readers that keep a window of a stream in `buf`: moves the unread
// bytes buf[from, *end) to the front, makes at least `min_room` bytes of room
// behind them (growing `buf` to twice its size, or more when that is not
// enough), and reads once from `stream` into the room. Updates *end and
// returns the bytes read: 0 at the end of the stream or on an error
// (stream->status() tells which). The unread bytes now start at 0.
// REQUIRES: from <= *end <= buf->size(); min_room > 0.
size_t RefillWindow(ByteStream* stream, std::string* buf, size_t from, size_t* end, size_t min_room);

// LineReader splits a ByteStream into lines of any length (a 50 MB HTML page
// is one line). Lines are returned without the trailing '\n'.
class LineReader {
 public:
  explicit LineReader(std::unique_ptr<ByteStream> stream);

  // Returns false at the end of input (or at the damage; check status()).
  // `line` stays valid until the next call.
  bool Next(std::string_view* line);
  uint64_t line_number() const { return line_number_; }
  Status status() const { return stream_->status(); }
  const ByteStream& stream() const { return *stream_; }
  // Decompressed bytes returned so far.
  uint64_t bytes_read() const { return bytes_read_; }

 private:
  bool Fill();

  std::unique_ptr<ByteStream> stream_;
  std::string buf_;
  size_t begin_ = 0;
  size_t end_ = 0;
  size_t scan_ = 0;
  bool eof_ = false;
  uint64_t line_number_ = 0;
  uint64_t bytes_read_ = 0;
};

}  // namespace corpus

#endif  // CORPUS_IO_BYTE_STREAM_H_
