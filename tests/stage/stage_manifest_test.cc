#include "corpus/stage/stage_manifest.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "corpus/util/fs.h"
#include "testing/temp_dir.h"

namespace corpus {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

StageManifest Example() {
  StageManifest m;
  m.stage = "filter";
  m.version = "1.2.3";
  m.config_fingerprint = "abc";
  m.config_json = R"({"min_words":"50"})";
  m.counts.records_in = 10;
  m.counts.kept = 7;
  m.counts.rejected = 3;
  m.counts.rejected_by_rule["gopher_short"] = 3;
  m.inputs = {"in/a.jsonl.zst", "in/\"odd\".jsonl.zst"};
  OutputFile f;
  f.path = "part-a.jsonl.zst";
  f.records = 7;
  f.file_bytes = 99;
  f.sha256 = "ff";
  m.outputs = {OutputFileToJson(f)};
  m.output_file_bytes = 99;
  m.damaged_inputs = {{"in/b.jsonl.zst", "truncated at byte 17"}};
  m.fields = {{"splits", R"({"train":{"shards":1}})"}};
  m.finished_at = "2026-01-02T03:04:05Z";
  m.trailing_fields = {{"summary_counters", R"({"distinct":4})"}};
  return m;
}

TEST(StageManifest, WritesTheFieldsInTheirOrder) {
  const std::string json = Example().ToJson();
  std::vector<StageManifest::Field> fields;
  ASSERT_TRUE(SplitJsonObject(json, &fields).ok());
  std::vector<std::string> keys;
  for (const auto& f : fields) keys.push_back(f.first);
  EXPECT_THAT(keys, ElementsAre("stage", "version", "config_fingerprint", "config", "counts", "inputs",
                                "outputs", "output_file_bytes", "damaged_inputs", "splits",
                                "finished_at", "summary_counters"));
  EXPECT_EQ(fields[7].second, "99");
  EXPECT_EQ(fields[8].second, R"([{"input":"in/b.jsonl.zst","damage":"truncated at byte 17"}])");
}

TEST(StageManifest, RoundTripsByteForByte) {
  const std::string json = Example().ToJson();
  StageManifest back;
  ASSERT_TRUE(StageManifest::FromJson(json, &back).ok());
  EXPECT_EQ(back.stage, "filter");
  EXPECT_EQ(back.counts.kept, 7u);
  EXPECT_EQ(back.counts.rejected_by_rule.at("gopher_short"), 3u);
  EXPECT_THAT(back.inputs, ElementsAre("in/a.jsonl.zst", "in/\"odd\".jsonl.zst"));
  ASSERT_EQ(back.damaged_inputs.size(), 1u);
  EXPECT_EQ(back.damaged_inputs[0].damage, "truncated at byte 17");
  EXPECT_THAT(back.fields, ElementsAre(Pair("splits", R"({"train":{"shards":1}})")));
  EXPECT_THAT(back.trailing_fields, ElementsAre(Pair("summary_counters", R"({"distinct":4})")));
  EXPECT_EQ(back.ToJson(), json);
}

TEST(StageManifest, FindFieldLooksOnBothSidesOfFinishedAt) {
  const StageManifest m = Example();
  ASSERT_NE(m.FindField("splits"), nullptr);
  ASSERT_NE(m.FindField("summary_counters"), nullptr);
  EXPECT_EQ(*m.FindField("summary_counters"), R"({"distinct":4})");
  EXPECT_EQ(m.FindField("stage"), nullptr);  // a known field is a member, not a stage field
}

TEST(StageManifest, RawValuesKeepTheirSpelling) {
  std::vector<StageManifest::Field> fields;
  ASSERT_TRUE(SplitJsonObject(R"({ "a" : 1.50 , "b":[1, {"c":null}] ,"d":"x\"y", "e":true })", &fields).ok());
  EXPECT_THAT(fields, ElementsAre(Pair("a", "1.50"), Pair("b", R"([1, {"c":null}])"),
                                  Pair("d", R"("x\"y")"), Pair("e", "true")));
}

TEST(StageManifest, RejectsWhatIsNotAManifest) {
  StageManifest m;
  EXPECT_TRUE(StageManifest::FromJson("[1,2]", &m).IsCorruption());
  EXPECT_TRUE(StageManifest::FromJson("not json", &m).IsCorruption());
  EXPECT_TRUE(StageManifest::FromJson(R"({"stage":5})", &m).IsCorruption());
  EXPECT_TRUE(StageManifest::FromJson(R"({"inputs":"a"})", &m).IsCorruption());
  EXPECT_TRUE(StageManifest::FromJson(R"({"damaged_inputs":[{"input":"a"}]})", &m).IsCorruption());
}

TEST(StageManifest, ReadsAFolder) {
  testing::TempDir dir;
  StageManifest m;
  EXPECT_TRUE(StageManifest::Read(dir.path(), &m).IsNotFound());
  ASSERT_TRUE(WriteFileAtomic(StageManifestPath(dir.path()), Example().ToJson() + "\n").ok());
  ASSERT_TRUE(StageManifest::Read(dir.path(), &m).ok());
  EXPECT_EQ(m.finished_at, "2026-01-02T03:04:05Z");
  ASSERT_TRUE(WriteFileAtomic(StageManifestPath(dir.path()), "{\"stage\":").ok());
  const Status st = StageManifest::Read(dir.path(), &m);
  EXPECT_TRUE(st.IsCorruption());
  EXPECT_NE(st.message().find("_manifest.json"), std::string::npos);
}

}  // namespace
}  // namespace corpus
