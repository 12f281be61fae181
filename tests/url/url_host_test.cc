#include "corpus/url/url_host.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "corpus/url/url.h"

namespace corpus {
namespace {

std::string H(std::string_view host) {
  std::string out;
  return NormalizeHost(host, &out) ? out : "<invalid>";
}
std::string N(std::string_view s) { return NormalizeUrl(s).value_or("<nullopt>"); }

// WHATWG URL §3.5: every IPv4 number form names one address.
TEST(NormalizeHostTest, Ipv4NumberForms) {
  EXPECT_EQ(H("2852039166"), "169.254.169.254");
  EXPECT_EQ(H("0xA9FEA9FE"), "169.254.169.254");
  EXPECT_EQ(H("0251.0376.0251.0376"), "169.254.169.254");
  EXPECT_EQ(H("0xa9.0xfe.0xa9.0xfe"), "169.254.169.254");
  EXPECT_EQ(H("169.254.43518"), "169.254.169.254");
  EXPECT_EQ(H("169.16689662"), "169.254.169.254");
  EXPECT_EQ(H("127.1"), "127.0.0.1");
  EXPECT_EQ(H("0x7f.1"), "127.0.0.1");
  EXPECT_EQ(H("0"), "0.0.0.0");
  EXPECT_EQ(H("0x"), "0.0.0.0");
  EXPECT_EQ(H("127.0.0.1."), "127.0.0.1");
  EXPECT_EQ(H("127.000.0.01"), "127.0.0.1");
  EXPECT_EQ(H("4294967295"), "255.255.255.255");
  // Ends in a number but is no address: invalid, not a name.
  EXPECT_EQ(H("4294967296"), "<invalid>");
  EXPECT_EQ(H("1.2.3.4.5"), "<invalid>");
  EXPECT_EQ(H("256.1.1.1"), "<invalid>");
  EXPECT_EQ(H("1.2.3.256"), "<invalid>");
  EXPECT_EQ(H("08.1.1.1"), "<invalid>");
  EXPECT_EQ(H("example.123"), "<invalid>");
  EXPECT_EQ(H("0xg"), "0xg") << "a last label that is not a number keeps it a name";
  EXPECT_EQ(H("0xg.1"), "<invalid>") << "the last label is a number, the rest is not";
  EXPECT_EQ(H("1.2.3.example"), "1.2.3.example");
}

TEST(NormalizeHostTest, Ipv6Serialisation) {
  EXPECT_EQ(H("[2001:DB8:0:0:0:0:0:1]"), "[2001:db8::1]");
  EXPECT_EQ(H("[0:0:0:0:0:0:0:1]"), "[::1]");
  EXPECT_EQ(H("[::ffff:1.2.3.4]"), "[::ffff:102:304]");
  EXPECT_EQ(H("[1:0:0:2:0:0:0:3]"), "[1:0:0:2::3]");
  EXPECT_EQ(H("[1:0:2:3:4:5:6:7]"), "[1:0:2:3:4:5:6:7]") << "one zero piece is not compressed";
  EXPECT_EQ(H("[::]"), "[::]");
  EXPECT_EQ(H("[1::2::3]"), "<invalid>");
  EXPECT_EQ(H("[xyz]"), "<invalid>");
}

TEST(NormalizeHostTest, NamesDotsCaseAndIdna) {
  EXPECT_EQ(H("Example.COM"), "example.com");
  EXPECT_EQ(H("a."), "a");
  EXPECT_EQ(H("a.."), "a");
  EXPECT_EQ(H("a.%2e"), "a");
  EXPECT_EQ(H("a%2E"), "a");
  EXPECT_EQ(H("XN--BCHER-KVA.example"), "xn--bcher-kva.example");
  EXPECT_EQ(H("B\xC3\x9C" "cher.example"), "xn--bcher-kva.example");
  EXPECT_EQ(H("b\xC3\xBC" "cher\xE3\x80\x82" "example"), "xn--bcher-kva.example");
  EXPECT_EQ(H("\xEF\xBC\xA1.example"), "a.example") << "fullwidth A";
  for (const char* bad : {"", ".", "..", ".a", "a..b", "a b", "a%20b", "a%00", "a<b", "%zz"}) {
    EXPECT_EQ(H(bad), "<invalid>") << bad;
  }
}

TEST(NormalizeHostTest, IsNormalizedHostOnlyForWhatNormalizeHostKeeps) {
  for (const char* yes : {"example.com", "a-b_c.example", "xn--bcher-kva.example", "127.0.0.1",
                          "0.0.0.0", "255.255.255.255", "1.2.3.example", "localhost"}) {
    EXPECT_TRUE(IsNormalizedHost(yes)) << yes;
    EXPECT_EQ(H(yes), yes);
  }
  // Each of these is either invalid or spelled otherwise once normalised.
  for (const char* no : {"", "Example.com", "a.", ".a", "a..b", "127.1", "010.0.0.1", "0x7f.0.0.1",
                         "256.0.0.1", "2130706433", "1.2.3.4.5", "[::1]", "a%2eb", "a b", "1.2.3.0x4"}) {
    EXPECT_FALSE(IsNormalizedHost(no)) << no;
  }
}

TEST(NormalizeUrlTest, HostSpellingsAreOneUrl) {
  EXPECT_EQ(N("http://2852039166/"), "http://169.254.169.254/");
  EXPECT_EQ(N("http://0xA9.0376.43518/latest"), "http://169.254.169.254/latest");
  EXPECT_EQ(N("http://a../b"), "http://a/b");
  EXPECT_EQ(N("http://a.%2e/x"), "http://a/x");
  EXPECT_EQ(N("http://A.:0080/x"), "http://a/x");
  EXPECT_EQ(N("https://[0:0::1]:443/"), "https://[::1]/");
}

// Random URL-ish strings built from the pieces that break normalisers:
// dots, percent triplets, number forms, backslashes, IDNA, relative parts.
std::string RandomUrlPiece(std::mt19937& rng, bool absolute) {
  static const std::vector<std::string> kSchemes = {"http://", "HTTPS://", "http:\\\\", "https:", "ftp://"};
  static const std::vector<std::string> kHosts = {
      "a", "A.", "a..", "a.%2e", "0x7f.1", "2852039166", "0251.0376.0251.0376", "[::1]",
      "[0:0::FFFF:1.2.3.4]", "b\xC3\xBC" "cher.de", "x%41y", "u:p@h", "h:080", "h:", "1.2.3.4.",
      "%2e", "..", "xn--BCHER-kva.de", "h\xE3\x80\x82jp", "999.1"};
  static const std::vector<std::string> kPath = {
      "/", "a", "b/", ".", "..", "%2e", "%2E%2e", "./", "../", "%7e", "%7E", "%41", "%zz", "%",
      "\\", "//", ";x=1", "\xC3\xA9", " ", "\t", "%2F", "@", ":", "~"};
  static const std::vector<std::string> kTail = {"", "?", "?a=1", "?a=%41&b", "?q=a b", "#f",
                                                 "?x#y", "#", "?%zz"};
  std::string s;
  if (absolute) s = kSchemes[rng() % kSchemes.size()] + kHosts[rng() % kHosts.size()];
  const int n = static_cast<int>(rng() % 6);
  for (int i = 0; i < n; ++i) {
    if (absolute || i > 0 || rng() % 2) s += "/";
    s += kPath[rng() % kPath.size()];
  }
  return s + kTail[rng() % kTail.size()];
}

// Normalising twice changes nothing, and resolving a reference then
// normalising gives what resolving it against the normalised base (or
// resolving the already resolved URL) gives.
TEST(UrlPropertyTest, IdempotentAndResolveCommutes) {
  std::mt19937 rng(20);
  int normalised = 0, resolved = 0;
  for (int i = 0; i < 20000; ++i) {
    const std::string u = RandomUrlPiece(rng, true);
    const std::optional<std::string> once = NormalizeUrl(u);
    if (!once) continue;
    ++normalised;
    ASSERT_EQ(NormalizeUrl(*once), once) << u;
    const std::string ref = RandomUrlPiece(rng, rng() % 4 == 0);
    const std::optional<std::string> r1 = ResolveUrl(u, ref);
    const std::optional<std::string> r2 = ResolveUrl(*once, ref);
    ASSERT_EQ(r1, r2) << u << " + " << ref;
    if (!r1) continue;
    ++resolved;
    ASSERT_EQ(NormalizeUrl(*r1), r1) << u << " + " << ref;
    ASSERT_EQ(ResolveUrl(*once, *r1), r1) << u << " + " << ref;
  }
  EXPECT_GT(normalised, 5000);
  EXPECT_GT(resolved, 5000);
}

}  // namespace
}  // namespace corpus
