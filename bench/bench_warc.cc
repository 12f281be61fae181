// WARC reading throughput on one core: a Common Crawl-shaped archive (one
// gzip member per record; request, response, metadata triples; HTML pages of
// ~20 KB, some chunked or gzip content-encoded, some windows-1252) read three
// ways, each a floor for the next:
//   1. ByteStream alone (decompression, what `zcat > /dev/null` does);
//   2. WarcReader (framing and headers);
//   3. OpenRecordSource (page records: HTTP decoding, charset, JSON);
// then the whole command a user runs on it, `corpus cat ARCHIVE > /dev/null`
// (process start, all of the above, JSON Lines out), beside `zcat ARCHIVE >
// /dev/null` in the same run, with their ratio of CPU time.
//
// Usage: bench_warc [total_MB=128] [archive.warc.gz to use instead]

#include <zlib.h>

#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>

#include "bench_proc.h"
#include "bench_util.h"
#include "corpus/io/byte_stream.h"
#include "corpus/io/record_source.h"
#include "corpus/io/warc_reader.h"

namespace {

// CPU time of this (single-threaded) process: on a shared machine it is the
// per-core cost, where wall time would measure the other tenants too.
double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

std::string Gzip(const std::string& data, int level) {
  z_stream zs;
  std::memset(&zs, 0, sizeof(zs));
  deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
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

std::string Record(const std::string& type, const std::string& uri, uint64_t n, const std::string& block,
                   const std::string& content_type) {
  std::string out = "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Date: 2024-05-18T01:58:10Z\r\n" +
                    "WARC-Record-ID: <urn:uuid:" + type + "-" + std::to_string(n) + ">\r\n" +
                    "Content-Length: " + std::to_string(block.size()) + "\r\nContent-Type: " + content_type +
                    "\r\nWARC-Target-URI: " + uri + "\r\n\r\n";
  return out + block + "\r\n\r\n";
}

std::string Page(std::mt19937_64& rng, bool latin1) {
  static const char* kWords[] = {"the", "of", "and", "to", "in", "corpus", "language", "model",
                                 "training", "quality", "research", "university", "information",
                                 "d\xC3\xA9veloppement", "caf\xC3\xA9", "community", "technology"};
  std::string html = "<!doctype html><html><head><title>Page</title>";
  html += "<script>var x = 1; function f() { return x; }</script></head><body><nav>Home | About</nav>";
  while (html.size() < 20000) {
    html += "<p>";
    for (int i = 0; i < 60; ++i) {
      html += kWords[rng() % (sizeof(kWords) / sizeof(kWords[0]))];
      html += ' ';
    }
    html += "</p>\n";
  }
  html += "</body></html>";
  if (latin1) {  // the two-byte é of the word list becomes one windows-1252 byte
    std::string out;
    for (size_t i = 0; i < html.size(); ++i) {
      if (html[i] == '\xC3' && i + 1 < html.size() && html[i + 1] == '\xA9') {
        out += '\xE9';
        ++i;
      } else {
        out += html[i];
      }
    }
    html = out;
  }
  return html;
}

void MakeArchive(const std::string& path, uint64_t target_bytes) {
  std::mt19937_64 rng(42);
  FILE* f = std::fopen(path.c_str(), "wb");
  uint64_t raw = 0;
  for (uint64_t n = 0; raw < target_bytes; ++n) {
    const std::string uri = "https://example.com/page/" + std::to_string(n);
    const bool latin1 = n % 5 == 1;
    std::string body = Page(rng, latin1);
    std::string headers = std::string("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=") +
                          (latin1 ? "iso-8859-1" : "utf-8") + "\r\n";
    if (n % 4 == 2) {  // as wget stores it: content-encoded on the wire
      body = Gzip(body, 6);
      headers += "Content-Encoding: gzip\r\n";
    } else {  // as Common Crawl stores it: decoded, header renamed
      headers += "X-Crawler-Content-Encoding: gzip\r\n";
    }
    const std::string http = headers + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    const std::string recs[] = {
        Record("request", uri, n, "GET / HTTP/1.1\r\nHost: example.com\r\n\r\n", "application/http; msgtype=request"),
        Record("response", uri, n, http, "application/http; msgtype=response"),
        Record("metadata", uri, n, "fetchTimeMs: 120\r\n", "application/warc-fields")};
    for (const std::string& r : recs) {
      raw += r.size();
      const std::string gz = Gzip(r, 1);
      std::fwrite(gz.data(), 1, gz.size(), f);
    }
  }
  std::fclose(f);
}

void Report(const char* what, double secs, uint64_t units, const char* unit, uint64_t raw_bytes, uint64_t file_bytes) {
  std::printf("%-34s %9.0f %s/s  %7.1f MB/s decompressed  %7.1f MB/s on disk  (%.2f s CPU)\n", what, units / secs, unit,
              raw_bytes / secs / 1e6, file_bytes / secs / 1e6, secs);
}

}  // namespace

int main(int argc, char** argv) {
  const uint64_t mb = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 128;
  std::string path;
  if (argc > 2) {
    path = argv[2];
  } else {
    path = (std::filesystem::temp_directory_path() / "corpus-bench-warc.warc.gz").string();
    MakeArchive(path, mb << 20);
  }
  const uint64_t file_bytes = std::filesystem::file_size(path);
  std::printf("archive: %s (%.1f MB on disk), one core, rates per CPU second\n", path.c_str(), file_bytes / 1e6);

  uint64_t raw = 0;
  double bytestream_cpu = 0, source_cpu = 0;
  {
    std::unique_ptr<corpus::ByteStream> s;
    if (!corpus::ByteStream::Open(path, &s).ok()) return 2;
    std::string buf(1 << 20, '\0');
    const double t = CpuSeconds();
    for (size_t n; (n = s->Read(buf.data(), buf.size())) > 0;) raw += n;
    bytestream_cpu = CpuSeconds() - t;
    Report("ByteStream (gunzip only)", bytestream_cpu, raw >> 20, "MiB", raw, file_bytes);
  }
  {
    std::unique_ptr<corpus::ByteStream> s;
    CheckOk(corpus::ByteStream::Open(path, &s));
    corpus::WarcReader reader(std::move(s), path);
    corpus::WarcRecord rec;
    uint64_t records = 0;
    const double t = CpuSeconds();
    while (reader.Next(&rec)) ++records;
    Report("WarcReader (records)", CpuSeconds() - t, records, "rec", raw, file_bytes);
  }
  {
    std::unique_ptr<corpus::RecordSource> src;
    if (!corpus::OpenRecordSource(path, &src).ok()) return 2;
    std::string_view json;
    uint64_t pages = 0, json_bytes = 0;
    const double t = CpuSeconds();
    while (src->Next(&json)) {
      ++pages;
      json_bytes += json.size();
    }
    source_cpu = CpuSeconds() - t;
    Report("OpenRecordSource (page records)", source_cpu, pages, "pages", raw, file_bytes);
    std::printf("page records: %llu, %.1f MB of JSON; status: %s\n", static_cast<unsigned long long>(pages),
                json_bytes / 1e6, src->status().ToString().c_str());
  }
  using corpus_bench::PrintRatio;
  const corpus_bench::ProcResult cat = corpus_bench::RunProcess({corpus_bench::CorpusBinary(), "cat", path});
  corpus_bench::PrintProc("corpus cat ARCHIVE > /dev/null (whole command)", cat, file_bytes / 1e6, "MB on disk");
  if (!corpus_bench::HaveTool("zcat")) {
    corpus_bench::PrintSkipped("zcat not installed");
  } else {
    const corpus_bench::ProcResult z = corpus_bench::RunProcess({"zcat", path});
    corpus_bench::PrintProc("zcat ARCHIVE > /dev/null (reference)", z, file_bytes / 1e6, "MB on disk");
    PrintRatio("warc: ByteStream gunzip (in-process)", bytestream_cpu, "zcat", z.cpu);
    PrintRatio("warc: page records (in-process)", source_cpu, "zcat", z.cpu);
    PrintRatio("warc: corpus cat (whole command)", cat.cpu, "zcat", z.cpu);
  }
  if (argc <= 2) std::filesystem::remove(path);
  return 0;
}
