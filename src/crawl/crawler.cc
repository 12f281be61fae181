// The crawl loop: setup and resume, scheduling, checkpoints.
// Handling of responses is in crawl_handlers.cc.
#include "corpus/crawl/crawler.h"

#include <dirent.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <thread>

#include "corpus/url/url.h"
#include "corpus/io/record.h"
#include "corpus/io/record_source.h"
#include "corpus/stage/progress.h"
#include "corpus/stage/signals.h"
#include "corpus/util/ascii.h"
#include "corpus/util/fs.h"
#include "corpus/util/json.h"
#include "corpus/util/parallel_for.h"
#include "corpus/util/sha256.h"

namespace corpus {
namespace {

// Deletes the files of a folder (not recursive: _crawl/ holds only files).
void RemoveFilesIn(const std::string& dir) {
  DIR* d = ::opendir(dir.c_str());
  if (!d) return;
  while (dirent* e = ::readdir(d)) {
    const std::string name = e->d_name;
    if (name != "." && name != "..") ::unlink(JoinPath(dir, name).c_str());
  }
  ::closedir(d);
}

std::string_view Trim(std::string_view s) { return StripChars(s, " \t\r"); }

}  // namespace

Crawler::Crawler(CrawlConfig config)
    : config_(std::move(config)),
      product_token_(ProductToken(config_.EffectiveUserAgent())),
      dir_(config_.out_dir, "crawl") {}

Crawler::~Crawler() = default;

const StageCounts& Crawler::counts() const {
  static const StageCounts kEmpty;
  return output_ ? output_->counts() : kEmpty;
}

int64_t Crawler::NowMs() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

bool Crawler::PageBudgetLeft() const {
  // Pages being parsed may still become records.
  return config_.max_pages == 0 ||
         output_->counts().kept + pages_in_flight_ + workers_->pending() +
                 (peers_ ? peers_->others_pages() : 0) <
             config_.max_pages;
}

Status Crawler::ReadSeeds(std::vector<std::string>* seeds, std::string* digest) const {
  seeds->clear();
  digest->clear();
  if (config_.seeds_file.empty()) return Status::OK();
  std::string text;
  if (!ReadFile(config_.seeds_file, &text).ok()) {
    return Status::InvalidArgument("cannot read seeds file " + config_.seeds_file);
  }
  *digest = Sha256Hex(text);
  size_t start = 0;
  int line_no = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    ++line_no;
    const std::string_view line = Trim(std::string_view(text).substr(start, nl - start));
    start = nl + 1;
    if (line.empty() || line.front() == '#') continue;
    auto url = NormalizeUrl(line);
    if (!url) {
      spdlog::warn("crawl: {} line {}: not an http(s) URL, skipped: {}", config_.seeds_file, line_no,
                   std::string(line));
      continue;
    }
    seeds->push_back(*url);
  }
  return Status::OK();
}

Status Crawler::AddRefreshUrls() {
  std::vector<std::string> files;
  CORPUS_RETURN_IF_ERROR(ResolveInputs({config_.refresh_dir}, &files));
  Record rec;
  uint64_t added = 0;
  for (const auto& file : files) {
    std::unique_ptr<RecordSource> src;
    CORPUS_RETURN_IF_ERROR(OpenRecordSource(file, &src));
    std::string_view line;
    while (src->Next(&line)) {
      if (!rec.Parse(line).ok()) continue;
      auto raw = rec.GetString("url");
      if (!raw) continue;
      auto url = NormalizeUrl(*raw);
      if (!url) continue;
      scope_->AddSeed(*url);
      if (peers_ && !peers_->Owns(*url)) continue;  // its owner refreshes it
      if (!seen_->Insert(*url)) continue;
      FrontierEntry e;
      e.url = *url;
      e.depth = static_cast<int>(rec.GetInt("depth").value_or(0));
      e.etag = rec.GetString("etag").value_or("");
      e.last_modified = rec.GetString("last_modified").value_or("");
      CORPUS_RETURN_IF_ERROR(frontier_->Push(e));
      ++added;
    }
  }
  spdlog::info("crawl: {} URLs of {} to refresh", added, config_.refresh_dir);
  return Status::OK();
}

Status Crawler::Setup(bool* already_done) {
  *already_done = false;
  CORPUS_RETURN_IF_ERROR(config_.Validate());
  std::vector<std::string> seeds;
  std::string digest;
  CORPUS_RETURN_IF_ERROR(ReadSeeds(&seeds, &digest));
  stage_config_ = config_.ToStageConfig(digest);
  const std::string fp = stage_config_.Fingerprint();
  CORPUS_RETURN_IF_ERROR(dir_.Create());
  state_dir_ = JoinPath(dir_.root(), "_crawl");
  if (config_.num_tasks > 1) {
    CrawlPeers::Options po;
    po.crawl_dir = state_dir_;
    po.task = config_.task_index;
    po.num_tasks = config_.num_tasks;
    po.partition_by = config_.partition_by;
    po.peer_timeout_ms = config_.peer_timeout_ms;
    peers_ = std::make_unique<CrawlPeers>(po);
    state_dir_ = peers_->StateDir();
    unit_ = peers_->Unit();
  }
  CORPUS_RETURN_IF_ERROR(MakeDirs(state_dir_));
  const std::string cp_path = JoinPath(state_dir_, "checkpoint.json");

  output_ = std::make_unique<CrawlOutput>(dir_, config_.zstd_level, config_.part_max_records,
                                          config_.part_max_bytes);
  if (peers_) output_->set_part_prefix(peers_->PartPrefix());
  bool fresh = true;
  DoneMarker done;
  CrawlCheckpoint cp;
  const Status done_st = dir_.ReadDone(unit_, &done);
  const Status cp_st = ReadCheckpoint(cp_path, &cp);
  if (done_st.ok() && done.fingerprint == fp && !config_.force) {
    *already_done = true;
    return Status::OK();
  }
  const bool other_config = (done_st.ok() && done.fingerprint != fp) ||
                            (cp_st.ok() && cp.fingerprint != fp);
  if (other_config && !config_.force) {
    const std::string diff = done_st.ok() ? stage_config_.Diff(done.config) : "";
    return Status::InvalidArgument(dir_.root() + " holds a crawl with a different config" +
                                   (diff.empty() ? "" : " (" + diff + ")") +
                                   "; use --force to start over or choose another --out");
  }
  if (config_.force || done_st.ok()) {
    if (cp_st.ok()) CORPUS_RETURN_IF_ERROR(CrawlArchive::RemoveFiles(cp.warc_state));
    RemoveFilesIn(state_dir_);
    CORPUS_RETURN_IF_ERROR(dir_.RemoveDone(unit_));
    CORPUS_RETURN_IF_ERROR(dir_.RemoveManifest());
  } else if (cp_st.ok()) {
    fresh = false;
  } else if (!cp_st.IsNotFound()) {
    return cp_st;
  }

  scope_ = std::make_unique<ScopeFilter>(config_);
  for (const auto& s : seeds) scope_->AddSeed(s);
  frontier_ = std::make_unique<Frontier>(state_dir_);
  seen_ = std::make_unique<SeenSet>(state_dir_, config_.seen_memory_entries);
  traps_ = std::make_unique<TrapBudget>(state_dir_, config_.max_urls_per_family,
                                        config_.trap_memory_entries);
  host_log_ = std::make_unique<HostStateLog>(state_dir_);
  hosts_ = std::make_unique<HostQueues>(config_.per_host_concurrency, config_.per_host_delay_ms);
  Fetcher::Options fo;
  fo.user_agent = config_.EffectiveUserAgent();
  fo.max_body_bytes = config_.max_body_bytes;
  fo.timeout_ms = config_.timeout_ms;
  fo.connect_timeout_ms = config_.connect_timeout_ms;
  fo.allow_private_networks = config_.allow_private_networks;
  fo.max_connections = config_.concurrency;
  fo.max_connections_per_host = config_.per_host_concurrency;
  fo.capture_exchanges = !config_.warc_dir.empty();
  if (!config_.warc_dir.empty()) {
    CORPUS_RETURN_IF_ERROR(CrawlArchive::Open(config_, fresh ? "" : cp.warc_state, &archive_));
  }
  fetcher_ = std::make_unique<Fetcher>(fo);
  const int threads = config_.threads > 0 ? config_.threads : AvailableCpus();
  workers_ = std::make_unique<PageWorkers>(std::max(1, threads));
  workers_->SetWakeup([f = fetcher_.get()] { f->Wakeup(); });
  if (peers_) CORPUS_RETURN_IF_ERROR(peers_->Open());

  if (fresh) {
    CORPUS_RETURN_IF_ERROR(output_->RemoveUncommitted());
    CORPUS_RETURN_IF_ERROR(frontier_->Open(FrontierState{}));
    CORPUS_RETURN_IF_ERROR(seen_->Open(0));
    CORPUS_RETURN_IF_ERROR(traps_->Open(0));
    std::vector<RobotsLogEntry> no_robots;
    std::vector<ParkedHostLogEntry> no_parked;
    CORPUS_RETURN_IF_ERROR(host_log_->Open(0, &no_robots, &no_parked));
    for (const auto& s : seeds) {
      if (!peers_ || peers_->Owns(s)) Discover(s, 0, 0, FrontierEntry::kPage);
    }
    if (!config_.refresh_dir.empty()) CORPUS_RETURN_IF_ERROR(AddRefreshUrls());
    spdlog::info("crawl: {} seeds, starting {}", seeds.size(), dir_.root());
    return Checkpoint(false);
  }
  // Resume from the checkpoint; what came after it is discarded.
  output_->Restore(cp.outputs, cp.next_part, cp.counts, cp.open_parts);
  CORPUS_RETURN_IF_ERROR(output_->RemoveUncommitted());
  CORPUS_RETURN_IF_ERROR(frontier_->Open(cp.frontier));
  CORPUS_RETURN_IF_ERROR(seen_->Open(cp.seen_log_length));
  CORPUS_RETURN_IF_ERROR(traps_->Open(cp.trap_log_length));
  std::vector<RobotsLogEntry> robots;
  std::vector<ParkedHostLogEntry> parked;
  CORPUS_RETURN_IF_ERROR(host_log_->Open(cp.host_log_length, &robots, &parked));
  RestoreHostState(robots, parked);
  scope_->RestoreExtra(cp.scope_extra);
  std::vector<FrontierEntry> pending;
  CORPUS_RETURN_IF_ERROR(frontier_->LoadPending(&pending));
  for (auto& e : pending) {
    const std::string host = UrlHost(e.url);  // before `e` is moved from
    hosts_->Push(host, std::move(e));
  }
  spdlog::info("crawl: resuming {}: {} pages so far, {} URLs seen, {} queued", dir_.root(),
               output_->counts().kept, seen_->size(), hosts_->queued() + frontier_->size());
  return Status::OK();
}

void Crawler::Discover(const std::string& url, int depth, int hops, int kind,
                       std::string_view parent) {
  if (!seen_->Insert(url)) return;
  ++changes_;
  if (peers_ && HandOver(FrontierEntry{url, depth, hops, 0, kind, "", ""})) return;
  std::string value;
  const std::string rule = scope_->Check(url, &value);
  if (!rule.empty()) {
    Reject(url, depth, rule, value);
    return;
  }
  std::string family;
  if (!traps_->Admit(url, parent, &family)) {
    Reject(url, depth, "trap", JsonQuote(family));
    return;
  }
  FrontierEntry e;
  e.url = url;
  e.depth = depth;
  e.hops = hops;
  e.kind = kind;
  Fail(frontier_->Push(e));
}

void Crawler::Reject(std::string_view url, int depth, std::string_view rule,
                     std::string_view value_json) {
  ++changes_;
  Fail(output_->WriteReject(CrawlRejectJson(url, depth, rule, value_json), rule));
}

void Crawler::Refill(int64_t now) {
  const size_t budget = std::max<size_t>(config_.queue_memory_entries, 16);
  if (hosts_->queued() >= budget / 2 || now < refill_paused_until_) return;
  // A host may hold at most an eighth of the memory queue, so a huge slow
  // host cannot fill it and starve the others; its surplus goes back to the
  // end of its depth's file.
  const size_t per_host_cap = std::max<size_t>(budget / 8, 2);
  size_t deferred = 0;
  FrontierEntry e;
  while (hosts_->queued() < budget && frontier_->Pop(&e)) {
    ++changes_;
    const std::string host = UrlHost(e.url);
    auto parked = parked_.find(host);
    if (parked != parked_.end()) {
      Reject(e.url, e.depth, parked->second, JsonQuote(host));
      continue;
    }
    if (hosts_->QueuedFor(host) >= per_host_cap) {
      Fail(frontier_->Push(e));
      if (++deferred >= per_host_cap) {
        refill_paused_until_ = now + 2000;
        break;
      }
      continue;
    }
    hosts_->Push(host, std::move(e));
  }
}

void Crawler::Dispatch(int64_t now) {
  std::string host;
  FrontierEntry e;
  // Pages waiting for a parse worker hold their bodies: no new fetches while
  // as many are waiting as may be in flight, so memory stays bounded.
  const size_t limit = static_cast<size_t>(config_.concurrency);
  while (fetcher_->active() < limit && workers_->pending() < limit && PageBudgetLeft() &&
         hosts_->PopReady(now, &host, &e)) {
    StartPage(host, std::move(e), now);
  }
}

bool Crawler::StartPage(const std::string& host, FrontierEntry e, int64_t now) {
  auto parked = parked_.find(host);
  if (parked != parked_.end()) {
    hosts_->Release(host);
    Reject(e.url, e.depth, parked->second, JsonQuote(host));
    return false;
  }
  const std::string origin = UrlOrigin(e.url);
  RobotsState& rs = robots_[origin];
  if (!rs.ready || rs.expires < now) {
    // robots.txt comes before any page of an origin (RFC 9309 §2.4).
    spdlog::debug("crawl: {} waits for {}/robots.txt (ready {}, fetching {})", e.url, origin, rs.ready,
                  rs.fetching);
    hosts_->Unpop(host, std::move(e));
    hosts_->SetBlocked(host, true);
    if (!rs.fetching) StartRobots(host, origin);
    return false;
  }
  const std::string path = UrlPathAndQuery(e.url);
  if (!rs.rules.IsAllowed(path)) {
    hosts_->Release(host);
    Reject(e.url, e.depth, "robots", JsonQuote(path));
    return false;
  }
  if (config_.max_pages_per_host > 0 && traps_->HostPages(host) >= config_.max_pages_per_host) {
    hosts_->Release(host);
    Reject(e.url, e.depth, "trap", JsonQuote("max_pages_per_host"));
    return false;
  }
  const Job job = e.kind == FrontierEntry::kSitemap ? Job::kSitemap : Job::kPage;
  if (job == Job::kPage) ++pages_in_flight_;
  FetchRequest req;
  req.tag = next_tag_++;
  req.url = e.url;
  req.auxiliary = job == Job::kSitemap;
  req.if_none_match = e.etag;
  req.if_modified_since = e.last_modified;
  in_flight_[req.tag] = InFlight{job, std::move(e), host, origin};
  fetcher_->Start(std::move(req));
  return true;
}

void Crawler::StartRobots(const std::string& host, const std::string& origin) {
  robots_[origin].fetching = true;
  hosts_->StartExtra(host);
  FetchRequest req;
  req.tag = next_tag_++;
  req.url = origin + "/robots.txt";
  req.auxiliary = true;
  FrontierEntry e;
  e.url = req.url;
  in_flight_[req.tag] = InFlight{Job::kRobots, std::move(e), host, origin};
  fetcher_->Start(std::move(req));
}

void Crawler::HandleResult(FetchResult& r, int64_t now) {
  auto it = in_flight_.find(r.tag);
  if (it == in_flight_.end()) return;
  InFlight job = std::move(it->second);
  in_flight_.erase(it);
  ++changes_;
  if (archive_) Fail(archive_->Add(&r));
  output_->Count("bytes_downloaded", r.wire_bytes);  // as sent, maybe compressed
  output_->Count("body_bytes", r.body.size());       // decoded
  if (progress_) progress_->bytes += r.wire_bytes;
  switch (job.job) {
    case Job::kRobots: HandleRobots(job, r, now); break;
    case Job::kPage:
    case Job::kSitemap: HandlePage(job, r, now); break;
  }
}

Status Crawler::Checkpoint(bool finished) {
  // Pages being parsed are in neither the queues nor in flight: finish them.
  workers_->ApplyFinished(/*wait=*/true);
  if (peers_) CORPUS_RETURN_IF_ERROR(peers_->BeforeCheckpoint());
  // Parts are finished when the crawl ends or stops, so its output is whole.
  CORPUS_RETURN_IF_ERROR(output_->Commit(/*close=*/finished || stopped_));
  std::vector<const FrontierEntry*> in_memory;
  hosts_->ForEach([&](const FrontierEntry& e) { in_memory.push_back(&e); });
  for (const auto& [tag, job] : in_flight_) {
    if (job.job != Job::kRobots) in_memory.push_back(&job.entry);
  }
  CrawlCheckpoint cp;
  CORPUS_RETURN_IF_ERROR(frontier_->Checkpoint(in_memory, &cp.frontier));
  CORPUS_RETURN_IF_ERROR(seen_->Sync(&cp.seen_log_length));
  CORPUS_RETURN_IF_ERROR(host_log_->Sync(&cp.host_log_length));
  CORPUS_RETURN_IF_ERROR(traps_->Sync(&cp.trap_log_length));
  cp.fingerprint = stage_config_.Fingerprint();
  cp.config_json = stage_config_.ToJson();
  cp.next_part = output_->next_part();
  cp.outputs = output_->committed();
  cp.open_parts = output_->open_parts();
  cp.counts = output_->counts();
  cp.scope_extra = scope_->extra();
  cp.finished = finished;
  if (archive_) CORPUS_RETURN_IF_ERROR(archive_->Commit(&cp.warc_state));
  CORPUS_RETURN_IF_ERROR(WriteCheckpoint(JoinPath(state_dir_, "checkpoint.json"), cp));
  frontier_->RemoveStalePending(cp.frontier.pending_file);
  if (peers_) CORPUS_RETURN_IF_ERROR(peers_->AfterCheckpoint());
  return Status::OK();
}

Status Crawler::Finish() {
  output_->mutable_counts().counters["frontier_left"] = hosts_->queued() + frontier_->size();
  output_->mutable_counts().counters["urls_seen"] = seen_->size();
  if (archive_) CORPUS_RETURN_IF_ERROR(archive_->Close());
  if (peers_) {
    output_->mutable_counts().counters["handed_over"] = peers_->handed_over();
    output_->mutable_counts().counters["handoff_received"] = peers_->received();
  }
  CORPUS_RETURN_IF_ERROR(Checkpoint(true));
  if (peers_) CORPUS_RETURN_IF_ERROR(peers_->MarkDone(output_->counts().kept));
  DoneMarker m;
  m.unit = unit_;
  m.input = config_.seeds_file.empty() ? config_.refresh_dir : config_.seeds_file;
  m.fingerprint = stage_config_.Fingerprint();
  m.config = stage_config_.entries();
  m.outputs = output_->committed();
  m.counts = output_->counts();
  CORPUS_RETURN_IF_ERROR(dir_.WriteDone(m));
  bool written = false;
  CORPUS_RETURN_IF_ERROR(dir_.MaybeWriteManifest(
      peers_ ? peers_->AllUnits() : std::vector<std::string>{unit_}, stage_config_, "", &written));
  return Status::OK();
}

void Crawler::UpdateDetail(int64_t now) {
  if (now - last_detail_ < 500) return;
  last_detail_ = now;
  const StageCounts& c = output_->counts();
  std::string d = "queue " + std::to_string(hosts_->queued() + frontier_->size()) + ", in flight " +
                  std::to_string(fetcher_->active()) + ", hosts " +
                  std::to_string(hosts_->active_hosts()) + "/" + std::to_string(hosts_->hosts());
  if (!c.rejected_by_rule.empty()) {
    d += ", rejected:";
    for (const auto& [rule, n] : c.rejected_by_rule) d += " " + rule + "=" + std::to_string(n);
  }
  std::lock_guard<std::mutex> lock(detail_mu_);
  detail_ = std::move(d);
}

Status Crawler::Loop() {
  const int64_t start = NowMs();
  int64_t last_cp = start;
  std::vector<FetchResult> done;
  while (status_.ok()) {
    int64_t now = NowMs();
    const bool stopping = StopRequested() || stop_requested_;
    if (peers_ && !stopping) Fail(ReceiveHandoffs(now));
    if (!stopping) {
      Refill(now);
      Dispatch(now);
    }
    if (fetcher_->active() == 0 && workers_->pending() > 0) {
      workers_->ApplyFinished(/*wait=*/true);  // their links may be the only work left
      continue;
    }
    if (fetcher_->active() == 0) {
      if (stopping) {
        stopped_ = true;
        break;
      }
      const bool work_left = hosts_->queued() > 0 || frontier_->size() > 0;
      if (!work_left || !PageBudgetLeft()) {
        if (!peers_) break;
        bool end = false;
        Fail(PeersIdle(now, &end));
        if (end || !status_.ok()) break;
      } else if (peers_) {
        Fail(PeersBusy(now));
      }
    } else if (peers_) {
      Fail(PeersBusy(now));
    }
    // A full parse backlog stops Dispatch() as a full fetcher does: a ready
    // host is then no reason to poll without waiting (the loop would spin,
    // taking a core from the workers it waits for). It sleeps until a
    // response comes or a worker finishes a page.
    const size_t limit = static_cast<size_t>(config_.concurrency);
    const bool backlog = workers_->pending() >= limit;
    int64_t wait = 50;
    const int64_t wake = hosts_->NextWakeup();
    if (wake != INT64_MAX && fetcher_->active() < limit && !backlog) {
      wait = std::clamp<int64_t>(wake - now, 0, 50);
    }
    done.clear();
    if (fetcher_->active() > 0) {
      if (backlog && workers_->ArmWakeup()) wait = 0;  // a finished page waits
      fetcher_->Poll(static_cast<int>(wait), &done);
      if (backlog) workers_->DisarmWakeup();
    } else if (wait > 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(wait));
    }
    now = NowMs();
    for (auto& r : done) HandleResult(r, now);
    // A full part is closed (by the checkpoint below) before more pages go in.
    workers_->ApplyFinished(/*wait=*/false, [this] { return output_->Full(); });
    if (output_->Full() || now - last_cp >= config_.checkpoint_interval_ms) {
      output_->mutable_counts().seconds += static_cast<double>(now - last_cp) / 1000.0;
      // Nothing moved since the last one (all hosts waiting): nothing to commit.
      if (changes_ != checkpointed_changes_) Fail(Checkpoint(false));
      checkpointed_changes_ = changes_;
      last_cp = now;
      hosts_->Collect(now);
    }
    if (progress_) progress_->records = output_->counts().kept;
    UpdateDetail(now);
  }
  output_->mutable_counts().seconds += static_cast<double>(NowMs() - last_cp) / 1000.0;
  if (!status_.ok()) return status_;
  if (!seen_->status().ok()) return seen_->status();
  if (stopped_) {
    CORPUS_RETURN_IF_ERROR(Checkpoint(false));
    spdlog::info("crawl: stopped; {} pages committed; run the same command to continue",
                 output_->counts().kept);
    return Status::OK();
  }
  return Finish();
}

StageOutcome Crawler::Run() {
  StageOutcome outcome;
  bool already_done = false;
  outcome.status = Setup(&already_done);
  if (!outcome.status.ok()) return outcome;
  if (already_done) {
    spdlog::info("crawl: {} is already complete (use --force to crawl again)", config_.out_dir);
    outcome.manifest_written = true;
    return outcome;
  }
  progress_ = std::make_unique<Progress>("crawl", config_.progress, 0, 0);
  progress_->records = output_->counts().kept;
  progress_->SetDetail([this] {
    std::lock_guard<std::mutex> lock(detail_mu_);
    return detail_;
  });
  outcome.status = Loop();
  progress_->Stop();
  outcome.manifest_written = outcome.status.ok() && !stopped_;
  outcome.stopped = stopped_;
  if (outcome.status.ok() && !stopped_) {
    const StageCounts& c = output_->counts();
    spdlog::info("crawl: {} pages, {} rejected, {} URLs seen", c.kept, c.rejected, seen_->size());
  }
  return outcome;
}

}  // namespace corpus
