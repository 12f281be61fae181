#ifndef CORPUS_CRAWL_HANDOFF_H_
#define CORPUS_CRAWL_HANDOFF_H_

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "corpus/crawl/frontier.h"
#include "corpus/util/status.h"

namespace corpus {

// Handoff carries discovered URLs from the crawl task that found them to the
// task owning their host (README.md, "A crawl over many tasks") through files in the shared output
// folder only, so tasks on different machines need nothing but that folder:
//
//   <dir>/to-0003/b-0001-<run>-<seq>.urls   a batch from task 1 to task 3:
//                                          FrontierEntry lines (frontier.h)
//
// A batch is written whole under a temporary name and renamed into place
// (WriteFileAtomic), so a reader sees all of it or nothing; it is never
// changed after. `<run>` is the sender's start time in ms, so a sender that
// is killed and rerun never reuses a name. The receiver reads new batches
// while it runs and deletes them only after a checkpoint that holds their
// URLs is durable (RemoveRead); killed before that, it reads them again on
// resume, and its seen set drops what it already had. A sender publishes
// before its own checkpoint, so a URL is in the sender's checkpoint only once
// it is in a published batch: a kill loses nothing, at worst sends twice.
// Not thread-safe.
class Handoff {
 public:
  // REQUIRES: 0 <= task < num_tasks.
  Handoff(std::string dir, int task, int num_tasks);
  Handoff(const Handoff&) = delete;
  Handoff& operator=(const Handoff&) = delete;

  // Creates the folders and removes this task's own half-written batches.
  Status Open();
  // Queues `entry` for task `owner` (not this one) until the next Publish().
  void Add(int owner, const FrontierEntry& entry);
  size_t buffered() const { return buffered_; }
  // Writes each task's queued entries as one batch; `*batches` counts them.
  Status Publish(uint64_t* batches);
  // Appends the entries of batches for this task not read yet by this run,
  // in name order; `*batches` counts the files.
  Status Receive(std::vector<FrontierEntry>* entries, size_t* batches);
  // Deletes the batches read so far.
  Status RemoveRead();
  // Published batches not yet deleted by their receiver, per receiving task.
  Status Unread(std::vector<size_t>* per_task) const;

 private:
  std::string Inbox(int task) const;

  std::string dir_;
  int task_;
  int num_tasks_;
  std::string run_;
  uint64_t seq_ = 0;
  std::map<int, std::string> outbox_;  // owner -> serialized lines
  size_t buffered_ = 0;
  std::set<std::string> read_;  // batch names read, not deleted yet
};

}  // namespace corpus

#endif  // CORPUS_CRAWL_HANDOFF_H_
