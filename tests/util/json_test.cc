#include "corpus/util/json.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

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

// The escaper looks at eight bytes at a time: every kind of byte, at every
// offset from a word boundary and across one, must come out as a plain byte
// by byte escaper would write it.
std::string ReferenceQuote(std::string_view s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      std::string rest(s.substr(i, 4));
      size_t len = 0;
      for (size_t n = 2; n <= 4 && n <= rest.size() && len == 0; ++n) {
        if (IsValidUtf8(rest.substr(0, n)) && (n == rest.size() || !IsValidUtf8(rest.substr(0, n - 1)))) {
          len = n;
        }
      }
      if (len == 0) {
        out += "\xEF\xBF\xBD";
        ++i;
      } else {
        out.append(s.substr(i, len));
        i += len;
      }
      continue;
    }
    char buf[8];
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20) {
          std::snprintf(buf, sizeof(buf), "\\u%04x", c);
          out += buf;
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
    ++i;
  }
  return out + "\"";
}

TEST(JsonTest, QuoteMatchesBytewiseEscapingAtEveryOffset) {
  const std::vector<std::string> pieces = {
      "\"", "\\", "\n", "\x01", "\x1f", " ", "\x7f", "/", "\xC3\xA9", "\xE2\x82\xAC",
      "\xF0\x9F\x98\x80", "\xff", "\xC3", "\xE2\x82", "\xC0\xAF", "\xED\xA0\x80", "\x80",
      "\xF4\x90\x80\x80", "\x00"};
  for (const std::string& piece : pieces) {
    // Offsets past 32 reach the second and third 16-byte block and the
    // 8-byte tail after them; strings of 64 bytes and more are checked for
    // valid UTF-8 as a whole first, and valid ones take another path.
    for (size_t before = 0; before < 90; ++before) {
      for (size_t after : {0, 1, 7, 8, 9}) {
        const std::string s = std::string(before, 'a') + piece + std::string(after, 'b');
        ASSERT_EQ(JsonQuote(s), ReferenceQuote(s)) << "piece of " << piece.size()
                                                   << " bytes after " << before;
      }
    }
  }
  // Long mixed text, so clean words, flagged words and multi-byte runs alternate.
  std::string mixed;
  for (int i = 0; i < 200; ++i) mixed += pieces[i % pieces.size()] + std::string(i % 11, 'x');
  EXPECT_EQ(JsonQuote(mixed), ReferenceQuote(mixed));
  // The same with the valid pieces only.
  std::string valid;
  for (int i = 0; i < 200; ++i) {
    const std::string& piece = pieces[i % pieces.size()];
    if (IsValidUtf8(piece)) valid += piece + std::string(i % 11, 'x');
  }
  ASSERT_GT(valid.size(), 64u);
  EXPECT_EQ(JsonQuote(valid), ReferenceQuote(valid));
}

TEST(JsonTest, AsciiPrefixLength) {
  EXPECT_EQ(AsciiPrefixLength(""), 0u);
  EXPECT_EQ(AsciiPrefixLength("plain ascii text, longer than a word"), 36u);
  // Up to past two 64-byte blocks and the 8-byte words after them.
  for (size_t at = 0; at < 150; ++at) {
    const std::string s = std::string(at, 'a') + "\xC3\xA9" + std::string(10, 'z');
    EXPECT_EQ(AsciiPrefixLength(s), at);
    EXPECT_TRUE(IsValidUtf8(s));
    EXPECT_FALSE(IsValidUtf8(std::string(at, 'a') + "\xC3" + std::string(10, 'z')));
  }
}

TEST(JsonTest, MovedFinishEqualsCopiedFinish) {
  JsonObjectWriter w;
  w.Reserve(100).String("html", std::string(50, '<')).Int("n", 3);
  const std::string copied = w.Finish();
  EXPECT_EQ(std::move(w).Finish(), copied);
  EXPECT_EQ(copied, "{\"html\":\"" + std::string(50, '<') + "\",\"n\":3}");
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

// Every kind of escape at every offset of literals around and past the
// 16-byte blocks the decoder copies at once.
TEST(JsonTest, UnquoteEscapesAtEveryOffsetOfLongLiterals) {
  const std::vector<std::pair<std::string, std::string>> escapes = {
      {"\\\"", "\""},          {"\\\\", "\\"}, {"\\/", "/"},
      {"\\n", "\n"},            {"\\t", "\t"},     {"\\u00e9", "\xC3\xA9"},
      {"\\u20ac", "\xE2\x82\xAC"}, {"\\ud83d\\ude00", "\xF0\x9F\x98\x80"},
      {"\\ud83d", "\xEF\xBF\xBD"}, {"\\ude00", "\xEF\xBF\xBD"}};
  for (size_t len : {15u, 16u, 17u, 31u, 32u, 33u, 47u, 64u}) {
    for (size_t at = 0; at <= len; ++at) {
      for (const auto& [escape, decoded] : escapes) {
        std::string body, want;
        for (size_t k = 0; k < len; ++k) {
          const char c = static_cast<char>('a' + k % 26);
          if (k == at) {
            body += escape;
            want += decoded;
          }
          body += c;
          want += c;
        }
        if (at == len) {
          body += escape;
          want += decoded;
        }
        const auto got = JsonUnquote("\"" + body + "\"");
        ASSERT_TRUE(got.has_value()) << body;
        ASSERT_EQ(*got, want) << body;
      }
    }
  }
  // A backslash the literal ends in is no escape.
  EXPECT_FALSE(JsonUnquote("\"" + std::string(40, 'x') + "\\\"").has_value());
  EXPECT_FALSE(JsonUnquote("\"" + std::string(40, 'x') + "\\u12\"").has_value());
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
