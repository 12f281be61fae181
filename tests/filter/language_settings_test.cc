// Per-language settings: the file format, the 25 shipped files, and that a
// document is judged by its own language's settings.
#include "corpus/filter/language_settings.h"

#include <gtest/gtest.h>

#include <set>

#include "corpus/filter/filter_pipeline.h"
#include "filter/filter_test_util.h"
#include "testing/temp_dir.h"
#include "corpus/util/fs.h"

namespace corpus {
namespace {

TEST(LanguageSettingsTest, ParsesKeysArraysAndComments) {
  LanguageSettings s;
  const Status st = ParseLanguageSettings(
      "# comment\ncode = \"de\"\nname = \"German\"  # trailing\nmax-dup-line-frac = 0.263\n"
      "max-top-ngram-frac = [0.169, 0.153, 0.137]\nmin-stop-words = 2\nstop-words = [\"der\", \"f\\u00fcr\", \"a#b\"]\n",
      "de.toml", &s);
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(s.code, "de");
  EXPECT_EQ(*s.max_dup_line_frac, 0.263);
  EXPECT_EQ(s.max_top_ngram_frac->size(), 3u);
  EXPECT_EQ(*s.min_stop_words, 2);
  ASSERT_EQ(s.stop_words->size(), 3u);
  EXPECT_EQ((*s.stop_words)[2], "a#b");
  EXPECT_FALSE(s.min_line_punct.has_value());  // not set: the run's value stays
}

TEST(LanguageSettingsTest, RejectsUnknownKeysAndBadValues) {
  LanguageSettings s;
  Status st = ParseLanguageSettings("code = \"de\"\nmax-dup-lines = 0.2\n", "de.toml", &s);
  EXPECT_TRUE(st.IsInvalidArgument());
  EXPECT_NE(st.message().find("de.toml:2"), std::string::npos) << st.message();
  EXPECT_TRUE(ParseLanguageSettings("code = \"de\"\nmin-line-punct = \"x\"\n", "de.toml", &s).IsInvalidArgument());
  EXPECT_TRUE(ParseLanguageSettings("code = \"de\"\nstop-words = [1, 2]\n", "de.toml", &s).IsInvalidArgument());
  EXPECT_TRUE(ParseLanguageSettings("name = \"German\"\n", "de.toml", &s).IsInvalidArgument());  // no code
  EXPECT_TRUE(ParseLanguageSettings("code = \"de\nx\n", "de.toml", &s).IsInvalidArgument());
}

TEST(LanguageSettingsTest, ParsesLanguageScoreAndBooleans) {
  LanguageSettings s;
  Status st = ParseLanguageSettings("code = \"de\"\nmin-lang-score = 0.821\nc4-curly-bracket = false\n", "de.toml", &s);
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(*s.min_lang_score, 0.821);
  EXPECT_EQ(s.c4_curly_bracket, std::optional<bool>(false));
  FilterOptions base;
  const FilterOptions o = s.ApplyTo(base);
  EXPECT_EQ(o.language.min_score, 0.821);
  EXPECT_FALSE(o.c4.curly_bracket);
  EXPECT_TRUE(ParseLanguageSettings("code = \"de\"\nc4-curly-bracket = 0\n", "de.toml", &s).IsInvalidArgument());
  EXPECT_TRUE(ParseLanguageSettings("code = \"de\"\nmin-lang-score = true\n", "de.toml", &s).IsInvalidArgument());
  EXPECT_TRUE(ParseLanguageSettings("code = \"de\"\nc4-curly-bracket = truth\n", "de.toml", &s).IsInvalidArgument());
}

TEST(LanguageSettingsTest, ShippedFilesCoverTheListedLanguages) {
  std::vector<LanguageSettings> all;
  std::string digest;
  const Status st = LoadLanguageSettings(std::string(CORPUS_SOURCE_DIR) + "/configs/languages", &all, &digest);
  ASSERT_TRUE(st.ok()) << st.ToString();
  std::set<std::string> codes;
  for (const LanguageSettings& s : all) {
    codes.insert(s.code);
    EXPECT_FALSE(s.source.empty()) << s.code;
    EXPECT_TRUE(s.max_dup_ngram_frac && s.max_dup_ngram_frac->size() == 6) << s.code;
    EXPECT_TRUE(s.stop_words && !s.stop_words->empty()) << s.code;
  }
  for (const LanguageSettings& s : all) {
    if (s.code == "en") continue;  // FineWeb's English decisions stay the run's
    EXPECT_TRUE(s.min_lang_score && *s.min_lang_score >= 0.3 && *s.min_lang_score <= 0.9) << s.code;
  }
  for (const char* code : {"zh", "ja", "ko", "th", "ar", "fa", "hi", "bn", "ru", "uk", "de", "fr", "es",
                           "pt", "it", "nl", "pl", "tr", "vi", "id", "sv", "cs", "el", "he", "en"}) {
    EXPECT_TRUE(codes.count(code)) << code;
  }
}

// Writes one settings file and builds a pipeline with only the Gopher
// quality rule, so the verdict shows whose settings judged the document.
std::unique_ptr<FilterPipeline> PipelineWith(const std::string& dir, const std::string& file_text) {
  EXPECT_TRUE(WriteFileAtomic(JoinPath(dir, "de.toml"), file_text).ok());
  FilterOptions o;
  o.language.languages = {};
  o.gopher_repetition.enabled = false;
  o.c4.enabled = false;
  o.fineweb.enabled = false;
  o.pii.enabled = false;
  o.language_settings_dir = dir;
  std::unique_ptr<FilterPipeline> p;
  const Status st = FilterPipeline::Create(o, &p);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return p;
}

TEST(LanguageSettingsTest, DocumentIsJudgedByItsLanguagesSettings) {
  testing::TempDir dir;
  auto p = PipelineWith(dir.path(), "code = \"de\"\nmin-stop-words = 2\nstop-words = [\"und\", \"der\"]\n");
  const std::string german =
      "Der Hund lief schnell über die Wiese und sprang in den kleinen Bach hinter dem alten Haus. "
      "Die Kinder lachten laut und riefen nach ihm, aber er hörte nicht auf zu spielen. Später kam "
      "der Vater nach Hause und brachte frisches Brot vom Bäcker an der Ecke mit. Alle setzten sich "
      "an den großen Tisch in der Küche und aßen zusammen, während draußen langsam die Sonne unterging.";
  Document de(german, "");
  FilterVerdict v = p->Run(de);
  EXPECT_EQ(de.lang(), "de");
  EXPECT_TRUE(v.keep) << v.rule;
  // The same text without German stop words fails the German rule.
  std::string stripped = german;
  for (const char* w : {" und ", " der ", "Der "}) {
    for (size_t at; (at = stripped.find(w)) != std::string::npos;) stripped.replace(at, std::string(w).size(), " ");
  }
  Document de2(stripped, "");
  v = p->Run(de2);
  EXPECT_EQ(v.rule, "gopher_stop_words");
  // An English page is judged by the run's own (Gopher's English) settings.
  Document en(testing::EnglishProse(3), "");
  EXPECT_TRUE(p->Run(en).keep);
}

TEST(LanguageSettingsTest, MinimumLanguageScoreIsTheLanguages) {
  testing::TempDir dir;
  // No text scores above 1: every German document fails German's minimum,
  // while English keeps the run's 0.65.
  auto p = PipelineWith(dir.path(), "code = \"de\"\nmin-lang-score = 1.01\n");
  Document de(
      "Der Hund lief schnell über die Wiese und sprang in den kleinen Bach hinter dem alten Haus. "
      "Die Kinder lachten laut und riefen nach ihm, aber er hörte nicht auf zu spielen.",
      "");
  FilterVerdict v = p->Run(de);
  EXPECT_EQ(v.rule, "lang_score");
  Document en(testing::EnglishProse(3), "");
  v = p->Run(en);
  EXPECT_TRUE(v.keep) << v.rule;
  // Judging from signals applies the same per-language minimum.
  QualitySignals signals;
  signals.Set("lang_score", 0.99);
  EXPECT_EQ(p->JudgeSignals("de", false, signals).rule, "lang_score");
  EXPECT_NE(p->JudgeSignals("en", false, signals).rule, "lang_score");
}

}  // namespace
}  // namespace corpus
