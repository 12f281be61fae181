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

}  // namespace
}  // namespace corpus
