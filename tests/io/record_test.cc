#include "corpus/io/record.h"

#include <gtest/gtest.h>

namespace corpus {
namespace {

TEST(RecordTest, UntouchedRecordSerializesByteForByte) {
  const std::string line = R"({"id":"a1",  "text":"h\u00e9llo","extra":{"k":[1, 2.50, null]},"n":1e3})";
  Record r;
  ASSERT_TRUE(r.Parse(line).ok());
  EXPECT_EQ(r.Serialize(), line);
}

TEST(RecordTest, EditsKeepOtherFieldsByteForByte) {
  Record r;
  ASSERT_TRUE(r.Parse(R"({"id":"a","html":"<p>x</p>","meta":{"a" : [1,  2]},"n":5})").ok());
  r.Remove("html");
  r.SetString("text", "x\ny");
  r.SetInt("n", 6);
  EXPECT_EQ(r.Serialize(), R"({"id":"a","meta":{"a" : [1,  2]},"n":6,"text":"x\ny"})");
  EXPECT_EQ(*r.GetString("text"), "x\ny");
  EXPECT_EQ(*r.GetInt("n"), 6);
  EXPECT_FALSE(r.Has("html"));
}

TEST(RecordTest, Getters) {
  Record r;
  ASSERT_TRUE(r.Parse(R"({"id":"x","s":"a\"b","i":-42,"d":0.25,"o":{"z":1}})").ok());
  EXPECT_EQ(*r.GetString("s"), "a\"b");
  EXPECT_EQ(*r.GetInt("i"), -42);
  EXPECT_DOUBLE_EQ(*r.GetDouble("d"), 0.25);
  EXPECT_EQ(*r.GetRaw("o"), "{\"z\":1}");
  EXPECT_FALSE(r.GetString("i").has_value());
  EXPECT_FALSE(r.GetString("missing").has_value());
  EXPECT_FALSE(r.GetInt("s").has_value());
  const auto keys = r.Keys();
  EXPECT_EQ(keys.size(), 5u);
}

TEST(RecordTest, MalformedInputsAreReported) {
  Record r;
  EXPECT_TRUE(r.Parse("{\"id\":").IsCorruption());
  EXPECT_TRUE(r.Parse("[1,2]").IsCorruption());
  EXPECT_TRUE(r.Parse("not json").IsCorruption());
  EXPECT_TRUE(r.Parse("{\"id\":\"a\xff\"}").IsCorruption());
  EXPECT_TRUE(r.Parse("{\"id\":\"a\",\"id\":\"b\"}").IsCorruption());
  EXPECT_TRUE(r.Parse("").IsCorruption());
}

TEST(RecordTest, CopiesStayValid) {
  std::vector<Record> records;
  for (int i = 0; i < 50; ++i) {
    Record r;
    ASSERT_TRUE(r.Parse("{\"id\":\"" + std::to_string(i) + "\",\"text\":\"t" + std::to_string(i) + "\"}").ok());
    records.push_back(r);  // copies, and the vector moves them as it grows
  }
  Record copy = records[7];
  records.clear();
  EXPECT_EQ(*copy.GetString("text"), "t7");
  copy.SetInt("n", 1);
  EXPECT_EQ(copy.Serialize(), "{\"id\":\"7\",\"text\":\"t7\",\"n\":1}");
}

TEST(RecordTest, HugeLine) {
  std::string big(20 << 20, 'x');
  const std::string line = "{\"id\":\"big\",\"html\":\"" + big + "\"}";
  Record r;
  ASSERT_TRUE(r.Parse(line).ok());
  EXPECT_EQ(r.GetString("html")->size(), big.size());
}

TEST(RecordTest, RejectAndMalformedJson) {
  EXPECT_EQ(RejectJson("filter", "lang", "0.3"),
            R"({"stage":"filter","rule":"lang","value":0.3})");
  Record r;
  const std::string m = MalformedRecordJson("extract", "invalid JSON", "in.jsonl", 7, "{oops");
  ASSERT_TRUE(r.Parse(m).ok());
  EXPECT_EQ(*r.GetString("raw"), "{oops");
  EXPECT_EQ(*r.GetInt("line"), 7);
}

}  // namespace
}  // namespace corpus
