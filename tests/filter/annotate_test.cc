// Annotate mode and judging by signals: on the same documents and options,
// the first rule the signals fail is the rule Run rejects with, and judging
// the recorded signals again (as --from-signals does) gives the same verdict.
#include <gtest/gtest.h>

#include "corpus/filter/filter_pipeline.h"
#include "filter/filter_test_util.h"

namespace corpus {
namespace {

using testing::EnglishProse;
using testing::Repeat;

std::vector<std::string> Documents() {
  const std::string prose = EnglishProse(4);
  std::vector<std::string> docs = {
      prose,
      EnglishProse(1, 3),                                        // too few sentences
      Repeat(30, "Buy cheap shoes now\n") + prose,               // repeated lines
      Repeat(120, "shoes, bags, hats, deals, sale"),             // keyword list
      prose + "\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit.",
      prose + "\n\nfunction f() { return 1; }",
      Repeat(60, "### ★★★ ### ★★★"),                            // symbol runs
      Repeat(40, "Home\nAbout\nContact\n"),                      // menu
      "Short text.",
      "   \n  ",
      "\xff\xfe broken \xc3 utf8 " + prose,
      "\u4eca\u5929\u5929\u6c14\u5f88\u597d\u3002" + prose,       // mixed scripts
  };
  return docs;
}

TEST(AnnotateTest, SignalsGiveRunsVerdict) {
  for (const bool all_languages : {false, true}) {
    FilterOptions opts;
    if (all_languages) opts.language.languages.clear();
    opts.pii.enabled = false;
    std::unique_ptr<FilterPipeline> p;
    ASSERT_TRUE(FilterPipeline::Create(opts, &p).ok());
    for (const std::string& text : Documents()) {
      Document run(text, "");
      const FilterVerdict v = p->Run(run);

      Document annotated(text, "");
      QualitySignals signals;
      std::vector<std::string> would_reject;
      p->Annotate(annotated, &signals, &would_reject);
      EXPECT_EQ(v.keep, would_reject.empty()) << text.substr(0, 60) << " " << v.rule;
      if (!v.keep) {
        ASSERT_FALSE(would_reject.empty());
        EXPECT_EQ(would_reject.front(), v.rule) << text.substr(0, 60);
      }
      // Kept documents carry the same text either way (C4 line removal).
      if (v.keep) {
        EXPECT_EQ(annotated.text(), run.text());
      }

      // The signals survive their JSON form exactly and judge alike.
      QualitySignals back;
      ASSERT_TRUE(QualitySignals::FromJson(signals.ToJson(), &back).ok());
      const FilterVerdict again = p->JudgeSignals(annotated.lang(), IsBlank(text), back);
      EXPECT_EQ(again.keep, v.keep);
      EXPECT_EQ(again.rule, v.rule) << text.substr(0, 60);
    }
  }
}

TEST(AnnotateTest, RedPajamaNamedSignalsAreRecorded) {
  FilterOptions opts;
  std::unique_ptr<FilterPipeline> p;
  ASSERT_TRUE(FilterPipeline::Create(opts, &p).ok());
  Document doc(EnglishProse(4), "");
  QualitySignals s;
  std::vector<std::string> would_reject;
  p->Annotate(doc, &s, &would_reject);
  EXPECT_TRUE(would_reject.empty());
  for (const char* name : {"rps_doc_word_count", "rps_doc_frac_unique_words", "rps_doc_mean_word_length",
                           "rps_doc_frac_chars_dupe_5grams", "rps_doc_frac_chars_dupe_10grams",
                           "rps_doc_frac_chars_top_2gram", "rps_doc_frac_lines_end_with_ellipsis",
                           "gopher_dup_line_frac", "fineweb_line_punct_frac", "c4_sentences", "lang_score"}) {
    EXPECT_NE(s.Find(name), nullptr) << name;
  }
  EXPECT_GT(*s.Find("rps_doc_word_count"), 100);
}

TEST(AnnotateTest, StricterSettingsJudgeTheSameSignals) {
  FilterOptions loose;
  std::unique_ptr<FilterPipeline> annotate, strict;
  ASSERT_TRUE(FilterPipeline::Create(loose, &annotate).ok());
  Document doc(EnglishProse(4), "");
  QualitySignals s;
  std::vector<std::string> would_reject;
  annotate->Annotate(doc, &s, &would_reject);
  ASSERT_TRUE(would_reject.empty());
  FilterOptions tight;
  tight.gopher_quality.min_words = 100000;
  ASSERT_TRUE(FilterPipeline::Create(tight, &strict).ok());
  EXPECT_EQ(strict->JudgeSignals("en", false, s).rule, "gopher_min_words");
  tight = FilterOptions();
  tight.language.languages = {"fr"};  // a new keep-list applies to the recorded language
  ASSERT_TRUE(FilterPipeline::Create(tight, &strict).ok());
  EXPECT_EQ(strict->JudgeSignals("en", false, s).rule, "language");
}

}  // namespace
}  // namespace corpus
