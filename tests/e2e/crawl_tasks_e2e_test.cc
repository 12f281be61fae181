// A crawl spread over tasks (README.md, "A crawl over many tasks"): four
// `corpus crawl` processes with --num-tasks 4 crawl a 16-host loopback site
// served in this process, and the server's own request log says who fetched
// what and when.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "corpus/crawl/checkpoint.h"
#include "corpus/crawl/host_partition.h"
#include "corpus/url/url.h"
#include "corpus/site/site_server.h"
#include "corpus/util/fs.h"
#include "crawl/crawl_test_util.h"
#include "testing/temp_dir.h"

extern char** environ;

namespace corpus {
namespace {

constexpr int kHosts = 16;
constexpr int kPagesPerHost = 12;  // "/" and /p0 ... /p10
constexpr int kTasks = 4;
constexpr int kDelayMs = 40;

std::string Address(int host) { return "127.0.0." + std::to_string(2 + host); }

// One `corpus crawl` task running in the background.
class Task {
 public:
  Task(const std::vector<std::string>& args, const std::string& log) {
    std::vector<char*> argv;
    std::string bin = CORPUS_BINARY;
    argv.push_back(bin.data());
    args_ = args;
    for (auto& a : args_) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    if (posix_spawn(&pid_, bin.c_str(), &fa, nullptr, argv.data(), environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&fa);
  }
  ~Task() {
    if (pid_ > 0 && code_ < 0) {
      ::kill(pid_, SIGKILL);
      Wait();
    }
  }
  Task(const Task&) = delete;
  Task& operator=(const Task&) = delete;

  bool started() const { return pid_ > 0; }
  bool Running() {
    if (code_ >= 0 || pid_ <= 0) return false;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) != pid_) return true;
    code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return false;
  }
  // Exit code, or 128 + signal.
  int Wait() {
    if (code_ >= 0 || pid_ <= 0) return code_;
    int status = 0;
    ::waitpid(pid_, &status, 0);
    code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return code_;
  }
  void Kill9() { ::kill(pid_, SIGKILL); }

 private:
  std::vector<std::string> args_;
  pid_t pid_ = -1;
  int code_ = -1;
};

SiteResponse Html(const std::string& body) {
  SiteResponse r;
  r.body = "<!doctype html><html><head><title>t</title></head><body>" + body + "</body></html>";
  return r;
}

class CrawlTasksTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SiteServer::Options o;
    for (int h = 0; h < kHosts; ++h) o.addresses.push_back(Address(h));
    o.threads_per_address = 2;
    server_ = std::make_unique<SiteServer>(o);
    ASSERT_TRUE(server_->Start().ok());
    // Page k of host h links to the next page of its host and to page k of
    // two other hosts, which other tasks own more often than not.
    server_->Handle("", "/*", [this](const SiteRequest& q) {
      const int h = std::stoi(q.address.substr(q.address.rfind('.') + 1)) - 2;
      int k = -1;
      if (q.path.rfind("/p", 0) == 0) k = std::stoi(q.path.substr(2));
      std::string body;
      if (k + 1 < kPagesPerHost - 1) body += Link(h, "/p" + std::to_string(k + 1));
      if (k < 0) body += Link((h + 1) % kHosts, "/");
      if (k >= 0) {
        body += Link((h + 1) % kHosts, "/p" + std::to_string(k));
        body += Link((h + 7) % kHosts, "/p" + std::to_string(k));
      }
      body += Link(h, "/private/x");  // disallowed by robots.txt: never fetched
      return Html(body + "<p>page " + std::to_string(k) + " of host " + std::to_string(h) + "</p>");
    });
    // Later handlers win over the catch-all.
    server_->Handle("", "/robots.txt", [](const SiteRequest&) {
      SiteResponse r;
      r.status = 200;
      r.content_type = "text/plain";
      r.body = "User-agent: *\nDisallow: /private\n";
      return r;
    });
    // Every host's front page: the seeds are split like the hosts, and the
    // crawl stays on the seeds' hosts (--scope host).
    std::string seeds = "# the sixteen hosts\n";
    for (int h = 0; h < kHosts; ++h) seeds += server_->BaseUrl(Address(h)) + "/\n";
    ASSERT_TRUE(WriteFileAtomic(tmp_.Sub("seeds.txt"), seeds).ok());
  }
  void TearDown() override { server_->Stop(); }

  std::string Link(int host, const std::string& path) const {
    return "<a href=\"" + server_->BaseUrl(Address(host)) + path + "\">x</a> ";
  }
  std::vector<std::string> Args(int task, const std::vector<std::string>& extra = {}) const {
    std::vector<std::string> a = {"crawl", "--seeds", tmp_.Sub("seeds.txt"), "--out", tmp_.Sub("out"),
                                  "--num-tasks", std::to_string(kTasks), "--task-index",
                                  std::to_string(task), "--allow-private-networks",
                                  "--per-host-delay", std::to_string(kDelayMs), "--threads", "1",
                                  "--checkpoint-interval", "100", "--no-progress",
                                  "--log-level", "info"};
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
  }
  std::unique_ptr<Task> Start(int task, const std::vector<std::string>& extra = {}) {
    auto t = std::make_unique<Task>(Args(task, extra), tmp_.Sub("task-" + std::to_string(task) + ".log"));
    EXPECT_TRUE(t->started());
    return t;
  }
  std::string Log(int task) const {
    std::string text;
    (void)ReadFile(tmp_.Sub("task-" + std::to_string(task) + ".log"), &text);
    return text;
  }
  // The task whose slice holds the most hosts.
  int BusiestTask() const {
    HostPartition p(kTasks, PartitionBy::kHost);
    std::map<int, int> n;
    for (int h = 0; h < kHosts; ++h) ++n[p.OwnerOfHost(Address(h))];
    return std::max_element(n.begin(), n.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
  }
  // Page requests (not robots.txt) per address and target.
  std::map<std::string, std::map<std::string, int>> PageFetches() const {
    std::map<std::string, std::map<std::string, int>> out;
    for (const auto& e : server_->RequestLog()) {
      if (e.target != "/robots.txt") ++out[e.address][e.target];
    }
    return out;
  }
  // Checks every page of every host is a record once, in the part files of
  // the task that owns its host, and the manifest names every part file.
  void ExpectCompleteOutput() {
    int duplicates = 0;
    const auto pages = testing::ReadRecordsByUrl(tmp_.Sub("out"), &duplicates);
    EXPECT_EQ(duplicates, 0);
    EXPECT_EQ(pages.size(), static_cast<size_t>(kHosts * kPagesPerHost));
    std::string manifest;
    ASSERT_TRUE(ReadFile(tmp_.Sub("out/_manifest.json"), &manifest).ok()) << "no manifest";
    HostPartition p(kTasks, PartitionBy::kHost);
    std::vector<std::string> files;
    ASSERT_TRUE(ResolveInputs({tmp_.Sub("out")}, &files).ok());
    for (const auto& f : files) {
      const std::string name = BaseName(f);
      EXPECT_NE(manifest.find(name), std::string::npos) << name << " not in the manifest";
      ASSERT_EQ(name.rfind("part-t000", 0), 0u) << name;
      const int task = name[9] - '0';
      for (const auto& [url, rec] : testing::ReadRecordsByUrl(f)) {
        EXPECT_EQ(p.OwnerOfUrl(url), task) << url << " in " << name;
      }
    }
  }
  // Start-to-start gaps of the requests to each host, taken in `[from, to)`.
  // With `across_kill`, a page requested twice in a row is passed over: a
  // run never fetches a page twice, so the pair is the killed run's last
  // request, which the server may handle only after the rerun has begun,
  // and the rerun's fetch of that uncommitted page.
  void ExpectPoliteGaps(std::chrono::steady_clock::time_point from,
                        std::chrono::steady_clock::time_point to, bool across_kill = false) const {
    for (int h = 0; h < kHosts; ++h) {
      std::vector<SiteLogEntry> log;
      for (auto& e : server_->RequestLogFor(Address(h))) {
        if (e.start >= from && e.start < to) log.push_back(e);
      }
      std::sort(log.begin(), log.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
      for (size_t i = 1; i < log.size(); ++i) {
        if (across_kill && log[i].target == log[i - 1].target) continue;
        const auto gap = std::chrono::duration_cast<std::chrono::milliseconds>(log[i].start - log[i - 1].start);
        EXPECT_GE(gap.count(), kDelayMs) << Address(h) << " " << log[i - 1].target << " -> " << log[i].target;
      }
    }
  }

  testing::TempDir tmp_;
  std::unique_ptr<SiteServer> server_;
};

TEST_F(CrawlTasksTest, FourTasksFetchEveryPageOnceEachHostFromOneTask) {
  std::vector<std::unique_ptr<Task>> tasks;
  for (int t = 0; t < kTasks; ++t) tasks.push_back(Start(t));
  for (int t = 0; t < kTasks; ++t) EXPECT_EQ(tasks[t]->Wait(), 0) << Log(t);

  const auto fetches = PageFetches();
  EXPECT_EQ(fetches.size(), static_cast<size_t>(kHosts));
  for (const auto& [addr, targets] : fetches) {
    EXPECT_EQ(targets.size(), static_cast<size_t>(kPagesPerHost)) << addr;
    for (const auto& [target, n] : targets) EXPECT_EQ(n, 1) << addr << target;
    EXPECT_EQ(targets.count("/private/x"), 0u) << addr;
    EXPECT_EQ(server_->RequestLogFor(addr, "/robots.txt").size(), 1u) << addr;
  }
  ExpectCompleteOutput();
  ExpectPoliteGaps(std::chrono::steady_clock::time_point::min(), std::chrono::steady_clock::time_point::max());
  // Every task did handle hosts found by others.
  for (int t = 0; t < kTasks; ++t) EXPECT_NE(Log(t).find("every task idle"), std::string::npos) << Log(t);

  // Done is done: a rerun fetches nothing.
  const size_t before = server_->requests_served();
  EXPECT_EQ(Start(0)->Wait(), 0);
  EXPECT_EQ(server_->requests_served(), before);
}

TEST_F(CrawlTasksTest, KilledTaskRerunContinuesWithoutLoss) {
  const int victim = BusiestTask();
  std::vector<std::unique_ptr<Task>> tasks;
  for (int t = 0; t < kTasks; ++t) tasks.push_back(Start(t));
  // Midway: once a checkpoint has committed pages of its own (parts stay
  // open across checkpoints, so the checkpoint says what is committed).
  const std::string checkpoint = tmp_.Sub("out/_crawl/task-000" + std::to_string(victim) + "/checkpoint.json");
  auto committed = [&] {
    CrawlCheckpoint cp;
    if (!ReadCheckpoint(checkpoint, &cp).ok()) return false;
    for (const auto& f : cp.open_parts) {
      if (f.records > 0) return true;
    }
    return !cp.outputs.empty();
  };
  while (!committed() && tasks[victim]->Running()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  tasks[victim]->Kill9();
  EXPECT_EQ(tasks[victim]->Wait(), 128 + SIGKILL) << "the task finished before it was killed";
  const auto rerun_at = std::chrono::steady_clock::now();
  auto rerun = Start(victim);
  EXPECT_EQ(rerun->Wait(), 0) << Log(victim);
  for (int t = 0; t < kTasks; ++t) {
    if (t != victim) {
      EXPECT_EQ(tasks[t]->Wait(), 0) << Log(t);
    }
  }

  // Nothing lost, nothing twice in the output; in the server's log a page
  // may be fetched twice only if the killed task had not committed it.
  ExpectCompleteOutput();
  HostPartition p(kTasks, PartitionBy::kHost);
  for (const auto& [addr, targets] : PageFetches()) {
    EXPECT_EQ(targets.size(), static_cast<size_t>(kPagesPerHost)) << addr;
    for (const auto& [target, n] : targets) {
      EXPECT_LE(n, p.OwnerOfHost(addr) == victim ? 2 : 1) << addr << target;
    }
  }
  ExpectPoliteGaps(std::chrono::steady_clock::time_point::min(), rerun_at, /*across_kill=*/true);
  ExpectPoliteGaps(rerun_at, std::chrono::steady_clock::time_point::max(), /*across_kill=*/true);
}

TEST_F(CrawlTasksTest, MissingTaskIsNamedAndTheOthersFinishTheirHosts) {
  const int missing = BusiestTask();
  std::vector<std::unique_ptr<Task>> tasks(kTasks);
  for (int t = 0; t < kTasks; ++t) {
    if (t != missing) tasks[t] = Start(t, {"--peer-timeout", "1s"});
  }
  HostPartition p(kTasks, PartitionBy::kHost);
  for (int t = 0; t < kTasks; ++t) {
    if (t == missing) continue;
    EXPECT_EQ(tasks[t]->Wait(), 2) << Log(t);
    EXPECT_NE(Log(t).find("task " + std::to_string(missing) + " of 4"), std::string::npos) << Log(t);
  }
  EXPECT_FALSE(PathExists(tmp_.Sub("out/_manifest.json")));
  // The missing task's hosts were left alone.
  for (const auto& [addr, targets] : PageFetches()) {
    EXPECT_NE(p.OwnerOfHost(addr), missing) << addr;
  }

  // Run it and the others again: the crawl completes, every page once.
  for (int t = 0; t < kTasks; ++t) tasks[t] = Start(t);
  for (int t = 0; t < kTasks; ++t) EXPECT_EQ(tasks[t]->Wait(), 0) << Log(t);
  ExpectCompleteOutput();
  for (const auto& [addr, targets] : PageFetches()) {
    EXPECT_EQ(targets.size(), static_cast<size_t>(kPagesPerHost)) << addr;
    for (const auto& [target, n] : targets) EXPECT_EQ(n, 1) << addr << target;
  }
}

TEST_F(CrawlTasksTest, SeedRedirectToAnotherTasksHostJoinsTheScope) {
  // A seed on host a that redirects to host b, owned by another task: b's
  // pages are in scope, as in a one-task crawl.
  HostPartition p(kTasks, PartitionBy::kHost);
  int a = 0, b = 1;
  while (p.OwnerOfHost(Address(b)) == p.OwnerOfHost(Address(a))) ++b;
  server_->Handle(Address(a), "/moved", [this, b](const SiteRequest&) {
    SiteResponse r;
    r.status = 301;
    r.headers.push_back({"Location", server_->BaseUrl(Address(b)) + "/"});
    return r;
  });
  ASSERT_TRUE(WriteFileAtomic(tmp_.Sub("seeds.txt"), server_->BaseUrl(Address(a)) + "/moved\n").ok());
  std::vector<std::unique_ptr<Task>> tasks;
  for (int t = 0; t < kTasks; ++t) tasks.push_back(Start(t));
  for (int t = 0; t < kTasks; ++t) EXPECT_EQ(tasks[t]->Wait(), 0) << Log(t);
  const auto fetches = PageFetches();
  ASSERT_EQ(fetches.count(Address(b)), 1u);
  EXPECT_EQ(fetches.at(Address(b)).size(), static_cast<size_t>(kPagesPerHost));
  EXPECT_EQ(testing::ReadRecordsByUrl(tmp_.Sub("out")).size(), static_cast<size_t>(kPagesPerHost));
}

TEST_F(CrawlTasksTest, MaxPagesCountsEveryTasksPages) {
  // Each task stops once its own pages and the others' it has read reach the
  // limit: the crawl ends with at least 30 pages and at most 4 × 30.
  std::vector<std::unique_ptr<Task>> tasks;
  for (int t = 0; t < kTasks; ++t) tasks.push_back(Start(t, {"--max-pages", "30"}));
  for (int t = 0; t < kTasks; ++t) EXPECT_EQ(tasks[t]->Wait(), 0) << Log(t);
  int duplicates = 0;
  const size_t pages = testing::ReadRecordsByUrl(tmp_.Sub("out"), &duplicates).size();
  EXPECT_EQ(duplicates, 0);
  EXPECT_GE(pages, 30u);
  EXPECT_LE(pages, static_cast<size_t>(kTasks * 30));
  EXPECT_TRUE(PathExists(tmp_.Sub("out/_manifest.json")));
  for (const auto& [addr, targets] : PageFetches()) {
    for (const auto& [target, n] : targets) EXPECT_EQ(n, 1) << addr << target;
  }
}

}  // namespace
}  // namespace corpus
