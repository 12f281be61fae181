// `corpus decon` through the binary on shards made here: drop and cut
// modes, the report in `corpus stats`, resume, a changed benchmark, --force,
// and bad benchmarks refused before anything is written.
#include <gtest/gtest.h>

#include <map>

#include "corpus/io/record.h"
#include "corpus/io/shard_writer.h"
#include "corpus/util/fs.h"
#include "corpus/util/json.h"
#include "testing/record_lines.h"
#include "testing/run_binary.h"
#include "testing/temp_dir.h"

namespace corpus {
namespace {

const char kQuestion[] = "Which river flows through the old town and past the market square before it reaches the sea?";
const char kPassage[] = "Researchers measured the water level every morning for three years and found the floods came earlier.";

std::string Prose(int n) {
  static const char* kSentences[] = {"A new bridge was opened in the autumn after a long public debate.",
                                     "Visitors can walk along the bank and read about the history of the mills.",
                                     "The council published its report on the supply of water last week.",
                                     "Farmers in the valley grow apples, pears and a little wheat."};
  std::string text;
  for (int i = 0; i < 10; ++i) text += std::string(kSentences[(n + i) % 4]) + (i % 3 == 2 ? "\n\n" : " ");
  return text;
}

class DeconE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(MakeDirs(dir_.Sub("in")).ok());
    ASSERT_TRUE(MakeDirs(dir_.Sub("evals")).ok());
    for (int f = 0; f < 3; ++f) {
      ShardWriter w(dir_.Sub("in/part-" + std::to_string(f) + ".jsonl.zst"));
      for (int i = 0; i < 20; ++i) {
        const int n = f * 20 + i;
        std::string text = Prose(n);
        if (n % 10 == 3) text += std::string("Quiz: ") + kQuestion + "\n\n" + Prose(n + 1);
        if (n == 41) text += kPassage;
        ASSERT_TRUE(w.Write(JsonObjectWriter().String("id", "doc-" + std::to_string(n)).String("text", text).Finish()).ok());
      }
      ASSERT_TRUE(w.Finish().ok());
    }
    ASSERT_TRUE(WriteFileAtomic(dir_.Sub("evals/rivers.jsonl"),
                                "{\"id\":\"r1\",\"question\":\"" + std::string(kQuestion) + "\",\"answer\":\"The Ouse\"}\n" +
                                    "{\"id\":\"r2\",\"question\":\"What is the longest river in Europe by length?\"}\n")
                    .ok());
    ASSERT_TRUE(WriteFileAtomic(dir_.Sub("evals/passages.txt"), std::string("\n") + kPassage + "\n").ok());
  }
  testing::RunResult Decon(const std::string& extra) {
    return testing::RunCorpus("decon --in " + dir_.Sub("in") + " --out " + dir_.Sub("out") + " --benchmarks " +
                              dir_.Sub("evals") + " --no-progress --threads 2 " + extra + " 2>&1");
  }
  testing::TempDir dir_;
};

TEST_F(DeconE2eTest, DropModeReportsPerBenchmarkAndResumes) {
  const testing::RunResult r = Decon("");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto kept = testing::RecordLinesById(dir_.Sub("out"));
  const auto rejected = testing::RecordLinesById(dir_.Sub("out/rejected"));
  EXPECT_EQ(kept.size(), 53u);
  ASSERT_EQ(rejected.size(), 7u);  // doc-3, 13, ..., 53 and doc-41
  for (const char* id : {"doc-3", "doc-13", "doc-23", "doc-33", "doc-43", "doc-53", "doc-41"}) {
    ASSERT_EQ(rejected.count(id), 1u) << id;
    EXPECT_NE(rejected.at(id).find("\"rule\":\"contamination\""), std::string::npos);
  }
  EXPECT_NE(rejected.at("doc-41").find("\"benchmark\":\"passages\",\"item\":{\"line\":2,"), std::string::npos)
      << rejected.at("doc-41");

  const testing::RunResult stats = testing::RunCorpus("stats " + dir_.Sub("out") + " 2>&1");
  ASSERT_EQ(stats.exit_code, 0);
  EXPECT_NE(stats.out.find("contaminated_docs:rivers"), std::string::npos) << stats.out;
  EXPECT_NE(stats.out.find("items_hit:passages"), std::string::npos) << stats.out;
  std::string manifest;
  ASSERT_TRUE(ReadFile(dir_.Sub("out/_manifest.json"), &manifest).ok());
  EXPECT_NE(manifest.find("\"name\":\"rivers\""), std::string::npos);
  EXPECT_NE(manifest.find("\"contaminated_docs\":6,\"items_hit\":1,\"examples\":[{"), std::string::npos) << manifest;

  // Rerun: everything is done already.
  const testing::RunResult again = Decon("");
  ASSERT_EQ(again.exit_code, 0) << again.out;
  EXPECT_NE(again.out.find("3 of 3 inputs already done"), std::string::npos) << again.out;

  // A changed benchmark file changes the fingerprint: refused, then --force.
  ASSERT_TRUE(WriteFileAtomic(dir_.Sub("evals/passages.txt"), std::string(kPassage) + "\nanother line\n").ok());
  const testing::RunResult changed = Decon("");
  EXPECT_EQ(changed.exit_code, 1) << changed.out;
  EXPECT_NE(changed.out.find("--force"), std::string::npos) << changed.out;
  const testing::RunResult forced = Decon("--force");
  EXPECT_EQ(forced.exit_code, 0) << forced.out;
  EXPECT_EQ(testing::RecordLinesById(dir_.Sub("out/rejected")).count("doc-41"), 1u);
  EXPECT_NE(testing::RecordLinesById(dir_.Sub("out/rejected")).at("doc-41").find("\"line\":1,"), std::string::npos);
}

TEST_F(DeconE2eTest, CutModeKeepsTheRestWithItsSpans) {
  const testing::RunResult r = Decon("--mode cut --min-piece-chars 50");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto kept = testing::RecordLinesById(dir_.Sub("out"));
  ASSERT_EQ(kept.count("doc-13"), 1u);
  Record rec;
  ASSERT_TRUE(rec.Parse(kept.at("doc-13")).ok());
  EXPECT_EQ(rec.GetString("text")->find("market square"), std::string::npos);
  ASSERT_TRUE(rec.GetRaw("decon_cuts").has_value());
  EXPECT_NE(rec.GetRaw("decon_cuts")->find("\"rivers\"]"), std::string::npos) << *rec.GetRaw("decon_cuts");
  EXPECT_EQ(kept.at("doc-12").find("decon_cuts"), std::string::npos);
}

TEST_F(DeconE2eTest, MalformedInputIsRejectedAndExitsThree) {
  ASSERT_TRUE(WriteFileAtomic(dir_.Sub("in/part-9.jsonl"), "{\"id\":\"x\",\"text\":\"fine\"}\n{broken\n{\"id\":\"y\"}\n").ok());
  const testing::RunResult r = Decon("");
  EXPECT_EQ(r.exit_code, 3) << r.out;
  const auto rejected = testing::RecordLinesById(dir_.Sub("out/rejected"));
  EXPECT_NE(rejected.at("y").find("missing_text"), std::string::npos);
}

TEST_F(DeconE2eTest, BadBenchmarksWriteNothing) {
  testing::RunResult r = testing::RunCorpus("decon --in " + dir_.Sub("in") + " --out " + dir_.Sub("out") +
                                            " --benchmarks " + dir_.Sub("nope.jsonl") + " 2>&1");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("benchmark file not found"), std::string::npos) << r.out;
  ASSERT_TRUE(WriteFileAtomic(dir_.Sub("evals/broken.jsonl"), "{\"q\":\"a b c d e f g h i\"}\n{nope\n").ok());
  r = Decon("");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("broken.jsonl line 2"), std::string::npos) << r.out;
  r = Decon("--mode trim");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_FALSE(PathExists(dir_.Sub("out")));
}

}  // namespace
}  // namespace corpus
