// libFuzzer target: arbitrary bytes as a WARC archive, through the record
// parser and everything the page path does with a record (HTTP head, body
// decoding, charset decoding). Built with -DCORPUS_BUILD_FUZZERS=ON and clang:
//   ./warc_fuzz -max_total_time=300 corpus_dir/
// The invariants checked: no crash or sanitizer report, bounded output, and
// every decoded page is valid UTF-8.

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#include "corpus/io/byte_stream.h"
#include "corpus/io/http_response.h"
#include "corpus/io/warc_reader.h"
#include "corpus/text/charset.h"
#include "corpus/util/json.h"

namespace {

// The fuzzer's bytes as a plain ByteStream, handed out in small uneven reads
// so record and line boundaries fall across buffer refills.
class MemoryStream : public corpus::ByteStream {
 public:
  MemoryStream(const uint8_t* data, size_t size) : data_(data), size_(size) {}
  size_t Read(char* buf, size_t len) override {
    size_t n = std::min(len, size_ - pos_);
    n = std::min(n, static_cast<size_t>(1 + (pos_ * 7919) % 4093));
    std::memcpy(buf, data_ + pos_, n);
    pos_ += n;
    return n;
  }
  corpus::Status status() const override { return corpus::Status::OK(); }
  uint64_t compressed_offset() const override { return pos_; }
  uint64_t file_size() const override { return size_; }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t pos_ = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  corpus::WarcReader::Options options;
  options.max_block = 1 << 20;
  options.max_header = 64 << 10;
  corpus::WarcReader reader(std::make_unique<MemoryStream>(data, size), "fuzz.warc", options);
  corpus::WarcRecord rec;
  uint64_t held = 0;
  while (reader.Next(&rec)) {
    held += rec.block.size();
    if (rec.oversized != (rec.content_length > options.max_block)) std::abort();
    if (!rec.oversized && rec.block.size() != rec.content_length) std::abort();
    corpus::HttpResponseHead head;
    if (!corpus::ParseHttpResponseHead(rec.block, &head).ok()) continue;
    if (head.body_offset > rec.block.size()) std::abort();
    std::string body;
    const size_t cap = 4 << 20;
    if (!corpus::DecodeHttpBody(head, std::string_view(rec.block).substr(head.body_offset), cap, &body).ok()) {
      continue;
    }
    if (body.size() > cap) std::abort();
    corpus::DecodedHtml html = corpus::DecodeHtmlToUtf8(body, corpus::FindHeader(head.headers, "Content-Type"));
    if (!corpus::IsValidUtf8(html.utf8) || html.charset.empty()) std::abort();
  }
  // Blocks are read from the input, never invented.
  if (held > size) std::abort();
  return 0;
}
