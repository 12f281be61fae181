#include "corpus/util/rfc3339.h"

#include <gtest/gtest.h>

namespace corpus {
namespace {

TEST(Rfc3339Test, FormatsUtcWithSecondPrecision) {
  EXPECT_EQ(FormatRfc3339(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatRfc3339(1714564800), "2024-05-01T12:00:00Z");
}

TEST(Rfc3339Test, NowRoundTrips) {
  int64_t t = 0;
  ASSERT_TRUE(ParseRfc3339(NowRfc3339(), &t));
  EXPECT_GT(t, 1700000000);
}

TEST(Rfc3339Test, ParsesZuluFractionsAndOffsets) {
  int64_t t = 0;
  ASSERT_TRUE(ParseRfc3339("2024-05-01T12:00:00Z", &t));
  EXPECT_EQ(t, 1714564800);
  ASSERT_TRUE(ParseRfc3339("2024-05-01T12:00:00.123456Z", &t));
  EXPECT_EQ(t, 1714564800);
  ASSERT_TRUE(ParseRfc3339("2024-05-01T14:30:00+02:30", &t));
  EXPECT_EQ(t, 1714564800);
  ASSERT_TRUE(ParseRfc3339("2024-05-01T07:00:00-05:00", &t));
  EXPECT_EQ(t, 1714564800);
  ASSERT_TRUE(ParseRfc3339("2024-05-01 12:00:00", &t));
  EXPECT_EQ(t, 1714564800);
}

TEST(Rfc3339Test, RejectsWhatIsNotADateTime) {
  int64_t t = 7;
  EXPECT_FALSE(ParseRfc3339("", &t));
  EXPECT_FALSE(ParseRfc3339("yesterday", &t));
  EXPECT_FALSE(ParseRfc3339("2024-13-01T00:00:00Z", &t));
  EXPECT_FALSE(ParseRfc3339("2024-05-01", &t));
  EXPECT_EQ(t, 7);
}

}  // namespace
}  // namespace corpus
