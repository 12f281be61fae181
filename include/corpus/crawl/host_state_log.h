#ifndef CORPUS_CRAWL_HOST_STATE_LOG_H_
#define CORPUS_CRAWL_HOST_STATE_LOG_H_

#include <cstdint>
#include <string>
#include <vector>

#include "corpus/util/status.h"
#include "corpus/util/unique_file.h"

namespace corpus {

// A robots.txt the crawler fetched and may use until it expires (cached
// 24 h).
struct RobotsLogEntry {
  std::string origin;         // "http://example.com:8080"
  int64_t fetched_unix_ms = 0;  // wall clock, so the age survives a restart
  bool allow_all = false;     // 4xx or too many redirects: no rules (RFC 9309 §2.3.1)
  std::string body;           // the file, up to the 500 KiB that are parsed
};

// A host the crawler gave up on, and why (its reject rule).
struct ParkedHostLogEntry {
  std::string host;
  std::string rule;
};

// HostStateLog keeps what the crawler learned about hosts across a resume:
// robots.txt files, so a resumed crawl does not fetch them again within
// their 24 hours, and parked hosts, so it does not knock on them again.
//
// Durability follows the seen set's: entries are appended as JSON lines to
// `host_state.log` in `dir`; Sync() flushes and returns the committed length,
// which the crawl checkpoint stores; Open() with that length drops an
// uncommitted tail and replays the rest. A later entry for the same origin
// or host replaces an earlier one. The log grows by one line per robots.txt
// fetch (one per origin a day) and per parked host. Not thread-safe;
// move-only (it owns its open file).
class HostStateLog {
 public:
  explicit HostStateLog(std::string dir);

  // Opens (or creates) the log, keeping its first `length` bytes (0: start
  // empty), and returns their entries: the last one per origin / host, in
  // the order they were first seen.
  Status Open(uint64_t length, std::vector<RobotsLogEntry>* robots,
              std::vector<ParkedHostLogEntry>* parked);

  void AddRobots(const RobotsLogEntry& e);
  void AddParkedHost(const ParkedHostLogEntry& e);

  // Flushes and fsyncs; `*length` is the length to pass to Open().
  Status Sync(uint64_t* length);
  // First write error (kept, not thrown).
  const Status& status() const { return status_; }

 private:
  void Append(const std::string& line);

  std::string path_;
  UniqueFile file_;
  uint64_t length_ = 0;
  Status status_;
};

}  // namespace corpus

#endif  // CORPUS_CRAWL_HOST_STATE_LOG_H_
