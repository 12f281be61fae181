// Boundary tests of the Gopher repetition rules (Rae et al. 2021, table A1;
// datatrove's GopherRepetitionFilter). Each test switches on one rule, puts
// its threshold exactly at the measured value (kept: the rules reject only
// above it) and just below (rejected, with the measured value).
#include "corpus/filter/gopher_repetition.h"

#include <gtest/gtest.h>

#include <string>

#include "filter/filter_test_util.h"

namespace corpus {
namespace {

using testing::MakeDoc;
using testing::Repeat;

GopherRepetitionOptions AllOff() {
  GopherRepetitionOptions o;
  o.max_dup_line_frac = o.max_dup_para_frac = o.max_dup_line_char_frac = o.max_dup_para_char_frac = -1;
  for (double& t : o.max_top_ngram_frac) t = -1;
  for (double& t : o.max_dup_ngram_frac) t = -1;
  return o;
}

FilterVerdict Judge(const std::string& text, const GopherRepetitionOptions& opts) {
  Document doc = MakeDoc(text);
  return GopherRepetitionFilter(opts).Apply(doc);
}

// Checks that `set(threshold)` keeps `text` at exactly `value` and rejects it
// by `rule` just below.
template <typename Setter>
void ExpectBoundary(const std::string& text, double value, const std::string& rule, Setter set) {
  GopherRepetitionOptions at = AllOff();
  set(&at, value);
  EXPECT_TRUE(Judge(text, at).keep) << rule;
  GopherRepetitionOptions below = AllOff();
  set(&below, value - 1e-9);
  const FilterVerdict v = Judge(text, below);
  EXPECT_FALSE(v.keep);
  EXPECT_EQ(v.rule, rule);
  EXPECT_NEAR(std::stod(v.value_json), value, 1e-5);
}

std::string Numbered(int i, std::string_view what) {
  return std::string(what) + " number " + std::to_string(i) + " is here";
}

TEST(GopherRepetitionTest, DuplicateParagraphFraction) {
  // 10 paragraphs, the last 3 repeat the first: 3/10 duplicates.
  std::string text;
  for (int i = 0; i < 10; ++i) text += (i ? "\n\n" : "") + Numbered(i < 7 ? i : 0, "paragraph");
  ExpectBoundary(text, 0.3, "dup_para_frac", [](GopherRepetitionOptions* o, double t) { o->max_dup_para_frac = t; });
}

TEST(GopherRepetitionTest, DuplicateParagraphCharacterFraction) {
  const std::string a = "aaaa bbbb.";                    // 10 characters
  const std::string b = "a different paragraph here.";   // 27 characters
  const std::string text = a + "\n\n" + b + "\n\n" + a;  // 10 duplicate of 51
  ExpectBoundary(text, 10.0 / 51, "dup_para_char_frac",
                 [](GopherRepetitionOptions* o, double t) { o->max_dup_para_char_frac = t; });
}

TEST(GopherRepetitionTest, DuplicateLineFraction) {
  std::string text;
  for (int i = 0; i < 10; ++i) text += (i ? "\n" : "") + Numbered(i < 7 ? i : 0, "line");
  ExpectBoundary(text, 0.3, "dup_line_frac", [](GopherRepetitionOptions* o, double t) { o->max_dup_line_frac = t; });
}

TEST(GopherRepetitionTest, DuplicateLineCharacterFraction) {
  const std::string text = "héllo wörld\nsomething else entirely\nhéllo wörld";  // 11 of 47 characters
  ExpectBoundary(text, 11.0 / 47, "dup_line_char_frac",
                 [](GopherRepetitionOptions* o, double t) { o->max_dup_line_char_frac = t; });
}

TEST(GopherRepetitionTest, BlankLinesAreParagraphBreaksNotDuplicateLines) {
  std::string text;
  for (int i = 0; i < 12; ++i) text += (i ? "\n\n" : "") + Numbered(i, "paragraph");
  GopherRepetitionOptions opts;  // line and paragraph rules at their defaults
  opts.max_top_ngram_frac.clear();
  opts.max_dup_ngram_frac.clear();
  EXPECT_TRUE(Judge(text, opts).keep);
}

TEST(GopherRepetitionTest, TopTwoGramCharacterFraction) {
  std::string text = "aa bb aa bb aa bb";  // "aa bb" (5 characters) three times
  for (int i = 10; i < 30; ++i) text += " c" + std::to_string(i);
  const double value = 3.0 * 5 / static_cast<double>(text.size());
  ExpectBoundary(text, value, "top_2_gram", [](GopherRepetitionOptions* o, double t) { o->max_top_ngram_frac[0] = t; });
}

TEST(GopherRepetitionTest, TopNGramTiesGoToTheFirst) {
  // "a bbb" and "bbb cc" both occur twice; the first seen sets the value: 2 * 5 / 17.
  ExpectBoundary("a bbb cc a bbb cc", 10.0 / 17, "top_2_gram",
                 [](GopherRepetitionOptions* o, double t) { o->max_top_ngram_frac[0] = t; });
}

TEST(GopherRepetitionTest, NGramsSeenOnceAreNoRepetition) {
  GopherRepetitionOptions opts = AllOff();
  opts.max_top_ngram_frac = {0.0, 0.0, 0.0};
  EXPECT_TRUE(Judge("A page with only a handful of words.", opts).keep);
}

TEST(GopherRepetitionTest, TopFourGram) {
  const std::string gram = "one two three four";  // 18 characters
  const std::string text = gram + " " + gram + " five six seven eight nine ten eleven";
  ExpectBoundary(text, 2.0 * 18 / static_cast<double>(text.size()), "top_4_gram",
                 [](GopherRepetitionOptions* o, double t) { o->max_top_ngram_frac[2] = t; });
}

TEST(GopherRepetitionTest, DuplicateFiveGramCharacterFraction) {
  std::string text;
  for (int i = 10; i < 30; ++i) text += (i > 10 ? " w" : "w") + std::to_string(i);
  text += " w10 w11 w12 w13 w14";  // a repeat of 19 characters; 99 in all
  ExpectBoundary(text, 19.0 / 99, "dup_5_gram", [](GopherRepetitionOptions* o, double t) { o->max_dup_ngram_frac[0] = t; });
}

TEST(GopherRepetitionTest, OverlappingDuplicateNGramsCountOnce) {
  // "a1 ... a6" twice: at the second copy the 5-gram "a1..a5" (14 characters)
  // is a repeat and the walk jumps past it, so "a2..a6" is not added again.
  const std::string x = "a1 a2 a3 a4 a5 a6";
  ExpectBoundary(x + " " + x, 14.0 / 35, "dup_5_gram",
                 [](GopherRepetitionOptions* o, double t) { o->max_dup_ngram_frac[0] = t; });
}

TEST(GopherRepetitionTest, DuplicateTenGram) {
  std::string gram;
  for (int i = 0; i < 10; ++i) gram += (i ? " g" : "g") + std::to_string(i);  // 29 characters
  const std::string text = gram + " middle words " + gram;
  ExpectBoundary(text, 29.0 / static_cast<double>(text.size()), "dup_10_gram",
                 [](GopherRepetitionOptions* o, double t) { o->max_dup_ngram_frac[5] = t; });
}

TEST(GopherRepetitionTest, NGramRulesSkipTextsWithoutSpaces) {
  GopherRepetitionOptions opts;
  opts.max_top_ngram_frac = {0.0, 0.0, 0.0};
  Document doc = MakeDoc("東京は日本の首都です。東京には多くの人が住んでいます。", "ja");
  EXPECT_TRUE(GopherRepetitionFilter(opts).Apply(doc).keep);
}

TEST(GopherRepetitionTest, ProseWithDefaultsIsKept) {
  EXPECT_TRUE(Judge(testing::EnglishProse(6), GopherRepetitionOptions()).keep);
  EXPECT_EQ(Judge(Repeat(30, "buy cheap pills now"), GopherRepetitionOptions()).rule, "top_2_gram");
}

TEST(FindDuplicatesTest, CountsEveryRepeatAfterTheFirst) {
  const DuplicateStats d = FindDuplicates({"a", "bb", "a", "a", "bb", "ccc"});
  EXPECT_EQ(d.elements, 3u);
  EXPECT_EQ(d.chars, 4u);
}

}  // namespace
}  // namespace corpus
