#ifndef CORPUS_CRAWL_PAGE_WORKERS_H_
#define CORPUS_CRAWL_PAGE_WORKERS_H_

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace corpus {

// PageWorkers runs the CPU-heavy part of handling a fetched page (charset
// decoding, the HTML parse for links, JSON escaping) on `threads` threads,
// so the crawl loop only schedules and applies results. Work items are
// closures producing a closure: the first half runs on a worker, the second
// ("apply") on the loop thread via ApplyFinished(), which keeps every change
// to the frontier and the output on one thread. With 0 threads work runs
// inline in Submit().
//
// Submitted items are handed to the workers in batches, by Flush() (which
// ApplyFinished() calls first): one lock and one wake-up per batch, not per
// page. A worker woken for every page preempts the loop thread on its core
// (the scheduler favours the thread that just woke), and the loop then waits
// to run again while its connections sit idle (BENCHMARKS.md, "nginx site
// beside wget2").
//
// Thread-compatible: every public method is called from one thread (the
// crawl loop's); the workers are internal. The wake-up callback runs on a
// worker thread.
class PageWorkers {
 public:
  using Apply = std::function<void()>;
  using Work = std::function<Apply()>;

  explicit PageWorkers(int threads);
  ~PageWorkers();

  PageWorkers(const PageWorkers&) = delete;
  PageWorkers& operator=(const PageWorkers&) = delete;

  // Queues `work`; it starts at the next Flush() (at once with 0 threads).
  void Submit(Work work);
  // Hands the items submitted since the last Flush() to the workers.
  void Flush();
  // Flushes, then runs the apply step of every finished item; with `wait`,
  // first waits until nothing is pending. When `stop` is given, it is asked
  // before each item, and the items left when it says true stay finished for
  // a later call (the crawl closes a full part between two applies, so a part
  // never holds more than its record limit).
  void ApplyFinished(bool wait, const std::function<bool()>& stop = nullptr);
  // Submitted and not yet applied, queued or running or finished.
  size_t pending() const { return pending_; }

  // For a loop that sleeps elsewhere (in curl's poll) while it waits for a
  // page to finish: after ArmWakeup(), the next item to finish calls `wake`
  // once, on its worker. ArmWakeup() returns true, and arms nothing, when a
  // finished item already waits to be applied. REQUIRES: `wake` is
  // thread-safe and set before the workers finish anything.
  void SetWakeup(std::function<void()> wake) { wake_ = std::move(wake); }
  bool ArmWakeup();
  void DisarmWakeup();

 private:
  void Loop();

  std::vector<std::thread> threads_;
  std::mutex mu_;
  std::condition_variable work_cv_;
  std::condition_variable done_cv_;
  std::deque<Work> todo_;
  std::vector<Work> batch_;  // submitted, not yet flushed (loop thread only)
  std::deque<Apply> done_;
  size_t pending_ = 0;  // submitted, not yet applied (loop thread only)
  std::function<void()> wake_;
  bool wake_armed_ = false;  // guarded by mu_
  bool stop_ = false;
};

}  // namespace corpus

#endif  // CORPUS_CRAWL_PAGE_WORKERS_H_
