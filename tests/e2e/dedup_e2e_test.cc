// Runs the `corpus dedup` binary: all phases at once, phase by phase as a
// Slurm array would, and `corpus stats` on the result.

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <string>

#include "corpus/io/shard_writer.h"
#include "corpus/util/fs.h"
#include "corpus/util/json.h"
#include "testing/temp_dir.h"

namespace corpus {
namespace {

// Runs `args` with the corpus binary; returns the exit code, output in *out.
int RunCorpus(const std::string& args, std::string* out = nullptr) {
  const std::string cmd = std::string(CORPUS_BINARY) + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return -1;
  std::string text;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof(buf), p)) > 0) text.append(buf, n);
  const int status = pclose(p);
  if (out) *out = text;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void WriteInput(const std::string& dir) {
  ASSERT_TRUE(MakeDirs(dir).ok());
  const std::string para =
      "Deduplication removes repeated documents from a training corpus so that a model does not "
      "memorise them. The same story appears on many sites with small edits, mirrors and templates.";
  for (int f = 0; f < 2; ++f) {
    ShardWriter w(dir + "/part-" + std::to_string(f) + ".jsonl.zst");
    for (int i = 0; i < 4; ++i) {
      const std::string id = "f" + std::to_string(f) + "-" + std::to_string(i);
      const std::string text = i < 2 ? para + (i ? " Edition " + std::to_string(f) : "")
                                     : "Unique text number " + id + " about something else entirely.";
      ASSERT_TRUE(w.Write(JsonObjectWriter().String("id", id).String("text", text).Finish()).ok());
    }
    ASSERT_TRUE(w.Finish().ok());
  }
}

TEST(DedupE2E, AllPhasesThenStats) {
  testing::TempDir tmp;
  WriteInput(tmp.Sub("docs"));
  std::string out;
  ASSERT_EQ(RunCorpus("dedup --in " + tmp.Sub("docs") + " --out " + tmp.Sub("unique") + " --no-progress", &out), 0)
      << out;
  EXPECT_TRUE(PathExists(tmp.Sub("unique/part-0.jsonl.zst")));
  EXPECT_TRUE(PathExists(tmp.Sub("unique/_manifest.json")));
  ASSERT_EQ(RunCorpus("stats " + tmp.Sub("unique"), &out), 0) << out;
  EXPECT_NE(out.find("exact_text"), std::string::npos) << out;
  EXPECT_EQ(RunCorpus("cat " + tmp.Sub("unique/rejected") + " --fields id", &out), 0);
  EXPECT_NE(out.find("\"f1-0\""), std::string::npos) << out;
}

TEST(DedupE2E, PhaseByPhaseAsArrayTasks) {
  testing::TempDir tmp;
  WriteInput(tmp.Sub("docs"));
  const std::string base = "dedup --in " + tmp.Sub("docs") + " --out " + tmp.Sub("unique") +
                           " --no-progress --num-tasks 2 --phase ";
  std::string out;
  EXPECT_EQ(RunCorpus(base + "pairs --task-index 0", &out), 1) << out;  // signatures not done yet
  for (const char* phase : {"signatures", "pairs", "cluster", "apply"}) {
    for (int t = 0; t < 2; ++t) {
      ASSERT_EQ(RunCorpus(base + phase + " --task-index " + std::to_string(t), &out), 0) << phase << out;
    }
  }
  EXPECT_TRUE(PathExists(tmp.Sub("unique/_manifest.json")));
  ASSERT_EQ(RunCorpus("dedup --help", &out), 0);
  EXPECT_NE(out.find("--phase"), std::string::npos);
}

}  // namespace
}  // namespace corpus
