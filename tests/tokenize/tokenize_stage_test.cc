// The tokenize stage through the stage runner: token files read back as the
// formats document them, counts, shuffle, caps, resume and bad input.

#include "corpus/tokenize/tokenize_stage.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "corpus/io/record.h"
#include "corpus/stage/stage_summary.h"
#include "corpus/util/fs.h"
#include "testing/record_lines.h"
#include "testing/temp_dir.h"
#include "tokenize/golden_cases.h"
#include "tokenize/megatron_index_reader.h"

namespace corpus {
namespace {

using Docs = std::vector<std::vector<uint32_t>>;

class TokenizeStageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(MakeDirs(tmp_.Sub("in")).ok());
    for (int f = 0; f < 2; ++f) {
      std::ofstream out(tmp_.Sub("in/train-0000" + std::to_string(f) + ".jsonl"));
      for (int i = 0; i < 40; ++i) {
        const std::string text = "Document " + std::to_string(f) + "/" + std::to_string(i) +
                                 ": Grüße aus Köln, 東京 and  spaces\\n\\tcode();";
        out << "{\"id\":\"f" << f << "d" << i << "\",\"text\":\"" << text << "\"}\n";
      }
    }
    opts_.inputs = {tmp_.Sub("in")};
    opts_.out_dir = tmp_.Sub("out");
    opts_.threads = 2;
    config_.tokenizer_path = TokenizeTestData("llama3_style.tokenizer.json");
    ASSERT_TRUE(LoadTokenizer(config_.tokenizer_path, {}, &tok_).ok());
  }

  // What the stage should write for one input file, in input order.
  Docs Expected(int file) {
    Docs docs;
    for (int i = 0; i < 40; ++i) {
      const std::string text = "Document " + std::to_string(file) + "/" + std::to_string(i) +
                               ": Grüße aus Köln, 東京 and  spaces\n\tcode();";
      std::vector<uint32_t> ids;
      tok_->Encode(text, &ids);
      ids.push_back(*tok_->eos_id());
      docs.push_back(ids);
    }
    return docs;
  }

  testing::TempDir tmp_;
  CommonOptions opts_;
  TokenizeConfig config_;
  std::unique_ptr<Tokenizer> tok_;
};

TEST_F(TokenizeStageTest, MegatronFilesHoldEachDocumentWithEos) {
  const StageOutcome outcome = RunTokenize(config_, opts_);
  ASSERT_TRUE(outcome.status.ok()) << outcome.status.ToString();
  EXPECT_TRUE(outcome.manifest_written);
  EXPECT_FALSE(outcome.input_damaged);
  EXPECT_EQ(testing::ReadMegatronDocuments(tmp_.Sub("out/part-train-00000-00000")), Expected(0));
  EXPECT_EQ(testing::ReadMegatronDocuments(tmp_.Sub("out/part-train-00001-00000")), Expected(1));
  EXPECT_TRUE(testing::ReadRecordLines(tmp_.Sub("out")).empty());  // no JSON shards

  StageSummary s;
  ASSERT_TRUE(ReadStageSummary(tmp_.Sub("out"), &s).ok());
  uint64_t tokens = 0;
  for (int f = 0; f < 2; ++f) {
    for (const auto& d : Expected(f)) tokens += d.size() - 1;
  }
  EXPECT_EQ(s.counts.kept, 80u);
  EXPECT_EQ(s.counts.counters["documents"], 80u);
  EXPECT_EQ(s.counts.counters["tokens"], tokens);
  EXPECT_EQ(s.counts.counters["tokens_train"], tokens);
  EXPECT_EQ(s.counts.counters["tokens_written"], tokens + 80);
}

TEST_F(TokenizeStageTest, TheFolderCardHoldsTheTotalsAndLinksTheReleaseCard) {
  ASSERT_TRUE(WriteFileAtomic(tmp_.Sub("in/README.md"), "# a release\n").ok());
  ASSERT_TRUE(RunTokenize(config_, opts_).status.ok());
  StageSummary s;
  ASSERT_TRUE(ReadStageSummary(tmp_.Sub("out"), &s).ok());
  std::string card;
  ASSERT_TRUE(ReadFile(tmp_.Sub("out/README.md"), &card).ok());
  std::string tokens = std::to_string(s.counts.counters["tokens"]);
  for (size_t i = tokens.size(); i > 3; i -= 3) tokens.insert(i - 3, ",");
  EXPECT_NE(card.find("| train | " + tokens + " |"), std::string::npos) << card;
  EXPECT_NE(card.find("| **all** | **" + tokens + "** |"), std::string::npos) << card;
  EXPECT_NE(card.find("Documents tokenized: 80."), std::string::npos) << card;
  EXPECT_NE(card.find("(../in/README.md)"), std::string::npos) << card;
  EXPECT_NE(card.find("`part-train-00000-00000.bin`"), std::string::npos) << card;
}

TEST_F(TokenizeStageTest, BosAndNoEos) {
  config_.bos = true;
  config_.eos = false;
  ASSERT_TRUE(RunTokenize(config_, opts_).status.ok());
  Docs expected = Expected(0);
  for (auto& d : expected) {
    d.pop_back();
    d.insert(d.begin(), *tok_->bos_id());
  }
  EXPECT_EQ(testing::ReadMegatronDocuments(tmp_.Sub("out/part-train-00000-00000")), expected);
}

TEST_F(TokenizeStageTest, SeededShuffleIsAPermutationIndependentOfThreads) {
  config_.seed = 7;
  config_.format = TokenFormat::kDatatrove;
  ASSERT_TRUE(RunTokenize(config_, opts_).status.ok());
  const Docs shuffled = testing::ReadDatatroveDocuments(tmp_.Sub("out/part-train-00000_00000.ds"), 2);
  Docs expected = Expected(0);
  EXPECT_NE(shuffled, expected);
  Docs sorted = shuffled;
  std::sort(sorted.begin(), sorted.end());
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(sorted, expected);

  opts_.out_dir = tmp_.Sub("again");
  opts_.threads = 1;
  ASSERT_TRUE(RunTokenize(config_, opts_).status.ok());
  EXPECT_EQ(testing::ReadDatatroveDocuments(tmp_.Sub("again/part-train-00000_00000.ds"), 2), shuffled);

  opts_.out_dir = tmp_.Sub("other-seed");
  config_.seed = 8;
  ASSERT_TRUE(RunTokenize(config_, opts_).status.ok());
  EXPECT_NE(testing::ReadDatatroveDocuments(tmp_.Sub("other-seed/part-train-00000_00000.ds"), 2), shuffled);
  EXPECT_FALSE(PathExists(tmp_.Sub("out/part-train-00000.spill.tmp")));
}

TEST_F(TokenizeStageTest, MaxTokensPerFileSplitsOutput) {
  config_.max_tokens_per_file = 200;
  ASSERT_TRUE(RunTokenize(config_, opts_).status.ok());
  Docs all;
  for (int part = 0;; ++part) {
    char prefix[64];
    std::snprintf(prefix, sizeof(prefix), "out/part-train-00000-%05d", part);
    if (!PathExists(tmp_.Sub(std::string(prefix) + ".bin"))) break;
    const Docs docs = testing::ReadMegatronDocuments(tmp_.Sub(prefix));
    uint64_t n = 0;
    for (const auto& d : docs) n += d.size();
    EXPECT_LE(n, 200u);
    all.insert(all.end(), docs.begin(), docs.end());
  }
  EXPECT_EQ(all, Expected(0));
}

TEST_F(TokenizeStageTest, CountOnlyAddsTokenCount) {
  config_.count_only = true;
  ASSERT_TRUE(RunTokenize(config_, opts_).status.ok());
  const auto lines = testing::ReadRecordLines(tmp_.Sub("out/part-train-00000.jsonl.zst"));
  ASSERT_EQ(lines.size(), 40u);
  const Docs expected = Expected(0);
  for (size_t i = 0; i < lines.size(); ++i) {
    Record r;
    ASSERT_TRUE(r.Parse(lines[i]).ok());
    EXPECT_EQ(r.GetInt("token_count"), static_cast<int64_t>(expected[i].size() - 1)) << lines[i];
  }
  EXPECT_FALSE(PathExists(tmp_.Sub("out/part-train-00000-00000.bin")));
}

TEST_F(TokenizeStageTest, BadRecordsAreRejectedAndTheRestTokenized) {
  {
    std::ofstream out(tmp_.Sub("in/train-00000.jsonl"), std::ios::app);
    out << "{\"id\":\"no-text\"}\n{\"id\":\"empty\",\"text\":\"\"}\n{broken\n";
  }
  const StageOutcome outcome = RunTokenize(config_, opts_);
  ASSERT_TRUE(outcome.status.ok());
  EXPECT_TRUE(outcome.input_damaged);
  EXPECT_EQ(outcome.ExitCode(), kExitMalformedInput);
  StageSummary s;
  ASSERT_TRUE(ReadStageSummary(tmp_.Sub("out"), &s).ok());
  EXPECT_EQ(s.counts.rejected_by_rule["missing_text"], 1u);
  EXPECT_EQ(s.counts.rejected_by_rule["empty_text"], 1u);
  EXPECT_EQ(s.counts.rejected_by_rule["malformed"], 1u);
  EXPECT_EQ(testing::ReadMegatronDocuments(tmp_.Sub("out/part-train-00000-00000")), Expected(0));
}

TEST_F(TokenizeStageTest, ResumesAndRefusesAnotherConfig) {
  ASSERT_TRUE(RunTokenize(config_, opts_).status.ok());
  std::string before;
  ASSERT_TRUE(ReadFile(tmp_.Sub("out/part-train-00000-00000.bin"), &before).ok());
  ASSERT_TRUE(RunTokenize(config_, opts_).status.ok());  // all done: nothing redone
  config_.eos = false;
  EXPECT_TRUE(RunTokenize(config_, opts_).status.IsInvalidArgument());
  opts_.force = true;
  ASSERT_TRUE(RunTokenize(config_, opts_).status.ok());
  std::string after;
  ASSERT_TRUE(ReadFile(tmp_.Sub("out/part-train-00000-00000.bin"), &after).ok());
  EXPECT_EQ(after.size() + 40 * 2, before.size());
}

TEST_F(TokenizeStageTest, TaskSlicesTakeDisjointInputs) {
  opts_.num_tasks = 2;
  opts_.task_index = 1;
  const StageOutcome first = RunTokenize(config_, opts_);
  ASSERT_TRUE(first.status.ok());
  EXPECT_FALSE(first.manifest_written);
  EXPECT_FALSE(PathExists(tmp_.Sub("out/part-train-00000-00000.bin")));
  EXPECT_TRUE(PathExists(tmp_.Sub("out/part-train-00001-00000.bin")));
  opts_.task_index = 0;
  EXPECT_TRUE(RunTokenize(config_, opts_).manifest_written);
}

TEST_F(TokenizeStageTest, UnusableTokenizerOrSpecialTokenIsAUsageError) {
  config_.tokenizer_path = tmp_.Sub("missing.json");
  EXPECT_TRUE(RunTokenize(config_, opts_).status.IsInvalidArgument());
  config_.tokenizer_path = TokenizeTestData("cl100k_base.tiktoken.zst");
  config_.bos = true;  // tiktoken encodings have no BOS
  EXPECT_TRUE(RunTokenize(config_, opts_).status.IsInvalidArgument());
  config_.bos_token = "<|fim_prefix|>";
  EXPECT_TRUE(RunTokenize(config_, opts_).status.ok());
  EXPECT_FALSE(PathExists(tmp_.Sub("missing.json")));
}

}  // namespace
}  // namespace corpus

namespace corpus {
namespace {

TEST_F(TokenizeStageTest, InputsWithTheSameNameGetTheirOwnFiles) {
  ASSERT_TRUE(MakeDirs(tmp_.Sub("in2")).ok());
  {
    std::ofstream out(tmp_.Sub("in2/train-00000.jsonl"));
    out << "{\"id\":\"other\",\"text\":\"another folder\"}\n";
  }
  opts_.inputs = {tmp_.Sub("in"), tmp_.Sub("in2")};
  ASSERT_TRUE(RunTokenize(config_, opts_).status.ok());
  size_t docs = 0;
  std::vector<std::string> idx;
  ASSERT_TRUE(ExpandGlob(tmp_.Sub("out/*.idx"), &idx).ok());
  for (const auto& f : idx) docs += testing::ReadMegatronDocuments(f.substr(0, f.size() - 4)).size();
  EXPECT_EQ(idx.size(), 3u);
  EXPECT_EQ(docs, 81u);
}

TEST_F(TokenizeStageTest, RedoneInputLeavesNoFilesOfTheEarlierRun) {
  config_.max_tokens_per_file = 200;
  ASSERT_TRUE(RunTokenize(config_, opts_).status.ok());
  ASSERT_TRUE(PathExists(tmp_.Sub("out/part-train-00000-00003.bin")));
  config_.max_tokens_per_file = 0;
  opts_.force = true;
  ASSERT_TRUE(RunTokenize(config_, opts_).status.ok());
  EXPECT_FALSE(PathExists(tmp_.Sub("out/part-train-00000-00001.bin")));
  EXPECT_FALSE(PathExists(tmp_.Sub("out/part-train-00000-00003.idx")));
  EXPECT_EQ(testing::ReadMegatronDocuments(tmp_.Sub("out/part-train-00000-00000")), Expected(0));
}

}  // namespace
}  // namespace corpus
