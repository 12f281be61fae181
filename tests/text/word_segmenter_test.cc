// The one word splitter: space-delimited scripts as TokenizeWords, scripts
// without spaces through ICU's dictionaries.
#include "corpus/text/word_segmenter.h"

#include <gtest/gtest.h>
#include <unicode/brkiter.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include <memory>

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

// Random text over the cases the fast paths must get right: ASCII, Latin,
// Cyrillic and Korean words, Chinese, kana (with the punctuation 「・」 of the
// kana block), characters beyond U+FFFF (two UTF-16 units), Thai, spaces of
// several kinds, line breaks, and invalid or truncated UTF-8.
std::string RandomMixedText(uint32_t seed, size_t pieces) {
  static const char* const kPieces[] = {
      "word", "The", "quick,", "(brown)", "fox.", "café", "naïve", "Привет", "мир!", "한국어", "中文", "我们今天去北京大学看书",
      "。", "東京都に住んでいます", "カタカナ", "・", "ー", "ฉันชอบกินอาหารไทย", "iPhone手机", "2024年", "“quoted”", "𠀋𡈽中文😀語",
      "\xe4\xb8", "\xff", "\xe4", "\xf0\x9f\x98\x80", "\xc3", " ", " ", " ", "\u3000", "\n", "\n\n", "\t", "-"};
  constexpr size_t kCount = sizeof(kPieces) / sizeof(kPieces[0]);
  uint64_t state = seed * 0x9E3779B97F4A7C15ULL + 1;
  std::string text;
  for (size_t i = 0; i < pieces; ++i) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    text += kPieces[state % kCount];
    if (state % 3 == 0) text += ' ';
  }
  return text;
}

// What FindNonSpacingScript means, one code point at a time.
size_t FindNonSpacingScriptSlowly(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const size_t at = i;
    if (IsNonSpacingScript(NextCodePoint(text, &i))) return at;
  }
  return std::string_view::npos;
}

TEST(WordSegmenterTest, FindNonSpacingScriptDecodesAsTheTokenizer) {
  for (uint32_t seed = 0; seed < 500; ++seed) {
    const std::string text = RandomMixedText(seed, 1 + seed % 40);
    EXPECT_EQ(FindNonSpacingScript(text), FindNonSpacingScriptSlowly(text)) << text;
  }
  EXPECT_EQ(FindNonSpacingScript("abcdefghijklmnop中"), 16u);  // past two 8-byte blocks
  EXPECT_EQ(FindNonSpacingScript("abcdefgh"), std::string_view::npos);
}

// The word pieces ICU's word break iterator finds in `token` read over its
// UTF-8 bytes (the segmenter hands well-formed tokens over as UTF-16).
std::vector<std::string_view> IcuWordsOverUtf8(std::string_view token) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  UText* ut = utext_openUTF8(nullptr, token.data(), static_cast<int64_t>(token.size()), &status);
  it->setText(ut, status);
  std::vector<std::string_view> out;
  int32_t begin = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; begin = end, end = it->next()) {
    if (it->getRuleStatus() >= UBRK_WORD_NONE_LIMIT) out.push_back(token.substr(begin, end - begin));
  }
  utext_close(ut);
  return out;
}

// Segment is, by definition, each whitespace token of TokenizeWords that
// holds a non-spacing script split on its own by the dictionary; the fast
// scan that skips to the first such token and the UTF-16 hand-over must not
// change that.
TEST(WordSegmenterTest, SegmentIsTokenByToken) {
  for (uint32_t seed = 0; seed < 300; ++seed) {
    const std::string text = RandomMixedText(seed, 1 + seed % 60);
    std::vector<Word> tokens, got, expected, split;
    std::vector<uint32_t> got_lines, expected_lines;
    TokenizeWords(text, &tokens, &expected_lines);
    for (const Word& t : tokens) {
      if (FindNonSpacingScriptSlowly(t.text) == std::string_view::npos) {
        expected.push_back(t);
        continue;
      }
      for (std::string_view piece : IcuWordsOverUtf8(t.text)) {
        SegmentWords(piece, &split);  // a piece's own chars and letters, as one word
        ASSERT_EQ(split.size(), 1u) << piece;
        expected.push_back(split[0]);
      }
    }
    SegmentWords(text, &got, &got_lines);
    EXPECT_EQ(got_lines, expected_lines);
    ASSERT_EQ(got.size(), expected.size()) << text;
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].text.data(), expected[i].text.data()) << text;
      EXPECT_EQ(got[i].text.size(), expected[i].text.size()) << text;
      EXPECT_EQ(got[i].chars, expected[i].chars);
      EXPECT_EQ(got[i].has_letter, expected[i].has_letter);
    }
  }
}

}  // namespace
}  // namespace corpus
