// Bad input gets a decision or a clear reject, never a crash: mixed
// scripts, invalid UTF-8, zero-width and control characters, and one 5 MB
// line, through the filter (filtering and annotating) and dedup's
// normaliser, with the per-language settings in use.
#include <gtest/gtest.h>

#include <cmath>

#include "corpus/dedup/text_normalizer.h"
#include "corpus/filter/filter_pipeline.h"
#include "filter/filter_test_util.h"

namespace corpus {
namespace {

using testing::EnglishProse;

std::unique_ptr<FilterPipeline> AllLanguages() {
  FilterOptions opts;
  opts.language.languages.clear();
  opts.language_settings_dir = std::string(CORPUS_SOURCE_DIR) + "/configs/languages";
  std::unique_ptr<FilterPipeline> p;
  EXPECT_TRUE(FilterPipeline::Create(opts, &p).ok());
  return p;
}

// Runs `text` through filtering and annotating; both must decide, and the
// annotation's first failed rule must be the filter's rule.
void ExpectDecision(const FilterPipeline& p, const std::string& text) {
  Document doc(text, "");
  const FilterVerdict v = p.Run(doc);
  EXPECT_TRUE(v.keep || !v.rule.empty());
  Document annotated(text, "");
  QualitySignals signals;
  std::vector<std::string> would_reject;
  p.Annotate(annotated, &signals, &would_reject);
  EXPECT_EQ(v.keep, would_reject.empty()) << v.rule;
  if (!v.keep && !would_reject.empty()) {
    EXPECT_EQ(would_reject.front(), v.rule);
  }
  for (const auto& [name, value] : signals.values()) EXPECT_FALSE(std::isnan(value)) << name;
  const std::string norm = dedup::NormalizeDedupText(text);
  EXPECT_LE(norm.size(), text.size() * 3 + 16);
}

TEST(BadInputTest, MixedScripts) {
  auto p = AllLanguages();
  std::string mixed;
  for (int i = 0; i < 20; ++i) {
    mixed += "The river runs past the old mill. \u5ddd\u306f\u53e4\u3044\u6c34\u8eca\u5c0f\u5c4b\u306e\u305d\u3070\u3092"
             "\u6d41\u308c\u3066\u3044\u307e\u3059\u3002 \u0420\u0435\u043a\u0430 \u0442\u0435\u0447\u0451\u0442. "
             "\u0e41\u0e21\u0e48\u0e19\u0e49\u0e33\u0e44\u0e2b\u0e25\u0e1c\u0e48\u0e32\u0e19 \u0627\u0644\u0646\u0647\u0631 "
             "\u064a\u062c\u0631\u064a.\n\n";
  }
  ExpectDecision(*p, mixed);
  ExpectDecision(*p, "iPhone\u624b\u673a" + EnglishProse(2));
}

TEST(BadInputTest, InvalidUtf8) {
  auto p = AllLanguages();
  ExpectDecision(*p, "\xff\xfe\xfd" + EnglishProse(3) + "\xc3\x28 \xe4\xb8 \xf0\x9f\x98");
  ExpectDecision(*p, std::string("\xe4\xb8\xad\xe6\x96\x87\xe4\xb8") + "\xe6\x96\x87\xff\xe5\xad\x97");
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage.push_back(static_cast<char>(0x80 + (i * 37) % 128));
  ExpectDecision(*p, garbage);
}

TEST(BadInputTest, ZeroWidthAndControlCharacters) {
  auto p = AllLanguages();
  std::string zw = EnglishProse(3);
  for (size_t i = 5; i < zw.size(); i += 7) zw.insert(i, "\u200b");
  ExpectDecision(*p, zw);
  ExpectDecision(*p, "\u4eca\u5929\u200d\u5929\u6c14\ufeff\u5f88\u597d\u3002\u200c" + EnglishProse(1));
  std::string controls = EnglishProse(2);
  for (size_t i = 3; i < controls.size(); i += 11) controls[i] = static_cast<char>(i % 31 + 1);
  controls.push_back('\0');
  ExpectDecision(*p, controls);
}

TEST(BadInputTest, OneFiveMegabyteLine) {
  auto p = AllLanguages();
  std::string words;
  while (words.size() < (5u << 20)) words += "alpha beta gamma delta ";
  ExpectDecision(*p, words);
  std::string han;  // no space at all: one token for the dictionary
  while (han.size() < (5u << 20)) han += "\u6211\u4eec\u53bb\u516c\u56ed\u6563\u6b65\u7136\u540e\u56de\u5bb6";
  ExpectDecision(*p, han);
  ExpectDecision(*p, std::string(5u << 20, 'a'));
}

}  // namespace
}  // namespace corpus
