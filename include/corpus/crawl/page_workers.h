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
class PageWorkers {
 public:
  using Apply = std::function<void()>;
  using Work = std::function<Apply()>;

  explicit PageWorkers(int threads);
  ~PageWorkers();

  void Submit(Work work);
  // Runs the apply step of every finished item; with `wait`, first waits
  // until nothing is pending.
  void ApplyFinished(bool wait);
  size_t pending() const { return pending_; }

 private:
  void Loop();

  std::vector<std::thread> threads_;
  std::mutex mu_;
  std::condition_variable work_cv_;
  std::condition_variable done_cv_;
  std::deque<Work> todo_;
  std::deque<Apply> done_;
  size_t pending_ = 0;  // submitted, not yet applied (loop thread only)
  bool stop_ = false;
};

}  // namespace corpus

#endif  // CORPUS_CRAWL_PAGE_WORKERS_H_
