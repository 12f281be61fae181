// Link lists after an article's last paragraph, in any language, go; lists
// of in-page references and links inside the text stay.
#include "corpus/extract/trailing_links.h"

#include <gtest/gtest.h>

#include <string>

#include "extract/extract_test_util.h"

namespace corpus {
namespace {

using testing::ExtractBody;
using testing::Has;

std::string Prose(int count) {
  std::string out;
  for (int i = 0; i < count; ++i) {
    out += "<p>Paragraph " + std::to_string(i) +
           " of the report tells, with names, places and dates, how the flood came down the "
           "valley in the night, which villages lost their bridges, and how long the roads "
           "will stay closed while the engineers check every span that is left.</p>";
  }
  return out;
}

TEST(TrailingLinksTest, AnUnheadedStoryListAfterTheArticleGoes) {
  // No heading names the list, and its words are in no phrase file.
  const std::string t = ExtractBody(
      "<article><h1>The flood</h1>" + Prose(4) +
      "<div><ul><li><a href='/a'>Yeni köprü açıldı</a></li><li><a href='/b'>Yollar "
      "kapandı</a></li><li><a href='/c'>Valilik açıklama yaptı</a></li></ul></div></article>");
  EXPECT_TRUE(Has(t, "Paragraph 3 of the report")) << t;
  EXPECT_FALSE(Has(t, "Yeni köprü")) << t;
}

TEST(TrailingLinksTest, LinksInsideAndBeforeTheTextStay) {
  const std::string t = ExtractBody(
      "<article><h1>The flood</h1><p><a href='/map'>Map of the valley</a></p>" + Prose(3) +
      "<p>See the <a href='/gauges'>river gauges</a> for the levels, measured every hour along "
      "the river by the water authority and published for the public without delay, since "
      "the morning after the storm, when the first readings came in.</p>" +
      "<ol><li><a href='#fn1'>Water authority, daily report</a></li></ol></article>");
  EXPECT_TRUE(Has(t, "river gauges")) << t;
  EXPECT_TRUE(Has(t, "Water authority, daily report")) << t;
}

}  // namespace
}  // namespace corpus
