#include "corpus/filter/bad_words.h"

#include <gtest/gtest.h>

#include "filter/filter_test_util.h"

namespace corpus {
namespace {

FilterVerdict Judge(const BadWordsFilter& f, const std::string& text, const std::string& lang = "en") {
  Document doc = testing::MakeDoc(text, lang);
  return f.Apply(doc);
}

TEST(BadWordsTest, MatchesWholeWordsCaseInsensitively) {
  const BadWordsFilter f({"darn", "Heck"});
  FilterVerdict v = Judge(f, "Well, DARN it all.");
  EXPECT_EQ(v.rule, "bad_words");
  EXPECT_EQ(v.value_json, "\"darn\"");
  EXPECT_EQ(Judge(f, "what the heck?").rule, "bad_words");
  EXPECT_TRUE(Judge(f, "The darnedest heckler.").keep);  // inside longer words
}

TEST(BadWordsTest, MatchesPhrases) {
  const BadWordsFilter f({"blue  moon"});
  EXPECT_EQ(Judge(f, "Once in a Blue\nMoon, it rains.").rule, "bad_words");
  EXPECT_TRUE(Judge(f, "A blue sky and a moon.").keep);
}

TEST(BadWordsTest, NonLatinWordsAndScriptsWithoutSpaces) {
  const BadWordsFilter f({"Плохо", "坏词"});
  EXPECT_EQ(Judge(f, "Это очень плохо, друзья.", "ru").rule, "bad_words");
  EXPECT_TRUE(Judge(f, "Это плохой пример.", "ru").keep);
  // No word boundaries in Chinese: matched anywhere, as C4 does for zh.
  EXPECT_EQ(Judge(f, "这是一个坏词的例子。", "zh").rule, "bad_words");
}

TEST(BadWordsTest, EmptyListKeepsEverything) {
  const BadWordsFilter f({"", "  ", "#"});
  EXPECT_TRUE(Judge(f, "anything at all").keep);
}

}  // namespace
}  // namespace corpus
