// Kills a stage binary with SIGKILL in the middle of its work, reruns the same
// command, and checks the output folder equals an uninterrupted run's.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <map>

#include "corpus/io/record_source.h"
#include "corpus/io/shard_writer.h"
#include "corpus/util/fs.h"
#include "corpus/util/json.h"
#include "testing/run_binary.h"
#include "testing/temp_dir.h"

namespace corpus {
namespace {

std::string MakeText(int n) {
  static const char* kSentences[] = {
      "The river runs through the old town and past the market square.",
      "Researchers measured the water level every morning for three years.",
      "Local farmers said the spring floods arrived earlier than before.",
      "A new bridge was opened in the autumn after a long public debate.",
      "Visitors can walk along the bank and read about the history of the mills.",
      "The council published its report on the town's water supply last week."};
  std::string text;
  for (int i = 0; i < 12; ++i) {
    text += kSentences[(n + i * 5) % 6];
    text += (i % 3 == 2) ? "\n\n" : " ";
  }
  return text + "Document number " + std::to_string(n) + ".";
}

std::map<std::string, std::vector<std::string>> ReadFolder(const std::string& dir) {
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    const std::string p = e.path().string();
    if (p.size() < 10 || p.compare(p.size() - 10, 10, ".jsonl.zst") != 0) continue;
    std::unique_ptr<RecordSource> src;
    EXPECT_TRUE(OpenRecordSource(p, &src).ok());
    std::string_view line;
    auto& lines = out[p.substr(dir.size())];
    while (src->Next(&line)) lines.emplace_back(line);
  }
  return out;
}

TEST(ResumeE2eTest, KilledStageResumesToTheSameOutput) {
  testing::TempDir dir;
  ASSERT_TRUE(MakeDirs(dir.Sub("in")).ok());
  for (int f = 0; f < 12; ++f) {
    ShardWriter w(dir.Sub("in/part-" + std::to_string(100 + f) + ".jsonl.zst"));
    for (int i = 0; i < 1500; ++i) {
      const int n = f * 1500 + i;
      ASSERT_TRUE(w.Write(JsonObjectWriter()
                              .String("id", "doc-" + std::to_string(n))
                              .String("url", "https://example.org/" + std::to_string(n))
                              .String("text", MakeText(n))
                              .Finish())
                      .ok());
    }
    ASSERT_TRUE(w.Finish().ok());
  }
  const std::string args = "filter --no-progress --threads 1 --in " + dir.Sub("in") + " --out ";
  auto clean = testing::RunCorpus(args + dir.Sub("clean") + " 2>&1");
  ASSERT_EQ(clean.exit_code, 0) << clean.out;

  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    const std::string cmd = std::string(CORPUS_BINARY) + " " + args + dir.Sub("killed") + " 2>/dev/null";
    ::execl("/bin/sh", "sh", "-c", ("exec " + cmd).c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  for (int i = 0; i < 4000 && !PathExists(dir.Sub("killed/_done/part-100.json")); ++i) ::usleep(2000);
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  if (!WIFSIGNALED(status)) GTEST_SKIP() << "the stage finished before it could be killed";
  EXPECT_FALSE(PathExists(dir.Sub("killed/_manifest.json")));

  auto resumed = testing::RunCorpus(args + dir.Sub("killed") + " 2>&1");
  ASSERT_EQ(resumed.exit_code, 0) << resumed.out;
  EXPECT_NE(resumed.out.find("already done"), std::string::npos) << resumed.out;
  EXPECT_EQ(ReadFolder(dir.Sub("clean")), ReadFolder(dir.Sub("killed")));
  EXPECT_TRUE(PathExists(dir.Sub("killed/_manifest.json")));
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir.Sub("killed"))) {
    EXPECT_NE(e.path().extension(), ".tmp") << e.path();
  }
}

TEST(ResumeE2eTest, ChangedConfigIsRefusedWithExitOne) {
  testing::TempDir dir;
  ASSERT_TRUE(MakeDirs(dir.Sub("in")).ok());
  {
    ShardWriter w(dir.Sub("in/part-0.jsonl.zst"));
    ASSERT_TRUE(w.Write(JsonObjectWriter().String("id", "a").String("text", MakeText(1)).Finish()).ok());
    ASSERT_TRUE(w.Finish().ok());
  }
  const std::string base = "filter --no-progress --in " + dir.Sub("in") + " --out " + dir.Sub("out");
  ASSERT_EQ(testing::RunCorpus(base + " 2>&1").exit_code, 0);
  auto r = testing::RunCorpus(base + " --min-lang-score 0.9 2>&1");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("--force"), std::string::npos) << r.out;
  EXPECT_EQ(testing::RunCorpus(base + " --min-lang-score 0.9 --force 2>&1").exit_code, 0);
}

}  // namespace
}  // namespace corpus
