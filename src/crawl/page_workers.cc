#include "corpus/crawl/page_workers.h"

namespace corpus {

PageWorkers::PageWorkers(int threads) {
  for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { Loop(); });
}

PageWorkers::~PageWorkers() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  work_cv_.notify_all();
  for (auto& t : threads_) t.join();
}

void PageWorkers::Submit(Work work) {
  ++pending_;
  if (threads_.empty()) {
    Apply apply = work();
    std::lock_guard<std::mutex> lock(mu_);
    done_.push_back(std::move(apply));
    return;
  }
  batch_.push_back(std::move(work));
}

void PageWorkers::Flush() {
  if (batch_.empty()) return;
  const size_t n = batch_.size();
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto& w : batch_) todo_.push_back(std::move(w));
  }
  batch_.clear();
  // One item needs one worker; more may keep them all busy.
  if (n == 1) {
    work_cv_.notify_one();
  } else {
    work_cv_.notify_all();
  }
}

void PageWorkers::ApplyFinished(bool wait, const std::function<bool()>& stop) {
  Flush();
  std::deque<Apply> ready;
  {
    std::unique_lock<std::mutex> lock(mu_);
    if (wait) done_cv_.wait(lock, [this] { return done_.size() == pending_; });
    ready.swap(done_);
  }
  while (!ready.empty()) {
    if (stop && stop()) {
      // Back in front of what finished meanwhile, in the order they finished.
      std::lock_guard<std::mutex> lock(mu_);
      for (auto it = ready.rbegin(); it != ready.rend(); ++it) done_.push_front(std::move(*it));
      return;
    }
    Apply apply = std::move(ready.front());
    ready.pop_front();
    apply();
    --pending_;
  }
}

bool PageWorkers::ArmWakeup() {
  std::lock_guard<std::mutex> lock(mu_);
  if (!done_.empty()) return true;
  wake_armed_ = static_cast<bool>(wake_);
  return false;
}

void PageWorkers::DisarmWakeup() {
  std::lock_guard<std::mutex> lock(mu_);
  wake_armed_ = false;
}

void PageWorkers::Loop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    work_cv_.wait(lock, [this] { return stop_ || !todo_.empty(); });
    if (todo_.empty()) return;  // stopping
    Work work = std::move(todo_.front());
    todo_.pop_front();
    lock.unlock();
    Apply apply = work();
    lock.lock();
    done_.push_back(std::move(apply));
    done_cv_.notify_all();
    if (wake_armed_) {
      wake_armed_ = false;
      wake_();
    }
  }
}

}  // namespace corpus
