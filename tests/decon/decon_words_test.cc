// Decontamination's word normalisation: lowercase, punctuation removed, the
// product's word segmentation (CJK by dictionary), byte spans and n-gram keys.
#include "corpus/decon/decon_words.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace corpus {
namespace {

std::vector<std::string> Norms(const DeconWords& w) {
  std::vector<std::string> out;
  for (size_t i = 0; i < w.size(); ++i) out.emplace_back(w.norm(i));
  return out;
}

TEST(DeconWordsTest, LowercasesAndRemovesPunctuation) {
  DeconWords w;
  w.Assign("The State-of-the-art model, Don't STOP (1.5%)! — “Quoted” … ok");
  EXPECT_EQ(Norms(w), (std::vector<std::string>{"the", "stateoftheart", "model", "dont", "stop", "15", "quoted",
                                                "ok"}));
}

TEST(DeconWordsTest, TypographicApostropheAndNonAsciiCase) {
  DeconWords w;
  w.Assign("DON’T Über ÉCOLE straße");
  EXPECT_EQ(Norms(w), (std::vector<std::string>{"dont", "über", "école", "straße"}));
}

TEST(DeconWordsTest, SpansPointIntoTheOriginalText) {
  const std::string text = "  Hello, WORLD!\n(again)";
  DeconWords w;
  w.Assign(text);
  ASSERT_EQ(w.size(), 3u);
  EXPECT_EQ(text.substr(w[0].begin, w[0].end - w[0].begin), "Hello");
  EXPECT_EQ(text.substr(w[1].begin, w[1].end - w[1].begin), "WORLD");
  EXPECT_EQ(text.substr(w[2].begin, w[2].end - w[2].begin), "again");
}

TEST(DeconWordsTest, ChineseIsSplitIntoDictionaryWords) {
  DeconWords w;
  w.Assign("自然语言处理是人工智能的一个重要方向。");
  const std::vector<std::string> n = Norms(w);
  ASSERT_GE(n.size(), 5u);  // words, not one token and not single characters only
  std::string joined;
  for (const auto& s : n) joined += s;
  EXPECT_EQ(joined, "自然语言处理是人工智能的一个重要方向");  // the full stop is gone
  EXPECT_LT(n.size(), 17u);
}

TEST(DeconWordsTest, JapaneseIsSplitIntoWords) {
  DeconWords w;
  w.Assign("吾輩は猫である。名前はまだ無い。");
  const std::vector<std::string> n = Norms(w);
  ASSERT_GE(n.size(), 5u);
  std::string joined;
  for (const auto& s : n) joined += s;
  EXPECT_EQ(joined, "吾輩は猫である名前はまだ無い");
}

TEST(DeconWordsTest, NgramKeysDependOnlyOnNormalisedWords) {
  DeconWords a, b, c;
  a.Assign("one two three four five six");
  b.Assign("Zero. ONE, two: three -- four five! six");
  c.Assign("one two three four five seven");
  EXPECT_EQ(a.NgramKey(0, 6), b.NgramKey(1, 6));
  EXPECT_EQ(a.NgramKey(1, 3), b.NgramKey(2, 3));
  EXPECT_NE(a.NgramKey(0, 6), c.NgramKey(0, 6));
  EXPECT_NE(a.NgramKey(0, 5), a.NgramKey(0, 6));  // the length is part of the key
  EXPECT_NE(a.NgramKey(0, 2), a.NgramKey(1, 2));
  EXPECT_EQ(b.NgramText(1, 3), "one two three");
}

TEST(DeconWordsTest, InvalidUtf8AndEmptyTextDoNotCrash) {
  DeconWords w;
  w.Assign(std::string("ab\xff\xfe cd \xc3", 9));
  EXPECT_GE(w.size(), 1u);
  w.Assign("");
  EXPECT_EQ(w.size(), 0u);
  w.Assign("... !!! ---");
  EXPECT_EQ(w.size(), 0u);
}

}  // namespace
}  // namespace corpus
