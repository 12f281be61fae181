// The one word splitter: space-delimited scripts as TokenizeWords, scripts
// without spaces through ICU's dictionaries.
#include "corpus/text/word_segmenter.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace corpus {
namespace {

std::vector<std::string> Words(std::string_view text) {
  std::vector<Word> words;
  SegmentWords(text, &words);
  std::vector<std::string> out;
  for (const Word& w : words) out.emplace_back(w.text);
  return out;
}

TEST(WordSegmenterTest, SpaceDelimitedTextIsTokenizeWords) {
  const std::string text = "Hello, world! Ein schöner Tag -- \"quoted\" 42.\nNew line: ok";
  std::vector<Word> expected, got;
  TokenizeWords(text, &expected);
  SegmentWords(text, &got);
  ASSERT_EQ(got.size(), expected.size());
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].text, expected[i].text);
    EXPECT_EQ(got[i].chars, expected[i].chars);
    EXPECT_EQ(got[i].has_letter, expected[i].has_letter);
  }
}

TEST(WordSegmenterTest, ChineseIsSplitIntoDictionaryWords) {
  const auto words = Words("我们今天去北京大学看书。");
  // A sentence of 11 characters is several words, none of them punctuation.
  EXPECT_GE(words.size(), 4u);
  EXPECT_LE(words.size(), 9u);
  std::string joined;
  for (const auto& w : words) {
    EXPECT_EQ(w.find("。"), std::string::npos);
    joined += w;
  }
  EXPECT_EQ(joined, "我们今天去北京大学看书");
}

TEST(WordSegmenterTest, JapaneseAndThaiAreSplit) {
  EXPECT_GE(Words("東京都に住んでいます").size(), 3u);
  // "I like to eat Thai food" in Thai, written without spaces.
  EXPECT_GE(Words("ฉันชอบกินอาหารไทย").size(), 3u);
}

TEST(WordSegmenterTest, MixedTokenKeepsLatinPart) {
  const auto words = Words("新款iPhone手机 price");
  ASSERT_FALSE(words.empty());
  EXPECT_NE(std::find(words.begin(), words.end(), "iPhone"), words.end());
  EXPECT_EQ(words.back(), "price");
}

TEST(WordSegmenterTest, CountsCharsAndLetters) {
  std::vector<Word> words;
  SegmentWords("北京 2024年", &words);
  ASSERT_FALSE(words.empty());
  EXPECT_EQ(words[0].text, "北京");
  EXPECT_EQ(words[0].chars, 2u);
  EXPECT_TRUE(words[0].has_letter);
}

TEST(WordSegmenterTest, InvalidUtf8AndControlsDoNotCrash) {
  std::string text = "中文\xff\xfe测试\x01\x02 abc \xe4\xb8";
  text += std::string(1, '\0') + "日本語";
  std::vector<Word> words;
  SegmentWords(text, &words);
  for (const Word& w : words) {
    EXPECT_GE(w.text.data(), text.data());
    EXPECT_LE(w.text.data() + w.text.size(), text.data() + text.size());
  }
  EXPECT_FALSE(words.empty());
}

TEST(WordSegmenterTest, LineTokensAsTokenizeWords) {
  const std::string text = "一行 两个\n三\n";
  std::vector<Word> words;
  std::vector<uint32_t> lines, expected_lines;
  std::vector<Word> unused;
  SegmentWords(text, &words, &lines);
  TokenizeWords(text, &unused, &expected_lines);
  EXPECT_EQ(lines, expected_lines);
}

TEST(WordSegmenterTest, OnePerThread) {
  std::vector<std::thread> threads;
  std::vector<size_t> counts(4);
  for (size_t t = 0; t < counts.size(); ++t) {
    threads.emplace_back([&counts, t] {
      std::vector<Word> words;
      for (int i = 0; i < 200; ++i) SegmentWords("我们今天去北京大学看书。 and more", &words);
      counts[t] = words.size();
    });
  }
  for (auto& th : threads) th.join();
  for (size_t c : counts) EXPECT_EQ(c, counts[0]);
}

TEST(WordSegmenterTest, HasNonSpacingScript) {
  EXPECT_TRUE(HasNonSpacingScript("abc中"));
  EXPECT_TRUE(HasNonSpacingScript("ไทย"));
  EXPECT_FALSE(HasNonSpacingScript("Привет"));
  EXPECT_FALSE(HasNonSpacingScript("한국어"));  // Korean is written with spaces
  EXPECT_FALSE(HasNonSpacingScript(""));
}

}  // namespace
}  // namespace corpus
