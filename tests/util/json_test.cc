#include "corpus/util/json.h"

#include <gtest/gtest.h>

#include "corpus/util/sha256.h"

namespace corpus {
namespace {

TEST(JsonTest, QuoteEscapesControlAndQuotes) {
  EXPECT_EQ(JsonQuote("a\"b\\c\n\t\x01"), "\"a\\\"b\\\\c\\n\\t\\u0001\"");
}

TEST(JsonTest, QuoteReplacesInvalidUtf8) {
  EXPECT_EQ(JsonQuote("a\xff" "b"), "\"a\xEF\xBF\xBD" "b\"");
  // Overlong encoding of '/' and a lone surrogate are invalid too.
  EXPECT_EQ(JsonQuote("\xC0\xAF"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");
  EXPECT_EQ(JsonQuote("\xED\xA0\x80"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
}

TEST(JsonTest, UnquoteRoundTrip) {
  const std::string s = "h\xC3\xA9llo \xE2\x82\xAC \xF0\x9F\x98\x80 \"q\" \\ \n";
  auto back = JsonUnquote(JsonQuote(s));
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(*back, s);
}

TEST(JsonTest, UnquoteSurrogatePairs) {
  auto v = JsonUnquote("\"\\ud83d\\ude00 \\u00e9\"");
  ASSERT_TRUE(v.has_value());
  EXPECT_EQ(*v, "\xF0\x9F\x98\x80 \xC3\xA9");
  EXPECT_FALSE(JsonUnquote("\"bad \\x\"").has_value());
  EXPECT_FALSE(JsonUnquote("noquotes").has_value());
}

TEST(JsonTest, SanitizeUtf8) {
  std::string ok = "plain \xC3\xA9";
  EXPECT_FALSE(SanitizeUtf8(&ok));
  std::string bad = "x\x80y";
  EXPECT_TRUE(SanitizeUtf8(&bad));
  EXPECT_EQ(bad, "x\xEF\xBF\xBDy");
  EXPECT_TRUE(IsValidUtf8(bad));
}

TEST(JsonTest, ObjectWriter) {
  const std::string s = JsonObjectWriter()
                            .String("a", "x")
                            .Int("b", -3)
                            .Bool("c", true)
                            .Raw("d", "[1,2]")
                            .Null("e")
                            .Double("f", 0.5)
                            .Finish();
  EXPECT_EQ(s, "{\"a\":\"x\",\"b\":-3,\"c\":true,\"d\":[1,2],\"e\":null,\"f\":0.5}");
  EXPECT_EQ(JsonObjectWriter().Finish(), "{}");
}

TEST(Sha256Test, KnownVectors) {
  // FIPS 180-4 examples.
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  Sha256 h;
  const std::string million(1000000, 'a');
  for (size_t i = 0; i < million.size(); i += 999) h.Update(million.substr(i, 999));
  EXPECT_EQ(h.HexDigest(), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256Test, MovedDigestContinues) {
  Sha256 a;
  a.Update("ab");
  Sha256 b(std::move(a));
  b.Update("c");
  Sha256 c;
  c = std::move(b);
  EXPECT_EQ(c.HexDigest(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace corpus
