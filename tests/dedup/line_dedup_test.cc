#include "corpus/dedup/line_dedup.h"

#include <gtest/gtest.h>
#include <xxhash.h>

namespace corpus::dedup {
namespace {

uint64_t H(const std::string& s) { return XXH3_64bits(s.data(), s.size()); }

TEST(DistinctLineHashes, TrimsAndSkipsBlankAndRepeatedLines) {
  std::vector<uint64_t> h;
  DistinctLineHashes("a\n  a  \n\n   \nb\r\n", &h);
  std::vector<uint64_t> want = {H("a"), H("b")};
  std::sort(want.begin(), want.end());
  EXPECT_EQ(h, want);
}

TEST(RemoveFrequentLines, RemovesLinesAndCollapsesParagraphBreaks) {
  uint64_t removed = 0;
  const std::unordered_set<uint64_t> frequent = {H("All rights reserved."), H("Menu")};
  EXPECT_EQ(RemoveFrequentLines("Menu\n\nTitle\n\nBody line one\nBody two\n\nAll rights reserved.\n",
                                frequent, &removed),
            "Title\n\nBody line one\nBody two");
  EXPECT_EQ(removed, 2u);
  EXPECT_EQ(RemoveFrequentLines("a\n\nMenu\n\nb", frequent, &removed), "a\n\nb");
  EXPECT_EQ(removed, 1u);
  EXPECT_EQ(RemoveFrequentLines("a\nb", frequent, &removed), "a\nb");
  EXPECT_EQ(removed, 0u);
}

}  // namespace
}  // namespace corpus::dedup
