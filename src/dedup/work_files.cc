#include "corpus/dedup/work_files.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "corpus/util/fs.h"

namespace corpus::dedup {

RawFileWriter::RawFileWriter(std::string path) : path_(std::move(path)), tmp_(path_ + ".tmp") {
  file_ = std::fopen(tmp_.c_str(), "wb");
  if (!file_) error_ = Status::IOError("cannot create " + tmp_ + ": " + std::strerror(errno));
}

RawFileWriter::~RawFileWriter() {
  if (file_) std::fclose(file_);
  if (!committed_) ::unlink(tmp_.c_str());
}

Status RawFileWriter::Append(const void* data, size_t len) {
  if (!error_.ok()) return error_;
  if (len && std::fwrite(data, 1, len, file_) != len) {
    error_ = Status::IOError("cannot write " + tmp_ + ": " + std::strerror(errno));
  }
  bytes_ += len;
  return error_;
}

Status RawFileWriter::Commit() {
  if (committed_) return Status::OK();
  if (!error_.ok()) return error_;
  const bool flushed = std::fflush(file_) == 0;
  const bool closed = std::fclose(file_) == 0;
  file_ = nullptr;
  if (!flushed || !closed) return Status::IOError("cannot write " + tmp_);
  // Work files are made durable by the phase's `_done` marker written after
  // them; a crash before the marker redoes the unit, so no fsync here.
  if (std::rename(tmp_.c_str(), path_.c_str()) != 0) {
    return Status::IOError("cannot rename " + tmp_ + ": " + std::strerror(errno));
  }
  committed_ = true;
  return Status::OK();
}

RandomAccessFile::~RandomAccessFile() {
  if (fd_ >= 0) ::close(fd_);
}

Status RandomAccessFile::Open(const std::string& path) {
  path_ = path;
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) return Status::IOError("cannot open " + path + ": " + std::strerror(errno));
  return Status::OK();
}

Status RandomAccessFile::Read(uint64_t offset, size_t len, void* out) const {
  char* p = static_cast<char*>(out);
  while (len > 0) {
    const ssize_t n = ::pread(fd_, p, len, static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return Status::Corruption("short read at " + std::to_string(offset) + " in " + path_);
    p += n;
    len -= static_cast<size_t>(n);
    offset += static_cast<uint64_t>(n);
  }
  return Status::OK();
}

Status RemoveTree(const std::string& path) {
  std::error_code ec;
  std::filesystem::remove_all(path, ec);
  if (ec) return Status::IOError("cannot remove " + path + ": " + ec.message());
  return Status::OK();
}

}  // namespace corpus::dedup
