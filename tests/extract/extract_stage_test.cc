// The extract stage through RunMapStage: kept documents, pass-through of
// WET-style records, rejections with their rules, untouched extra fields.
#include "corpus/extract/extract_stage.h"

#include <gtest/gtest.h>

#include <map>

#include "corpus/io/record.h"
#include "corpus/io/record_source.h"
#include "corpus/util/fs.h"
#include "corpus/util/json.h"
#include "testing/temp_dir.h"

namespace corpus {
namespace {

// id -> the record's line (a Record points into its own buffer, so lines are
// kept and parsed where used).
std::map<std::string, std::string> ReadAll(const std::string& dir) {
  std::map<std::string, std::string> out;
  std::vector<std::string> files;
  EXPECT_TRUE(ResolveInputs({dir}, &files).ok());
  for (const auto& f : files) {
    std::unique_ptr<RecordSource> src;
    EXPECT_TRUE(OpenRecordSource(f, &src).ok());
    std::string_view line;
    while (src->Next(&line)) {
      Record r;
      EXPECT_TRUE(r.Parse(line).ok());
      out[*r.GetString("id")] = std::string(line);
    }
  }
  return out;
}

std::string Page(const std::string& id, const std::string& html) {
  JsonObjectWriter w;
  w.String("id", id).String("url", "https://example.org/" + id).String("html", html).Int("status", 200);
  w.Raw("custom", "{\"keep\":[1,2]}");
  return w.Finish() + "\n";
}

TEST(ExtractStageTest, KeepsPassesAndRejects) {
  testing::TempDir dir;
  std::string in = Page("good",
                        "<html><head><title>Good</title></head><body><nav><a href='/'>Home</a></nav>"
                        "<article><h1>Good</h1><p>This page has real content, with a sentence or two, "
                        "and it should be kept by the extract stage.</p></article></body></html>");
  in += Page("empty", "<html><body><nav><a href='/'>Home</a> <a href='/x'>X</a></nav></body></html>");
  in += "{\"id\":\"wet\",\"url\":\"https://example.org/wet\",\"text\":\"Already text.\",\"source\":\"warc:x.wet\"}\n";
  in += "{\"id\":\"bare\",\"url\":\"https://example.org/bare\"}\n";
  ASSERT_TRUE(MakeDirs(dir.Sub("in")).ok());
  ASSERT_TRUE(WriteFileAtomic(dir.Sub("in/part-0000.jsonl"), in).ok());

  ExtractStage stage{ExtractConfig{}};
  CommonOptions common;
  common.inputs = {dir.Sub("in")};
  common.out_dir = dir.Sub("out");
  common.threads = 1;
  const StageOutcome outcome = RunMapStage(stage, common);
  ASSERT_TRUE(outcome.status.ok()) << outcome.status.ToString();
  EXPECT_FALSE(outcome.input_damaged);

  auto kept = ReadAll(dir.Sub("out"));
  ASSERT_EQ(kept.size(), 2u);
  Record good;
  ASSERT_TRUE(good.Parse(kept["good"]).ok());
  EXPECT_FALSE(good.Has("html"));
  EXPECT_EQ(*good.GetString("title"), "Good");
  EXPECT_NE(good.GetString("text")->find("real content"), std::string::npos);
  EXPECT_EQ(good.GetString("text")->find("Home"), std::string::npos);
  EXPECT_EQ(*good.GetRaw("custom"), "{\"keep\":[1,2]}");
  EXPECT_EQ(*good.GetInt("status"), 200);
  EXPECT_EQ(kept["wet"],
            "{\"id\":\"wet\",\"url\":\"https://example.org/wet\",\"text\":\"Already text.\",\"source\":\"warc:x.wet\"}");

  auto rejected = ReadAll(dir.Sub("out/rejected"));
  ASSERT_EQ(rejected.size(), 2u);
  Record empty, bare;
  ASSERT_TRUE(empty.Parse(rejected["empty"]).ok());
  ASSERT_TRUE(bare.Parse(rejected["bare"]).ok());
  EXPECT_NE(empty.GetRaw("reject")->find("\"rule\":\"empty\""), std::string::npos);
  EXPECT_FALSE(empty.Has("html"));
  EXPECT_NE(bare.GetRaw("reject")->find("\"rule\":\"no_html\""), std::string::npos);
}

TEST(ExtractStageTest, TooLargePagesAreSetAside) {
  testing::TempDir dir;
  ASSERT_TRUE(MakeDirs(dir.Sub("in")).ok());
  ASSERT_TRUE(WriteFileAtomic(dir.Sub("in/p.jsonl"), Page("big", "<p>" + std::string(5000, 'x') + "</p>")).ok());
  ExtractConfig cfg;
  cfg.max_html_bytes = 1000;
  ExtractStage stage(cfg);
  CommonOptions common;
  common.inputs = {dir.Sub("in")};
  common.out_dir = dir.Sub("out");
  common.threads = 1;
  ASSERT_TRUE(RunMapStage(stage, common).status.ok());
  auto rejected = ReadAll(dir.Sub("out/rejected"));
  ASSERT_EQ(rejected.size(), 1u);
  EXPECT_NE(rejected["big"].find("\"rule\":\"too_large\""), std::string::npos);
}

TEST(ExtractStageTest, ConfigNamesFormat) {
  ExtractConfig md;
  md.extract.markdown = true;
  EXPECT_NE(ExtractStage(md).config().Fingerprint(), ExtractStage(ExtractConfig{}).config().Fingerprint());
  EXPECT_EQ(ExtractStage(md).config().entries().at("format"), "markdown");
}

}  // namespace
}  // namespace corpus
