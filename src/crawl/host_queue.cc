#include "corpus/crawl/host_queue.h"

#include <algorithm>
#include <climits>

namespace corpus {

HostQueues::HostQueues(int max_active_per_host, int64_t default_delay_ms)
    : max_active_(std::max(1, max_active_per_host)), default_delay_ms_(default_delay_ms) {}

HostQueues::Host& HostQueues::Get(const std::string& host) { return hosts_[host]; }

void HostQueues::Reschedule(const std::string& host, Host& h) {
  if (h.scheduled >= 0) {
    ready_.erase({h.scheduled, host});
    h.scheduled = -1;
  }
  if (!h.queue.empty() && h.active < max_active_ && !h.blocked) {
    h.scheduled = h.next_time;
    ready_.insert({h.scheduled, host});
  }
}

void HostQueues::Push(const std::string& host, FrontierEntry entry, bool front) {
  Host& h = Get(host);
  if (front) {
    h.queue.push_front(std::move(entry));
  } else {
    h.queue.push_back(std::move(entry));
  }
  ++queued_;
  Reschedule(host, h);
}

bool HostQueues::PopReady(int64_t now, std::string* host, FrontierEntry* entry) {
  if (ready_.empty() || ready_.begin()->first > now) return false;
  *host = ready_.begin()->second;
  Host& h = hosts_[*host];
  *entry = std::move(h.queue.front());
  h.queue.pop_front();
  --queued_;
  if (h.active++ == 0) ++active_hosts_;
  Reschedule(*host, h);
  return true;
}

void HostQueues::Unpop(const std::string& host, FrontierEntry entry) {
  Host& h = Get(host);
  if (--h.active == 0) --active_hosts_;
  h.queue.push_front(std::move(entry));
  ++queued_;
  Reschedule(host, h);
}

void HostQueues::StartExtra(const std::string& host) {
  Host& h = Get(host);
  if (h.active++ == 0) ++active_hosts_;
  Reschedule(host, h);
}

void HostQueues::Release(const std::string& host) {
  Host& h = Get(host);
  if (h.active > 0 && --h.active == 0) --active_hosts_;
  Reschedule(host, h);
}

void HostQueues::Finish(const std::string& host, int64_t now) {
  Host& h = Get(host);
  if (h.active > 0 && --h.active == 0) --active_hosts_;
  const int64_t delay = h.delay_ms >= 0 ? h.delay_ms : default_delay_ms_;
  // The ms clock truncates, so `now` may be up to 1 ms early: a delay gets
  // that millisecond added, so the gap is never short. Without a delay the
  // next request may go at once.
  h.next_time = std::max(h.next_time, delay > 0 ? now + delay + 1 : now);
  Reschedule(host, h);
}

void HostQueues::SetBlocked(const std::string& host, bool blocked) {
  Host& h = Get(host);
  h.blocked = blocked;
  Reschedule(host, h);
}

void HostQueues::DelayUntil(const std::string& host, int64_t time) {
  Host& h = Get(host);
  h.next_time = std::max(h.next_time, time);
  Reschedule(host, h);
}

void HostQueues::SetDelay(const std::string& host, int64_t delay_ms) { Get(host).delay_ms = delay_ms; }

std::vector<FrontierEntry> HostQueues::Drain(const std::string& host) {
  std::vector<FrontierEntry> out;
  auto it = hosts_.find(host);
  if (it == hosts_.end()) return out;
  Host& h = it->second;
  out.assign(std::make_move_iterator(h.queue.begin()), std::make_move_iterator(h.queue.end()));
  h.queue.clear();
  queued_ -= out.size();
  Reschedule(host, h);
  return out;
}

int64_t HostQueues::NextWakeup() const {
  return ready_.empty() ? INT64_MAX : ready_.begin()->first;
}

size_t HostQueues::QueuedFor(const std::string& host) const {
  auto it = hosts_.find(host);
  return it == hosts_.end() ? 0 : it->second.queue.size();
}

void HostQueues::ForEach(const std::function<void(const FrontierEntry&)>& fn) const {
  for (const auto& [name, h] : hosts_) {
    for (const auto& e : h.queue) fn(e);
  }
}

void HostQueues::Collect(int64_t now) {
  for (auto it = hosts_.begin(); it != hosts_.end();) {
    const Host& h = it->second;
    if (h.queue.empty() && h.active == 0 && !h.blocked && h.next_time <= now && h.delay_ms < 0) {
      it = hosts_.erase(it);
    } else {
      ++it;
    }
  }
}

}  // namespace corpus
