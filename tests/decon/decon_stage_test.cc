// The decon stage through RunMapStage: drop and cut verdicts, exact cut
// spans, bad records, the report in the manifest, resume and changed
// benchmarks.
#include "corpus/decon/decon_stage.h"

#include <gtest/gtest.h>

#include <map>

#include "corpus/io/record.h"
#include "corpus/stage/stage_summary.h"
#include "corpus/util/fs.h"
#include "corpus/util/json.h"
#include "testing/record_lines.h"
#include "testing/temp_dir.h"

namespace corpus {
namespace {

const char kItem[] = "the committee voted to approve the new budget for the public library today";
const char kOther[] = "photosynthesis converts light energy into chemical energy stored in glucose inside plant cells";

std::string Line(const std::string& id, const std::string& text) {
  return JsonObjectWriter().String("id", id).String("text", text).String("carry", "me").Finish() + "\n";
}

std::string Field(const std::string& line, const std::string& key) {
  Record r;
  EXPECT_TRUE(r.Parse(line).ok());
  auto raw = r.GetRaw(key);
  return raw ? std::string(*raw) : "";
}

class DeconStageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(MakeDirs(dir_.Sub("in")).ok());
    ASSERT_TRUE(MakeDirs(dir_.Sub("evals")).ok());
    ASSERT_TRUE(WriteFileAtomic(dir_.Sub("evals/civics.jsonl"), "{\"question\":\"" + std::string(kItem) + "\"}\n").ok());
    ASSERT_TRUE(WriteFileAtomic(dir_.Sub("evals/bio.txt"), std::string(kOther) + "\n").ok());
    pad_ = std::string(300, 'p');
    std::string a = Line("dirty", pad_ + " " + kItem + " " + pad_);
    a += Line("clean", "Nothing in this page overlaps any benchmark at all.");
    a += Line("both", std::string(kItem) + ". " + kOther);
    std::string b = Line("bio", pad_ + " Our text: " + kOther + ".");
    b += "{\"id\":\"notext\"}\n";
    b += "not json\n";
    ASSERT_TRUE(WriteFileAtomic(dir_.Sub("in/part-0.jsonl"), a).ok());
    ASSERT_TRUE(WriteFileAtomic(dir_.Sub("in/part-1.jsonl"), b).ok());
    common_.inputs = {dir_.Sub("in")};
    common_.out_dir = dir_.Sub("out");
    common_.threads = 2;
    opts_.benchmarks = {dir_.Sub("evals")};
  }
  StageOutcome Run() {
    std::unique_ptr<DeconStage> stage;
    const Status st = DeconStage::Create(opts_, common_, &stage);
    if (!st.ok()) return StageOutcome{st};
    return RunMapStage(*stage, common_);
  }

  testing::TempDir dir_;
  std::string pad_;
  CommonOptions common_;
  DeconOptions opts_;
};

TEST_F(DeconStageTest, DropModeRejectsContaminatedRecords) {
  const StageOutcome o = Run();
  ASSERT_TRUE(o.status.ok()) << o.status.ToString();
  EXPECT_TRUE(o.input_damaged);  // the malformed line
  EXPECT_TRUE(o.manifest_written);
  const auto kept = testing::RecordLinesById(dir_.Sub("out"));
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept.count("clean"), 1u);
  EXPECT_EQ(kept.at("clean"), Line("clean", "Nothing in this page overlaps any benchmark at all.").substr(
                                  0, Line("clean", "Nothing in this page overlaps any benchmark at all.").size() - 1));

  const auto rejected = testing::RecordLinesById(dir_.Sub("out/rejected"));
  const std::string dirty = Field(rejected.at("dirty"), "reject");
  EXPECT_EQ(dirty, "{\"stage\":\"decon\",\"rule\":\"contamination\",\"value\":{\"benchmark\":\"civics\",\"item\":{"
                   "\"line\":1,\"excerpt\":\"the committee voted to approve the new budget for the public library "
                   "today\"},\"ngram\":\"the committee voted to approve the new budget for the public library "
                   "today\",\"matches\":1}}");
  EXPECT_NE(Field(rejected.at("both"), "reject").find("\"matches\":2"), std::string::npos);
  EXPECT_NE(Field(rejected.at("notext"), "reject").find("missing_text"), std::string::npos);

  std::string manifest;
  ASSERT_TRUE(ReadFile(dir_.Sub("out/_manifest.json"), &manifest).ok());
  StageSummary s;
  ASSERT_TRUE(ReadStageSummary(dir_.Sub("out"), &s).ok());
  EXPECT_EQ(s.counts.counters["contaminated_docs:civics"], 2u);
  EXPECT_EQ(s.counts.counters["contaminated_docs:bio"], 2u);
  EXPECT_EQ(s.counts.counters["items_hit:civics"], 1u);
  EXPECT_EQ(s.counts.counters["items_hit:bio"], 1u);
  EXPECT_EQ(s.counts.rejected_by_rule["contamination"], 3u);
  EXPECT_NE(manifest.find("\"name\":\"bio\",\"file\":"), std::string::npos) << manifest;
  EXPECT_NE(manifest.find("\"contaminated_docs\":2,\"items_hit\":1,\"examples\":[{"), std::string::npos) << manifest;
  EXPECT_NE(manifest.find("\"id\":\"bio\""), std::string::npos);
}

TEST_F(DeconStageTest, CutModeRemovesTheMatchWithItsWindow) {
  opts_.mode = "cut";
  const StageOutcome o = Run();
  ASSERT_TRUE(o.status.ok()) << o.status.ToString();
  const auto kept = testing::RecordLinesById(dir_.Sub("out"));
  // "dirty": 300 p, space, the 13 words (74 bytes), space, 300 p. The match
  // is bytes [301, 375); the cut [101, 575); pieces of 101 and 101 bytes
  // are under 200 characters, so nothing is left: rejected.
  const auto rejected = testing::RecordLinesById(dir_.Sub("out/rejected"));
  ASSERT_EQ(rejected.count("dirty"), 1u);
  EXPECT_NE(Field(rejected.at("dirty"), "reject").find("\"pieces\":2"), std::string::npos);
  // "bio": 300 p, " Our text: ", the item, ".": the piece before the cut
  // has 111 characters, the one after none: nothing is left.
  EXPECT_EQ(rejected.count("bio"), 1u);
  EXPECT_EQ(kept.count("clean"), 1u);
  EXPECT_EQ(Field(kept.at("clean"), "decon_cuts"), "");
}

TEST_F(DeconStageTest, CutModeKeepsLongPiecesAndRecordsSpans) {
  const std::string before(600, 'b'), after(500, 'a');
  const std::string text = before + " " + kItem + " " + after;  // the item at bytes [601, 675)
  ASSERT_TRUE(WriteFileAtomic(dir_.Sub("in/part-0.jsonl"), Line("long", text)).ok());
  ASSERT_TRUE(WriteFileAtomic(dir_.Sub("in/part-1.jsonl"), Line("x", "unrelated words only here")).ok());
  opts_.mode = "cut";
  const StageOutcome o = Run();
  ASSERT_TRUE(o.status.ok()) << o.status.ToString();
  const auto kept = testing::RecordLinesById(dir_.Sub("out"));
  ASSERT_EQ(kept.count("long"), 1u);
  EXPECT_EQ(Field(kept.at("long"), "decon_cuts"), "[[401,875,\"civics\"]]");
  Record r;
  ASSERT_TRUE(r.Parse(kept.at("long")).ok());
  EXPECT_EQ(*r.GetString("text"), std::string(401, 'b') + "\n\n" + std::string(301, 'a'));
  EXPECT_EQ(*r.GetString("carry"), "me");
  StageSummary s;
  ASSERT_TRUE(ReadStageSummary(dir_.Sub("out"), &s).ok());
  EXPECT_EQ(s.counts.counters["docs_cut"], 1u);
  EXPECT_EQ(s.counts.counters["cut_bytes"], 474u);
}

TEST_F(DeconStageTest, ResumeSkipsDoneInputsAndAChangedBenchmarkIsRefused) {
  ASSERT_TRUE(Run().status.ok());
  DoneMarker before;
  StageDir dir(dir_.Sub("out"), "decon");
  ASSERT_TRUE(dir.ReadDone("part-0", &before).ok());
  const StageOutcome again = Run();
  ASSERT_TRUE(again.status.ok());
  DoneMarker after;
  ASSERT_TRUE(dir.ReadDone("part-0", &after).ok());
  EXPECT_EQ(before.counts.seconds, after.counts.seconds);  // not redone

  // Same name, other content: the fingerprint changes.
  ASSERT_TRUE(WriteFileAtomic(dir_.Sub("evals/bio.txt"), std::string(kOther) + " again\n").ok());
  const StageOutcome changed = Run();
  EXPECT_TRUE(changed.status.IsInvalidArgument());
  EXPECT_NE(changed.status.message().find("benchmarks"), std::string::npos) << changed.status.message();
  common_.force = true;
  const StageOutcome forced = Run();
  ASSERT_TRUE(forced.status.ok()) << forced.status.ToString();
  EXPECT_TRUE(forced.manifest_written);
}

TEST_F(DeconStageTest, TaskSlicesWriteOneManifest) {
  common_.num_tasks = 2;
  common_.task_index = 0;
  const StageOutcome first = Run();
  ASSERT_TRUE(first.status.ok());
  EXPECT_FALSE(first.manifest_written);
  common_.task_index = 1;
  const StageOutcome second = Run();
  ASSERT_TRUE(second.status.ok());
  EXPECT_TRUE(second.manifest_written);
  StageSummary s;
  ASSERT_TRUE(ReadStageSummary(dir_.Sub("out"), &s).ok());
  EXPECT_EQ(s.counts.counters["items_hit:bio"], 1u);
  EXPECT_EQ(s.counts.counters["contaminated_docs:bio"], 2u);
}

TEST_F(DeconStageTest, BadOptionsAndBenchmarksWriteNothing) {
  opts_.benchmarks = {dir_.Sub("nope.jsonl")};
  EXPECT_TRUE(Run().status.IsInvalidArgument());
  opts_.benchmarks = {dir_.Sub("evals")};
  opts_.mode = "trim";
  EXPECT_TRUE(Run().status.IsInvalidArgument());
  opts_.mode = "drop";
  opts_.match.ngram = 0;
  EXPECT_TRUE(Run().status.IsInvalidArgument());
  EXPECT_FALSE(PathExists(dir_.Sub("out")));
}

}  // namespace
}  // namespace corpus
