// `corpus tokenize` through the binary: flags, token files, counts in
// `corpus stats`, exit codes.
#include <gtest/gtest.h>

#include <fstream>

#include "corpus/util/fs.h"
#include "testing/run_binary.h"
#include "testing/temp_dir.h"

namespace corpus {
namespace {

std::string TestData(const std::string& name) {
  return std::string(CORPUS_SOURCE_DIR) + "/tests/tokenize/testdata/" + name;
}

class TokenizeE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ofstream out(tmp_.Sub("train-00000-of-00001.jsonl"));
    out << "{\"id\":\"a\",\"text\":\"Hello world\"}\n"
        << "{\"id\":\"b\",\"text\":\"Grüße, 世界!\"}\n";
  }
  testing::TempDir tmp_;
};

TEST_F(TokenizeE2eTest, WritesMegatronFilesAndStatsShowTokens) {
  const auto r = testing::RunCorpus("tokenize --in " + tmp_.Sub("train-00000-of-00001.jsonl") + " --out " +
                                    tmp_.Sub("out") + " --tokenizer " + TestData("cl100k_base.tiktoken.zst") +
                                    " --no-progress 2>&1");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(PathExists(tmp_.Sub("out/part-train-00000-of-00001-00000.bin")));
  EXPECT_TRUE(PathExists(tmp_.Sub("out/part-train-00000-of-00001-00000.idx")));
  std::string bin;
  ASSERT_TRUE(ReadFile(tmp_.Sub("out/part-train-00000-of-00001-00000.bin"), &bin).ok());
  // cl100k_base: "Hello world" is [9906, 1917], then <|endoftext|> (int32 ids).
  ASSERT_GE(bin.size(), 12u);
  const int32_t* ids = reinterpret_cast<const int32_t*>(bin.data());
  EXPECT_EQ(ids[0], 9906);
  EXPECT_EQ(ids[1], 1917);
  EXPECT_EQ(ids[2], 100257);

  const auto stats = testing::RunCorpus("stats " + tmp_.Sub("out") + " 2>&1");
  EXPECT_EQ(stats.exit_code, 0) << stats.out;
  EXPECT_NE(stats.out.find("tokens_train"), std::string::npos) << stats.out;
}

TEST_F(TokenizeE2eTest, CountOnlyAndUsageErrors) {
  auto r = testing::RunCorpus("tokenize --in " + tmp_.path() + " --out " + tmp_.Sub("counted") +
                              " --tokenizer " + TestData("spm_unigram.model") + " --count-only --no-progress 2>&1");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  r = testing::RunCorpus("cat " + tmp_.Sub("counted"));
  EXPECT_NE(r.out.find("\"token_count\":"), std::string::npos) << r.out;

  r = testing::RunCorpus("tokenize --in " + tmp_.path() + " --out " + tmp_.Sub("x") +
                         " --tokenizer " + tmp_.Sub("nope.bin") + " 2>&1");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_FALSE(PathExists(tmp_.Sub("x")));
  r = testing::RunCorpus("tokenize --in " + tmp_.path() + " --out " + tmp_.Sub("x") + " 2>&1");
  EXPECT_EQ(r.exit_code, 1) << r.out;  // --tokenizer is required
}

}  // namespace
}  // namespace corpus
