// The crawler's side of a crawl spread over tasks (README.md, "A crawl over
// many tasks"): what it does with URLs of other tasks' hosts, with URLs other
// tasks send, and when it has nothing left to do. The protocol is in
// crawl_peers.h.
#include <spdlog/spdlog.h>

#include "corpus/crawl/crawler.h"

namespace corpus {

bool Crawler::HandOver(const FrontierEntry& entry) {
  if (peers_->Owns(entry.url)) return false;
  peers_->HandOver(entry);
  return true;
}

Status Crawler::ReceiveHandoffs(int64_t now) {
  std::vector<FrontierEntry> entries;
  CORPUS_RETURN_IF_ERROR(peers_->Receive(now, &entries));
  // The sender checked nothing but ownership: seen set and scope are ours.
  // A seed's redirect target (depth 0, hops > 0) joins the scope here as it
  // did at the sender (crawl_handlers.cc), so its host's links are in scope.
  for (const auto& e : entries) {
    if (e.depth == 0 && e.hops > 0) scope_->AddRedirectTarget(e.url);
    Discover(e.url, e.depth, e.hops, e.kind);
  }
  return Status::OK();
}

Status Crawler::PeersBusy(int64_t now) {
  return peers_->Update(now, /*idle=*/false, output_->counts().kept);
}

Status Crawler::PeersIdle(int64_t now, bool* end) {
  *end = false;
  if (!peers_->idle()) {
    // Idle is a promise that everything is durable and published.
    CORPUS_RETURN_IF_ERROR(Checkpoint(false));
    checkpointed_changes_ = changes_;
  }
  CORPUS_RETURN_IF_ERROR(peers_->Update(now, /*idle=*/true, output_->counts().kept));
  std::string missing;
  switch (peers_->CheckEnd(now, &missing)) {
    case CrawlPeers::End::kNotYet: return Status::OK();
    case CrawlPeers::End::kDone:
      spdlog::info("crawl: task {} of {}: every task idle, no URLs in transit: done",
                   config_.task_index, config_.num_tasks);
      *end = true;
      return Status::OK();
    case CrawlPeers::End::kMissing:
      *end = true;
      return Status::Aborted("this task's hosts are done, but the crawl is not: no word from " +
                             missing + " within --peer-timeout; run it, then rerun the others");
  }
  return Status::OK();
}

}  // namespace corpus
