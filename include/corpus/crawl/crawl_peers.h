#ifndef CORPUS_CRAWL_CRAWL_PEERS_H_
#define CORPUS_CRAWL_CRAWL_PEERS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "corpus/crawl/frontier.h"
#include "corpus/crawl/handoff.h"
#include "corpus/crawl/host_partition.h"
#include "corpus/util/status.h"

namespace corpus {

// CrawlPeers is one task's view of a crawl spread over `num_tasks` tasks
// (`corpus crawl --num-tasks N`; README.md, "A crawl over many tasks"). It owns the host partition
// (which task crawls which host), the URL handoff to the other tasks
// (handoff.h) and the status board through which the tasks agree that the
// crawl is over, with nothing but the shared output folder:
//
//   OUT/_crawl/task-0003/          this task's frontier, seen set, host log, checkpoint
//   OUT/_crawl/handoff/to-0003/    batches of URLs for task 3
//   OUT/_crawl/tasks/task-0003     task 3's status: idle, epoch, pages, done, time
//
// Termination (Mattern's double check over the board): a task writes "idle"
// only after a checkpoint, when it has nothing queued, nothing in flight
// and nothing left to publish; it writes "busy" with a new epoch before it
// acts on a batch it read, and deletes a batch only after that. The crawl is
// over when two reads of every task's status, one before and one after a
// scan that finds no unread batch, show every task idle with the same epoch:
// a URL in transit is always in a batch file or held by a task whose status
// says busy or has moved on. Each task decides this for itself and finishes.
//
// A task whose status never appears, or that stops updating it (every task
// rewrites its status every 2 s while it runs), for `peer_timeout_ms` while
// the rest are idle is missing: the others end with an error naming its slice
// (its URLs wait in its inbox), having finished their own hosts; running the
// missing task and the others again completes the crawl.
// Not thread-safe.
class CrawlPeers {
 public:
  struct Options {
    std::string crawl_dir;  // OUT/_crawl
    int task = 0;
    int num_tasks = 1;
    PartitionBy partition_by = PartitionBy::kHost;
    int64_t peer_timeout_ms = 600000;
  };
  enum class End { kNotYet, kDone, kMissing };

  explicit CrawlPeers(Options options);
  CrawlPeers(const CrawlPeers&) = delete;
  CrawlPeers& operator=(const CrawlPeers&) = delete;

  // This task's folders, for the crawler's state and file names.
  std::string StateDir() const;          // OUT/_crawl/task-NNNN
  std::string PartPrefix() const;        // "part-tNNNN-"
  std::string Unit() const;              // "crawl-tNNNN", its _done marker
  std::vector<std::string> AllUnits() const;

  // Creates the folders, writes "busy" with the next epoch. The inbox keeps
  // what other tasks sent before this one started.
  Status Open();

  bool Owns(std::string_view normalized_url) const {
    return partition_.OwnerOfUrl(normalized_url) == options_.task;
  }
  // Queues `entry` (a URL of another task's host) for its owner.
  void HandOver(const FrontierEntry& entry);

  // New URLs for this task, at most every 100 ms (`now` in ms, any clock).
  // When there are some, the status is "busy" (new epoch) before this returns.
  Status Receive(int64_t now, std::vector<FrontierEntry>* entries);
  // Before a checkpoint: publishes queued hand-overs.
  Status BeforeCheckpoint();
  // After the checkpoint is durable: deletes the batches it covers.
  Status AfterCheckpoint() { return handoff_.RemoveRead(); }

  // Writes the status when idleness changes, and every 2 s as a heartbeat;
  // reads the others' page counts then. REQUIRES for idle: a checkpoint
  // since the last change.
  Status Update(int64_t now, bool idle, uint64_t pages);
  // Pages committed by the other tasks, as last read.
  uint64_t others_pages() const { return others_pages_; }
  // REQUIRES: idle written. Checks the board at most every 100 ms (every
  // num_tasks / 16 × 100 ms beyond 16 tasks); on kMissing
  // `*missing` says which tasks and slices.
  End CheckEnd(int64_t now, std::string* missing);
  // The last status of a finished task.
  Status MarkDone(uint64_t pages);

  bool idle() const { return idle_; }
  uint64_t handed_over() const { return handed_over_; }
  uint64_t received() const { return received_; }

 private:
  struct Board {
    bool present = false;
    bool idle = false;
    bool done = false;
    uint64_t epoch = 0;
    uint64_t pages = 0;
    int64_t time_ms = 0;  // wall clock of the write
  };
  std::string StatusPath(int task) const;
  Status WriteStatus();
  std::vector<Board> ReadBoard() const;

  Options options_;
  HostPartition partition_;
  Handoff handoff_;
  bool idle_ = false;
  bool done_ = false;
  uint64_t epoch_ = 0;
  uint64_t pages_ = 0;
  int64_t last_write_ = 0;
  int64_t last_receive_ = INT64_MIN / 2;
  int64_t last_check_ = INT64_MIN / 2;
  int64_t missing_since_ = 0;  // wall ms; 0: nobody missing
  uint64_t others_pages_ = 0;
  uint64_t handed_over_ = 0;
  uint64_t received_ = 0;
};

}  // namespace corpus

#endif  // CORPUS_CRAWL_CRAWL_PEERS_H_
