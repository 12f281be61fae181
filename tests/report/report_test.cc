#include "corpus/report/report.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "corpus/text/text_units.h"
#include "corpus/io/shard_writer.h"
#include "corpus/report/html.h"
#include "report/report_fixture.h"
#include "testing/record_lines.h"

namespace corpus {
namespace {

using testing::ReportStages;
using testing::RunCorpus;
using testing::TempDir;

std::string ReadAll(const std::string& path) {
  std::string s;
  EXPECT_TRUE(ReadFile(path, &s).ok()) << path;
  return s;
}

TEST(ReportEndToEndTest, PageShowsManifestsRecordsAndExamples) {
  TempDir tmp;
  ReportStages stages(tmp);
  ASSERT_NO_FATAL_FAILURE(stages.Make());
  const std::string out = tmp.Sub("site/report.html");  // the folder is made
  const auto r = RunCorpus("report " + tmp.Sub("unique") + " " + tmp.Sub("clean") + " --out " + out + " 2>&1");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const std::string html = ReadAll(out);
  auto has = [&](const std::string& s) { EXPECT_NE(html.find(s), std::string::npos) << s; };

  // The funnel and the removals come from the manifests.
  for (const char* dir : {"unique", "clean"}) {
    StageSummary s;
    ASSERT_TRUE(ReadStageSummary(tmp.Sub(dir), &s).ok());
    ASSERT_TRUE(s.complete);
    has("<td>" + s.stage + "</td><td><code>" + EscapeHtml(tmp.Sub(dir)) + "</code></td><td class=\"n\">" +
        GroupedNumber(s.counts.records_in) + "</td><td class=\"n\">" + GroupedNumber(s.counts.kept) + "</td>");
    ASSERT_FALSE(s.counts.rejected_by_rule.empty()) << dir;
    for (const auto& [rule, n] : s.counts.rejected_by_rule) {
      has("<title>" + EscapeHtml(rule) + ": " + GroupedNumber(n) + "  ");  // its bar
      has("Removed by <code>" + EscapeHtml(rule) + "</code>");            // its examples
    }
  }
  // Records: distributions of what was kept, signals by their keys, the
  // languages and sites.
  has("Words per document");
  has("Tokens per document");
  has("signals.ratio");
  EXPECT_EQ(html.find("signals.flag"), std::string::npos);  // not a number
  EXPECT_EQ(html.find("signals.nested"), std::string::npos);
  has("news.example.com");
  has("example.org");
  has(">en: ");
  has("Latin");
  // Removed examples carry the measured value, escaped text and no markup.
  has("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; save");
  EXPECT_EQ(html.find("<script"), std::string::npos);
  has("<b>value ");
  has("{not json at all");  // the malformed line, shown as it was
  // Self-contained: nothing to fetch.
  for (const char* ref : {"src=", "<link", "<img", "<iframe", "@import", "url("}) {
    EXPECT_EQ(html.find(ref), std::string::npos) << ref;
  }
  has("Content-Security-Policy");
}

TEST(ReportEndToEndTest, NotAStageFolderIsAUsageError) {
  TempDir tmp;
  ASSERT_TRUE(MakeDirs(tmp.Sub("plain")).ok());
  const auto r = RunCorpus("report " + tmp.Sub("plain") + " --out " + tmp.Sub("r.html") + " 2>&1");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("is not a stage folder"), std::string::npos) << r.out;
  EXPECT_FALSE(PathExists(tmp.Sub("r.html")));
}

TEST(ReportEndToEndTest, DamagedShardIsReadToTheDamageAndReported) {
  TempDir tmp;
  const std::string dir = tmp.Sub("stage");
  ASSERT_TRUE(MakeDirs(JoinPath(dir, "_done")).ok());
  {
    ShardWriter w(JoinPath(dir, "part-00000.jsonl.zst"));
    for (int i = 0; i < 2000; ++i) {
      ASSERT_TRUE(w.Write("{\"id\":\"d" + std::to_string(i) + "\",\"text\":\"" + std::string(200, 'a' + i % 26) +
                          " words here " + std::to_string(i) + "\"}")
                      .ok());
    }
    ASSERT_TRUE(w.Finish().ok());
  }
  const std::string shard = JoinPath(dir, "part-00000.jsonl.zst");
  std::filesystem::resize_file(shard, std::filesystem::file_size(shard) / 2);
  const auto r = RunCorpus("report " + dir + " --out " + tmp.Sub("r.html") + " 2>&1");
  EXPECT_EQ(r.exit_code, 3) << r.out;
  EXPECT_NE(r.out.find("part-00000.jsonl.zst"), std::string::npos) << r.out;
  const std::string html = ReadAll(tmp.Sub("r.html"));
  EXPECT_NE(html.find("Damaged inputs"), std::string::npos);
  EXPECT_NE(html.find("while reading for this report: " + EscapeHtml(shard)), std::string::npos);
}

// The examples are the documents with the smallest id hashes, whatever the
// thread count, and the distributions do not depend on threads either.
TEST(ReportProfileTest, SamplesAndCountsDoNotDependOnThreads) {
  TempDir tmp;
  ReportStages stages(tmp);
  ASSERT_NO_FATAL_FAILURE(stages.Make());
  ReportConfig one, many;
  one.threads = 1;
  many.threads = 4;
  one.limits.examples = many.limits.examples = 4;
  StageReport a, b;
  ASSERT_TRUE(ProfileStageDir(tmp.Sub("clean"), one, &a).ok());
  ASSERT_TRUE(ProfileStageDir(tmp.Sub("clean"), many, &b).ok());
  EXPECT_EQ(a.profile.kept(), a.summary.counts.kept);
  EXPECT_EQ(a.profile.rejected(), a.summary.counts.rejected);
  EXPECT_EQ(a.profile.words.count(), b.profile.words.count());
  EXPECT_DOUBLE_EQ(a.profile.words.sum(), b.profile.words.sum());

  std::vector<uint64_t> hashes;
  for (const auto& line : testing::ReadRecordLines(tmp.Sub("clean"))) {
    if (line.find("\"reject\"") != std::string::npos) continue;
    const size_t at = line.find("\"id\":\"") + 6;
    hashes.push_back(HashBytes(line.substr(at, line.find('"', at) - at)));
  }
  std::sort(hashes.begin(), hashes.end());
  hashes.resize(std::min<size_t>(4, hashes.size()));
  auto keys = [](const SampleSet& set) {
    std::vector<uint64_t> k;
    for (const auto& s : set.samples()) k.push_back(s.key);
    return k;
  };
  EXPECT_EQ(keys(a.profile.kept_samples), hashes);
  EXPECT_EQ(keys(b.profile.kept_samples), hashes);
  ASSERT_EQ(a.profile.rejected_samples.size(), b.profile.rejected_samples.size());
  for (const auto& [rule, set] : a.profile.rejected_samples) {
    EXPECT_EQ(keys(set), keys(b.profile.rejected_samples.at(rule))) << rule;
  }
}

}  // namespace
}  // namespace corpus
