#include "corpus/filter/language.h"

#include <gtest/gtest.h>

#include "filter/filter_test_util.h"

namespace corpus {
namespace {

const char kFrench[] =
    "La ville de Lyon est située au confluent du Rhône et de la Saône. Elle est connue pour sa "
    "gastronomie, son patrimoine historique et ses traboules. Chaque année, la fête des lumières attire "
    "des millions de visiteurs venus du monde entier.";
const char kGerman[] =
    "Die Stadt liegt am Ufer eines großen Flusses und ist für ihre alte Brücke bekannt. Jedes Jahr "
    "kommen viele Besucher, um die Altstadt, die Museen und die zahlreichen Cafés zu entdecken.";
const char kChinese[] = "北京是中华人民共和国的首都，也是全国的政治、文化和国际交往中心。这座城市有着三千多年的建城史。";

TEST(IdentifyLanguageTest, FindsCommonLanguages) {
  LanguageGuess g = IdentifyLanguage(testing::EnglishProse(2));
  EXPECT_EQ(g.code, "en");
  EXPECT_GE(g.score, 0.9);
  EXPECT_EQ(IdentifyLanguage(kFrench).code, "fr");
  EXPECT_EQ(IdentifyLanguage(kGerman).code, "de");
  EXPECT_EQ(IdentifyLanguage(kChinese).code, "zh");
}

// Control characters and noncharacters, common in mis-decoded pages, are
// not "interchange valid" UTF-8 to CLD2, which then reports nothing for the
// whole text; they must not hide the language of the rest.
TEST(IdentifyLanguageTest, ControlCharactersDoNotHideTheLanguage) {
  const std::string prose = testing::EnglishProse(2);
  for (const std::string& odd : {std::string("\xC2\x85"), std::string("\xC2\x9D"), std::string("\x01"),
                                std::string("\x7F"), std::string("\xEF\xBF\xBE"),
                                std::string("\xEF\xB7\x90")}) {
    const std::string text = prose.substr(0, 40) + odd + prose.substr(40);
    const LanguageGuess g = IdentifyLanguage(text);
    EXPECT_EQ(g.code, "en") << "with bytes of length " << odd.size();
    EXPECT_GE(g.score, 0.9);
  }
  EXPECT_EQ(IdentifyLanguage(std::string(kFrench) + "\xC2\x92").code, "fr");
}

TEST(IdentifyLanguageTest, EmptyAndSymbolsAreUnknown) {
  EXPECT_EQ(IdentifyLanguage("").code, "un");
  EXPECT_EQ(IdentifyLanguage("12345 !!! ###").score, 0.0);
}

TEST(IdentifyLanguageTest, ScoreIsTheShareOfTheTopLanguage) {
  // Half English, half French: neither reaches FineWeb's 0.65.
  const LanguageGuess g = IdentifyLanguage(testing::EnglishProse(1) + "\n" + kFrench);
  EXPECT_LT(g.score, 0.65);
  EXPECT_GT(g.score, 0.2);
}

TEST(LanguageFilterTest, KeepListAndMinimumScore) {
  LanguageOptions opts;
  opts.languages = {"en", "fr"};
  LanguageFilter f(opts);
  Document fr(kFrench, "");
  EXPECT_TRUE(f.Apply(fr).keep);
  EXPECT_EQ(fr.lang(), "fr");
  Document de(kGerman, "");
  const FilterVerdict v = f.Apply(de);
  EXPECT_EQ(v.rule, "language");
  EXPECT_EQ(v.value_json, "\"de\"");

  opts.languages = {};
  opts.min_score = 0.65;
  Document mixed(testing::EnglishProse(1) + "\n" + kFrench, "");
  EXPECT_EQ(LanguageFilter(opts).Apply(mixed).rule, "lang_score");
  opts.min_score = -1;
  EXPECT_TRUE(LanguageFilter(opts).Apply(mixed).keep);
}

TEST(LanguageFilterTest, BaseCodeKeepsRegionalVariants) {
  LanguageOptions opts;
  opts.languages = {"zh"};
  Document traditional("臺灣是一個位於東亞的島嶼，擁有豐富的自然景觀與多元的文化。許多遊客喜歡來這裡品嚐美食。", "");
  const FilterVerdict v = LanguageFilter(opts).Apply(traditional);
  EXPECT_TRUE(traditional.lang() == "zh" || traditional.lang() == "zh-Hant") << traditional.lang();
  EXPECT_TRUE(v.keep) << v.rule << " " << v.value_json;
}

TEST(LanguageSampleTest, ShortTextIsReadWhole) {
  std::string buffer;
  const std::string text = testing::EnglishProse(1);
  ASSERT_LE(text.size(), 768u);
  EXPECT_EQ(LanguageSample(text, 768, &buffer).data(), text.data());
}

TEST(LanguageSampleTest, PiecesComeFromAllOverInWholeWords) {
  // Numbered words, so every piece shows where it came from.
  std::string text;
  for (int i = 0; i < 2000; ++i) text += (i ? " w" : "w") + std::to_string(i);
  std::string buffer;
  const std::string_view sample = LanguageSample(text, 768, &buffer);
  EXPECT_LE(sample.size(), 768u);
  size_t pieces = 0;
  for (std::string_view piece : SplitLines(sample)) {
    ++pieces;
    EXPECT_LE(piece.size(), kLanguageSamplePiece);
    // Whole words only: each piece is a run of the text's words.
    EXPECT_EQ(piece.front(), 'w');
    const size_t at = text.find(piece);
    ASSERT_NE(at, std::string::npos);
    EXPECT_TRUE(at == 0 || text[at - 1] == ' ');
    EXPECT_TRUE(at + piece.size() == text.size() || text[at + piece.size()] == ' ');
  }
  EXPECT_EQ(pieces, 3u);
  EXPECT_TRUE(sample.starts_with("w0 w1 "));
  EXPECT_TRUE(sample.ends_with(" w1999"));
}

TEST(LanguageSampleTest, CutsAtCodePoints) {
  std::string text;
  for (int i = 0; i < 400; ++i) text += "東京";  // no spaces: only code point cuts
  std::string buffer;
  const std::string_view sample = LanguageSample(text, 512, &buffer);
  for (std::string_view piece : SplitLines(sample)) {
    EXPECT_EQ(piece.size() % 3, 0u);
    EXPECT_EQ(CountCodePoints(piece) * 3, piece.size());
  }
}

TEST(LanguageFilterTest, ConfidentSampleDecidesLongPages) {
  // A long French page: the sample finds French with a high score.
  std::string text;
  for (int i = 0; i < 12; ++i) text += std::string(i ? "\n\n" : "") + kFrench;
  ASSERT_GT(text.size(), 2048u);
  Document doc(text, "");
  LanguageOptions opts;
  opts.languages = {"fr"};
  EXPECT_TRUE(LanguageFilter(opts).Apply(doc).keep);
  EXPECT_EQ(doc.lang(), "fr");
  EXPECT_GE(doc.lang_score(), kConfidentLanguageScore);
}

TEST(LanguageFilterTest, MixedPageFallsBackToTheLeadingBytes) {
  // French first, then English: the spread sample is mixed (below the
  // confident score), so the first max_bytes decide, as without a sample.
  std::string french;
  while (french.size() < 2100) french += std::string(french.empty() ? "" : " ") + kFrench;
  const std::string text = french + "\n\n" + testing::EnglishProse(8);
  LanguageOptions opts;
  opts.languages.clear();
  Document sampled(text, "");
  LanguageFilter(opts).Apply(sampled);
  opts.sample_bytes = 0;
  Document leading(text, "");
  LanguageFilter(opts).Apply(leading);
  EXPECT_EQ(leading.lang(), "fr");
  EXPECT_EQ(sampled.lang(), leading.lang());
  EXPECT_EQ(sampled.lang_score(), leading.lang_score());
}

TEST(LanguageFilterTest, TextsNoLongerThanTheSampleAreReadOnce) {
  // Below the sample size the sample is the text: same answer either way.
  const std::string text = testing::EnglishProse(1) + "\n" + kFrench;
  ASSERT_LE(text.size(), 768u);
  LanguageOptions opts;
  opts.languages.clear();
  Document a(text, ""), b(text, "");
  LanguageFilter(opts).Apply(a);
  opts.sample_bytes = 0;
  LanguageFilter(opts).Apply(b);
  EXPECT_EQ(a.lang(), b.lang());
  EXPECT_EQ(a.lang_score(), b.lang_score());
}

}  // namespace
}  // namespace corpus
