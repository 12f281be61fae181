#include "corpus/io/shard_writer.h"

#include <sys/stat.h>
#include <unistd.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <vector>

#include "corpus/util/fs.h"

namespace corpus {
namespace {
// Short records are gathered before they go to the compressor (one call per
// 256 KiB); longer ones (a crawled page) go to it as they are, without the
// copy into `pending_`.
constexpr size_t kPendingFlush = 1 << 18;
constexpr size_t kDirectRecord = 4096;

bool IsZstdPath(const std::string& path) {
  return path.size() >= 4 && path.compare(path.size() - 4, 4, ".zst") == 0;
}

// One compression context per thread, reused across calls.
struct CCtxDeleter {
  void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
};
}  // namespace

Status EncodeShardLines(const std::string& path, std::string_view lines, int zstd_level,
                        std::string* encoded) {
  if (!IsZstdPath(path)) {
    encoded->assign(lines);
    return Status::OK();
  }
  thread_local std::unique_ptr<ZSTD_CCtx, CCtxDeleter> cctx(ZSTD_createCCtx());
  ZSTD_CCtx_reset(cctx.get(), ZSTD_reset_session_and_parameters);
  ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_compressionLevel, zstd_level);
  ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_checksumFlag, 1);
  encoded->resize(ZSTD_compressBound(lines.size()));
  const size_t n = ZSTD_compress2(cctx.get(), encoded->data(), encoded->size(), lines.data(), lines.size());
  if (ZSTD_isError(n)) return Status::Internal(std::string("zstd: ") + ZSTD_getErrorName(n));
  encoded->resize(n);
  return Status::OK();
}

ShardWriter::ShardWriter(std::string path, int zstd_level, bool create_empty)
    : path_(std::move(path)),
      tmp_path_(path_ + ".tmp"),
      level_(zstd_level),
      compress_(IsZstdPath(path_)),
      create_empty_(create_empty) {}

ShardWriter::~ShardWriter() {
  if (!finished_) Abandon();
  if (cctx_) ZSTD_freeCCtx(cctx_);
}

Status ShardWriter::Open() {
  if (file_) return Status::OK();
  file_ = std::fopen(tmp_path_.c_str(), "wb");
  if (!file_) {
    error_ = Status::IOError("cannot create " + tmp_path_ + ": " + std::strerror(errno));
    return error_;
  }
  StartCompressor();
  return Status::OK();
}

void ShardWriter::StartCompressor() {
  if (!compress_) return;
  cctx_ = ZSTD_createCCtx();
  ZSTD_CCtx_setParameter(cctx_, ZSTD_c_compressionLevel, level_);
  ZSTD_CCtx_setParameter(cctx_, ZSTD_c_checksumFlag, 1);
  if (compression_workers_ > 0) {
    // A libzstd built without threads refuses: it then compresses inline.
    ZSTD_CCtx_setParameter(cctx_, ZSTD_c_nbWorkers, compression_workers_);
  }
  out_buf_.resize(ZSTD_CStreamOutSize());
}

Status ShardWriter::EndFrameDurably(bool close_frame) {
  Status st;
  if (close_frame) st = Compress(pending_.data(), pending_.size(), true);
  pending_.clear();
  if (st.ok() && std::fflush(file_) != 0) {
    st = Status::IOError("cannot flush " + tmp_path_ + ": " + std::strerror(errno));
  }
  if (st.ok() && ::fsync(fileno(file_)) != 0) {
    st = Status::IOError("cannot sync " + tmp_path_ + ": " + std::strerror(errno));
  }
  return st;
}

Status ShardWriter::Sync() {
  if (!error_.ok()) return error_;
  if (!file_ || finished_) return Status::OK();
  // ZSTD_e_end closes the frame; the next write starts a new one, and a
  // reader decodes the concatenated frames as one stream.
  Status st = EndFrameDurably(/*close_frame=*/true);
  if (!st.ok()) error_ = st;
  return st;
}

Status ShardWriter::ResumeFrom(uint64_t file_bytes, uint64_t records, uint64_t uncompressed_bytes) {
  if (file_ || finished_ || stats_.records != 0) {
    return Status::Internal("ResumeFrom on a writer in use: " + path_);
  }
  struct stat st;
  if (::stat(tmp_path_.c_str(), &st) != 0 || static_cast<uint64_t>(st.st_size) < file_bytes) {
    error_ = Status::Corruption(tmp_path_ + " is missing or shorter than its checkpoint (" +
                                std::to_string(file_bytes) + " bytes)");
    return error_;
  }
  if (::truncate(tmp_path_.c_str(), static_cast<off_t>(file_bytes)) != 0) {
    error_ = Status::IOError("cannot truncate " + tmp_path_ + ": " + std::strerror(errno));
    return error_;
  }
  file_ = std::fopen(tmp_path_.c_str(), "r+b");
  if (!file_) {
    error_ = Status::IOError("cannot open " + tmp_path_ + ": " + std::strerror(errno));
    return error_;
  }
  std::vector<char> buf(1 << 16);
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), file_)) > 0) sha_.Update(buf.data(), n);
  if (std::fseek(file_, 0, SEEK_END) != 0) {
    error_ = Status::IOError("cannot seek " + tmp_path_ + ": " + std::strerror(errno));
    return error_;
  }
  StartCompressor();
  stats_.records = records;
  stats_.uncompressed_bytes = uncompressed_bytes;
  stats_.file_bytes = file_bytes;
  return Status::OK();
}

Status ShardWriter::WriteOut(const char* data, size_t len) {
  if (len == 0) return Status::OK();
  if (std::fwrite(data, 1, len, file_) != len) {
    error_ = Status::IOError("cannot write " + tmp_path_ + ": " + std::strerror(errno));
    return error_;
  }
  sha_.Update(data, len);
  stats_.file_bytes += len;
  return Status::OK();
}

void ShardWriter::set_compression_workers(int workers) { compression_workers_ = workers; }

Status ShardWriter::Compress(const char* data, size_t len, bool end) {
  if (!compress_) return WriteOut(data, len);
  if (len == 0 && !end) return Status::OK();
  ZSTD_inBuffer in{data, len, 0};
  const ZSTD_EndDirective mode = end ? ZSTD_e_end : ZSTD_e_continue;
  for (;;) {
    ZSTD_outBuffer out{out_buf_.data(), out_buf_.size(), 0};
    const size_t rc = ZSTD_compressStream2(cctx_, &out, &in, mode);
    if (ZSTD_isError(rc)) {
      error_ = Status::Internal(std::string("zstd: ") + ZSTD_getErrorName(rc));
      return error_;
    }
    CORPUS_RETURN_IF_ERROR(WriteOut(out_buf_.data(), out.pos));
    if (end ? rc == 0 : in.pos == in.size) break;
  }
  if (end) frame_open_ = false;
  return Status::OK();
}

Status ShardWriter::Write(std::string_view line) {
  if (!error_.ok()) return error_;
  if (finished_) return Status::Internal("write after finish: " + path_);
  CORPUS_RETURN_IF_ERROR(Open());
  frame_open_ = true;
  stats_.records++;
  stats_.uncompressed_bytes += line.size() + 1;
  if (line.size() >= kDirectRecord && compress_) {
    // zstd keeps its own window of the input: what is gathered so far, then
    // the record itself, go in without another copy.
    CORPUS_RETURN_IF_ERROR(Compress(pending_.data(), pending_.size(), false));
    pending_.clear();
    CORPUS_RETURN_IF_ERROR(Compress(line.data(), line.size(), false));
    pending_.push_back('\n');
    return Status::OK();
  }
  pending_.append(line);
  pending_.push_back('\n');
  if (pending_.size() >= kPendingFlush) {
    CORPUS_RETURN_IF_ERROR(Compress(pending_.data(), pending_.size(), false));
    pending_.clear();
  }
  return Status::OK();
}

Status ShardWriter::WriteEncoded(std::string_view encoded, uint64_t records,
                                 uint64_t uncompressed_bytes) {
  if (!error_.ok()) return error_;
  if (finished_) return Status::Internal("write after finish: " + path_);
  if (records == 0) return Status::OK();
  CORPUS_RETURN_IF_ERROR(Open());
  encoded_written_ = true;
  if (!pending_.empty() || frame_open_) {
    // Close the frame of earlier Write() lines so the encoded frame follows a whole one.
    CORPUS_RETURN_IF_ERROR(Compress(pending_.data(), pending_.size(), true));
    pending_.clear();
  }
  CORPUS_RETURN_IF_ERROR(WriteOut(encoded.data(), encoded.size()));
  stats_.records += records;
  stats_.uncompressed_bytes += uncompressed_bytes;
  return Status::OK();
}

Status ShardWriter::Finish() {
  if (finished_) return error_;
  if (!error_.ok()) {
    Abandon();
    return error_;
  }
  if (!file_ && !create_empty_) {
    finished_ = true;
    return Status::OK();
  }
  CORPUS_RETURN_IF_ERROR(Open());
  // A file of encoded frames only ends with its last frame, not an empty one.
  Status st = EndFrameDurably(/*close_frame=*/!encoded_written_ || frame_open_);
  if (std::fclose(file_) != 0 && st.ok()) {
    st = Status::IOError("cannot close " + tmp_path_ + ": " + std::strerror(errno));
  }
  file_ = nullptr;
  if (st.ok()) st = RenameDurable(tmp_path_, path_);
  if (!st.ok()) {
    ::unlink(tmp_path_.c_str());
    error_ = st;
    finished_ = true;
    return st;
  }
  stats_.sha256 = sha_.HexDigest();
  finished_ = true;
  finished_with_file_ = true;
  return Status::OK();
}

void ShardWriter::Detach() {
  if (file_) {
    std::fclose(file_);
    file_ = nullptr;
  }
  finished_ = true;
}

void ShardWriter::Abandon() {
  if (file_) {
    std::fclose(file_);
    file_ = nullptr;
    ::unlink(tmp_path_.c_str());
  }
  finished_ = true;
}

}  // namespace corpus
