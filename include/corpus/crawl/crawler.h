#ifndef CORPUS_CRAWL_CRAWLER_H_
#define CORPUS_CRAWL_CRAWLER_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "corpus/crawl/checkpoint.h"
#include "corpus/crawl/crawl_archive.h"
#include "corpus/crawl/crawl_config.h"
#include "corpus/crawl/crawl_output.h"
#include "corpus/crawl/crawl_peers.h"
#include "corpus/crawl/fetcher.h"
#include "corpus/crawl/frontier.h"
#include "corpus/crawl/host_queue.h"
#include "corpus/crawl/host_state_log.h"
#include "corpus/crawl/links.h"
#include "corpus/crawl/page_workers.h"
#include "corpus/crawl/robots.h"
#include "corpus/crawl/scope_filter.h"
#include "corpus/crawl/seen_set.h"
#include "corpus/crawl/trap_budget.h"
#include "corpus/stage/options.h"
#include "corpus/stage/stage_dir.h"

namespace corpus {

class Progress;

// Crawler is the `corpus crawl` stage: from seed URLs it fetches
// pages breadth-first, politely and resumably, into a stage folder of page
// records (docs/ARCHITECTURE.md, "Records" and "Output folders").
//
// One loop thread drives everything: it refills the per-host queues from the
// disk frontier, starts requests on the Fetcher when a host's turn has come
// (robots.txt first for every origin), turns responses into page records,
// rejects and newly discovered links, and commits output and frontier
// together every checkpoint interval. Every URL it meets ends as a page
// record, a line in rejected/ with its rule, or a counter (a 304 on
// --refresh: "unchanged"; max-pages leaves the rest of the frontier on disk).
//
// Resume: `_crawl/checkpoint.json` names the committed shards, the frontier
// position and how much of the host state log (robots.txt files younger than
// 24 h, parked hosts) is committed; a rerun of the same command restores
// them and discards anything written after. SIGINT/SIGTERM (StopRequested)
// or Stop() finish the requests in flight, checkpoint and return OK without
// a manifest.
class Crawler {
 public:
  explicit Crawler(CrawlConfig config);
  ~Crawler();

  StageOutcome Run();
  // Asks a running crawl (from another thread) to stop as SIGTERM would.
  void Stop() { stop_requested_ = true; }

  // For tests: the counts of the finished (or stopped) run.
  const StageCounts& counts() const;
  bool stopped() const { return stopped_; }

 private:
  enum class Job { kPage, kRobots, kSitemap };
  struct InFlight {
    Job job;
    FrontierEntry entry;  // kRobots: the url is robots.txt
    std::string host;
    std::string origin;
  };
  struct RobotsState {
    bool fetching = false;
    bool ready = false;
    RobotsRules rules = RobotsRules::AllowAll();
    int64_t expires = 0;
    int attempts = 0;
  };

  Status Setup(bool* already_done);
  Status ReadSeeds(std::vector<std::string>* seeds, std::string* digest) const;
  Status AddRefreshUrls();
  Status Loop();
  void Refill(int64_t now);
  void Dispatch(int64_t now);
  bool StartPage(const std::string& host, FrontierEntry entry, int64_t now);
  void StartRobots(const std::string& host, const std::string& origin);
  void HandleResult(FetchResult& result, int64_t now);
  void HandleRobots(InFlight& job, FetchResult& r, int64_t now);
  // Makes `rs` ready with its rules until `expires`: the host's Crawl-delay,
  // and with `sitemaps` (a fresh fetch) its Sitemap: lines queued.
  void UseRobots(const std::string& host, RobotsState& rs, int64_t expires, bool sitemaps);
  // Robots.txt files and parked hosts from the host state log of a resumed crawl.
  void RestoreHostState(const std::vector<RobotsLogEntry>& robots,
                        const std::vector<ParkedHostLogEntry>& parked);
  void HandlePage(InFlight& job, FetchResult& r, int64_t now);
  void HandleSitemap(InFlight& job, FetchResult& r);
  void HandleRedirect(InFlight& job, FetchResult& r);
  void EmitPage(InFlight& job, FetchResult& r);
  void ApplyPage(const InFlight& job, const PageLinks& links, bool noindex, bool noindex_header,
                 bool nofollow, bool truncated, const std::string& json);
  // A URL found on a page (`parent`), in a sitemap, or as a redirect target.
  void Discover(const std::string& url, int depth, int hops, int kind,
                std::string_view parent = {});
  void Reject(std::string_view url, int depth, std::string_view rule, std::string_view value_json);
  void NoteHostFailure(const std::string& host, const std::string& rule, int64_t now);
  void ParkHost(const std::string& host, const std::string& rule);
  // Wait before retry number `attempt` (0-based): Retry-After or 1 s, 2 s, 4 s ...; capped.
  int64_t BackoffMs(int attempt, const std::string& retry_after) const;
  Status Checkpoint(bool finished);
  Status Finish();
  void UpdateDetail(int64_t now);
  int64_t NowMs() const;
  bool PageBudgetLeft() const;
  // A crawl spread over tasks (crawl_tasks.cc): routes a newly seen URL of
  // another task's host to its owner (true), takes in what others sent, and
  // when this task has nothing to do, says so and checks whether all are done.
  bool HandOver(const FrontierEntry& entry);
  Status ReceiveHandoffs(int64_t now);
  Status PeersBusy(int64_t now);
  Status PeersIdle(int64_t now, bool* end);
  void Fail(const Status& st) {
    if (status_.ok()) status_ = st;
  }

  CrawlConfig config_;
  std::string product_token_;
  StageConfig stage_config_;
  StageDir dir_;
  std::string state_dir_;  // DIR/_crawl
  std::unique_ptr<CrawlOutput> output_;
  std::unique_ptr<Frontier> frontier_;
  std::unique_ptr<SeenSet> seen_;
  std::unique_ptr<HostStateLog> host_log_;
  std::unique_ptr<HostQueues> hosts_;
  std::unique_ptr<Fetcher> fetcher_;
  std::unique_ptr<PageWorkers> workers_;
  std::unique_ptr<ScopeFilter> scope_;
  std::unique_ptr<TrapBudget> traps_;
  std::unique_ptr<CrawlArchive> archive_;  // with --warc
  std::unique_ptr<CrawlPeers> peers_;      // with --num-tasks > 1
  std::string unit_ = "crawl";             // this task's _done marker
  std::unordered_map<uint64_t, InFlight> in_flight_;
  uint64_t next_tag_ = 1;
  uint64_t pages_in_flight_ = 0;
  std::unordered_map<std::string, RobotsState> robots_;  // by origin
  std::unordered_map<std::string, int> failures_;         // by host, consecutive
  std::unordered_map<std::string, std::string> parked_;   // host -> rule
  int64_t refill_paused_until_ = 0;
  // Bumped whenever the frontier, the seen set or the output changes, so an
  // idle crawl (every host waiting out a delay) writes no checkpoints.
  uint64_t changes_ = 0;
  uint64_t checkpointed_changes_ = 0;
  bool stopped_ = false;
  std::atomic<bool> stop_requested_{false};
  Status status_;

  // Progress (read by the progress thread).
  std::unique_ptr<Progress> progress_;
  std::mutex detail_mu_;
  std::string detail_;
  int64_t last_detail_ = 0;
};

}  // namespace corpus

#endif  // CORPUS_CRAWL_CRAWLER_H_
