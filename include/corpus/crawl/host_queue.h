#ifndef CORPUS_CRAWL_HOST_QUEUE_H_
#define CORPUS_CRAWL_HOST_QUEUE_H_

#include <cstdint>
#include <deque>
#include <functional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "corpus/crawl/frontier.h"

namespace corpus {

// HostQueues is the in-memory side of the frontier and the politeness policy
// ("per-host queues so one slow host never starves the others;
// per-host concurrency and delay"). Each host has its own FIFO; a host is
// ready when it has work, fewer than `max_active` requests in flight, is not
// blocked (waiting for its robots.txt) and its delay has passed since the end
// of its last response. Ready hosts are served earliest-eligible first, so a
// slow host only ever delays itself.
//
// Times are milliseconds on a monotonic clock, supplied by the caller (tests
// drive it by hand). Not thread-safe.
class HostQueues {
 public:
  HostQueues(int max_active_per_host, int64_t default_delay_ms);

  // Queues `entry` under `host` (at the front for retries and redirects).
  void Push(const std::string& host, FrontierEntry entry, bool front = false);

  // A host whose turn it is at `now`, with its next entry popped into
  // `entry`; the request counts as active until Finish(). False if none.
  bool PopReady(int64_t now, std::string* host, FrontierEntry* entry);
  // Puts an entry taken by PopReady back without having used the host.
  void Unpop(const std::string& host, FrontierEntry entry);
  // Marks the start of a request to `host` that did not come from PopReady
  // (robots.txt).
  void StartExtra(const std::string& host);
  // An entry taken by PopReady was handled without a request (rejected):
  // the host is free again at once.
  void Release(const std::string& host);
  // A request to `host` ended at `now`: the next may start after the delay.
  void Finish(const std::string& host, int64_t now);

  // Block or unblock a host (waiting for robots.txt).
  void SetBlocked(const std::string& host, bool blocked);
  // No request to `host` before `time` (Retry-After, robots retry).
  void DelayUntil(const std::string& host, int64_t time);
  // The host's delay between requests (Crawl-delay raises it).
  void SetDelay(const std::string& host, int64_t delay_ms);
  // Removes and returns everything queued for `host` (a parked host).
  std::vector<FrontierEntry> Drain(const std::string& host);

  // Earliest time a host may become ready; INT64_MAX if none is waiting.
  int64_t NextWakeup() const;
  size_t queued() const { return queued_; }
  size_t QueuedFor(const std::string& host) const;
  size_t hosts() const { return hosts_.size(); }
  size_t active_hosts() const { return active_hosts_; }
  // Calls `fn` on every queued entry (checkpoints).
  void ForEach(const std::function<void(const FrontierEntry&)>& fn) const;
  // Forgets idle hosts whose delay has passed, to bound memory.
  void Collect(int64_t now);

 private:
  struct Host {
    std::deque<FrontierEntry> queue;
    int active = 0;
    bool blocked = false;
    int64_t next_time = 0;  // earliest next start
    int64_t delay_ms = -1;  // -1: the default
    int64_t scheduled = -1; // key in ready_, -1 if absent
  };
  Host& Get(const std::string& host);
  void Reschedule(const std::string& host, Host& h);

  int max_active_;
  int64_t default_delay_ms_;
  std::unordered_map<std::string, Host> hosts_;
  std::set<std::pair<int64_t, std::string>> ready_;  // (eligible time, host)
  size_t queued_ = 0;
  size_t active_hosts_ = 0;
};

}  // namespace corpus

#endif  // CORPUS_CRAWL_HOST_QUEUE_H_
