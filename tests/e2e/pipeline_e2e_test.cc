// The whole pipeline through the binary: the
// built-in site served in process on loopback, crawl -> extract -> dedup ->
// filter -> shard, a kill -9 in the middle of shard, and a cron-style refresh
// after two pages of a copy of the site change.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "corpus/site/site_server.h"
#include "corpus/io/record.h"
#include "corpus/io/shard_writer.h"
#include "corpus/stage/stage_summary.h"
#include "corpus/util/fs.h"
#include "corpus/util/json.h"
#include "testing/record_lines.h"
#include "testing/temp_dir.h"

namespace corpus {
namespace {

namespace fs = std::filesystem;

const std::string kBinary = CORPUS_BINARY;
const std::string kSource = CORPUS_SOURCE_DIR;

std::string Capture(const std::string& cmd, int* rc = nullptr) {
  std::string out;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof(buf), p)) > 0) out.append(buf, n);
  const int status = ::pclose(p);
  if (rc) *rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

// Runs `corpus ARGS` and returns its exit code; output goes to `log`.
int Corpus(const std::string& args, const std::string& log) {
  int rc = 0;
  Capture(kBinary + " " + args + " --no-progress >>" + log + " 2>&1", &rc);
  return rc;
}

using testing::ReadRecordLines;

std::string Field(const std::string& json, const std::string& key) {
  Record r;
  if (!r.Parse(json).ok()) return "";
  return r.GetString(key).value_or("");
}

std::string RejectRule(const std::string& json) {
  Record r;
  if (!r.Parse(json).ok()) return "";
  auto raw = r.GetRaw("reject");
  Record reject;
  if (!raw || !reject.Parse(*raw).ok()) return "";
  return reject.GetString("rule").value_or("");
}

std::map<std::string, std::string> ReleaseFiles(const std::string& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name.find("-of-") == std::string::npos && name != "README.md") continue;
    std::string bytes;
    EXPECT_TRUE(ReadFile(e.path().string(), &bytes).ok());
    out[name] = bytes;
  }
  return out;
}

StageSummary Summary(const std::string& dir) {
  StageSummary s;
  EXPECT_TRUE(ReadStageSummary(dir, &s).ok()) << dir;
  EXPECT_TRUE(s.complete) << dir;
  return s;
}

// The built-in site (or a copy), served on loopback for one test.
class Site {
 public:
  explicit Site(const std::string& dir) {
    SiteServer::Options o;
    o.site_dir = dir;
    o.port = 0;
    server_ = std::make_unique<SiteServer>(o);
    status_ = server_->Start();
  }
  const Status& status() const { return status_; }
  SiteServer& server() { return *server_; }
  // seeds/builtin.txt with the port this server got.
  std::string WriteSeeds(const std::string& path) const {
    std::string seeds;
    EXPECT_TRUE(ReadFile(kSource + "/seeds/builtin.txt", &seeds).ok());
    const std::string port = std::to_string(server_->port());
    seeds = std::regex_replace(seeds, std::regex(":8080\\b"), ":" + port);
    seeds = std::regex_replace(seeds, std::regex("\\{\\{port\\}\\}"), port);
    EXPECT_TRUE(WriteFileAtomic(path, seeds).ok());
    return path;
  }

 private:
  std::unique_ptr<SiteServer> server_;
  Status status_;
};

// Disallow rules of the `*` group of every host's robots.txt: host -> paths.
std::map<std::string, std::vector<std::string>> DisallowedPaths(const std::string& site) {
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& e : fs::directory_iterator(site)) {
    if (!e.is_directory()) continue;
    std::ifstream in(e.path() / "robots.txt");
    std::string line;
    bool star = false;
    while (std::getline(in, line)) {
      if (line.rfind("User-agent:", 0) == 0) star = line.find('*') != std::string::npos;
      if (star && line.rfind("Disallow:", 0) == 0) {
        std::string p = line.substr(9);
        p.erase(0, p.find_first_not_of(" \t"));
        p.erase(p.find_last_not_of(" \t\r") + 1);
        if (!p.empty()) out[e.path().filename().string()].push_back(p);
      }
    }
  }
  return out;
}

class PipelineE2eTest : public ::testing::Test {
 protected:
  // crawl -> extract -> dedup -> filter -> shard into `out`.
  void RunPipeline(const std::string& seeds, const std::string& out) {
    const std::string log = out + "/log.txt";
    ASSERT_TRUE(MakeDirs(out).ok());
    auto ok = [&](int rc, const char* stage) {
      std::string text;
      EXPECT_TRUE(ReadFile(log, &text).ok());
      ASSERT_TRUE(rc == 0 || rc == 3) << stage << " exit " << rc << "\n" << text;
    };
    ok(Corpus("crawl --seeds " + seeds + " --out " + out + "/pages --allow-private-networks "
              "--per-host-delay 0 --max-pages 1000",
              log),
       "crawl");
    ok(Corpus("extract --in " + out + "/pages --out " + out + "/docs", log), "extract");
    ok(Corpus("dedup --in " + out + "/docs --out " + out + "/unique", log), "dedup");
    ok(Corpus("filter --in " + out + "/unique --out " + out + "/clean --languages en", log), "filter");
    ok(Corpus("shard --in " + out + "/clean --out " + out + "/release --target-size 16KiB --seed 5", log),
       "shard");
  }
};

TEST_F(PipelineE2eTest, BuiltInSiteFunnel) {
  testing::TempDir tmp;
  Site site(kSource + "/site");
  ASSERT_TRUE(site.status().ok()) << site.status().ToString();
  const std::string out = tmp.Sub("run");
  RunPipeline(site.WriteSeeds(tmp.Sub("seeds.txt")), out);

  // The funnel is one chain: what a stage kept is what the next one read.
  const StageSummary pages = Summary(out + "/pages"), docs = Summary(out + "/docs"),
                     unique = Summary(out + "/unique"), clean = Summary(out + "/clean"),
                     release = Summary(out + "/release");
  std::printf("%s", FormatFunnel({pages, docs, unique, clean, release}).c_str());
  ASSERT_GT(pages.counts.kept, 10u);
  EXPECT_EQ(docs.counts.records_in, pages.counts.kept);
  EXPECT_EQ(unique.counts.records_in, docs.counts.kept);
  EXPECT_EQ(clean.counts.records_in, unique.counts.kept);
  EXPECT_EQ(release.counts.records_in, clean.counts.kept);
  EXPECT_EQ(release.counts.kept, clean.counts.kept);
  EXPECT_EQ(ReadRecordLines(out + "/release").size(), clean.counts.kept);

  // The disallowed section is never fetched (the server's own log) and never
  // in the pages.
  const auto disallowed = DisallowedPaths(kSource + "/site");
  ASSERT_FALSE(disallowed.empty()) << "the built-in site should have a robots.txt Disallow";
  for (const auto& entry : site.server().RequestLog()) {
    for (const auto& p : disallowed.count(entry.host) ? disallowed.at(entry.host) : std::vector<std::string>{}) {
      EXPECT_NE(entry.target.rfind(p, 0), 0u) << "fetched disallowed " << entry.host << entry.target;
    }
  }

  // The syndicated copy (site/README.md) is removed as a near duplicate of
  // the news article, and nothing else is.
  auto ends_with = [](const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  std::vector<std::string> near;
  for (const auto& r : ReadRecordLines(out + "/unique/rejected")) {
    if (RejectRule(r) == "near_duplicate") near.push_back(Field(r, "url"));
  }
  EXPECT_EQ(near.size(), 1u) << "exactly the syndicated copy is a near duplicate";
  for (const auto& url : near) {
    EXPECT_TRUE(ends_with(url, "/posts/river-cleanup.html") ||
                ends_with(url, "/2024/06/river-cleanup-volunteers.html"))
        << url;
  }
  const auto nd = unique.counts.rejected_by_rule.find("near_duplicate");
  EXPECT_EQ(nd == unique.counts.rejected_by_rule.end() ? 0u : nd->second, 1u);
  for (const auto& r : ReadRecordLines(out + "/pages")) {
    EXPECT_EQ(Field(r, "url").find("/private/"), std::string::npos) << "disallowed page kept";
  }

  // The other-language page and the spam page are filtered, with their rules.
  std::map<std::string, std::vector<std::string>> filter_rules;  // rule -> urls
  for (const auto& r : ReadRecordLines(out + "/clean/rejected")) filter_rules[RejectRule(r)].push_back(Field(r, "url"));
  ASSERT_TRUE(filter_rules.count("language")) << "no page removed by the language rule";
  // The French post and the German article, and only they, fail --languages en.
  std::set<std::string> other_language;
  for (const auto& url : filter_rules["language"]) {
    other_language.insert(url.substr(url.find('/', url.find("//") + 2)));
  }
  EXPECT_EQ(other_language, (std::set<std::string>{"/posts/fr/pain-de-campagne.html",
                                                    "/international/de/hafenfest.html"}));
  // The keyword-stuffed page fails a quality rule.
  bool spam_caught = false;
  for (const auto& [rule, urls] : filter_rules) {
    for (const auto& url : urls) {
      if (rule != "language" && ends_with(url, "/deals/cheap-jackets-best-price.html")) spam_caught = true;
    }
  }
  EXPECT_TRUE(spam_caught) << "the spam page was not filtered";
  size_t quality_rules = 0;
  for (const auto& [rule, urls] : filter_rules) {
    std::printf("filter rejected by %s: %zu (%s)\n", rule.c_str(), urls.size(), urls.front().c_str());
    quality_rules += rule != "language";
  }
  EXPECT_GE(quality_rules, 1u) << "the spam page should fail a quality rule";

  // The card's numbers are the manifests'.
  std::string card;
  ASSERT_TRUE(ReadFile(out + "/release/README.md", &card).ok());
  EXPECT_NE(card.find("| filter | `" + out + "/clean` | " + std::to_string(clean.counts.records_in) + " | "),
            std::string::npos)
      << card;
  EXPECT_NE(card.find("| crawl | `" + out + "/pages` | "), std::string::npos) << card;

  // One document through `corpus cat`, as the demo prints it.
  const std::string one = Capture(kBinary + " cat " + out + "/release --limit 1");
  EXPECT_FALSE(Field(one.substr(0, one.find('\n')), "text").empty());
}

// Writes `n` documents of a few hundred bytes as a finished-looking input.
void WriteDocs(const std::string& dir, int n) {
  ASSERT_TRUE(MakeDirs(dir).ok());
  for (int f = 0; f < 4; ++f) {
    ShardWriter w(dir + "/part-0000" + std::to_string(f) + ".jsonl.zst", 3, true);
    for (int i = f; i < n; i += 4) {
      std::string text;
      for (int k = 0; k < 60; ++k) text += "word" + std::to_string((i * 31 + k * 7) % 997) + " ";
      ASSERT_TRUE(w.Write(JsonObjectWriter()
                              .String("id", "doc-" + std::to_string(i))
                              .String("url", "http://example.test/" + std::to_string(i))
                              .String("text", text)
                              .String("lang", "en")
                              .Finish())
                      .ok());
    }
    ASSERT_TRUE(w.Finish().ok());
  }
}

TEST(ShardKillE2eTest, KillNineInTheMiddleThenRerunIsByteIdentical) {
  testing::TempDir tmp;
  WriteDocs(tmp.Sub("clean"), 6000);
  // zstd level 19 makes packing slow enough to be caught in the middle.
  const std::string args = "shard --in " + tmp.Sub("clean") +
                           " --target-size 32KiB --seed 3 --val-fraction 0.01 --threads 1 --zstd-level 19 "
                           "--no-progress --out ";
  ASSERT_EQ(Corpus(args + tmp.Sub("straight"), tmp.Sub("log.txt")), 0);

  const std::string killed = tmp.Sub("killed");
  bool interrupted = false;
  for (int attempt = 0; attempt < 5 && !interrupted; ++attempt) {
    fs::remove_all(killed);
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      ::setpgid(0, 0);  // its own group, so the kill reaches the shell and corpus
      ::execl("/bin/sh", "sh", "-c", (kBinary + " " + args + killed + " >/dev/null 2>&1").c_str(), nullptr);
      ::_exit(127);
    }
    // Wait until some shards are packed, then kill -9.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    for (;;) {
      size_t packed = 0;
      std::error_code ec;
      for (const auto& e : fs::directory_iterator(killed + "/_done", ec)) {
        packed += e.path().filename().string().rfind("train-", 0) == 0;
      }
      if (packed >= 2 || std::chrono::steady_clock::now() > deadline) break;
      int st;
      if (::waitpid(pid, &st, WNOHANG) == pid) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    ::kill(-pid, SIGKILL);
    int st;
    ::waitpid(pid, &st, 0);
    interrupted = !PathExists(killed + "/_manifest.json");
  }
  ASSERT_TRUE(interrupted) << "shard always finished before it could be killed";
  ASSERT_EQ(Corpus(args + killed, tmp.Sub("log.txt")), 0);
  const auto a = ReleaseFiles(tmp.Sub("straight"));
  auto b = ReleaseFiles(killed);
  ASSERT_GT(a.size(), 10u);
  // The cards quote their own folder and name; compare them with it normalised.
  b["README.md"] = std::regex_replace(b["README.md"], std::regex(killed), tmp.Sub("straight"));
  b["README.md"] = std::regex_replace(b["README.md"], std::regex("^# killed"), "# straight");
  EXPECT_EQ(a, b);
  for (const auto& e : fs::directory_iterator(killed)) {
    EXPECT_NE(e.path().extension(), ".tmp") << "temporary file left: " << e.path();
  }
}

// Replaces the page behind `url` in a site copy with a new article.
bool RewritePage(const std::string& site, const SiteServer& server, const std::string& url, int n) {
  const std::regex re("^https?://([^/:]+)(:[0-9]+)?(/[^?#]*)");
  std::smatch m;
  if (!std::regex_search(url, m, re)) return false;
  const std::string host = server.HostName(m[1]);
  std::string path = site + "/" + host + m[3].str();
  if (IsDirectory(path)) path += "/index.html";
  if (!PathExists(path)) return false;
  std::string body = "<!doctype html><html><head><title>Changed page " + std::to_string(n) +
                     "</title></head><body><main><article><h1>A new report number " + std::to_string(n) +
                     "</h1>";
  // Two unrelated texts, so the two changed pages are not near duplicates
  // of each other (or of anything released before), and no sentence
  // repeats (the Gopher repetition rules would drop the page).
  const char* kSentences[2][8] = {
      {"The river council met on Tuesday evening to discuss the new footbridge and the plans for the old mill.",
       "Residents who attended the meeting asked for more lighting along the path and for benches near the water.",
       "The engineer said that the work would begin in the spring and that the path would stay open for walkers.",
       "A local teacher described how her students had measured the flow of the river during the winter floods.",
       "Several shop owners hoped that the bridge would bring more visitors to the Saturday market in the square.",
       "One farmer worried about the lorries that would carry steel beams along the narrow lane past his gate.",
       "The mayor promised a second meeting in May, once the survey of the riverbank has been completed.",
       "Everyone agreed that the old stepping stones should stay, even after the new crossing is finished."},
      {"Our orchard produced far more plums this year than we could possibly eat before they went soft.",
       "We tried drying some of them in a low oven overnight, which worked better than any of us expected.",
       "The rest became jam, and the neighbours were happy to take a few jars home after the harvest party.",
       "Next season we plan to prune the oldest tree in late winter so that it has a chance to recover.",
       "Wasps found the fallen fruit within a day, so we raked the grass every morning before breakfast.",
       "My grandmother used to bottle plums in syrup, and her handwritten labels still hang in the shed.",
       "A friend from the allotment swapped a basket of pears for two jars of the dark plum chutney.",
       "By October the branches were bare again, and the garden smelled of wood smoke and wet leaves."}};
  for (int p = 0; p < 2; ++p) {
    body += "<p>";
    for (int k = 0; k < 4; ++k) body += std::string(kSentences[n % 2][p * 4 + k]) + " ";
    body += "</p>";
  }
  body += "</article></main></body></html>\n";
  if (!WriteFileAtomic(path, body).ok()) return false;
  // Last-Modified has one-second resolution: date the new page two seconds
  // ahead, so the refresh sees it changed without waiting for the clock.
  std::error_code ec;
  fs::last_write_time(path, fs::file_time_type::clock::now() + std::chrono::seconds(2), ec);
  return !ec;
}

TEST_F(PipelineE2eTest, RefreshCarriesOnlyTheChangedPages) {
  testing::TempDir tmp;
  const std::string site_copy = tmp.Sub("site");
  fs::copy(kSource + "/site", site_copy, fs::copy_options::recursive);
  Site site(site_copy);
  ASSERT_TRUE(site.status().ok()) << site.status().ToString();
  const std::string seeds = site.WriteSeeds(tmp.Sub("seeds.txt"));
  const std::string state = tmp.Sub("state");
  const std::string refresh = "CORPUS=" + kBinary + " " + kSource + "/scripts/refresh.sh --seeds " + seeds +
                              " --state " + state + " --date ";
  const std::string crawl_flags = " -- --allow-private-networks --per-host-delay 0 --max-pages 1000";
  int rc = 0;
  std::string log = Capture(refresh + "2026-01-01" + crawl_flags + " 2>&1", &rc);
  ASSERT_EQ(rc, 0) << log;
  const auto first = ReadRecordLines(state + "/release-2026-01-01");
  ASSERT_GE(first.size(), 2u);

  // Change two pages that made it into the first release.
  std::set<std::string> changed;
  for (const auto& r : first) {
    const std::string url = Field(r, "url");
    if (changed.size() < 2 && RewritePage(site_copy, site.server(), url, static_cast<int>(changed.size()))) {
      changed.insert(url);
    }
  }
  ASSERT_EQ(changed.size(), 2u);
  log = Capture(refresh + "2026-01-02" + crawl_flags + " 2>&1", &rc);
  ASSERT_EQ(rc, 0) << log;

  std::set<std::string> recrawled, released;
  for (const auto& r : ReadRecordLines(state + "/pages-2026-01-02")) recrawled.insert(Field(r, "url"));
  for (const auto& r : ReadRecordLines(state + "/release-2026-01-02")) released.insert(Field(r, "url"));
  // The crawl re-emits the changed pages (and may re-fetch its seeds, the
  // front pages); dedup --index drops everything released before, so the
  // release holds exactly the two changed pages.
  const std::string seed_list = [&] {
    std::string t;
    EXPECT_TRUE(ReadFile(seeds, &t).ok());
    return t;
  }();
  for (const auto& url : changed) EXPECT_TRUE(recrawled.count(url)) << url << "\n" << log;
  for (const auto& url : recrawled) {
    EXPECT_TRUE(changed.count(url) || seed_list.find(url + "\n") != std::string::npos) << "unchanged page re-emitted: " << url;
  }
  std::string why;  // where the changed pages went, if not to the release
  for (const char* stage : {"/docs-2026-01-02/rejected", "/unique-2026-01-02/rejected", "/clean-2026-01-02/rejected"}) {
    for (const auto& r : ReadRecordLines(state + stage)) why += std::string(stage) + ": " + RejectRule(r) + " " + Field(r, "url") + "\n";
  }
  EXPECT_EQ(released, changed) << why;

  // A second refresh while one holds the lock does nothing.
  const int lock_fd = ::open((state + "/.refresh.lock").c_str(), O_RDWR);
  ASSERT_GE(lock_fd, 0);
  ASSERT_EQ(::flock(lock_fd, LOCK_EX), 0);
  log = Capture(refresh + "2026-01-03" + crawl_flags + " 2>&1", &rc);
  EXPECT_EQ(rc, 0);
  EXPECT_NE(log.find("another refresh"), std::string::npos) << log;
  EXPECT_FALSE(PathExists(state + "/pages-2026-01-03"));
  ::close(lock_fd);
}

}  // namespace
}  // namespace corpus
