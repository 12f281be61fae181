#include "corpus/stage/progress.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "corpus/util/byte_size.h"

namespace corpus {
namespace {

std::string Human(double v) { return FormatScaled(v, {"%.1fG", "%.1fM", "%.1fk", "%.0f"}); }

}  // namespace

Progress::Progress(std::string label, bool enabled, uint64_t total_bytes, uint64_t total_units)
    : label_(std::move(label)),
      enabled_(enabled),
      tty_(::isatty(STDERR_FILENO) != 0),
      total_bytes_(total_bytes),
      total_units_(total_units) {
  if (enabled_) thread_ = std::thread([this] { Loop(); });
}

Progress::~Progress() { Stop(); }

void Progress::SetDetail(std::function<std::string()> detail) {
  std::lock_guard<std::mutex> lock(mu_);
  detail_ = std::move(detail);
}

void Progress::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stop_) return;
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

std::string Progress::Line(double elapsed) const {
  const double recs = static_cast<double>(records.load());
  const double b = static_cast<double>(bytes.load());
  char buf[256];
  std::string eta = "?";
  if (total_bytes_ > 0 && b > 0 && elapsed > 0) {
    const double rate = b / elapsed;
    const double left = (static_cast<double>(total_bytes_) - b) / rate;
    if (left >= 0) {
      char e[32];
      std::snprintf(e, sizeof(e), "%d:%02d", static_cast<int>(left) / 60, static_cast<int>(left) % 60);
      eta = e;
    }
  }
  const double pct = total_bytes_ ? 100.0 * b / static_cast<double>(total_bytes_) : 0.0;
  std::snprintf(buf, sizeof(buf), "[%s] %5.1f%%  %llu/%llu inputs  %s records (%s/s)  %sB/s  ETA %s",
                label_.c_str(), pct, static_cast<unsigned long long>(units_done.load()),
                static_cast<unsigned long long>(total_units_), Human(recs).c_str(),
                Human(elapsed > 0 ? recs / elapsed : 0).c_str(),
                Human(elapsed > 0 ? b / elapsed : 0).c_str(), eta.c_str());
  std::string line = buf;
  return line;
}

void Progress::Loop() {
  const auto start = std::chrono::steady_clock::now();
  const auto period = tty_ ? std::chrono::milliseconds(250) : std::chrono::milliseconds(10000);
  std::unique_lock<std::mutex> lock(mu_);
  while (!stop_) {
    cv_.wait_for(lock, period, [this] { return stop_; });
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::string line = Line(elapsed);
    if (detail_) line += "  " + detail_();
    if (tty_) {
      std::fprintf(stderr, "\r\033[K%s", line.c_str());
      if (stop_) std::fprintf(stderr, "\n");
      std::fflush(stderr);
    } else if (!stop_) {
      spdlog::info("{}", line);
    }
  }
}

}  // namespace corpus
