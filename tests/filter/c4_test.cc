// Tests of the C4 rules (Raffel et al. 2020, section 2.2; datatrove's
// C4QualityFilter and TFDS c4_utils): line removal and page rules at their
// boundaries.
#include "corpus/filter/c4.h"

#include <gtest/gtest.h>

#include "filter/filter_test_util.h"

namespace corpus {
namespace {

using testing::MakeDoc;

uint64_t CountOf(const Document& doc, std::string_view name) {
  for (const auto& [n, v] : doc.counts()) {
    if (n == name) return v;
  }
  return 0;
}

std::string Sentences(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += (i ? "\n" : "") + std::string("This is good sentence number ") + std::to_string(i) + ".";
  return out;
}

TEST(C4Test, RemovesBadLinesAndKeepsGoodOnes) {
  const std::string good = Sentences(5);
  Document doc = MakeDoc(good +
                         "\nClick here to read more\n"
                         "Enable JavaScript to view this page.\n"
                         "This site uses cookies to improve things.\n"
                         "OK.\n"
                         "The story trails off...");
  const FilterVerdict v = C4Filter(C4Options()).Apply(doc);
  ASSERT_TRUE(v.keep) << v.rule;
  EXPECT_EQ(doc.text(), good);
  EXPECT_EQ(CountOf(doc, "c4_lines_no_terminal_punct"), 2u);  // no mark; "..."
  EXPECT_EQ(CountOf(doc, "c4_lines_javascript"), 1u);
  EXPECT_EQ(CountOf(doc, "c4_lines_policy"), 1u);
  EXPECT_EQ(CountOf(doc, "c4_lines_few_words"), 1u);
}

TEST(C4Test, TerminalPunctuationCanBeSwitchedOffAsInFineWeb) {
  C4Options opts;
  opts.terminal_punct = false;
  opts.min_sentences = 0;
  Document doc = MakeDoc("Click here to read more");
  ASSERT_TRUE(C4Filter(opts).Apply(doc).keep);
  EXPECT_EQ(doc.text(), "Click here to read more");
}

TEST(C4Test, AtLeastThreeWordsPerLine) {
  C4Options opts;
  opts.min_sentences = 0;
  Document doc = MakeDoc("Two words.\nThree words here.");
  ASSERT_TRUE(C4Filter(opts).Apply(doc).keep);
  EXPECT_EQ(doc.text(), "Three words here.");
}

TEST(C4Test, WordsLongerThan1000CharactersDropTheLine) {
  C4Options opts;
  opts.min_sentences = 0;
  const std::string ok = "Long " + std::string(1000, 'x') + " word.";
  const std::string too_long = "Long " + std::string(1001, 'x') + " word.";
  Document doc = MakeDoc(ok + "\n" + too_long);
  ASSERT_TRUE(C4Filter(opts).Apply(doc).keep);
  EXPECT_EQ(doc.text(), ok);
  EXPECT_EQ(CountOf(doc, "c4_lines_long_word"), 1u);
}

TEST(C4Test, AtLeastFiveSentences) {
  Document four = MakeDoc(Sentences(4));
  const FilterVerdict v = C4Filter(C4Options()).Apply(four);
  EXPECT_EQ(v.rule, "c4_min_sentences");
  EXPECT_EQ(v.value_json, "4");
  Document five = MakeDoc(Sentences(5));
  EXPECT_TRUE(C4Filter(C4Options()).Apply(five).keep);
  // Sentences, not lines: two lines of several sentences are enough.
  Document two_lines = MakeDoc("One is here. Two is here. Three is here.\nFour is here. Five is here.");
  EXPECT_TRUE(C4Filter(C4Options()).Apply(two_lines).keep);
}

TEST(C4Test, LoremIpsumAndCurlyBracketRejectThePage) {
  Document lorem = MakeDoc(Sentences(5) + "\nLorem ipsum dolor sit amet.");
  EXPECT_EQ(C4Filter(C4Options()).Apply(lorem).rule, "c4_lorem_ipsum");
  Document code = MakeDoc(Sentences(5) + "\nThe function f() { return 1; } is short.");
  EXPECT_EQ(C4Filter(C4Options()).Apply(code).rule, "c4_curly_bracket");
  // As in datatrove, a line already dropped (no terminal mark) cannot reject the page.
  Document dropped = MakeDoc(Sentences(5) + "\nvar x = { a: 1 }");
  EXPECT_TRUE(C4Filter(C4Options()).Apply(dropped).keep);
  C4Options off;
  off.curly_bracket = false;
  EXPECT_TRUE(C4Filter(off).Apply(code).keep);
}

TEST(C4Test, PhrasesAreFoundInAnyCase) {
  Document doc = MakeDoc(Sentences(5) + "\nPlease ENABLE JAVASCRIPT in your browser now.\n"
                         "Read our Privacy Policy before you go on.\nThis site Uses Cookies for many things.\n"
                         "A cookie jar sat on the kitchen table all day.");
  EXPECT_TRUE(C4Filter(C4Options()).Apply(doc).keep);
  EXPECT_EQ(CountOf(doc, "c4_lines_javascript"), 1u);
  EXPECT_EQ(CountOf(doc, "c4_lines_policy"), 2u);
  EXPECT_NE(doc.text().find("cookie jar"), std::string::npos);  // "cookie" alone is no policy line
  Document lorem = MakeDoc(Sentences(5) + "\nLOREM Ipsum dolor sit amet.");
  EXPECT_EQ(C4Filter(C4Options()).Apply(lorem).rule, "c4_lorem_ipsum");
  Document near = MakeDoc(Sentences(5) + "\nLorem, ipsum and java script are fine here.");
  EXPECT_TRUE(C4Filter(C4Options()).Apply(near).keep);
}

TEST(C4Test, PhrasesAreFoundAfterTextInOtherScripts) {
  // Bytes outside ASCII are passed eight at a time: a phrase must be found
  // however many such bytes come before it, and right after them.
  C4Options opts;
  opts.min_sentences = 0;
  for (int chars = 0; chars <= 12; ++chars) {
    std::string prefix;
    for (int k = 0; k < chars; ++k) prefix += k % 2 ? "ü" : "文";  // two and three bytes
    for (const std::string sep : {"", " "}) {
      Document doc = MakeDoc("This line is fine and stays here.\n" + prefix + sep + "javascript must be on now.", "en");
      ASSERT_TRUE(C4Filter(opts).Apply(doc).keep);
      EXPECT_EQ(CountOf(doc, "c4_lines_javascript"), 1u) << chars << " characters before, separator '" << sep << "'";
    }
  }
  Document none = MakeDoc("This line is fine and stays here.\n文文文文文文文文文文 java文script 文.", "en");
  ASSERT_TRUE(C4Filter(opts).Apply(none).keep);
  EXPECT_EQ(CountOf(none, "c4_lines_javascript"), 0u);
}

TEST(C4Test, RemovesWikipediaCitations) {
  C4Options opts;
  opts.min_sentences = 0;
  Document doc = MakeDoc("Paris is the capital of France.[1]\nIt is large.[citation needed]\nHistory[edit]");
  ASSERT_TRUE(C4Filter(opts).Apply(doc).keep);
  EXPECT_EQ(doc.text(), "Paris is the capital of France.\nIt is large.");
}

TEST(C4Test, KeepsParagraphBreaks) {
  C4Options opts;
  opts.min_sentences = 0;
  Document doc = MakeDoc("  First line is here.  \nSecond line is here.\n\n\nThird line is here.\n");
  ASSERT_TRUE(C4Filter(opts).Apply(doc).keep);
  EXPECT_EQ(doc.text(), "First line is here.\nSecond line is here.\n\nThird line is here.");
}

TEST(C4Test, ChineseLinesAreCountedInSegmentedWords) {
  Document doc = MakeDoc(
      "今天天气很好。\n我们去公园散步。\n公园里有很多人。\n孩子们在草地上玩耍。\n老人们在下棋。", "zh");
  const FilterVerdict v = C4Filter(C4Options()).Apply(doc);
  EXPECT_TRUE(v.keep) << v.rule << " " << v.value_json;
  EXPECT_FALSE(doc.text_changed());
  // One whitespace token, but words by the segmenter: a two-word line
  // ("首页 新闻" without a space) is dropped like a two-word English line.
  Document menu = MakeDoc("今天天气很好，我们去公园散步。\n首页新闻\n公园里有很多人在锻炼身体。", "zh");
  EXPECT_EQ(menu.line_words()[1], 2u);
  C4Options opts;
  opts.min_sentences = 0;
  opts.terminal_punct = false;  // as FineWeb runs C4
  EXPECT_TRUE(C4Filter(opts).Apply(menu).keep);
  EXPECT_EQ(menu.text(), "今天天气很好，我们去公园散步。\n公园里有很多人在锻炼身体。");
  EXPECT_EQ(CountOf(menu, "c4_lines_few_words"), 1u);
}

TEST(C4Test, CountSentences) {
  EXPECT_EQ(CountSentences("Hello world. How are you? Fine!"), 3u);
  EXPECT_EQ(CountSentences("No end mark"), 1u);
  EXPECT_EQ(CountSentences(""), 0u);
  EXPECT_EQ(CountSentences("Wait... what?!"), 2u);
  EXPECT_EQ(CountSentences("Version 1.2 is out."), 1u);  // no space after the inner dot
  EXPECT_EQ(CountSentences("你好。我很好。"), 2u);
  // Every mark of every script, also where its first byte is that of the
  // letters around it (kana and "。" both begin with 0xE3).
  for (const char* mark : {"。", "！", "？", "｡", "．", "।", "॥", "۔", "؟", "։", "።", "፧", "။", "។", "៕", "།",
                           "༎", "᠃", "᙮", "߹", "᱾", "꓿", "꘎", "꛳", "꧉", "꯫"}) {
    const std::string m(mark);
    EXPECT_EQ(CountSentences("ひらがな" + m + "カタカナ" + m + "漢字"), 3u) << m;
    EXPECT_EQ(CountSentences("ab" + m), 1u) << m;
    EXPECT_EQ(CountSentences(m.substr(0, 1)), 1u) << m;  // a cut mark is no mark
  }
}

TEST(C4Test, TerminalPunctuation) {
  EXPECT_TRUE(EndsWithTerminalPunct("He said \"yes.\""));
  EXPECT_TRUE(EndsWithTerminalPunct("Really?  "));
  EXPECT_FALSE(EndsWithTerminalPunct("And so on..."));
  EXPECT_FALSE(EndsWithTerminalPunct("Menu"));
  EXPECT_TRUE(EndsWithTerminalPunct("这是一个句子。"));
  EXPECT_TRUE(EndsWithTerminalPunct("Քաղաքային խորհրդի նիստը կայացավ։"));  // Armenian full stop
  EXPECT_FALSE(EndsWithTerminalPunct("Քաղաքային խորհրդի նիստը՝"));        // Armenian comma
}

}  // namespace
}  // namespace corpus
