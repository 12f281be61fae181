// Document's derived views: set_text_from_lines carries the words of kept
// lines over and must give what segmenting the new text again gives.
#include "corpus/filter/document.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "corpus/filter/c4.h"

namespace corpus {
namespace {

// Draws in [0, n) from a seeded generator, so every run sees the same texts.
class Rng {
 public:
  explicit Rng(uint32_t seed) : gen_(seed) {}
  uint32_t Next(uint32_t n) { return static_cast<uint32_t>(gen_() % n); }

 private:
  std::mt19937 gen_;
};

// A line of mixed scripts, with spaces of several kinds around it and, now
// and then, invalid UTF-8 or a citation mark.
std::string RandomLine(Rng& rng) {
  static const char* const kWords[] = {
      "word", "The", "fox.", "café", "Привет", "한국어", "中文", "我们今天去北京大学看书。", "東京都に住んでいます",
      "カタカナ・ひらがな", "ฉันชอบกินอาหารไทย", "iPhone手机", "2024年", "[1]", "\xe4\xb8", "\xff", "“quoted”", "-",
      "e.g."};
  constexpr uint32_t kCount = sizeof(kWords) / sizeof(kWords[0]);
  static const char* const kSpaces[] = {"", " ", "\t", "\u3000", "\u00a0", "  "};
  std::string line = kSpaces[rng.Next(6)];
  const uint32_t n = rng.Next(12);
  for (uint32_t i = 0; i < n; ++i) {
    if (i) line += rng.Next(5) == 0 ? "\u3000" : " ";
    line += kWords[rng.Next(kCount)];
  }
  line += kSpaces[rng.Next(6)];
  if (rng.Next(8) == 0) line += "\r";
  return line;
}

void ExpectSameWords(const Document& got, const std::string& text) {
  Document fresh(text, "");
  fresh.set_language(got.lang(), got.lang_score());
  const std::vector<Word>& a = got.words();
  const std::vector<Word>& b = fresh.words();
  ASSERT_EQ(a.size(), b.size()) << text;
  for (size_t i = 0; i < a.size(); ++i) {
    // The same bytes at the same offset of the document's own text.
    EXPECT_EQ(a[i].text.data() - got.text().data(), b[i].text.data() - fresh.text().data()) << text;
    EXPECT_EQ(a[i].text, b[i].text);
    EXPECT_EQ(a[i].chars, b[i].chars);
    EXPECT_EQ(a[i].has_letter, b[i].has_letter);
  }
  EXPECT_EQ(got.line_tokens(), fresh.line_tokens()) << text;
  EXPECT_EQ(got.line_words(), fresh.line_words()) << text;
}

TEST(DocumentTest, SetTextFromLinesKeepsTheWordsOfSegmentingAgain) {
  for (uint32_t seed = 0; seed < 400; ++seed) {
    Rng rng(seed);
    std::string text;
    const uint32_t lines = 1 + rng.Next(20);
    for (uint32_t i = 0; i < lines; ++i) {
      if (i) text += '\n';
      if (rng.Next(5) != 0) text += RandomLine(rng);
    }
    Document doc(text, "");
    doc.words();  // computed, as the rules before C4 do
    // Keep some lines as they are, rewrite others, as C4 does.
    std::string kept;
    std::vector<Document::LineCopy> copies;
    const std::vector<Line>& old_lines = doc.lines();
    bool blank = false;
    for (size_t k = 0; k < old_lines.size(); ++k) {
      if (old_lines[k].trimmed.empty()) {
        blank = true;
        continue;
      }
      const uint32_t choice = rng.Next(4);
      if (choice == 0) continue;  // removed
      std::string line(old_lines[k].trimmed);
      const bool rewritten = choice == 1;
      if (rewritten) line = "新しい 行 " + line.substr(0, line.size() / 2) + " end";
      if (!kept.empty()) kept += blank ? "\n\n" : "\n";
      copies.push_back(Document::LineCopy{kept.size(), line.size(), rewritten ? Document::kNewLine : k});
      kept += line;
      blank = false;
    }
    doc.set_text_from_lines(kept, copies);
    EXPECT_EQ(doc.text(), kept);
    ExpectSameWords(doc, kept);
  }
}

TEST(DocumentTest, SetTextFromLinesThatDoNotDescribeTheTextSegmentsAgain) {
  Document doc("我们今天去北京大学看书。\n東京都に住んでいます", "");
  doc.words();
  // Claims line 1 is a copy of line 0: not so, so nothing is carried over.
  const std::string text = "東京都に住んでいます";
  doc.set_text_from_lines(text, {Document::LineCopy{0, text.size(), 0}});
  ExpectSameWords(doc, text);
  // A short text (its bytes live inside the string object) moves with it.
  Document small("中文 a\nb", "");
  small.words();
  small.set_text_from_lines("中文 a", {Document::LineCopy{0, 8, 0}});
  ExpectSameWords(small, "中文 a");
}

TEST(DocumentTest, C4KeepsTheWordsOfSegmentingAgain) {
  C4Options opts;
  opts.enabled = true;
  opts.terminal_punct = false;
  opts.min_sentences = 0;
  opts.min_words_per_line = 3;
  const C4Filter c4(opts);
  for (uint32_t seed = 0; seed < 200; ++seed) {
    Rng rng(seed + 1000);
    std::string text;
    for (uint32_t i = 0, n = 1 + rng.Next(15); i < n; ++i) text += RandomLine(rng) + (rng.Next(4) ? "\n" : "\n\n");
    Document doc(text, "");
    doc.set_language("ja", 0.9);
    doc.words();
    if (!c4.Apply(doc).keep) continue;
    ExpectSameWords(doc, doc.text());
  }
}

}  // namespace
}  // namespace corpus
