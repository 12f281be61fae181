#ifndef CORPUS_TESTS_IO_WARC_TEST_UTIL_H_
#define CORPUS_TESTS_IO_WARC_TEST_UTIL_H_

#include <zlib.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

namespace corpus::testing {

// Builders for small WARC archives, so the reader's tests need no files
// from outside the repository.

// One gzip member holding `data` (as Common Crawl writes one per record).
inline std::string GzipMember(const std::string& data) {
  z_stream zs;
  std::memset(&zs, 0, sizeof(zs));
  deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

// A whole WARC record: version line, the fields given plus Content-Length,
// the block, and the CRLF CRLF that ends every record.
inline std::string WarcRecordBytes(const std::vector<std::pair<std::string, std::string>>& fields,
                                   const std::string& block, const std::string& version = "WARC/1.1") {
  std::string out = version + "\r\n";
  for (const auto& [k, v] : fields) out += k + ": " + v + "\r\n";
  out += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  out += block;
  out += "\r\n\r\n";
  return out;
}

// An HTTP response message as a WARC `response` block holds it.
inline std::string HttpMessage(int status, const std::vector<std::pair<std::string, std::string>>& headers,
                               const std::string& body) {
  std::string out = "HTTP/1.1 " + std::to_string(status) + " X\r\n";
  for (const auto& [k, v] : headers) out += k + ": " + v + "\r\n";
  return out + "\r\n" + body;
}

inline std::string ResponseRecord(const std::string& id, const std::string& uri, const std::string& http) {
  return WarcRecordBytes({{"WARC-Type", "response"},
                          {"WARC-Record-ID", id},
                          {"WARC-Date", "2024-05-18T01:58:10Z"},
                          {"WARC-Target-URI", uri},
                          {"Content-Type", "application/http; msgtype=response"}},
                         http);
}

inline void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// The shared real archives (../shared/data/warc), or "" when absent.
inline std::string SharedWarcPath(const std::string& name) {
  const std::string path = std::string(CORPUS_SOURCE_DIR) + "/../shared/data/warc/" + name;
  std::ifstream f(path);
  return f.good() ? path : "";
}

}  // namespace corpus::testing

#endif  // CORPUS_TESTS_IO_WARC_TEST_UTIL_H_
