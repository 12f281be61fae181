// `corpus filter` through the binary: the shipped configs, flag overrides,
// and usage errors.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <map>

#include "corpus/io/record.h"
#include "corpus/util/fs.h"
#include "corpus/util/json.h"
#include "filter/filter_test_util.h"
#include "testing/record_lines.h"
#include "testing/temp_dir.h"

namespace corpus {
namespace {

int RunCorpus(const std::string& args, const std::string& log) {
  const std::string cmd = std::string(CORPUS_BINARY) + " " + args + " > " + log + " 2>&1";
  const int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

std::string Config(const std::string& name) { return std::string(CORPUS_SOURCE_DIR) + "/configs/" + name; }

std::string Line(const std::string& id, const std::string& text) {
  JsonObjectWriter w;
  w.String("id", id).String("url", "https://site.example/" + id).String("text", text);
  return w.Finish() + "\n";
}

std::map<std::string, Record> ReadAll(const std::string& dir) {
  std::map<std::string, Record> out;
  for (const std::string& line : testing::ReadRecordLines(dir)) {
    // Parse in place: a copied Record would point into the original's buffer.
    Record probe;
    if (probe.Parse(line).ok()) (void)out[probe.GetString("id").value_or("")].Parse(line);
  }
  return out;
}

class FilterE2eTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string input = Line("good", testing::EnglishProse(4, 7) +
                                         "\nRead the full story online\n\nMail jane@example.org or call "
                                         "+1 415 555 2671 today for more details.");
    input += Line("short", "A page with only a handful of words in it.");
    input += Line("spam", testing::Repeat(40, "buy cheap pills now"));
    ASSERT_TRUE(MakeDirs(dir_.Sub("in")).ok());
    ASSERT_TRUE(WriteFileAtomic(dir_.Sub("in/part-0000.jsonl"), input).ok());
  }
  testing::TempDir dir_;
};

TEST_F(FilterE2eTest, FineWebConfigRunsEndToEnd) {
  const int rc = RunCorpus("filter --config " + Config("fineweb.toml") + " --in " + dir_.Sub("in") + " --out " +
                               dir_.Sub("out") + " --threads 1 --no-progress",
                           dir_.Sub("log"));
  std::string log;
  EXPECT_TRUE(ReadFile(dir_.Sub("log"), &log).ok());
  ASSERT_EQ(rc, 0) << log;
  auto kept = ReadAll(dir_.Sub("out"));
  ASSERT_EQ(kept.size(), 1u) << log;
  const std::string text = *kept["good"].GetString("text");
  EXPECT_NE(text.find("Mail <EMAIL> or call +1 415 555 2671"), std::string::npos) << text;  // pii-phone = false
  EXPECT_NE(text.find("Read the full story online"), std::string::npos);  // c4-terminal-punct = false
  EXPECT_EQ(*kept["good"].GetString("lang"), "en");

  auto rejected = ReadAll(dir_.Sub("out/rejected"));
  ASSERT_EQ(rejected.size(), 2u);
  EXPECT_NE(rejected["short"].GetRaw("reject")->find("\"rule\":\"gopher_min_words\""), std::string::npos)
      << *rejected["short"].GetRaw("reject");
  EXPECT_NE(rejected["spam"].GetRaw("reject")->find("\"stage\":\"filter\""), std::string::npos);

  std::string manifest;
  ASSERT_TRUE(ReadFile(dir_.Sub("out/_manifest.json"), &manifest).ok());
  EXPECT_NE(manifest.find("pii_email"), std::string::npos);
  EXPECT_NE(manifest.find("\"pii-phone\":\"false\""), std::string::npos) << manifest;
}

TEST_F(FilterE2eTest, C4ConfigWithCommandLineOverride) {
  // C4 asks for langdetect probability 0.99; the flag overrides the file.
  const int rc = RunCorpus("filter --config " + Config("c4.toml") + " --min-lang-score 0.5 --in " + dir_.Sub("in") +
                               " --out " + dir_.Sub("out") + " --threads 1 --no-progress",
                           dir_.Sub("log"));
  std::string log;
  EXPECT_TRUE(ReadFile(dir_.Sub("log"), &log).ok());
  ASSERT_EQ(rc, 0) << log;
  auto kept = ReadAll(dir_.Sub("out"));
  ASSERT_EQ(kept.count("good"), 1u) << log;
  const std::string text = *kept["good"].GetString("text");
  EXPECT_EQ(text.find("Read the full story online"), std::string::npos);  // no terminal punctuation
  EXPECT_NE(text.find("jane@example.org"), std::string::npos) << text;  // pii = false
}

TEST_F(FilterE2eTest, GopherConfigRuns) {
  const int rc = RunCorpus("filter --config " + Config("gopher.toml") + " --in " + dir_.Sub("in") + " --out " +
                               dir_.Sub("out") + " --threads 1 --no-progress",
                           dir_.Sub("log"));
  ASSERT_EQ(rc, 0);
  EXPECT_EQ(ReadAll(dir_.Sub("out")).count("good"), 1u);
}

TEST_F(FilterE2eTest, MissingListFileIsAUsageError) {
  const int rc = RunCorpus("filter --bad-words " + dir_.Sub("nope.txt") + " --in " + dir_.Sub("in") + " --out " +
                               dir_.Sub("out") + " --no-progress",
                           dir_.Sub("log"));
  EXPECT_EQ(rc, 1);
  EXPECT_FALSE(PathExists(dir_.Sub("out/_manifest.json")));
}

TEST(FilterE2eHelpTest, HelpListsTheRules) {
  testing::TempDir dir;
  ASSERT_EQ(RunCorpus("filter --help", dir.Sub("log")), 0);
  std::string help;
  ASSERT_TRUE(ReadFile(dir.Sub("log"), &help).ok());
  for (const char* flag : {"--languages", "--min-lang-score", "--min-words", "--no-gopher-quality",
                           "--c4-terminal-punct", "--url-blocklist", "--bad-words", "--no-pii"}) {
    EXPECT_NE(help.find(flag), std::string::npos) << flag;
  }
}

TEST_F(FilterE2eTest, AnnotateThenJudgeFromSignalsThenStats) {
  const std::string common = " --threads 1 --no-progress --config " + Config("fineweb2.toml") + " --languages all";
  ASSERT_EQ(RunCorpus("filter --annotate --in " + dir_.Sub("in") + " --out " + dir_.Sub("ann") + common,
                      dir_.Sub("log1")),
            0);
  std::map<std::string, Record> annotated = ReadAll(dir_.Sub("ann"));
  ASSERT_EQ(annotated.size(), 3u);  // annotate removes nothing
  const std::string good_signals(annotated["good"].GetRaw("signals").value_or(""));
  EXPECT_NE(good_signals.find("\"rps_doc_word_count\":"), std::string::npos) << good_signals;
  EXPECT_NE(good_signals.find("\"would_reject\":[]"), std::string::npos) << good_signals;
  const std::string spam_signals(annotated["spam"].GetRaw("signals").value_or(""));
  EXPECT_EQ(spam_signals.find("\"would_reject\":[]"), std::string::npos) << spam_signals;

  // The same settings judged from the signals keep what they would keep; a
  // stricter word minimum rejects the rest without measuring again.
  ASSERT_EQ(RunCorpus("filter --from-signals --in " + dir_.Sub("ann") + " --out " + dir_.Sub("judged") + common,
                      dir_.Sub("log2")),
            0);
  std::map<std::string, Record> kept = ReadAll(dir_.Sub("judged"));
  EXPECT_EQ(kept.count("good"), 1u);
  EXPECT_EQ(kept.count("spam"), 0u);
  ASSERT_EQ(RunCorpus("filter --from-signals --min-words 100000 --in " + dir_.Sub("ann") + " --out " +
                          dir_.Sub("strict") + common,
                      dir_.Sub("log3")),
            0);
  EXPECT_TRUE(ReadAll(dir_.Sub("strict")).empty());
  std::map<std::string, Record> rejected = ReadAll(dir_.Sub("strict/rejected"));
  EXPECT_NE(std::string(rejected["good"].GetRaw("reject").value_or("")).find("gopher_min_words"), std::string::npos);

  ASSERT_EQ(RunCorpus("stats " + dir_.Sub("ann"), dir_.Sub("stats")), 0);
  std::string stats;
  ASSERT_TRUE(ReadFile(dir_.Sub("stats"), &stats).ok());
  EXPECT_NE(stats.find("rps_doc_word_count"), std::string::npos) << stats;
  EXPECT_NE(stats.find("p50"), std::string::npos);

  // --annotate and --from-signals together are a usage error.
  EXPECT_EQ(RunCorpus("filter --annotate --from-signals --in " + dir_.Sub("in") + " --out " + dir_.Sub("x"),
                      dir_.Sub("log4")),
            1);
}

}  // namespace
}  // namespace corpus
