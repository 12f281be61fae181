#ifndef CORPUS_DEDUP_EXTERNAL_SORTER_H_
#define CORPUS_DEDUP_EXTERNAL_SORTER_H_

#include <algorithm>
#include <memory>
#include <queue>
#include <string>
#include <vector>

#include "corpus/dedup/work_files.h"
#include "corpus/util/status.h"

namespace corpus::dedup {

// ExternalSorter sorts more fixed-size items (T with operator<) than fit in
// memory: items are buffered up to `max_items`, each full buffer is sorted
// and written as a run file `<run_prefix>.run-N`, and Next() merges the runs
// (k-way, one buffered reader per run). Small inputs never touch the disk.
//
// Contract: Add() all items, Finish() once, then Next() until false; check
// status() afterwards. Run files are removed on destruction. Not thread-safe.
template <typename T>
class ExternalSorter {
 public:
  ExternalSorter(std::string run_prefix, size_t max_items)
      : prefix_(std::move(run_prefix)), max_items_(std::max<size_t>(max_items, 1024)) {}
  ~ExternalSorter() {
    readers_.clear();
    for (const auto& r : runs_) RemoveTree(r).IgnoreError();  // best effort
  }

  Status Add(const T& item) {
    buf_.push_back(item);
    if (buf_.size() >= max_items_) return Spill();
    return Status::OK();
  }

  Status Finish() {
    std::sort(buf_.begin(), buf_.end());
    if (runs_.empty()) return Status::OK();
    if (!buf_.empty()) CORPUS_RETURN_IF_ERROR(Spill());
    for (size_t i = 0; i < runs_.size(); ++i) {
      auto r = std::make_unique<RecordFileReader<T>>();
      CORPUS_RETURN_IF_ERROR(r->Open(runs_[i]));
      T item;
      if (r->Next(&item)) heap_.push({item, i});
      readers_.push_back(std::move(r));
    }
    return Status::OK();
  }

  bool Next(T* item) {
    if (runs_.empty()) {
      if (pos_ >= buf_.size()) return false;
      *item = buf_[pos_++];
      return true;
    }
    if (heap_.empty()) return false;
    const Head top = heap_.top();
    heap_.pop();
    *item = top.item;
    T next;
    if (readers_[top.run]->Next(&next)) heap_.push({next, top.run});
    else if (!readers_[top.run]->status().ok()) status_ = readers_[top.run]->status();
    return true;
  }

  const Status& status() const { return status_; }
  size_t runs() const { return runs_.size(); }

 private:
  struct Head {
    T item;
    size_t run;
    // Min-heap on the item; equal items come out in run order (stable).
    bool operator<(const Head& o) const {
      if (o.item < item) return true;
      if (item < o.item) return false;
      return run > o.run;
    }
  };

  Status Spill() {
    std::sort(buf_.begin(), buf_.end());
    const std::string path = prefix_ + ".run-" + std::to_string(runs_.size());
    RawFileWriter w(path);
    CORPUS_RETURN_IF_ERROR(w.Append(buf_.data(), buf_.size() * sizeof(T)));
    CORPUS_RETURN_IF_ERROR(w.Commit());
    runs_.push_back(path);
    buf_.clear();
    return Status::OK();
  }

  std::string prefix_;
  size_t max_items_;
  std::vector<T> buf_;
  size_t pos_ = 0;
  std::vector<std::string> runs_;
  std::vector<std::unique_ptr<RecordFileReader<T>>> readers_;
  std::priority_queue<Head> heap_;
  Status status_;
};

}  // namespace corpus::dedup

#endif  // CORPUS_DEDUP_EXTERNAL_SORTER_H_
