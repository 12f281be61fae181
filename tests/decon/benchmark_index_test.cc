// BenchmarkIndex and the benchmark reader: formats, names, exact n-gram
// matching in English, Chinese and Japanese, short items, too-common n-grams.
#include "corpus/decon/benchmark_index.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <string>
#include <vector>

#include "corpus/util/fs.h"
#include "testing/temp_dir.h"

namespace corpus {
namespace {

// Thirteen words each; no 13-gram in common with each other.
const char kItemA[] = "the committee voted to approve the new budget for the public library today";
const char kItemB[] = "photosynthesis converts light energy into chemical energy stored in glucose inside plant cells";

class BenchmarkIndexTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& name, const std::string& contents) {
    const std::string path = dir_.Sub(name);
    EXPECT_TRUE(WriteFileAtomic(path, contents).ok());
    return path;
  }
  std::unique_ptr<BenchmarkIndex> Build(const std::vector<std::string>& paths, NgramMatchOptions o = {}) {
    std::vector<BenchmarkFile> files;
    Status st = ListBenchmarkFiles(paths, &files);
    EXPECT_TRUE(st.ok()) << st.ToString();
    std::unique_ptr<BenchmarkIndex> index;
    st = BenchmarkIndex::Build(files, o, &index);
    EXPECT_TRUE(st.ok()) << st.ToString();
    return index;
  }
  std::vector<NgramMatch> Find(const BenchmarkIndex& index, const std::string& text) {
    DeconWords w;
    w.Assign(text);
    std::vector<NgramMatch> m;
    index.FindMatches(w, &m);
    return m;
  }
  testing::TempDir dir_;
};

TEST_F(BenchmarkIndexTest, NamesComeFromFileNames) {
  EXPECT_EQ(BenchmarkName("evals/mmlu.test.jsonl.gz"), "mmlu.test");
  EXPECT_EQ(BenchmarkName("/x/arc"), "arc");
  EXPECT_EQ(BenchmarkName("q.txt.zst"), "q");
  EXPECT_EQ(BenchmarkName("data.json"), "data");
}

TEST_F(BenchmarkIndexTest, FolderMeansEveryVisibleFile) {
  ASSERT_TRUE(MakeDirs(dir_.Sub("evals")).ok());
  Write("evals/b.txt", std::string(kItemB) + "\n");
  Write("evals/a.jsonl", "{\"q\":\"" + std::string(kItemA) + "\"}\n");
  Write("evals/.hidden", "x\n");
  std::vector<BenchmarkFile> files;
  ASSERT_TRUE(ListBenchmarkFiles({dir_.Sub("evals")}, &files).ok());
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].name, "a");
  EXPECT_EQ(files[1].name, "b");
}

TEST_F(BenchmarkIndexTest, BadBenchmarkFilesAreUsageErrors) {
  std::vector<BenchmarkFile> files;
  EXPECT_TRUE(ListBenchmarkFiles({dir_.Sub("missing.jsonl")}, &files).IsInvalidArgument());
  ASSERT_TRUE(MakeDirs(dir_.Sub("x")).ok());
  Write("x/q.jsonl", "{}\n");
  Write("q.txt", "a\n");
  EXPECT_TRUE(ListBenchmarkFiles({dir_.Sub("x"), dir_.Sub("q.txt")}, &files).IsInvalidArgument());  // two "q"

  std::unique_ptr<BenchmarkIndex> index;
  ASSERT_TRUE(ListBenchmarkFiles({Write("bad.jsonl", "{\"q\":\"" + std::string(kItemA) + "\"}\n{oops\n")}, &files).ok());
  const Status st = BenchmarkIndex::Build(files, {}, &index);
  EXPECT_TRUE(st.IsInvalidArgument());
  EXPECT_NE(st.message().find("line 2"), std::string::npos) << st.message();

  NgramMatchOptions o;
  o.fields = {"nope"};
  ASSERT_TRUE(ListBenchmarkFiles({Write("ok.jsonl", "{\"q\":\"" + std::string(kItemA) + "\"}\n")}, &files).ok());
  EXPECT_TRUE(BenchmarkIndex::Build(files, o, &index).IsInvalidArgument());  // field on no line
  o.fields.clear();
  o.min_ngram = 14;
  EXPECT_TRUE(BenchmarkIndex::Build(files, o, &index).IsInvalidArgument());  // min > ngram
  o.min_ngram = 8;
  ASSERT_TRUE(ListBenchmarkFiles({Write("tiny.txt", "too short\n")}, &files).ok());
  EXPECT_TRUE(BenchmarkIndex::Build(files, o, &index).IsInvalidArgument());  // nothing to match
}

TEST_F(BenchmarkIndexTest, FindsAThirteenWordOverlapWhateverTheCaseAndPunctuation) {
  auto index = Build({Write("qa.txt", std::string(kItemA) + "\n" + kItemB + "\n")});
  ASSERT_NE(index, nullptr);
  const auto m = Find(*index, "News. The Committee voted to approve the NEW budget, for the public library "
                              "TODAY! More news follows.");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].word, 1u);
  EXPECT_EQ(m[0].words, 13u);
  EXPECT_EQ(index->item(m[0].item).line, 1u);
  EXPECT_EQ(index->benchmarks()[index->item(m[0].item).benchmark].name, "qa");
  // Twelve of the thirteen words are not enough.
  EXPECT_TRUE(Find(*index, "the committee voted to approve the new budget for the public library").empty());
  // One word changed inside breaks the n-gram.
  EXPECT_TRUE(Find(*index, "the committee voted to approve the old budget for the public library today").empty());
}

TEST_F(BenchmarkIndexTest, LongItemsMatchEveryWindow) {
  auto index = Build({Write("b.txt", std::string(kItemA) + " and then went home\n")});
  const auto m = Find(*index, std::string("x ") + kItemA + " and then went home y");
  ASSERT_EQ(m.size(), 5u);  // 17 words: five 13-word windows
  for (size_t i = 0; i < m.size(); ++i) EXPECT_EQ(m[i].word, 1 + i);
}

TEST_F(BenchmarkIndexTest, ShortItemsMatchWholeOrNotAtAll) {
  // Ten words: matched whole (min_ngram 8); five words: not indexed.
  auto index = Build({Write("short.txt", "which planet in our solar system has the most moons\nwhat is two plus two\n")});
  ASSERT_NE(index, nullptr);
  EXPECT_EQ(index->benchmarks()[0].items, 2u);
  EXPECT_EQ(index->benchmarks()[0].items_indexed, 1u);
  EXPECT_EQ(index->benchmarks()[0].items_whole, 1u);
  const auto m = Find(*index, "Quiz time: Which planet in our Solar System has the most moons? Saturn.");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].word, 2u);
  EXPECT_EQ(m[0].words, 10u);
  EXPECT_TRUE(Find(*index, "which planet in our solar system has the most").empty());  // a part is not enough
  EXPECT_TRUE(Find(*index, "what is two plus two").empty());
}

TEST_F(BenchmarkIndexTest, TooCommonNgramsDoNotCount) {
  // The same 13 words open eleven items: more than --max-matches 10.
  std::string eleven, ten;
  for (int i = 0; i < 11; ++i) eleven += std::string(kItemA) + " variant " + std::to_string(i) + "\n";
  for (int i = 0; i < 10; ++i) ten += std::string(kItemB) + " variant " + std::to_string(i) + "\n";
  auto index = Build({Write("common.txt", eleven), Write("ten.txt", ten)});
  ASSERT_NE(index, nullptr);
  EXPECT_EQ(index->too_common(), 2u);  // windows 0 and 1 of the eleven items
  EXPECT_TRUE(Find(*index, kItemA).empty());
  EXPECT_EQ(Find(*index, kItemB).size(), 1u);  // ten items: still counts
  // The window holding the item's own last word still matches.
  const auto own = Find(*index, std::string(kItemA) + " variant 7");
  ASSERT_EQ(own.size(), 1u);
  EXPECT_EQ(own[0].word, 2u);
  NgramMatchOptions o;
  o.max_matches = 11;
  auto loose = Build({dir_.Sub("common.txt")}, o);
  EXPECT_EQ(Find(*loose, kItemA).size(), 1u);
}

TEST_F(BenchmarkIndexTest, JsonItemsUseStringFieldsOrTheChosenOnes) {
  const std::string line = std::string("{\"id\":\"x1\",\"question\":{\"stem\":\"") + kItemA +
                           "\"},\"choices\":[\"" + kItemB + "\",\"no\"],\"label\":3}\n";
  auto all = Build({Write("all.jsonl", line)});
  EXPECT_EQ(Find(*all, kItemA).size(), 1u);
  EXPECT_EQ(Find(*all, kItemB).size(), 1u);
  NgramMatchOptions o;
  o.fields = {"question.stem"};
  auto stem = Build({dir_.Sub("all.jsonl")}, o);
  EXPECT_EQ(Find(*stem, kItemA).size(), 1u);
  EXPECT_TRUE(Find(*stem, kItemB).empty());
  o.fields = {"choices"};
  auto choices = Build({dir_.Sub("all.jsonl")}, o);
  EXPECT_TRUE(Find(*choices, kItemA).empty());
  EXPECT_EQ(Find(*choices, kItemB).size(), 1u);
}

TEST_F(BenchmarkIndexTest, ReadsGzipBenchmarks) {
  const std::string path = dir_.Sub("z.txt.gz");
  gzFile gz = gzopen(path.c_str(), "wb");
  ASSERT_NE(gz, nullptr);
  const std::string body = std::string(kItemB) + "\n";
  gzwrite(gz, body.data(), static_cast<unsigned>(body.size()));
  gzclose(gz);
  auto index = Build({path});
  ASSERT_NE(index, nullptr);
  EXPECT_EQ(index->benchmarks()[0].name, "z");
  EXPECT_EQ(Find(*index, kItemB).size(), 1u);
}

TEST_F(BenchmarkIndexTest, ChineseOverlapIsFound) {
  const std::string item = "自然语言处理是计算机科学领域与人工智能领域中的一个重要方向，它研究能实现人与计算机之间用自然语言进行有效通信的各种理论和方法。";
  auto index = Build({Write("zh.txt", item + "\n")});
  ASSERT_NE(index, nullptr);
  EXPECT_GT(index->benchmarks()[0].ngrams, 0u);
  // Other punctuation, surrounded by other text.
  const std::string doc = "今天的新闻。自然语言处理是计算机科学领域与人工智能领域中的一个重要方向。它研究能实现人与计算机之间用自然语言进行有效通信的各种理论和方法！谢谢。";
  EXPECT_FALSE(Find(*index, doc).empty());
  EXPECT_TRUE(Find(*index, "今天的新闻。我们去公园散步，看到了很多美丽的花朵和绿色的树木，心情非常愉快。").empty());
}

TEST_F(BenchmarkIndexTest, JapaneseOverlapIsFound) {
  const std::string item = "吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。何でも薄暗いじめじめした所でニャーニャー泣いていた事だけは記憶している。";
  auto index = Build({Write("ja.txt", item + "\n")});
  ASSERT_NE(index, nullptr);
  const std::string doc = "小説の冒頭：「吾輩は猫である、名前はまだ無い。どこで生れたかとんと見当がつかぬ」という有名な一節。";
  EXPECT_FALSE(Find(*index, doc).empty());
  EXPECT_TRUE(Find(*index, "吾輩は犬である。名前はもうある。").empty());
}

}  // namespace
}  // namespace corpus
