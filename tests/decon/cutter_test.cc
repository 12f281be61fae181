// GPT-3's cut: windows around matches, merged spans, short pieces dropped,
// documents split too often dropped; exact byte spans.
#include "corpus/decon/cutter.h"

#include <gtest/gtest.h>

#include <string>

namespace corpus {
namespace {

TEST(CutterTest, RemovesTheMatchAndTwoHundredCharactersEachSide) {
  const std::string text = std::string(500, 'a') + "MATCH" + std::string(450, 'b');
  const CutResult r = CutMatches(text, {{500, 505, 7}}, CutOptions{});
  ASSERT_EQ(r.cuts.size(), 1u);
  EXPECT_EQ(r.cuts[0].begin, 300u);
  EXPECT_EQ(r.cuts[0].end, 705u);
  EXPECT_EQ(r.cuts[0].item, 7u);
  EXPECT_EQ(r.pieces, 2u);
  EXPECT_FALSE(r.drop);
  EXPECT_EQ(r.text, std::string(300, 'a') + "\n\n" + std::string(250, 'b'));
}

TEST(CutterTest, WindowsCountCharactersNotBytes) {
  std::string e;
  for (int i = 0; i < 450; ++i) e += "é";  // 2 bytes each
  const std::string text = e + "MATCH" + e;  // match at bytes [900, 905)
  const CutResult r = CutMatches(text, {{900, 905, 0}}, CutOptions{});
  ASSERT_EQ(r.cuts.size(), 1u);
  EXPECT_EQ(r.cuts[0].begin, 500u);  // 200 characters = 400 bytes
  EXPECT_EQ(r.cuts[0].end, 1305u);
  EXPECT_EQ(r.text, e.substr(0, 500) + "\n\n" + e.substr(0, 500));  // 250 characters each
}

TEST(CutterTest, ShortPiecesAreDroppedAndTrimmed) {
  // Piece before: 199 characters (dropped); after: 200 + trailing spaces (kept, trimmed).
  const std::string text = std::string(399, 'a') + "M" + std::string(200, ' ') + std::string(200, 'c') + "   ";
  const CutResult r = CutMatches(text, {{399, 400, 0}}, CutOptions{});
  ASSERT_EQ(r.cuts.size(), 1u);
  EXPECT_EQ(r.cuts[0].begin, 199u);
  EXPECT_EQ(r.cuts[0].end, 600u);
  EXPECT_EQ(r.pieces, 2u);
  EXPECT_EQ(r.text, std::string(200, 'c'));
}

TEST(CutterTest, OverlappingWindowsMerge) {
  const std::string text = std::string(1000, 'x');
  const CutResult r = CutMatches(text, {{600, 610, 2}, {400, 410, 1}, {800, 805, 3}}, CutOptions{});
  ASSERT_EQ(r.cuts.size(), 1u);  // [200,610) [400,810) [600,1000) overlap
  EXPECT_EQ(r.cuts[0].begin, 200u);
  EXPECT_EQ(r.cuts[0].end, 1000u);
  EXPECT_EQ(r.cuts[0].item, 1u);  // the first match's
  EXPECT_EQ(r.pieces, 1u);
  EXPECT_EQ(r.text, std::string(200, 'x'));
}

TEST(CutterTest, NothingLeftMeansDrop) {
  const CutResult r = CutMatches(std::string(300, 'z'), {{100, 110, 0}}, CutOptions{});
  EXPECT_TRUE(r.drop);
  EXPECT_EQ(r.pieces, 0u);
  EXPECT_TRUE(r.text.empty());
}

TEST(CutterTest, MoreThanTenPiecesMeansDrop) {
  // Matches every 700 bytes: each cut is 405 bytes, leaving 295-byte pieces.
  auto run = [](int matches) {
    const std::string text(static_cast<size_t>(700 * matches + 300), 'w');
    std::vector<TextSpan> spans;
    for (int i = 0; i < matches; ++i) spans.push_back({static_cast<size_t>(500 + 700 * i), static_cast<size_t>(505 + 700 * i), 0});
    return CutMatches(text, spans, CutOptions{});
  };
  const CutResult nine = run(9);
  EXPECT_EQ(nine.pieces, 10u);
  EXPECT_FALSE(nine.drop);
  EXPECT_EQ(nine.cuts.size(), 9u);
  const CutResult ten = run(10);
  EXPECT_EQ(ten.pieces, 11u);
  EXPECT_TRUE(ten.drop);
}

TEST(CutterTest, OptionsChangeTheNumbers) {
  CutOptions o;
  o.window_chars = 0;
  o.min_piece_chars = 1;
  const CutResult r = CutMatches("keep THIS keep", {{5, 9, 0}}, o);
  ASSERT_EQ(r.cuts.size(), 1u);
  EXPECT_EQ(r.text, "keep\n\nkeep");
}

}  // namespace
}  // namespace corpus
