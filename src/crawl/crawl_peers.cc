// A crawl spread over tasks: ownership, handoff and termination through the
// shared output folder (README.md, "A crawl over many tasks").
#include "corpus/crawl/crawl_peers.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "corpus/util/fs.h"

namespace corpus {
namespace {

constexpr int64_t kHeartbeatMs = 2000;
constexpr int64_t kPollMs = 100;

int64_t WallMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string Numbered(const char* prefix, int task, const char* suffix = "") {
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%s%04d%s", prefix, task, suffix);
  return buf;
}

// "key value" lines; false when a key is absent or not a number.
bool StatusValue(const std::string& text, const std::string& key, int64_t* value) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    const std::string line = text.substr(pos, nl - pos);
    pos = nl + 1;
    if (line.size() > key.size() && line.compare(0, key.size(), key) == 0 && line[key.size()] == ' ') {
      char* end = nullptr;
      *value = std::strtoll(line.c_str() + key.size() + 1, &end, 10);
      return *end == '\0';
    }
  }
  return false;
}

}  // namespace

CrawlPeers::CrawlPeers(Options options)
    : options_(std::move(options)),
      partition_(options_.num_tasks, options_.partition_by),
      handoff_(JoinPath(options_.crawl_dir, "handoff"), options_.task, options_.num_tasks) {}

std::string CrawlPeers::StateDir() const {
  return JoinPath(options_.crawl_dir, Numbered("task-", options_.task));
}
std::string CrawlPeers::PartPrefix() const { return Numbered("part-t", options_.task, "-"); }
std::string CrawlPeers::Unit() const { return Numbered("crawl-t", options_.task); }
std::vector<std::string> CrawlPeers::AllUnits() const {
  std::vector<std::string> out;
  for (int t = 0; t < options_.num_tasks; ++t) out.push_back(Numbered("crawl-t", t));
  return out;
}
std::string CrawlPeers::StatusPath(int task) const {
  return JoinPath(JoinPath(options_.crawl_dir, "tasks"), Numbered("task-", task));
}

Status CrawlPeers::Open() {
  CORPUS_RETURN_IF_ERROR(MakeDirs(JoinPath(options_.crawl_dir, "tasks")));
  CORPUS_RETURN_IF_ERROR(handoff_.Open());
  // A rerun continues the epochs of the run before, so nobody mistakes it for
  // the idle task it was.
  std::string text;
  int64_t epoch = 0;
  if (ReadFile(StatusPath(options_.task), &text).ok() && StatusValue(text, "epoch", &epoch)) {
    epoch_ = static_cast<uint64_t>(epoch);
  }
  ++epoch_;
  idle_ = false;
  return WriteStatus();
}

Status CrawlPeers::WriteStatus() {
  std::string s = "task " + std::to_string(options_.task) + "\nidle " + (idle_ ? "1" : "0") +
                  "\nepoch " + std::to_string(epoch_) + "\npages " + std::to_string(pages_) +
                  "\ndone " + (done_ ? "1" : "0") + "\ntime_ms " + std::to_string(WallMs()) + "\n";
  return WriteFileAtomic(StatusPath(options_.task), s);
}

std::vector<CrawlPeers::Board> CrawlPeers::ReadBoard() const {
  std::vector<Board> board(options_.num_tasks);
  for (int t = 0; t < options_.num_tasks; ++t) {
    std::string text;
    if (!ReadFile(StatusPath(t), &text).ok()) continue;
    int64_t idle = 0, epoch = 0, pages = 0, done = 0, time_ms = 0;
    if (!StatusValue(text, "idle", &idle) || !StatusValue(text, "epoch", &epoch) ||
        !StatusValue(text, "pages", &pages) || !StatusValue(text, "done", &done) ||
        !StatusValue(text, "time_ms", &time_ms)) {
      continue;  // written atomically, so only a foreign file gets here
    }
    Board& b = board[t];
    b.present = true;
    b.idle = idle != 0;
    b.done = done != 0;
    b.epoch = static_cast<uint64_t>(epoch);
    b.pages = static_cast<uint64_t>(pages);
    b.time_ms = time_ms;
  }
  return board;
}

void CrawlPeers::HandOver(const FrontierEntry& entry) {
  handoff_.Add(partition_.OwnerOfUrl(entry.url), entry);
  ++handed_over_;
}

Status CrawlPeers::Receive(int64_t now, std::vector<FrontierEntry>* entries) {
  if (now - last_receive_ < kPollMs) return Status::OK();
  last_receive_ = now;
  const size_t before = entries->size();
  size_t batches = 0;
  CORPUS_RETURN_IF_ERROR(handoff_.Receive(entries, &batches));
  if (batches == 0) return Status::OK();
  received_ += entries->size() - before;
  if (idle_) {
    // Busy, with a new epoch, before the batches can be deleted.
    idle_ = false;
    ++epoch_;
    CORPUS_RETURN_IF_ERROR(WriteStatus());
    last_write_ = now;
  }
  return Status::OK();
}

Status CrawlPeers::BeforeCheckpoint() {
  uint64_t batches = 0;
  return handoff_.Publish(&batches);
}

Status CrawlPeers::Update(int64_t now, bool idle, uint64_t pages) {
  pages_ = pages;
  if (idle == idle_ && now - last_write_ < kHeartbeatMs) return Status::OK();
  if (!idle && idle_) ++epoch_;
  idle_ = idle;
  last_write_ = now;
  CORPUS_RETURN_IF_ERROR(WriteStatus());
  uint64_t others = 0;
  const std::vector<Board> board = ReadBoard();
  for (int t = 0; t < options_.num_tasks; ++t) {
    if (t != options_.task) others += board[t].pages;
  }
  others_pages_ = others;
  return Status::OK();
}

CrawlPeers::End CrawlPeers::CheckEnd(int64_t now, std::string* missing) {
  // Each check reads every status twice: many tasks check less often, so a
  // shared file system sees about the same load whatever their number.
  if (now - last_check_ < kPollMs * std::max(1, options_.num_tasks / 16)) return End::kNotYet;
  last_check_ = now;
  const std::vector<Board> first = ReadBoard();
  std::vector<size_t> unread;
  if (!handoff_.Unread(&unread).ok()) return End::kNotYet;
  const std::vector<Board> second = ReadBoard();
  const int64_t wall = WallMs();
  bool all_idle = true;
  std::vector<int> absent;
  size_t unread_present = 0;
  for (int t = 0; t < options_.num_tasks; ++t) {
    const Board& a = first[t];
    const Board& b = second[t];
    const bool stale = b.present && !b.done && t != options_.task &&
                       wall - b.time_ms > options_.peer_timeout_ms;
    if (!b.present || stale) {
      absent.push_back(t);
      continue;
    }
    unread_present += unread[t];
    if (!a.present || !a.idle || !b.idle || a.epoch != b.epoch) all_idle = false;
  }
  if (absent.empty()) {
    missing_since_ = 0;
    return all_idle && unread_present == 0 ? End::kDone : End::kNotYet;
  }
  // Someone is missing: wait for it while the rest are idle, then give up.
  if (!all_idle || unread_present != 0) {
    missing_since_ = 0;
    return End::kNotYet;
  }
  if (missing_since_ == 0) {
    missing_since_ = wall;
    std::string names;
    for (int t : absent) names += (names.empty() ? "" : ", ") + std::to_string(t);
    spdlog::info("crawl: task {} idle; waiting up to {} ms for task(s) {} (no status in {}/tasks)",
                 options_.task, options_.peer_timeout_ms, names, options_.crawl_dir);
  }
  if (wall - missing_since_ < options_.peer_timeout_ms) return End::kNotYet;
  std::string text;
  for (int t : absent) {
    char slice[160];
    std::snprintf(slice, sizeof(slice),
                  "task %d of %d (hosts whose hash falls in slice %d/%d; %zu batch(es) wait in "
                  "handoff/to-%04d)",
                  t, options_.num_tasks, t, options_.num_tasks, unread[t], t);
    text += (text.empty() ? "" : "; ") + std::string(slice);
  }
  *missing = text;
  return End::kMissing;
}

Status CrawlPeers::MarkDone(uint64_t pages) {
  pages_ = pages;
  idle_ = true;
  done_ = true;
  return WriteStatus();
}

}  // namespace corpus
