#ifndef CORPUS_CRAWL_CRAWL_ARCHIVE_H_
#define CORPUS_CRAWL_CRAWL_ARCHIVE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/crawl/fetcher.h"
#include "corpus/io/warc_writer.h"
#include "corpus/util/status.h"

namespace corpus {

struct CrawlConfig;

// The WARC records of one exchange (WARC 1.1 §6): a `request` record and a
// `response` record pointing at each other with WARC-Concurrent-To, or a
// `revisit` record (profile server-not-modified, §6.7.2) in place of the
// response when a conditional request got 304. Both carry WARC-Target-URI,
// WARC-IP-Address and WARC-Block-Digest; a response also the
// WARC-Payload-Digest of its entity body (the body without its chunked
// transfer coding, still in its content coding: §5.9 defers to RFC 2616's
// entity-body). `truncated` is the WARC-Truncated reason (§5.13) for a
// response cut short, or "".
std::vector<WarcOutRecord> ExchangeRecords(const HttpExchange& exchange, std::string_view truncated);

// CrawlArchive is `corpus crawl --warc DIR`: every fetch, robots.txt and
// sitemaps included, archived as WARC records in rotating files, committed
// with the crawl's checkpoints (see WarcWriter), so a killed and resumed
// crawl archives each fetch of its committed state once.
// Not thread-safe; used from the crawler's loop thread.
class CrawlArchive {
 public:
  // Resumes from `committed_state` (the checkpoint's JSON), or starts anew
  // when it is empty.
  static Status Open(const CrawlConfig& config, std::string_view committed_state,
                     std::unique_ptr<CrawlArchive>* out);
  // Deletes the files of a committed state (the crawl starts over).
  static Status RemoveFiles(std::string_view committed_state);

  CrawlArchive(const CrawlArchive&) = delete;
  CrawlArchive& operator=(const CrawlArchive&) = delete;

  // Archives the exchanges of a finished fetch and releases their memory.
  Status Add(FetchResult* result);
  // Flushes; `*state` is the JSON the checkpoint stores.
  Status Commit(std::string* state);
  // Finishes the open file (end of the crawl).
  Status Close() { return writer_.Close(); }

  uint64_t records() const { return writer_.records_written(); }

 private:
  explicit CrawlArchive(WarcWriter::Options options) : writer_(std::move(options)) {}

  WarcWriter writer_;
};

}  // namespace corpus

#endif  // CORPUS_CRAWL_CRAWL_ARCHIVE_H_
