// The filter stage through RunMapStage: kept and rejected shards, lang on
// every record, redaction, reasons and counters.
#include "corpus/filter/filter_stage.h"

#include <gtest/gtest.h>

#include <map>

#include "corpus/io/record.h"
#include "corpus/io/record_source.h"
#include "corpus/util/fs.h"
#include "corpus/util/json.h"
#include "filter/filter_test_util.h"
#include "testing/temp_dir.h"

namespace corpus {
namespace {

std::string Line(const std::string& id, const std::string& text, const std::string& url = "") {
  JsonObjectWriter w;
  w.String("id", id).String("url", url).String("text", text).String("carry", "me");
  return w.Finish() + "\n";
}

std::map<std::string, Record> ReadAll(const std::string& dir) {
  std::map<std::string, Record> out;
  std::vector<std::string> files;
  EXPECT_TRUE(ResolveInputs({dir}, &files).ok());
  for (const auto& f : files) {
    std::unique_ptr<RecordSource> src;
    EXPECT_TRUE(OpenRecordSource(f, &src).ok());
    std::string_view line;
    while (src->Next(&line)) {
      // Parse in place: a copied Record would point into the original's buffer.
      Record probe;
      EXPECT_TRUE(probe.Parse(line).ok());
      EXPECT_TRUE(out[probe.GetString("id").value_or("")].Parse(line).ok());
    }
  }
  return out;
}

TEST(FilterStageTest, KeepsRejectsAndRedactsThroughTheRunner) {
  testing::TempDir dir;
  const std::string prose = testing::EnglishProse(4);
  std::string input = Line("good", prose + "\n\nYou can contact the editor at jane@example.org today.", "https://ok.example/a");
  input += Line("short",
                "This page is far too short to be kept, because it has only a few words in it and nothing "
                "more to say about the topic.");
  input += Line("french",
                "La ville de Lyon est située au confluent du Rhône et de la Saône. Elle est connue pour sa "
                "gastronomie et son patrimoine historique.");
  input += Line("blocked", prose, "https://www.blocked.example/page");
  input += "{\"id\":\"notext\",\"title\":\"x\"}\n";
  ASSERT_TRUE(MakeDirs(dir.Sub("in")).ok());
  ASSERT_TRUE(WriteFileAtomic(dir.Sub("in/part-0000.jsonl"), input).ok());
  ASSERT_TRUE(WriteFileAtomic(dir.Sub("blocklist.txt"), "blocked.example\n").ok());

  FilterOptions opts;
  opts.url.blocklists = {dir.Sub("blocklist.txt")};
  std::unique_ptr<FilterStage> stage;
  ASSERT_TRUE(FilterStage::Create(opts, &stage).ok());
  CommonOptions common;
  common.inputs = {dir.Sub("in")};
  common.out_dir = dir.Sub("out");
  common.threads = 1;
  const StageOutcome outcome = RunMapStage(*stage, common);
  ASSERT_TRUE(outcome.status.ok()) << outcome.status.ToString();
  EXPECT_FALSE(outcome.input_damaged);

  auto kept = ReadAll(dir.Sub("out"));
  ASSERT_EQ(kept.size(), 1u);
  const Record& good = kept["good"];
  EXPECT_EQ(*good.GetString("lang"), "en");
  EXPECT_GE(*good.GetDouble("lang_score"), 0.65);
  EXPECT_EQ(*good.GetString("carry"), "me");
  EXPECT_NE(good.GetString("text")->find("contact the editor at <EMAIL> today."), std::string::npos);
  EXPECT_FALSE(good.Has("reject"));

  auto rejected = ReadAll(dir.Sub("out/rejected"));
  ASSERT_EQ(rejected.size(), 4u);
  auto reason = [&](const std::string& id) { return std::string(*rejected[id].GetRaw("reject")); };
  EXPECT_EQ(reason("short"), R"({"stage":"filter","rule":"gopher_min_words","value":26})");
  EXPECT_EQ(reason("french"), R"({"stage":"filter","rule":"language","value":"fr"})");
  EXPECT_EQ(reason("blocked"), R"({"stage":"filter","rule":"url_domain","value":"blocked.example"})");
  EXPECT_EQ(reason("notext"), R"({"stage":"filter","rule":"missing_text","value":null})");
  EXPECT_EQ(*rejected["french"].GetString("lang"), "fr");  // lang on rejected records too
  EXPECT_EQ(*rejected["blocked"].GetString("text"), prose);  // original text kept

  std::string manifest;
  ASSERT_TRUE(ReadFile(dir.Sub("out/_manifest.json"), &manifest).ok());
  EXPECT_NE(manifest.find("pii_email"), std::string::npos);
  EXPECT_NE(manifest.find("url-lists"), std::string::npos);  // list digest in the config
}

TEST(FilterStageTest, BadListFileIsAUsageError) {
  FilterOptions opts;
  opts.bad_words_file = "/nonexistent/bad_words.txt";
  std::unique_ptr<FilterStage> stage;
  EXPECT_TRUE(FilterStage::Create(opts, &stage).IsInvalidArgument());
}

}  // namespace
}  // namespace corpus
