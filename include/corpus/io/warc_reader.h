#ifndef CORPUS_IO_WARC_READER_H_
#define CORPUS_IO_WARC_READER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "corpus/io/byte_stream.h"
#include "corpus/io/header_fields.h"
#include "corpus/util/status.h"

namespace corpus {

// One record of a WARC file (ISO 28500; WARC 1.0 and 1.1): the version line,
// the named fields of its header, and its block of Content-Length bytes.
struct WarcRecord {
  std::string version;  // "WARC/1.0", "WARC/1.1"
  HeaderFields headers;
  std::string block;            // empty when `oversized`
  uint64_t content_length = 0;  // declared (and, unless damaged, actual) block size
  bool oversized = false;       // block over WarcReader::Options::max_block: skipped unread
  uint64_t offset = 0;          // the record's first byte in the decompressed stream

  std::string_view Header(std::string_view name) const { return FindHeader(headers, name); }
  std::string_view type() const { return Header("WARC-Type"); }
};

// WarcReader streams the records of a WARC archive, one at a time, from a
// ByteStream (plain, or gzip with any number of members: Common Crawl writes
// one member per record, and the framing here is Content-Length in the
// decompressed bytes, so member boundaries need not be known).
//
// Contract: Next() returns each whole record in order and false at the end.
// Memory is bounded by one record: a block larger than max_block is skipped
// without being held (oversized = true), a header larger than max_header is
// damage. On damage (bytes that are not a record header, a missing or bad
// Content-Length, a record cut short, or a decompression error) Next()
// returns false and status() is kCorruption with the byte offset; every
// record before the damage has been returned.
class WarcReader {
 public:
  struct Options {
    uint64_t max_block = uint64_t{64} << 20;
    size_t max_header = size_t{1} << 20;
  };

  // `name` is used in messages (usually the file's path).
  WarcReader(std::unique_ptr<ByteStream> stream, std::string name, Options options);
  WarcReader(std::unique_ptr<ByteStream> stream, std::string name)
      : WarcReader(std::move(stream), std::move(name), Options()) {}

  bool Next(WarcRecord* record);
  Status status() const { return status_; }
  // Records returned so far.
  uint64_t records() const { return records_; }
  const ByteStream& stream() const { return *stream_; }

 private:
  // Makes at least `n` unread bytes available unless the stream ends first.
  bool Fill(size_t n);
  enum class LineResult { kLine, kEnd, kTooLong };
  // Reads one line (without CRLF or LF) into `line`, valid until the next
  // read. kEnd: the input ended before a line end; kTooLong: over max_len.
  LineResult ReadLine(std::string_view* line, size_t max_len);
  bool ReadBlock(uint64_t n, std::string* out);
  bool SkipBytes(uint64_t n);
  bool Fail(const std::string& what, uint64_t offset);
  uint64_t position() const { return consumed_ + pos_; }

  std::unique_ptr<ByteStream> stream_;
  std::string name_;
  Options options_;
  std::string buf_;
  size_t pos_ = 0;          // next unread byte in buf_
  size_t end_ = 0;          // end of valid bytes in buf_
  uint64_t consumed_ = 0;   // decompressed bytes before buf_[0]
  bool eof_ = false;
  bool done_ = false;
  uint64_t records_ = 0;
  Status status_;
};

}  // namespace corpus

#endif  // CORPUS_IO_WARC_READER_H_
