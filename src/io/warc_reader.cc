#include "corpus/io/warc_reader.h"

#include <algorithm>
#include <cstring>

namespace corpus {
namespace {

constexpr size_t kChunk = 256 * 1024;
// The version line is short ("WARC/1.1"); anything longer is not a record.
constexpr size_t kMaxVersionLine = 64;

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Content-Length: decimal digits only (WARC 1.1 §5.3).
bool ParseLength(std::string_view s, uint64_t* out) {
  if (s.empty() || s.size() > 18) return false;
  uint64_t n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + static_cast<uint64_t>(c - '0');
  }
  *out = n;
  return true;
}

}  // namespace

WarcReader::WarcReader(std::unique_ptr<ByteStream> stream, std::string name, Options options)
    : stream_(std::move(stream)), name_(std::move(name)), options_(options) {
  buf_.resize(kChunk);
}

bool WarcReader::Fill(size_t n) {
  while (end_ - pos_ < n) {
    if (eof_) return false;
    consumed_ += pos_;
    const size_t got = RefillWindow(stream_.get(), &buf_, pos_, &end_, kChunk / 2);
    pos_ = 0;
    if (got == 0) {
      eof_ = true;
      return false;
    }
  }
  return true;
}

WarcReader::LineResult WarcReader::ReadLine(std::string_view* line, size_t max_len) {
  size_t scanned = 0;  // bytes already searched for '\n'
  for (;;) {
    const char* base = buf_.data() + pos_;
    const void* nl = std::memchr(base + scanned, '\n', end_ - pos_ - scanned);
    if (nl != nullptr) {
      size_t len = static_cast<const char*>(nl) - base;
      if (len > max_len + 1) return LineResult::kTooLong;
      pos_ += len + 1;
      if (len > 0 && base[len - 1] == '\r') --len;
      *line = std::string_view(base, len);
      return len <= max_len ? LineResult::kLine : LineResult::kTooLong;
    }
    scanned = end_ - pos_;
    if (scanned > max_len + 1) return LineResult::kTooLong;
    if (!Fill(scanned + 1)) return LineResult::kEnd;
  }
}

bool WarcReader::ReadBlock(uint64_t n, std::string* out) {
  out->resize(n);
  const size_t buffered = static_cast<size_t>(std::min<uint64_t>(n, end_ - pos_));
  std::memcpy(out->data(), buf_.data() + pos_, buffered);
  pos_ += buffered;
  if (buffered == n) return true;
  // The rest goes straight from the stream into the block: no second copy.
  consumed_ += end_;
  pos_ = end_ = 0;
  size_t have = buffered;
  while (have < n) {
    const size_t got = stream_->Read(out->data() + have, n - have);
    if (got == 0) {
      eof_ = true;
      out->resize(have);
      return false;
    }
    have += got;
    consumed_ += got;
  }
  return true;
}

bool WarcReader::SkipBytes(uint64_t n) {
  while (n > 0) {
    if (pos_ == end_ && !Fill(1)) return false;
    const size_t step = static_cast<size_t>(std::min<uint64_t>(n, end_ - pos_));
    pos_ += step;
    n -= step;
  }
  return true;
}

bool WarcReader::Fail(const std::string& what, uint64_t offset) {
  done_ = true;
  if (!stream_->status().ok()) {
    // The stream's own damage (a corrupt gzip member) cut the record short;
    // its message carries the offset in the file.
    status_ = stream_->status();
    return false;
  }
  std::string where = " at byte " + std::to_string(offset);
  if (EndsWith(name_, ".gz")) {
    where = " at decompressed byte " + std::to_string(offset) + " (input read to file byte " +
            std::to_string(stream_->compressed_offset()) + ")";
  }
  status_ = Status::Corruption(name_ + ": " + what + where);
  return false;
}

bool WarcReader::Next(WarcRecord* record) {
  if (done_) return false;
  // Blank lines separate records (each block is followed by CRLF CRLF; some
  // writers add more, or stray spaces), so they are skipped until the
  // version line.
  std::string_view line;
  uint64_t start = 0;
  for (;;) {
    start = position();
    const LineResult r = ReadLine(&line, kMaxVersionLine);
    if (r == LineResult::kEnd) {
      const std::string_view rest(buf_.data() + pos_, end_ - pos_);
      if (rest.find_first_not_of(" \t\r") == std::string_view::npos && stream_->status().ok()) {
        done_ = true;  // the input ended between records
        return false;
      }
      return Fail("record cut short", start);
    }
    if (r == LineResult::kTooLong) return Fail("expected a WARC record (\"WARC/1.x\" line)", start);
    if (line.find_first_not_of(" \t") != std::string_view::npos) break;
  }
  if (line.size() < 6 || line.substr(0, 5) != "WARC/") {
    return Fail("expected a WARC record (\"WARC/1.x\" line)", start);
  }
  record->version = std::string(line);
  record->offset = start;
  record->oversized = false;
  record->block.clear();

  std::string head;
  for (;;) {
    const size_t budget = options_.max_header - std::min(options_.max_header, head.size());
    const LineResult r = ReadLine(&line, budget);
    if (r == LineResult::kEnd) return Fail("record header cut short", start);
    if (r == LineResult::kTooLong) {
      return Fail("record header longer than " + std::to_string(options_.max_header) + " bytes", start);
    }
    if (line.empty()) break;
    head.append(line);
    head.push_back('\n');
  }
  ParseHeaderFields(head, &record->headers);
  if (!ParseLength(record->Header("Content-Length"), &record->content_length)) {
    return Fail("missing or bad Content-Length in record", start);
  }
  if (record->content_length > options_.max_block) {
    record->oversized = true;
    if (!SkipBytes(record->content_length)) return Fail("record block cut short", start);
  } else if (!ReadBlock(record->content_length, &record->block)) {
    return Fail("record block cut short", start);
  }
  ++records_;
  return true;
}

}  // namespace corpus
