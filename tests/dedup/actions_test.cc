#include "corpus/dedup/actions.h"

#include <gtest/gtest.h>

#include "corpus/util/fs.h"
#include "testing/temp_dir.h"

namespace corpus::dedup {
namespace {

TEST(Actions, RoundTripIdsWithTabsNewlinesAndUnicode) {
  corpus::testing::TempDir tmp;
  Action a;
  a.ordinal = 12345678901ULL;
  a.id_hash = 0xfedcba9876543210ULL;
  a.code = Action::kNearDuplicate;
  a.similarity = 0.8125;
  a.duplicate_of = "id\twith\ntabs \"quotes\" \u00e9\u4e2d";
  Action b;
  b.ordinal = 12345678902ULL;
  b.code = Action::kKeep;
  b.dup_count = 7;
  ASSERT_TRUE(WriteFileAtomic(tmp.Sub("x.actions"), FormatAction(a) + FormatAction(b)).ok());
  ActionReader r;
  ASSERT_TRUE(r.Open(tmp.Sub("x.actions")).ok());
  Action got;
  ASSERT_TRUE(r.Next(&got));
  EXPECT_EQ(got.ordinal, a.ordinal);
  EXPECT_EQ(got.id_hash, a.id_hash);
  EXPECT_EQ(got.code, a.code);
  EXPECT_DOUBLE_EQ(got.similarity, a.similarity);
  EXPECT_EQ(got.duplicate_of, a.duplicate_of);
  ASSERT_TRUE(r.Next(&got));
  EXPECT_EQ(got.code, Action::kKeep);
  EXPECT_EQ(got.dup_count, 7u);
  EXPECT_FALSE(r.Next(&got));
  EXPECT_TRUE(r.status().ok());
}

TEST(Actions, RejectValueNamesTheKeptRecord) {
  Action a;
  a.duplicate_of = "doc-1";
  a.similarity = 1;
  EXPECT_EQ(a.RejectValueJson(), R"({"duplicate_of":"doc-1","similarity":1})");
  a.similarity = -1;  // unknown
  EXPECT_EQ(a.RejectValueJson(), R"({"duplicate_of":"doc-1","similarity":null})");
  EXPECT_STREQ(Action::RuleName(Action::kExactUrl), "exact_url");
}

TEST(Actions, TornLineIsCorruption) {
  corpus::testing::TempDir tmp;
  ASSERT_TRUE(WriteFileAtomic(tmp.Sub("x.actions"), "12\tzz\n").ok());
  ActionReader r;
  ASSERT_TRUE(r.Open(tmp.Sub("x.actions")).ok());
  Action got;
  EXPECT_FALSE(r.Next(&got));
  EXPECT_TRUE(r.status().IsCorruption());
}

}  // namespace
}  // namespace corpus::dedup
