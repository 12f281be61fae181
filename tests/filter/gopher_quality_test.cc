// Boundary tests of the Gopher quality rules (Rae et al. 2021, A.1.1; as
// datatrove's GopherQualityFilter): each rule just inside and just outside
// its threshold.
#include "corpus/filter/gopher_quality.h"

#include <gtest/gtest.h>

#include "filter/filter_test_util.h"

namespace corpus {
namespace {

using testing::MakeDoc;
using testing::Repeat;

FilterVerdict Judge(const std::string& text, const std::string& lang = "de",
                    GopherQualityOptions opts = GopherQualityOptions()) {
  Document doc = MakeDoc(text, lang);
  return GopherQualityFilter(opts).Apply(doc);
}

TEST(GopherQualityTest, WordCountBetween50And100000) {
  EXPECT_TRUE(Judge(Repeat(50, "house")).keep);
  const FilterVerdict v = Judge(Repeat(49, "house"));
  EXPECT_FALSE(v.keep);
  EXPECT_EQ(v.rule, "gopher_min_words");
  EXPECT_EQ(v.value_json, "49");

  GopherQualityOptions opts;
  opts.max_words = 60;  // the 100000 boundary, scaled down
  EXPECT_TRUE(Judge(Repeat(60, "house"), "de", opts).keep);
  EXPECT_EQ(Judge(Repeat(61, "house"), "de", opts).rule, "gopher_max_words");
}

TEST(GopherQualityTest, PunctuationTokensAreNotWords) {
  // 49 words and a lone "-" and "," : still 49 words.
  EXPECT_EQ(Judge(Repeat(49, "house") + " - ,").rule, "gopher_min_words");
  // Punctuation at word ends is not part of the word: "abc," has 3 characters.
  EXPECT_TRUE(Judge(Repeat(50, "abc,")).keep);
}

TEST(GopherQualityTest, MeanWordLengthBetween3And10) {
  EXPECT_TRUE(Judge(Repeat(50, "abc")).keep);
  FilterVerdict v = Judge(Repeat(49, "abc") + " ab");  // 149 / 50 = 2.98
  EXPECT_EQ(v.rule, "gopher_min_mean_word_length");
  EXPECT_EQ(v.value_json, "2.98");

  EXPECT_TRUE(Judge(Repeat(50, "abcdefghij")).keep);
  v = Judge(Repeat(49, "abcdefghij") + " abcdefghijk");  // 501 / 50 = 10.02
  EXPECT_EQ(v.rule, "gopher_max_mean_word_length");
  EXPECT_EQ(v.value_json, "10.02");
}

TEST(GopherQualityTest, MeanWordLengthCountsCodePoints) {
  // "été" is 3 characters (5 bytes).
  EXPECT_TRUE(Judge(Repeat(50, "été")).keep);
}

TEST(GopherQualityTest, HashAndEllipsisPerWordAtMostPointOne) {
  const std::string words = Repeat(50, "house");
  EXPECT_TRUE(Judge(words + " " + Repeat(5, "#")).keep);  // 5 / 50 = 0.1
  FilterVerdict v = Judge(words + " " + Repeat(6, "#"));
  EXPECT_EQ(v.rule, "gopher_hash_ratio");
  EXPECT_EQ(v.value_json, "0.12");

  EXPECT_TRUE(Judge(Repeat(5, "...") + " " + words).keep);
  v = Judge(Repeat(3, "...") + " " + Repeat(3, "…") + " " + words);
  EXPECT_EQ(v.rule, "gopher_ellipsis_ratio");
  EXPECT_EQ(v.value_json, "0.12");
}

TEST(GopherQualityTest, AtMost90PercentBulletLines) {
  const std::string line = "house house house house house";
  std::string nine = Repeat(9, "• " + line, "\n") + "\n" + line;
  EXPECT_TRUE(Judge(nine).keep);
  const FilterVerdict v = Judge(Repeat(10, "  - " + line, "\n"));
  EXPECT_EQ(v.rule, "gopher_bullet_lines");
  EXPECT_EQ(v.value_json, "1");
}

TEST(GopherQualityTest, AtMost30PercentLinesEndingInEllipsis) {
  const std::string line = "house house house house house";
  EXPECT_TRUE(Judge(Repeat(3, line + "...", "\n") + "\n" + Repeat(7, line, "\n")).keep);
  const FilterVerdict v = Judge(Repeat(4, line + "…", "\n") + "\n" + Repeat(6, line, "\n"));
  EXPECT_EQ(v.rule, "gopher_ellipsis_lines");
  EXPECT_EQ(v.value_json, "0.4");
}

TEST(GopherQualityTest, BlankLinesAreNotLines) {
  // 3 of 10 non-blank lines end in an ellipsis; blank lines between them
  // must not dilute (or inflate) the share.
  const std::string line = "house house house house house";
  EXPECT_EQ(Judge(Repeat(4, line + "...", "\n\n") + "\n\n" + Repeat(6, line, "\n\n")).rule,
            "gopher_ellipsis_lines");
}

TEST(GopherQualityTest, AtLeast80PercentWordsWithALetter) {
  EXPECT_TRUE(Judge(Repeat(40, "house") + " " + Repeat(10, "1234")).keep);
  const FilterVerdict v = Judge(Repeat(39, "house") + " " + Repeat(11, "1234"));
  EXPECT_EQ(v.rule, "gopher_alpha_words");
  EXPECT_EQ(v.value_json, "0.78");
}

TEST(GopherQualityTest, TwoStopWordsForEnglishOnly) {
  EXPECT_TRUE(Judge(Repeat(48, "house") + " The and", "en").keep);
  const FilterVerdict v = Judge(Repeat(49, "house") + " the", "en");
  EXPECT_EQ(v.rule, "gopher_stop_words");
  EXPECT_EQ(v.value_json, "1");
  // German has its own stop words; the English list must not judge it.
  EXPECT_TRUE(Judge(Repeat(50, "house"), "de").keep);
}

TEST(GopherQualityTest, WordRulesCountSegmentedWordsInTextsWithoutSpaces) {
  // One "word" by whitespace, about twenty by the segmenter.
  const std::string zh = "今天天气很好，我们去公园散步。公园里有很多人在锻炼身体。孩子们在草地上玩耍。";
  FilterVerdict v = Judge(zh, "zh");
  EXPECT_EQ(v.rule, "gopher_min_words");
  EXPECT_GT(std::stod(v.value_json), 10);
  EXPECT_LT(std::stod(v.value_json), 40);
  // Three such paragraphs are enough words; with the English bounds the
  // mean-word-length rule does not judge Chinese (no settings given).
  const std::string three = zh + "\n\n" + "老人们在树下下棋，旁边有人在聊天。天空很蓝，空气也很清新。" + "\n\n" +
                            "我们走到湖边，看见很多小船在水上慢慢地漂。大家都很开心，拍了很多照片。";
  EXPECT_TRUE(Judge(three, "zh").keep) << Judge(three, "zh").rule;
  EXPECT_TRUE(Judge(three, "un").keep);  // found by script when the language is unknown
  // With a language's own bounds (its settings), the rule judges Chinese too.
  GopherQualityOptions opts;
  opts.word_length_all_scripts = true;
  EXPECT_EQ(Judge(three, "zh", opts).rule, "gopher_min_mean_word_length");
  opts.min_mean_word_length = 1;
  opts.max_mean_word_length = 5;
  EXPECT_TRUE(Judge(three, "zh", opts).keep);
  EXPECT_EQ(Judge("short text", "en").rule, "gopher_min_words");
}

TEST(GopherQualityTest, StopWordsOfTheLanguage) {
  GopherQualityOptions opts;
  opts.stop_words = {"der", "und", "die", "f\u00fcr"};
  const std::string words = Repeat(50, "Haus");
  EXPECT_EQ(Judge(words + " der", "de", opts).rule, "gopher_stop_words");
  EXPECT_TRUE(Judge(words + " Der F\u00dcR", "de", opts).keep);  // case folded beyond ASCII
  // A given list replaces Gopher's English one.
  EXPECT_EQ(Judge(words + " the and", "en", opts).rule, "gopher_stop_words");
}

TEST(GopherQualityTest, DisabledKeepsEverything) {
  GopherQualityOptions opts;
  opts.enabled = false;
  EXPECT_TRUE(Judge("x", "en", opts).keep);
  opts = GopherQualityOptions();
  opts.min_words = -1;  // a single rule off
  EXPECT_NE(Judge("house", "de", opts).rule, "gopher_min_words");
}

}  // namespace
}  // namespace corpus
