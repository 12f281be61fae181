#include "corpus/tokenize/utf8_repair.h"

#include <gtest/gtest.h>

namespace corpus {
namespace {

std::string Repair(std::string_view s) {
  std::string out;
  return RepairUtf8(s, &out) ? out : std::string(s);
}

const std::string kFffd = "\xEF\xBF\xBD";

TEST(RepairUtf8, ValidTextIsLeftAlone) {
  std::string out = "untouched";
  EXPECT_FALSE(RepairUtf8("caf\xC3\xA9 \xF0\x9F\x98\x80", &out));
  EXPECT_EQ(out, "untouched");
}

// The examples of the Unicode standard's "maximal subpart" practice (also
// what the WHATWG decoder does).
TEST(RepairUtf8, EachMaximalSubpartBecomesOneReplacement) {
  EXPECT_EQ(Repair("a\xFF" "b"), "a" + kFffd + "b");
  EXPECT_EQ(Repair("e\xE2\x82" "f"), "e" + kFffd + "f");          // truncated 3-byte: one
  EXPECT_EQ(Repair("g\xF0\x9F\x98" "h"), "g" + kFffd + "h");      // truncated 4-byte: one
  EXPECT_EQ(Repair("i\xC0\xAF" "j"), "i" + kFffd + kFffd + "j");  // overlong: two
  EXPECT_EQ(Repair("\xED\xA0\x80"), kFffd + kFffd + kFffd);       // surrogate: three
  EXPECT_EQ(Repair("\xF4\x90\x80\x80"), kFffd + kFffd + kFffd + kFffd);  // above U+10FFFF
  EXPECT_EQ(Repair("end\xE2"), "end" + kFffd);
}

}  // namespace
}  // namespace corpus
