#include "corpus/io/byte_stream.h"

#include <isa-l/igzip_lib.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

namespace corpus {
namespace {

bool EndsWith(const std::string& s, const char* suffix) {
  const size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

// Reads raw file bytes in large blocks.
// Why a compressed input stopped when its file ran out: a read error, a
// `unit` ("zstd frame", "gzip member") cut off at `offset` when one was still
// open, else OK (a clean end).
Status EndOfCompressedInput(bool read_error, bool unit_open, const std::string& path,
                            uint64_t offset, const char* unit) {
  if (read_error) return Status::IOError("read error in " + path);
  if (unit_open) {
    return Status::Corruption(path + ": truncated " + unit + " at byte " + std::to_string(offset));
  }
  return Status::OK();
}

class FileSource {
 public:
  explicit FileSource(FILE* f) : f_(f) {
    std::fseek(f_, 0, SEEK_END);
    size_ = static_cast<uint64_t>(std::ftell(f_));
    std::fseek(f_, 0, SEEK_SET);
  }
  ~FileSource() { std::fclose(f_); }
  size_t Read(char* buf, size_t len) {
    const size_t n = std::fread(buf, 1, len, f_);
    offset_ += n;
    if (n == 0 && std::ferror(f_)) error_ = true;
    return n;
  }
  uint64_t offset() const { return offset_; }
  uint64_t size() const { return size_; }
  bool error() const { return error_; }

 private:
  FILE* f_;
  uint64_t offset_ = 0;
  uint64_t size_ = 0;
  bool error_ = false;
};

class PlainStream : public ByteStream {
 public:
  PlainStream(FILE* f, std::string path) : src_(f), path_(std::move(path)) {}
  size_t Read(char* buf, size_t len) override {
    const size_t n = src_.Read(buf, len);
    if (n == 0 && src_.error()) status_ = Status::IOError("read error in " + path_);
    return n;
  }
  Status status() const override { return status_; }
  uint64_t compressed_offset() const override { return src_.offset(); }
  uint64_t file_size() const override { return src_.size(); }

 private:
  FileSource src_;
  std::string path_;
  Status status_;
};

constexpr size_t kInBufSize = 1 << 17;

class ZstdStream : public ByteStream {
 public:
  ZstdStream(FILE* f, std::string path)
      : src_(f), path_(std::move(path)), in_(kInBufSize), dctx_(ZSTD_createDCtx()) {}
  ~ZstdStream() override { ZSTD_freeDCtx(dctx_); }

  size_t Read(char* buf, size_t len) override {
    if (done_) return 0;
    ZSTD_outBuffer out{buf, len, 0};
    while (out.pos == 0) {
      if (in_pos_ == in_len_) {
        in_len_ = src_.Read(in_.data(), in_.size());
        in_pos_ = 0;
        consumed_base_ = src_.offset() - in_len_;
        if (in_len_ == 0) {
          done_ = true;
          status_ = EndOfCompressedInput(src_.error(), frame_open_, path_, src_.offset(), "zstd frame");
          return 0;
        }
      }
      ZSTD_inBuffer in{in_.data(), in_len_, in_pos_};
      const size_t rc = ZSTD_decompressStream(dctx_, &out, &in);
      in_pos_ = in.pos;
      if (ZSTD_isError(rc)) {
        done_ = true;
        status_ = Status::Corruption(path_ + ": corrupt zstd data near byte " +
                                     std::to_string(consumed_base_ + in_pos_) + " (" +
                                     ZSTD_getErrorName(rc) + ")");
        return out.pos;
      }
      frame_open_ = rc != 0;
    }
    return out.pos;
  }
  Status status() const override { return status_; }
  uint64_t compressed_offset() const override { return consumed_base_ + in_pos_; }
  uint64_t file_size() const override { return src_.size(); }

 private:
  FileSource src_;
  std::string path_;
  std::vector<char> in_;
  size_t in_pos_ = 0;
  size_t in_len_ = 0;
  uint64_t consumed_base_ = 0;
  ZSTD_DCtx* dctx_;
  bool frame_open_ = false;
  bool done_ = false;
  Status status_;
};

// gzip (RFC 1952) files of one or more members, decompressed with ISA-L's
// inflate, which decodes several times faster than zlib's (the WARC
// reader's cost is mostly this; BENCHMARKS.md, "corpus WARC/WET reader").
class GzipStream : public ByteStream {
 public:
  GzipStream(FILE* f, std::string path) : src_(f), path_(std::move(path)), in_(kInBufSize) {
    StartMember();
  }

  size_t Read(char* buf, size_t len) override {
    if (done_) return 0;
    len = std::min<size_t>(len, UINT32_MAX);
    state_.next_out = reinterpret_cast<uint8_t*>(buf);
    state_.avail_out = static_cast<uint32_t>(len);
    while (state_.avail_out == len) {
      if (state_.block_state == ISAL_BLOCK_FINISH) {
        // The member and its trailer are read; another may follow.
        member_open_ = false;
        if (state_.avail_in == 0 && !Refill()) break;
        StartMember();
      }
      if (state_.avail_in == 0 && !Refill()) {
        if (member_open_ && !src_.error()) {
          status_ = Status::Corruption(path_ + ": truncated gzip member at byte " +
                                       std::to_string(src_.offset()));
        }
        break;
      }
      const int rc = isal_inflate(&state_);
      if (rc != ISAL_DECOMP_OK) {
        done_ = true;
        status_ = Status::Corruption(path_ + ": corrupt gzip data near byte " +
                                     std::to_string(compressed_offset()) + " (" + ErrorName(rc) +
                                     ")");
        break;
      }
      member_open_ = true;
    }
    return len - state_.avail_out;
  }
  Status status() const override { return status_; }
  uint64_t compressed_offset() const override {
    return consumed_base_ + (state_.next_in ? static_cast<uint64_t>(
                                                  reinterpret_cast<const char*>(state_.next_in) -
                                                  in_.data())
                                            : 0);
  }
  uint64_t file_size() const override { return src_.size(); }

 private:
  // A fresh inflate state for the next member, keeping the buffers.
  void StartMember() {
    uint8_t* next_in = state_.next_in;
    const uint32_t avail_in = state_.avail_in;
    uint8_t* next_out = state_.next_out;
    const uint32_t avail_out = state_.avail_out;
    isal_inflate_init(&state_);
    state_.crc_flag = ISAL_GZIP;  // parse the header, check CRC-32 and ISIZE
    state_.next_in = next_in;
    state_.avail_in = avail_in;
    state_.next_out = next_out;
    state_.avail_out = avail_out;
  }

  // The next block of the file as input; false at its end (done_ set, and
  // status_ on a read error).
  bool Refill() {
    const size_t n = src_.Read(in_.data(), in_.size());
    consumed_base_ = src_.offset() - n;
    state_.next_in = reinterpret_cast<uint8_t*>(in_.data());
    state_.avail_in = static_cast<uint32_t>(n);
    if (n > 0) return true;
    done_ = true;
    if (src_.error()) status_ = Status::IOError("read error in " + path_);
    return false;
  }

  static const char* ErrorName(int rc) {
    switch (rc) {
      case ISAL_INVALID_BLOCK: return "invalid deflate block";
      case ISAL_INVALID_SYMBOL: return "invalid code";
      case ISAL_INVALID_LOOKBACK: return "invalid distance too far back";
      case ISAL_INVALID_WRAPPER: return "not a gzip header";
      case ISAL_UNSUPPORTED_METHOD: return "unknown compression method";
      case ISAL_INCORRECT_CHECKSUM: return "incorrect data check";
      default: return "inflate error";
    }
  }

  FileSource src_;
  std::string path_;
  std::vector<char> in_;
  inflate_state state_{};
  uint64_t consumed_base_ = 0;
  bool member_open_ = false;
  bool done_ = false;
  Status status_;
};

}  // namespace

Status ByteStream::Open(const std::string& path, std::unique_ptr<ByteStream>* out) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    if (errno == ENOENT) return Status::NotFound("no such file: " + path);
    return Status::IOError("cannot open " + path + ": " + std::strerror(errno));
  }
  if (EndsWith(path, ".zst") || EndsWith(path, ".zstd")) {
    *out = std::make_unique<ZstdStream>(f, path);
  } else if (EndsWith(path, ".gz")) {
    *out = std::make_unique<GzipStream>(f, path);
  } else {
    *out = std::make_unique<PlainStream>(f, path);
  }
  return Status::OK();
}

LineReader::LineReader(std::unique_ptr<ByteStream> stream) : stream_(std::move(stream)) {
  buf_.resize(1 << 20);
}

size_t RefillWindow(ByteStream* stream, std::string* buf, size_t from, size_t* end, size_t min_room) {
  if (from > 0) {
    std::memmove(buf->data(), buf->data() + from, *end - from);
    *end -= from;
  }
  if (buf->size() - *end < min_room) buf->resize(std::max(buf->size() * 2, *end + 2 * min_room));
  const size_t n = stream->Read(buf->data() + *end, buf->size() - *end);
  *end += n;
  return n;
}

bool LineReader::Fill() {
  if (eof_) return false;
  // Move the partial line to the front, grow if the line is longer than the buffer.
  scan_ -= begin_;
  const size_t n = RefillWindow(stream_.get(), &buf_, begin_, &end_, 1);
  begin_ = 0;
  if (n == 0) eof_ = true;
  return n > 0;
}

bool LineReader::Next(std::string_view* line) {
  for (;;) {
    const void* nl = scan_ < end_ ? std::memchr(buf_.data() + scan_, '\n', end_ - scan_) : nullptr;
    if (nl) {
      const size_t pos = static_cast<const char*>(nl) - buf_.data();
      *line = std::string_view(buf_.data() + begin_, pos - begin_);
      bytes_read_ += pos - begin_ + 1;
      begin_ = pos + 1;
      scan_ = begin_;
      ++line_number_;
      return true;
    }
    scan_ = end_;
    if (!Fill()) {
      if (end_ > begin_ && stream_->status().ok()) {
        // Last line without a newline.
        *line = std::string_view(buf_.data() + begin_, end_ - begin_);
        bytes_read_ += end_ - begin_;
        begin_ = end_;
        scan_ = end_;
        ++line_number_;
        return true;
      }
      // A partial line before damage is dropped: it is not a whole record.
      return false;
    }
  }
}

}  // namespace corpus
