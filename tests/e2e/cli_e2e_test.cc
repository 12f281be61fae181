// The binary's common behaviour: help, version, usage errors, cat and stats.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <utility>

#include "corpus/io/shard_writer.h"
#include "corpus/util/fs.h"
#include "testing/run_binary.h"
#include "testing/temp_dir.h"

namespace corpus {
namespace {

using testing::RunCorpus;

TEST(CliTest, HelpAndVersion) {
  auto r = RunCorpus("--help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* sub : {"crawl", "extract", "dedup", "filter", "shard", "cat", "stats"}) {
    EXPECT_NE(r.out.find(sub), std::string::npos) << sub;
    auto s = RunCorpus(std::string(sub) + " --help");
    EXPECT_EQ(s.exit_code, 0) << sub;
    EXPECT_NE(s.out.find("Usage"), std::string::npos) << sub;
  }
  r = RunCorpus("--version");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("corpus ", 0), 0u);
}

TEST(CliTest, WorkingFoldersUseZstdLevelOneAndTheReleaseThree) {
  // pages/, docs/, unique/ and clean/ are read once, by the next stage: they
  // are compressed at level 1; the release and the tokens at 3 (options.h).
  auto default_level = [](const std::string& command) {
    auto r = RunCorpus(command + " --help");
    EXPECT_EQ(r.exit_code, 0) << command;
    const size_t at = r.out.find("--zstd-level");
    if (at == std::string::npos) return std::string("absent");
    const std::string line = r.out.substr(at, r.out.find('\n', at) - at);
    const size_t eq = line.find("]=");
    return eq == std::string::npos ? line : line.substr(eq + 2, 1);
  };
  for (const char* working : {"crawl", "extract", "dedup", "filter", "decon"}) {
    EXPECT_EQ(default_level(working), "1") << working;
  }
  for (const char* kept : {"shard", "tokenize"}) EXPECT_EQ(default_level(kept), "3") << kept;
}

TEST(CliTest, BadUsageExitsOneWithAReasonAndWritesNothing) {
  testing::TempDir dir;
  auto r = RunCorpus("cat --limit notanumber x 2>&1");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("--limit"), std::string::npos) << r.out;
  r = RunCorpus("cat --no-such-flag x 2>&1");
  EXPECT_EQ(r.exit_code, 1);
  r = RunCorpus("2>&1");
  EXPECT_EQ(r.exit_code, 1);
  r = RunCorpus("cat " + dir.Sub("missing") + " 2>&1");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("missing"), std::string::npos);
  // A malformed byte size names its flag, and nothing is written.
  const std::pair<std::string, std::string> bad_sizes[] = {
      {"shard --in " + dir.path() + " --out " + dir.Sub("out") + " --bucket-size 12XB", "--bucket-size"},
      {"crawl --seeds x --out " + dir.Sub("out") + " --max-body ten", "--max-body"}};
  for (const auto& [args, flag] : bad_sizes) {
    r = RunCorpus(args + " 2>&1");
    EXPECT_EQ(r.exit_code, 1) << args;
    EXPECT_NE(r.out.find(flag), std::string::npos) << r.out;
    EXPECT_FALSE(PathExists(dir.Sub("out")));
  }
}

TEST(CliTest, CatPrintsRecordsWithLimitFieldsAndGlobs) {
  testing::TempDir dir;
  ASSERT_TRUE(MakeDirs(dir.Sub("stage")).ok());
  for (int s = 0; s < 2; ++s) {
    ShardWriter w(dir.Sub("stage/part-" + std::to_string(s) + ".jsonl.zst"));
    for (int i = 0; i < 3; ++i) {
      ASSERT_TRUE(w.Write("{\"id\":\"" + std::to_string(s) + "-" + std::to_string(i) +
                          "\",\"text\":\"t\",\"n\":" + std::to_string(i) + "}")
                      .ok());
    }
    ASSERT_TRUE(w.Finish().ok());
  }
  auto r = RunCorpus("cat " + dir.Sub("stage"));
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "{\"id\":\"0-0\",\"text\":\"t\",\"n\":0}\n{\"id\":\"0-1\",\"text\":\"t\",\"n\":1}\n"
                   "{\"id\":\"0-2\",\"text\":\"t\",\"n\":2}\n{\"id\":\"1-0\",\"text\":\"t\",\"n\":0}\n"
                   "{\"id\":\"1-1\",\"text\":\"t\",\"n\":1}\n{\"id\":\"1-2\",\"text\":\"t\",\"n\":2}\n");
  r = RunCorpus("cat '" + dir.Sub("stage/part-1*") + "' --limit 2 --fields n,id");
  EXPECT_EQ(r.out, "{\"n\":0,\"id\":\"1-0\"}\n{\"n\":1,\"id\":\"1-1\"}\n");
}

TEST(CliTest, ConfigFileSetsSubcommandFlags) {
  testing::TempDir dir;
  {
    std::ofstream(dir.Sub("in.jsonl")) << "{\"id\":\"a\",\"x\":1}\n{\"id\":\"b\",\"x\":2}\n";
    std::ofstream(dir.Sub("c.toml")) << "# cat settings\n[cat]\nlimit = 1\nfields = [\"x\"]\n";
  }
  auto r = RunCorpus("cat --config " + dir.Sub("c.toml") + " " + dir.Sub("in.jsonl"));
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "{\"x\":1}\n");
}

TEST(CliTest, StatsOnANonStageFolderIsAUsageError) {
  testing::TempDir dir;
  auto r = RunCorpus("stats " + dir.path() + " 2>&1");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("not a stage folder"), std::string::npos);
}

}  // namespace
}  // namespace corpus
