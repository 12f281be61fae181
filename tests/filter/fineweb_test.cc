// Boundary tests of FineWeb's rules (Penedo et al. 2024, section 3.5;
// datatrove's FineWebQualityFilter): removal at <= 0.12 line punctuation,
// >= 0.67 short lines, >= 0.1 duplicate-line characters.
#include "corpus/filter/fineweb.h"

#include <gtest/gtest.h>

#include "filter/filter_test_util.h"

namespace corpus {
namespace {

using testing::MakeDoc;

FilterVerdict Judge(const std::string& text, FineWebOptions opts = FineWebOptions()) {
  Document doc = MakeDoc(text);
  return FineWebFilter(opts).Apply(doc);
}

// A unique line longer than 30 characters, with or without a final period.
std::string LongLine(int i, bool punct) {
  return "This is the long line number " + std::to_string(1000 + i) + " of the page" + (punct ? "." : "");
}

std::string ShortLine(int i) { return "Short " + std::to_string(1000 + i) + "."; }

TEST(FineWebTest, LinePunctuationShareAbove012) {
  auto text = [](int punct) {
    std::string t;
    for (int i = 0; i < 25; ++i) t += (i ? "\n" : "") + LongLine(i, i < punct);
    return t;
  };
  EXPECT_TRUE(Judge(text(4)).keep);  // 0.16
  const FilterVerdict v = Judge(text(3));  // 3/25 = 0.12: removed (<=)
  EXPECT_EQ(v.rule, "fineweb_line_punct");
  EXPECT_EQ(v.value_json, "0.12");
}

TEST(FineWebTest, ShortLineShareBelow067) {
  auto text = [](int shorts) {
    std::string t;
    for (int i = 0; i < 100; ++i) t += (i ? "\n" : "") + (i < shorts ? ShortLine(i) : LongLine(i, true));
    return t;
  };
  EXPECT_TRUE(Judge(text(66)).keep);
  const FilterVerdict v = Judge(text(67));  // 0.67: removed (>=)
  EXPECT_EQ(v.rule, "fineweb_short_lines");
  EXPECT_EQ(v.value_json, "0.67");
}

TEST(FineWebTest, ShortMeansAtMost30Characters) {
  FineWebOptions opts;
  opts.max_short_lines = 1.0;  // every line short: share 1.0 >= 1.0
  EXPECT_EQ(Judge(std::string(29, 'a') + ".", opts).rule, "fineweb_short_lines");  // 30
  EXPECT_TRUE(Judge(std::string(30, 'a') + ".", opts).keep);                       // 31
}

TEST(FineWebTest, DuplicateLineCharacterShare) {
  // Lines of 46 characters each; one duplicate among 10 lines: 46/460 = 0.1.
  std::string text;
  for (int i = 0; i < 9; ++i) text += LongLine(i, true) + "\n";
  text += LongLine(0, true);
  const FilterVerdict v = Judge(text);
  EXPECT_EQ(v.rule, "fineweb_dup_line_chars");
  EXPECT_EQ(v.value_json, "0.1");
  FineWebOptions opts;
  opts.max_dup_line_chars = 0.1001;
  EXPECT_TRUE(Judge(text, opts).keep);
}

TEST(FineWebTest, BlankLinesDoNotCount) {
  // Paragraph breaks would otherwise make half the lines "short".
  std::string text;
  for (int i = 0; i < 10; ++i) text += (i ? "\n\n" : "") + LongLine(i, true);
  EXPECT_TRUE(Judge(text).keep);
}

TEST(FineWebTest, CjkFullStopsCountAsPunctuation) {
  Document doc = MakeDoc("这是第一个比较长的句子，它讲述了一个关于城市发展的故事。\n"
                         "这是第二个比较长的句子，它讲述了一个关于乡村生活的故事。",
                         "zh");
  FineWebOptions opts;
  opts.short_line_length = 10;
  EXPECT_TRUE(FineWebFilter(opts).Apply(doc).keep);
}

TEST(FineWebTest, FullStopsOfOtherScriptsCountAsPunctuation) {
  // Armenian ends a sentence with "։" (U+0589), Amharic a question with "፧".
  Document hy = MakeDoc("Երևանում այսօր տեղի ունեցավ քաղաքային խորհրդի հերթական նիստը։\n"
                        "Քաղաքապետը նշեց, որ առաջիկա տարում կվերանորոգվեն կենտրոնական փողոցները։",
                        "hy");
  EXPECT_TRUE(FineWebFilter(FineWebOptions()).Apply(hy).keep);
  Document am = MakeDoc("የከተማው ምክር ቤት ዛሬ ስለ ትራንስፖርት እና ስለ ትምህርት ተወያየ።\n"
                        "አዲሶቹ ትምህርት ቤቶች መቼ ይከፈታሉ ብለው ነዋሪዎቹ ጠየቁ፧",
                        "am");
  EXPECT_TRUE(FineWebFilter(FineWebOptions()).Apply(am).keep);
}

}  // namespace
}  // namespace corpus
