#ifndef CORPUS_STAGE_PROGRESS_H_
#define CORPUS_STAGE_PROGRESS_H_

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace corpus {

// Progress reports a stage's advance: a live bar on stderr when it is a
// terminal, a log line every 10 s otherwise, nothing when disabled. Workers
// bump the atomic counters; a background thread draws.
class Progress {
 public:
  Progress(std::string label, bool enabled, uint64_t total_bytes, uint64_t total_units);
  ~Progress();

  std::atomic<uint64_t> records{0};
  std::atomic<uint64_t> bytes{0};  // input bytes consumed (on disk)
  std::atomic<uint64_t> units_done{0};
  // Optional extra text ("queue 1234, hosts 12").
  void SetDetail(std::function<std::string()> detail);

  void Stop();

 private:
  void Loop();
  std::string Line(double elapsed) const;

  std::string label_;
  bool enabled_;
  bool tty_;
  uint64_t total_bytes_;
  uint64_t total_units_;
  std::function<std::string()> detail_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace corpus

#endif  // CORPUS_STAGE_PROGRESS_H_
