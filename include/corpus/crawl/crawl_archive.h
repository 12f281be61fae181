#ifndef CORPUS_CRAWL_CRAWL_ARCHIVE_H_
#define CORPUS_CRAWL_CRAWL_ARCHIVE_H_

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
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
//
// Digests, gzip and writes run on a thread of the archive's own, so they
// leave the crawl loop free; Add() waits only when the queue holds more than
// kMaxQueuedBytes. Not thread-safe: Add/Commit/Close are called from the
// crawler's loop thread.
class CrawlArchive {
 public:
  static constexpr size_t kMaxQueuedBytes = size_t{32} << 20;

  // Resumes from `committed_state` (the checkpoint's JSON), or starts anew
  // when it is empty.
  static Status Open(const CrawlConfig& config, std::string_view committed_state,
                     std::unique_ptr<CrawlArchive>* out);
  // Deletes the files of a committed state (the crawl starts over).
  static Status RemoveFiles(std::string_view committed_state);

  // Stops the thread; what is still queued is dropped (uncommitted anyway).
  ~CrawlArchive();
  CrawlArchive(const CrawlArchive&) = delete;
  CrawlArchive& operator=(const CrawlArchive&) = delete;

  // Queues the exchanges of a finished fetch for archiving; takes them out
  // of `result`. An error is that of an earlier write.
  Status Add(FetchResult* result);
  // Waits for everything queued to be written, then flushes; `*state` is
  // the JSON the checkpoint stores.
  Status Commit(std::string* state);
  // Writes what is queued and finishes the open file (end of the crawl).
  Status Close();

 private:
  struct Fetch {
    std::vector<HttpExchange> exchanges;
    std::string truncated;  // WARC-Truncated of the last response, or ""
    size_t bytes = 0;
  };

  explicit CrawlArchive(WarcWriter::Options options);
  void WriterLoop();
  // Waits until the thread has written everything queued; its first error.
  Status Drain();

  WarcWriter writer_;  // used by the thread, or by the loop thread once drained
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Fetch> queue_;
  size_t queued_bytes_ = 0;
  bool writing_ = false;  // the thread holds a Fetch it took off the queue
  bool stop_ = false;
  Status error_;
  std::thread thread_;
};

}  // namespace corpus

#endif  // CORPUS_CRAWL_CRAWL_ARCHIVE_H_
