// The shared splitting and tokenising of text_units.h against direct,
// one-code-point-at-a-time readings of their definitions, on random text
// mixing ASCII, punctuation, other scripts, Unicode spaces, line breaks and
// invalid bytes: the fast paths must not change a single word, count or
// line.
#include "corpus/text/text_units.h"

#include <gtest/gtest.h>
#include <utf8proc.h>

#include <random>
#include <string>
#include <vector>

namespace corpus {
namespace {

std::string RandomText(std::mt19937& rng) {
  static const char* const kPieces[] = {
      "word", "Mixed", "x", "'quoted'", "...", "--", "(a)", "é", "naïve", "東京", "。", "\xC2\xA0" /* NBSP */,
      "\xE3\x80\x80" /* ideographic space */, "\xE2\x80\xA8" /* line separator */, "\xFF" /* invalid */,
      "\xE2\x80" /* truncated */, "-", "#", "\"", " ", " ", " ", "\n", "\n\n", "\r\n", "\t", "42", "a.b", "«x»"};
  std::string text;
  const size_t pieces = rng() % 60;
  for (size_t i = 0; i < pieces; ++i) text += kPieces[rng() % (sizeof(kPieces) / sizeof(kPieces[0]))];
  return text;
}

// TokenizeWords by its definition: whitespace-separated tokens, leading and
// trailing punctuation removed, all-punctuation tokens dropped.
std::vector<Word> ReferenceWords(std::string_view text) {
  std::vector<Word> words;
  size_t i = 0;
  while (i < text.size()) {
    size_t next = i;
    if (IsSpace(NextCodePoint(text, &next))) {
      i = next;
      continue;
    }
    std::vector<std::pair<size_t, char32_t>> token;  // (offset, code point)
    while (i < text.size()) {
      next = i;
      const char32_t c = NextCodePoint(text, &next);
      if (IsSpace(c)) break;
      token.emplace_back(i, c);
      i = next;
    }
    const size_t token_end = i;
    size_t b = 0, e = token.size();
    while (b < e && IsPunctuation(token[b].second)) ++b;
    while (e > b && IsPunctuation(token[e - 1].second)) --e;
    if (b == e) continue;
    Word w;
    const size_t end = e < token.size() ? token[e].first : token_end;
    w.text = text.substr(token[b].first, end - token[b].first);
    w.chars = static_cast<uint32_t>(e - b);
    for (size_t k = b; k < e; ++k) w.has_letter = w.has_letter || IsLetter(token[k].second);
    words.push_back(w);
  }
  return words;
}

TEST(TextUnitsTest, TokenizerMatchesItsDefinition) {
  std::mt19937 rng(11);
  std::vector<Word> words;
  std::vector<uint32_t> line_tokens;
  for (int doc = 0; doc < 3000; ++doc) {
    const std::string text = RandomText(rng);
    TokenizeWords(text, &words, &line_tokens);
    const std::vector<Word> expected = ReferenceWords(text);
    ASSERT_EQ(words.size(), expected.size()) << text;
    for (size_t i = 0; i < words.size(); ++i) {
      ASSERT_EQ(words[i].text, expected[i].text) << text;
      ASSERT_EQ(words[i].chars, expected[i].chars) << text;
      ASSERT_EQ(words[i].has_letter, expected[i].has_letter) << text;
    }
    // One token count per line of SplitLines, each CountTokens of the line.
    const std::vector<std::string_view> lines = SplitLines(text);
    ASSERT_EQ(line_tokens.size(), lines.size()) << text;
    for (size_t i = 0; i < lines.size(); ++i) ASSERT_EQ(line_tokens[i], CountTokens(lines[i])) << text;
  }
}

TEST(TextUnitsTest, LinesParagraphsAndCountsMatchTheirDefinitions) {
  std::mt19937 rng(12);
  std::vector<Line> lines;
  std::vector<std::string_view> views;
  for (int doc = 0; doc < 3000; ++doc) {
    const std::string text = RandomText(rng) + std::string(rng() % 300, 'a');  // also long runs
    SplitTrimmedLines(text, &lines);
    const std::vector<std::string_view> split = SplitLines(text);
    ASSERT_EQ(lines.size(), split.size());
    std::vector<std::string_view> non_blank, paragraphs;
    const char* para_begin = nullptr;
    const char* para_end = nullptr;
    for (size_t i = 0; i < split.size(); ++i) {
      ASSERT_EQ(lines[i].text, split[i]);
      ASSERT_EQ(lines[i].trimmed, TrimSpace(split[i]));
      ASSERT_EQ(lines[i].trimmed.empty(), IsBlank(split[i]));
      // A non-blank line keeps its indentation and loses trailing space.
      if (!IsBlank(split[i])) {
        const std::string_view t = TrimSpace(split[i]);
        non_blank.emplace_back(split[i].data(), static_cast<size_t>(t.data() + t.size() - split[i].data()));
        if (!para_begin) para_begin = split[i].data();
        para_end = split[i].data() + split[i].size();
      } else if (para_begin) {
        paragraphs.emplace_back(para_begin, static_cast<size_t>(para_end - para_begin));
        para_begin = nullptr;
      }
    }
    if (para_begin) paragraphs.emplace_back(para_begin, static_cast<size_t>(para_end - para_begin));
    NonBlankLines(lines, &views);
    ASSERT_EQ(views, non_blank);
    ASSERT_EQ(NonBlankLines(text), non_blank);
    Paragraphs(lines, &views);
    ASSERT_EQ(views, paragraphs);

    size_t code_points = 0;
    for (size_t i = 0; i < text.size();) {
      NextCodePoint(text, &i);
      ++code_points;
    }
    // Invalid bytes may decode as one U+FFFD per byte or as part of a
    // sequence; CountCodePoints counts non-continuation bytes, which equals
    // the decoded count on valid text.
    if (text.find('\xFF') == std::string::npos && text.find("\xE2\x80") == std::string::npos) {
      ASSERT_EQ(CountCodePoints(text), code_points) << text;
    }
  }
}

// CountCodePoints counts the bytes that are not continuation bytes (10xxxxxx),
// whatever the bytes; lengths cross its 8-byte words and 255-word blocks.
TEST(TextUnitsTest, EndsWithSentenceMarkOfEveryScript) {
  for (const char* mark : {"。", "！", "？", "｡", "．", "।", "॥", "۔", "؟", "։", "።", "፧", "။", "។", "៕", "།",
                           "༎", "᠃", "᙮", "߹", "᱾", "꓿", "꘎", "꛳", "꧉", "꯫"}) {
    const std::string m(mark);
    EXPECT_TRUE(EndsWithSentenceMark("text" + m)) << m;
    EXPECT_TRUE(EndsWithSentenceMark(m)) << m;
    EXPECT_FALSE(EndsWithSentenceMark(m + "x")) << m;
    EXPECT_FALSE(EndsWithSentenceMark("text" + m.substr(0, m.size() - 1))) << m;  // cut
    EXPECT_FALSE(EndsWithSentenceMark(m.substr(1))) << m;  // its tail alone
  }
  EXPECT_FALSE(EndsWithSentenceMark(""));
  EXPECT_FALSE(EndsWithSentenceMark("plain."));  // ASCII marks are the caller's
  EXPECT_FALSE(EndsWithSentenceMark("Երևան՝"));  // Armenian comma
}

TEST(TextUnitsTest, LetterCaseOfEveryCasedScript) {
  for (char32_t c : {U'A', U'Ä', U'Ố', U'Д', U'Ω', U'Ա'}) EXPECT_TRUE(IsUppercase(c)) << uint32_t{c};
  for (char32_t c : {U'a', U'ä', U'ố', U'д', U'ω', U'ա'}) EXPECT_TRUE(IsLowercase(c)) << uint32_t{c};
  // Uncased letters, digits and marks are neither.
  for (char32_t c : {U'1', U'.', U'中', U'ก', U'ع', U' '}) {
    EXPECT_FALSE(IsUppercase(c)) << uint32_t{c};
    EXPECT_FALSE(IsLowercase(c)) << uint32_t{c};
  }
}

TEST(TextUnitsTest, CountCodePointsCountsNonContinuationBytes) {
  uint64_t state = 88172645463325252ULL;
  for (size_t len : {0, 1, 7, 8, 9, 63, 2039, 2040, 2041, 4100, 20000}) {
    std::string s(len, '\0');
    size_t expected = 0;
    for (char& c : s) {
      state ^= state << 13;
      state ^= state >> 7;
      state ^= state << 17;
      c = static_cast<char>(state % 4 == 0 ? 'a' : state >> 32);  // ASCII runs and any byte
      expected += (static_cast<uint8_t>(c) & 0xC0) != 0x80;
    }
    EXPECT_EQ(CountCodePoints(s), expected) << len;
  }
  EXPECT_EQ(CountCodePoints(std::string(3000, '\x80')), 0u);
  EXPECT_EQ(CountCodePoints(std::string(3000, 'x')), 3000u);
}

TEST(TextUnitsTest, HashBytesInIsHashBytes) {
  const std::string buffer = "the quick brown fox jumps over the lazy dog, twice: the quick brown fox";
  for (size_t b = 0; b < buffer.size(); ++b) {
    for (size_t e = b; e <= buffer.size(); ++e) {
      const std::string_view s = std::string_view(buffer).substr(b, e - b);
      ASSERT_EQ(HashBytesIn(s, buffer.data() + buffer.size()), HashBytes(s));
      ASSERT_EQ(HashBytes(s), HashBytes(std::string(s)));
    }
  }
  EXPECT_NE(HashBytes("ab"), HashBytes(std::string_view("ab\0", 3)));
}

TEST(TextUnitsTest, AppendUtf8EncodesEveryLengthAndDecodesBack) {
  std::string s;
  for (char32_t cp : {U'a', U'\u00E9', U'\u20AC', U'\U0001F600', char32_t{0x10FFFF}}) AppendUtf8(cp, &s);
  EXPECT_EQ(s, "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF");
  size_t i = 0;
  EXPECT_EQ(NextCodePoint(s, &i), U'a');
  EXPECT_EQ(NextCodePoint(s, &i), U'\u00E9');
  EXPECT_EQ(NextCodePoint(s, &i), U'\u20AC');
  EXPECT_EQ(NextCodePoint(s, &i), U'\U0001F600');
  EXPECT_EQ(NextCodePoint(s, &i), char32_t{0x10FFFF});
  EXPECT_EQ(i, s.size());
}

// NextCodePoint decodes by the Unicode Standard's Table 3-7 itself; utf8proc
// implements the same table. Every lead byte and second byte, with third and
// fourth bytes from each class (ASCII, the continuation range's ends, lead
// bytes, 0xFF), cut at every length.
TEST(TextUnitsTest, NextCodePointDecodesAsUtf8proc) {
  const uint8_t kTails[] = {0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
  size_t compared = 0;
  for (int b0 = 0x80; b0 <= 0xFF; ++b0) {
    for (int b1 = 0; b1 <= 0xFF; ++b1) {
      for (uint8_t b2 : kTails) {
        for (uint8_t b3 : kTails) {
          const char bytes[4] = {static_cast<char>(b0), static_cast<char>(b1), static_cast<char>(b2),
                                 static_cast<char>(b3)};
          for (size_t len = 1; len <= 4; ++len) {
            const std::string_view s(bytes, len);
            utf8proc_int32_t want = -1;
            const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(bytes),
                                            static_cast<utf8proc_ssize_t>(len), &want);
            size_t i = 0;
            const char32_t got = NextCodePoint(s, &i);
            if (n > 0 && want >= 0) {
              ASSERT_EQ(got, static_cast<char32_t>(want)) << b0 << " " << b1 << " " << int{b2} << " " << len;
              ASSERT_EQ(i, static_cast<size_t>(n));
            } else {
              ASSERT_EQ(got, char32_t{0xFFFD}) << b0 << " " << b1 << " " << int{b2} << " " << len;
              ASSERT_EQ(i, 1u);
            }
            ++compared;
          }
        }
      }
    }
  }
  EXPECT_EQ(compared, 128u * 256 * 10 * 10 * 4);
}

// The classes behind IsLetter, IsPunctuation and IsSpace (a table for the
// BMP) against their definitions, for every code point.
TEST(TextUnitsTest, CharacterClassesMatchTheirCategories) {
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    const bool letter = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL || cat == UTF8PROC_CATEGORY_LT ||
                        cat == UTF8PROC_CATEGORY_LM || cat == UTF8PROC_CATEGORY_LO;
    const bool ascii_punct = c < 128 && std::string_view("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~").find(
                                            static_cast<char>(c)) != std::string_view::npos;
    const bool punct = ascii_punct || (c >= 128 && cat >= UTF8PROC_CATEGORY_PC && cat <= UTF8PROC_CATEGORY_PO);
    const bool space = (c < 128 && std::string_view(" \t\n\r\v\f").find(static_cast<char>(c)) != std::string_view::npos) ||
                       (c >= 128 && (cat == UTF8PROC_CATEGORY_ZS || c == 0x85 || c == 0x2028 || c == 0x2029));
    ASSERT_EQ(IsLetter(c), letter && !(c < 128 && !((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))) << std::hex << static_cast<uint32_t>(c);
    ASSERT_EQ(IsPunctuation(c), punct) << std::hex << static_cast<uint32_t>(c);
    ASSERT_EQ(IsSpace(c), space) << std::hex << static_cast<uint32_t>(c);
  }
}

}  // namespace
}  // namespace corpus
