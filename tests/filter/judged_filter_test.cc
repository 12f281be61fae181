// The shared plumbing of the Gopher, C4 and FineWeb steps (JudgedFilter in
// document_filter.h): the on/off switch and the threshold rules.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "corpus/filter/c4.h"
#include "corpus/filter/fineweb.h"
#include "corpus/filter/gopher_quality.h"
#include "corpus/filter/gopher_repetition.h"
#include "filter/filter_test_util.h"

namespace corpus {
namespace {

// Each step built with its options switched on or off.
std::vector<std::unique_ptr<DocumentFilter>> Steps(bool enabled) {
  GopherRepetitionOptions r;
  GopherQualityOptions q;
  C4Options c;
  FineWebOptions f;
  r.enabled = q.enabled = c.enabled = f.enabled = enabled;
  std::vector<std::unique_ptr<DocumentFilter>> steps;
  steps.push_back(std::make_unique<GopherRepetitionFilter>(r));
  steps.push_back(std::make_unique<GopherQualityFilter>(q));
  steps.push_back(std::make_unique<C4Filter>(c));
  steps.push_back(std::make_unique<FineWebFilter>(f));
  return steps;
}

// Fails every step's rules: short, repeated lines without punctuation.
const char kBadText[] = "buy now\nbuy now\nbuy now\nbuy now\nlorem ipsum {x}\n";

// What a step does with kBadText: Apply's verdict and text, Measure's
// signals (on a fresh copy) and the listed rules.
struct Observed {
  FilterVerdict verdict;
  std::string text;
  QualitySignals signals;
  std::vector<SignalRule> rules;
};

Observed Observe(const DocumentFilter& step) {
  Observed o;
  Document doc = testing::MakeDoc(kBadText);
  o.verdict = step.Apply(doc);
  o.text = doc.text();
  Document measured = testing::MakeDoc(kBadText);
  step.Measure(measured, &o.signals);
  step.Rules(&o.rules);
  return o;
}

TEST(JudgedFilterTest, SwitchedOffStepKeepsMeasuresAndListsNothing) {
  for (const auto& step : Steps(false)) {
    SCOPED_TRACE(std::string(step->name()));
    const Observed o = Observe(*step);
    EXPECT_TRUE(o.verdict.keep);
    EXPECT_EQ(o.text, kBadText);  // C4 drops no line either
    EXPECT_TRUE(o.signals.values().empty());
    EXPECT_TRUE(o.rules.empty());
  }
}

TEST(JudgedFilterTest, SwitchedOnStepRejectsMeasuresAndListsItsRules) {
  for (const auto& step : Steps(true)) {
    SCOPED_TRACE(std::string(step->name()));
    const Observed o = Observe(*step);
    EXPECT_FALSE(o.verdict.keep);
    EXPECT_FALSE(o.signals.values().empty());
    // The signals give the verdict Apply gave.
    const SignalRule* failed = FirstFailure(o.rules, o.signals);
    ASSERT_NE(failed, nullptr);
    EXPECT_EQ(failed->rule, o.verdict.rule);
  }
}

TEST(JudgedFilterTest, NegativeThresholdAddsNoRule) {
  std::vector<SignalRule> rules;
  AddThresholdRule(&rules, "off", "s", SignalRule::Op::kGreater, -1);
  EXPECT_TRUE(rules.empty());
  AddThresholdRule(&rules, "zero", "s", SignalRule::Op::kLess, 0, "gate");
  ASSERT_EQ(rules.size(), 1u);
  EXPECT_EQ(rules[0].rule, "zero");
  EXPECT_EQ(rules[0].signal, "s");
  EXPECT_EQ(rules[0].op, SignalRule::Op::kLess);
  EXPECT_EQ(rules[0].threshold, 0);
  EXPECT_EQ(rules[0].only_if, "gate");
}

}  // namespace
}  // namespace corpus
