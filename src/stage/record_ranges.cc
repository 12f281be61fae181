// Splitting one input into record ranges handled in parallel, with results
// committed in input order (docs/ARCHITECTURE.md, "Scale": one big input
// uses every thread, with output identical for any thread count).

#include "corpus/stage/record_ranges.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "corpus/stage/signals.h"

namespace corpus {

Status ParseInputRecord(std::string_view line, bool requires_id, Record* record) {
  CORPUS_RETURN_IF_ERROR(record->Parse(line));
  if (!requires_id) return Status::OK();
  const std::optional<std::string_view> id = record->GetRaw("id");
  if (!id) return Status::Corruption("missing id");
  if (id->empty() || id->front() != '"') return Status::Corruption("id is not a string");
  return Status::OK();
}

namespace {

// Reads the next range of `source` into *range; false when the source has
// no more records.
class RangeReader {
 public:
  RangeReader(RecordSource& source, size_t range_bytes, Progress* progress)
      : source_(source), range_bytes_(range_bytes), progress_(progress) {}

  Status Next(RecordRange* range, bool* got) {
    range->index = next_index_;
    range->text.clear();
    range->ends.clear();
    range->positions.clear();
    std::string_view line;
    while (range->text.size() < range_bytes_) {
      if (StopRequested()) return Status::Aborted("stopped by signal");
      if (!source_.Next(&line)) break;
      range->text.append(line);
      range->ends.push_back(range->text.size());
      range->positions.push_back(source_.position());
      if (progress_) {
        progress_->records.fetch_add(1, std::memory_order_relaxed);
        const uint64_t off = source_.file_offset();
        progress_->bytes.fetch_add(off - last_offset_, std::memory_order_relaxed);
        last_offset_ = off;
      }
    }
    *got = !range->ends.empty();
    if (*got) {
      ++next_index_;
    } else if (progress_ && source_.file_size() > last_offset_) {
      progress_->bytes.fetch_add(source_.file_size() - last_offset_, std::memory_order_relaxed);
      last_offset_ = source_.file_size();
    }
    return Status::OK();
  }

 private:
  RecordSource& source_;
  const size_t range_bytes_;
  Progress* progress_;
  uint64_t next_index_ = 0;
  uint64_t last_offset_ = 0;
};

Status RunInline(RangeReader& reader, RangeJob& job) {
  RecordRange range;
  for (;;) {
    bool got = false;
    CORPUS_RETURN_IF_ERROR(reader.Next(&range, &got));
    if (!got) return Status::OK();
    std::unique_ptr<RangeResult> result;
    CORPUS_RETURN_IF_ERROR(job.Process(range, &result));
    CORPUS_RETURN_IF_ERROR(job.Commit(range, std::move(result)));
  }
}

// The ranges read but not yet committed, and the workers that process them.
// The reader (the caller's thread) appends; a worker that finishes the
// oldest range commits every finished range at the front, so commits happen
// in order and one at a time.
class RangePipeline {
 public:
  RangePipeline(RangeJob& job, size_t max_in_flight) : job_(job), max_in_flight_(max_in_flight) {}

  // Blocks while the window is full; false after an error.
  bool Add(std::unique_ptr<RecordRange> range) {
    std::unique_lock<std::mutex> lock(mu_);
    room_.wait(lock, [&] { return window_.size() < max_in_flight_ || !error_.ok(); });
    if (!error_.ok()) return false;
    auto slot = std::make_unique<Slot>();
    slot->range = std::move(range);
    pending_.push_back(slot.get());
    window_.push_back(std::move(slot));
    work_.notify_one();
    return true;
  }

  void CloseInput() {
    std::lock_guard<std::mutex> lock(mu_);
    input_closed_ = true;
    work_.notify_all();
  }

  void Fail(const Status& st) {
    std::lock_guard<std::mutex> lock(mu_);
    FailLocked(st);
  }

  void Worker() {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      work_.wait(lock, [&] { return !pending_.empty() || input_closed_ || !error_.ok(); });
      if (!error_.ok() || pending_.empty()) return;
      Slot* slot = pending_.front();
      pending_.pop_front();
      lock.unlock();
      Status st = job_.Process(*slot->range, &slot->result);
      lock.lock();
      if (!st.ok()) {
        FailLocked(st);
        return;
      }
      slot->processed = true;
      if (!committing_) CommitReady(lock);
    }
  }

  Status status() {
    std::lock_guard<std::mutex> lock(mu_);
    return error_;
  }

 private:
  struct Slot {
    std::unique_ptr<RecordRange> range;
    std::unique_ptr<RangeResult> result;
    bool processed = false;
  };

  // REQUIRES: mu_ held through `lock`, no other thread committing.
  void CommitReady(std::unique_lock<std::mutex>& lock) {
    committing_ = true;
    while (!window_.empty() && window_.front()->processed && error_.ok()) {
      std::unique_ptr<Slot> slot = std::move(window_.front());
      window_.pop_front();
      room_.notify_one();
      lock.unlock();
      const Status st = job_.Commit(*slot->range, std::move(slot->result));
      slot.reset();
      lock.lock();
      if (!st.ok()) FailLocked(st);
    }
    committing_ = false;
  }

  void FailLocked(const Status& st) {
    if (error_.ok()) error_ = st;
    work_.notify_all();
    room_.notify_all();
  }

  RangeJob& job_;
  const size_t max_in_flight_;
  std::mutex mu_;
  std::condition_variable work_;  // a range to process, or the end
  std::condition_variable room_;  // the window has room, or an error
  std::deque<std::unique_ptr<Slot>> window_;  // read, not committed, in order
  std::deque<Slot*> pending_;                 // read, not yet taken by a worker
  bool input_closed_ = false;
  bool committing_ = false;
  Status error_;
};

}  // namespace

Status RunRecordRanges(RecordSource& source, const RangeOptions& opts, RangeJob& job,
                       Progress* progress) {
  RangeReader reader(source, std::max<size_t>(1, opts.range_bytes), progress);
  if (opts.threads <= 1) return RunInline(reader, job);

  const int threads = opts.threads;
  RangePipeline pipeline(job, 2 * static_cast<size_t>(threads));
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) workers.emplace_back([&] { pipeline.Worker(); });
  for (;;) {
    auto range = std::make_unique<RecordRange>();
    bool got = false;
    const Status st = reader.Next(range.get(), &got);
    if (!st.ok()) {
      pipeline.Fail(st);
      break;
    }
    if (!got || !pipeline.Add(std::move(range))) break;
  }
  pipeline.CloseInput();
  for (auto& w : workers) w.join();
  return pipeline.status();
}

}  // namespace corpus
