#include "corpus/url/url.h"

#include <gtest/gtest.h>

#include "corpus/url/idna.h"

namespace corpus {
namespace {

std::string N(std::string_view s) { return NormalizeUrl(s).value_or("<nullopt>"); }
std::string R(std::string_view base, std::string_view ref) {
  return ResolveUrl(base, ref).value_or("<nullopt>");
}

TEST(NormalizeUrlTest, CaseDefaultPortFragmentEmptyPath) {
  EXPECT_EQ(N("HTTP://Example.COM:80/a#frag"), "http://example.com/a");
  EXPECT_EQ(N("https://example.com:443"), "https://example.com/");
  EXPECT_EQ(N("https://example.com:8443/"), "https://example.com:8443/");
  EXPECT_EQ(N("http://example.com:443/"), "http://example.com:443/");
  EXPECT_EQ(N("http://example.com"), "http://example.com/");
  EXPECT_EQ(N("http://example.com:/x"), "http://example.com/x");
  // Path case is significant (§6.2.2.1).
  EXPECT_EQ(N("http://example.com/A/B"), "http://example.com/A/B");
}

TEST(NormalizeUrlTest, DotSegments) {
  // RFC 3986 §5.2.4 examples.
  EXPECT_EQ(N("http://a/b/c/./../../g"), "http://a/g");
  EXPECT_EQ(N("http://a/mid/content=5/../6"), "http://a/mid/6");
  EXPECT_EQ(N("http://a/../../x"), "http://a/x");
  EXPECT_EQ(N("http://a/b/."), "http://a/b/");
  EXPECT_EQ(N("http://a/b/.."), "http://a/");
  EXPECT_EQ(N("http://a/%2E%2E/x"), "http://a/x");
  EXPECT_EQ(N("http://a/b/.hidden/..x"), "http://a/b/.hidden/..x");
}

TEST(NormalizeUrlTest, PercentEncoding) {
  // §6.2.2.2: unreserved decoded, others uppercased.
  EXPECT_EQ(N("http://a/%7euser/%61%62?q=%2f%41"), "http://a/~user/ab?q=%2FA");
  EXPECT_EQ(N("http://a/a%2fb"), "http://a/a%2Fb");
  // Characters that may not appear raw are encoded.
  EXPECT_EQ(N("http://a/a b\"<>"), "http://a/a%20b%22%3C%3E");
  EXPECT_EQ(N("http://a/caf\xC3\xA9"), "http://a/caf%C3%A9");
  EXPECT_EQ(N("http://a/100%"), "http://a/100%25");
  EXPECT_EQ(N("http://a/%zz"), "http://a/%25zz");
  // Reserved characters keep their meaning: neither decoded nor encoded.
  EXPECT_EQ(N("http://a/p;x=1/@:!$&'()*+,=?a=1&b=[2]"), "http://a/p;x=1/@:!$&'()*+,=?a=1&b=[2]");
  EXPECT_EQ(N("http://a/x?"), "http://a/x?");
}

TEST(NormalizeUrlTest, Hosts) {
  EXPECT_EQ(N("http://user:pw@Example.com/"), "http://example.com/");
  EXPECT_EQ(N("http://example.com./"), "http://example.com/");
  EXPECT_EQ(N("http://127.0.0.2:8080/x"), "http://127.0.0.2:8080/x");
  EXPECT_EQ(N("http://[2001:DB8::1]:8080/"), "http://[2001:db8::1]:8080/");
  EXPECT_EQ(N("http://b\xC3\xBC" "cher.example/"), "http://xn--bcher-kva.example/");
  EXPECT_EQ(N("http://B%C3%9Ccher.example/"), "http://xn--bcher-kva.example/");
}

TEST(NormalizeUrlTest, WhitespaceAndBackslashes) {
  EXPECT_EQ(N("  http://a/b\n/c\t "), "http://a/b/c");
  EXPECT_EQ(N("http:\\\\a\\b\\c"), "http://a/b/c");
}

TEST(NormalizeUrlTest, RejectsUnfetchable) {
  for (const char* bad :
       {"file:///etc/passwd", "ftp://example.com/x", "javascript:alert(1)", "mailto:a@b.c",
        "data:text/html,hi", "http://", "http:///path", "http://exa mple.com/",
        "http://example.com:99999/", "http://example.com:8x/", "//example.com/", "/relative",
        "", "not a url", "http://[::1/", "http://a..b/", "https://%zz/"}) {
    EXPECT_FALSE(NormalizeUrl(bad).has_value()) << bad;
  }
}

TEST(NormalizeUrlTest, Idempotent) {
  for (const char* u : {"HTTP://A.com:80/./x/../y%7e?%aa#f", "https://b.org/caf\xC3\xA9?q=a b",
                        "http://c/%2e%2E/"}) {
    std::string once = N(u);
    EXPECT_EQ(N(once), once) << u;
  }
}

// RFC 3986 §5.4.1 normal examples and §5.4.2 abnormal ones (those that stay http).
TEST(ResolveUrlTest, Rfc3986Examples) {
  const char* base = "http://a/b/c/d;p?q";
  const std::pair<const char*, const char*> cases[] = {
      {"g", "http://a/b/c/g"},       {"./g", "http://a/b/c/g"},
      {"g/", "http://a/b/c/g/"},     {"/g", "http://a/g"},
      {"//g", "http://g/"},          {"?y", "http://a/b/c/d;p?y"},
      {"g?y", "http://a/b/c/g?y"},   {"#s", "http://a/b/c/d;p?q"},
      {"g#s", "http://a/b/c/g"},     {"g?y#s", "http://a/b/c/g?y"},
      {";x", "http://a/b/c/;x"},     {"g;x", "http://a/b/c/g;x"},
      {"", "http://a/b/c/d;p?q"},    {".", "http://a/b/c/"},
      {"./", "http://a/b/c/"},       {"..", "http://a/b/"},
      {"../", "http://a/b/"},        {"../g", "http://a/b/g"},
      {"../..", "http://a/"},        {"../../", "http://a/"},
      {"../../g", "http://a/g"},     {"../../../g", "http://a/g"},
      {"../../../../g", "http://a/g"}, {"/./g", "http://a/g"},
      {"/../g", "http://a/g"},       {"g.", "http://a/b/c/g."},
      {".g", "http://a/b/c/.g"},     {"g..", "http://a/b/c/g.."},
      {"..g", "http://a/b/c/..g"},   {"./../g", "http://a/b/g"},
      {"./g/.", "http://a/b/c/g/"},  {"g/./h", "http://a/b/c/g/h"},
      {"g/../h", "http://a/b/c/h"},  {"g;x=1/./y", "http://a/b/c/g;x=1/y"},
      {"g;x=1/../y", "http://a/b/c/y"}, {"g?y/./x", "http://a/b/c/g?y/./x"},
      {"g#s/./x", "http://a/b/c/g"}, {"http:g", "http://a/b/c/g"},
  };
  for (const auto& [ref, want] : cases) EXPECT_EQ(R(base, ref), want) << ref;
}

TEST(ResolveUrlTest, SchemesAndHosts) {
  EXPECT_EQ(R("http://a/b", "https://Other.org:443/x"), "https://other.org/x");
  EXPECT_EQ(R("https://a/b", "//cdn.example/x"), "https://cdn.example/x");
  EXPECT_EQ(R("http://a/b", "  /x y  "), "http://a/x%20y");
  EXPECT_FALSE(ResolveUrl("http://a/b", "mailto:x@y").has_value());
  EXPECT_FALSE(ResolveUrl("http://a/b", "javascript:void(0)").has_value());
  EXPECT_FALSE(ResolveUrl("http://a/b", "JavaScript:void(0)").has_value());
  EXPECT_FALSE(ResolveUrl("http://a/b", "data:text/plain,x").has_value());
  EXPECT_FALSE(ResolveUrl("http://a/b", "ftp://a/b").has_value());
  EXPECT_FALSE(ResolveUrl("http://a/b", "tel:+123").has_value());
  EXPECT_FALSE(ResolveUrl("not a base", "/x").has_value());
  // A colon after the first slash is a path, not a scheme.
  EXPECT_EQ(R("http://a/b/", "./c:d"), "http://a/b/c:d");
}

TEST(UrlPartsTest, Accessors) {
  std::optional<Url> u = ParseUrl("https://Example.com:8080/a/b?x=1#f");
  ASSERT_TRUE(u.has_value());
  EXPECT_EQ(u->scheme, "https");
  EXPECT_EQ(u->host, "example.com");
  EXPECT_EQ(u->port, 8080);
  EXPECT_EQ(u->path, "/a/b");
  EXPECT_EQ(u->query, "x=1");
  EXPECT_EQ(UrlHost("https://example.com:8080/a"), "example.com");
  EXPECT_EQ(UrlOrigin("https://example.com:8080/a"), "https://example.com:8080");
  EXPECT_EQ(UrlOrigin("http://example.com/a"), "http://example.com");
  EXPECT_EQ(UrlPathAndQuery("http://example.com/a/b?x=1"), "/a/b?x=1");
  EXPECT_EQ(UrlPathAndQuery("http://example.com"), "/");
  EXPECT_EQ(UrlHost("mailto:x@y"), "");
  EXPECT_EQ(ParseUrl("http://a/")->port, 0);
}

TEST(UrlPartsTest, AccessorsAgreeWithTheParserOnAnySpelling) {
  // UrlHost and UrlOrigin read a normalised URL's host without normalising
  // it again; on URLs that are not normalised they must still give what the
  // full parser gives.
  for (const char* url :
       {"http://example.com/a", "https://example.com:8080/a?b", "http://example.com:80/a",
        "https://example.com:443", "http://Example.COM/a", "http://127.0.0.2:53123/p/1.html",
        "http://127.1/", "http://0x7f.0.0.1/", "http://010.0.0.1/", "http://2130706433/",
        "http://256.0.0.1/", "http://a..b/", "http://a./x", "http://.a/", "http://a.b:0080/",
        "http://a.b:/", "http://a.b:65536/", "http://user@a.b/", "http://[::1]:8080/",
        "http://a.b\\c.d/", "http://a.b\t/", " http://a.b/", "http://a.b#f", "http://a.b?x#f",
        "http://xn--bcher-kva.example/", "http://b%C3%BCcher.example/", "http://under_score.a/",
        "HTTP://a.b/", "ftp://a.b/", "http:///x", "http://-a-.b/"}) {
    const std::optional<Url> u = ParseUrl(url);
    SCOPED_TRACE(url);
    EXPECT_EQ(UrlHost(url), u ? u->host : "");
    const std::string origin =
        u ? u->scheme + "://" + u->host + (u->port ? ":" + std::to_string(u->port) : "") : "";
    EXPECT_EQ(UrlOrigin(url), origin);
    if (u) {
      const bool query = std::string(url).find('?') != std::string::npos;
      EXPECT_EQ(UrlPathAndQuery(url), u->path + (query ? "?" + u->query : ""));
    }
  }
}

TEST(RegistrableDomainTest, Heuristic) {
  EXPECT_EQ(RegistrableDomain("www.example.com"), "example.com");
  EXPECT_EQ(RegistrableDomain("a.b.example.com"), "example.com");
  EXPECT_EQ(RegistrableDomain("example.com"), "example.com");
  EXPECT_EQ(RegistrableDomain("news.bbc.co.uk"), "bbc.co.uk");
  EXPECT_EQ(RegistrableDomain("www.abc.net.au"), "abc.net.au");
  EXPECT_EQ(RegistrableDomain("WWW.Example.COM"), "example.com");
  EXPECT_EQ(RegistrableDomain("127.0.0.2"), "127.0.0.2");
  EXPECT_EQ(RegistrableDomain("[::1]"), "[::1]");
  EXPECT_EQ(RegistrableDomain("localhost"), "localhost");
  // "co" under a generic TLD is an ordinary name.
  EXPECT_EQ(RegistrableDomain("a.co.com"), "co.com");
}

TEST(LooksLikeTrapTest, Heuristics) {
  EXPECT_FALSE(LooksLikeTrap("http://a/b/c/d.html"));
  EXPECT_FALSE(LooksLikeTrap("http://a/2024/01/01/post"));
  EXPECT_TRUE(LooksLikeTrap("http://a/a/b/a/b/a/b"));
  EXPECT_TRUE(LooksLikeTrap("http://a/x/cal/y/cal/y/cal/y/z"));
  EXPECT_TRUE(LooksLikeTrap("http://a/x/x/x"));
  EXPECT_FALSE(LooksLikeTrap("http://a/x/x/y"));
  EXPECT_TRUE(LooksLikeTrap("http://a/" + std::string(3000, 'x')));
  EXPECT_FALSE(LooksLikeTrap("http://a/" + std::string(3000, 'x'), 4096));
  std::string deep = "http://a";
  for (int i = 0; i < 17; ++i) deep += "/d" + std::to_string(i);
  EXPECT_TRUE(LooksLikeTrap(deep));
  EXPECT_FALSE(LooksLikeTrap(deep, 2048, 20));
}

TEST(IdnaTest, PunycodeVectors) {
  std::string out;
  ASSERT_TRUE(HostToAscii("m\xC3\xBCnchen.de", &out));
  EXPECT_EQ(out, "xn--mnchen-3ya.de");
  // RFC 3492 §7.1 sample (B): Chinese (simplified).
  ASSERT_TRUE(HostToAscii("\xE4\xBB\x96\xE4\xBB\xAC\xE4\xB8\xBA\xE4\xBB\x80\xE4\xB9\x88\xE4\xB8\x8D"
                          "\xE8\xAF\xB4\xE4\xB8\xAD\xE6\x96\x87",
                          &out));
  EXPECT_EQ(out, "xn--ihqwcrb4cv8a8dqg056pqjye");
  ASSERT_TRUE(HostToAscii("plain.example", &out));
  EXPECT_EQ(out, "plain.example");
  EXPECT_FALSE(HostToAscii("a..b", &out));
  EXPECT_FALSE(HostToAscii("\xFF.com", &out));
}

}  // namespace
}  // namespace corpus

namespace corpus {
namespace {

TEST(UrlResolverTest, OneBaseManyReferences) {
  UrlResolver r("HTTP://Example.com/dir/page.html#top");
  ASSERT_TRUE(r.base().has_value());
  EXPECT_EQ(*r.base(), "http://example.com/dir/page.html");
  EXPECT_EQ(r.Resolve("other.html").value_or(""), "http://example.com/dir/other.html");
  EXPECT_EQ(r.Resolve("../up").value_or(""), "http://example.com/up");
  EXPECT_FALSE(r.Resolve("mailto:x@y").has_value());
  UrlResolver bad("not a url");
  EXPECT_FALSE(bad.base().has_value());
  EXPECT_FALSE(bad.Resolve("relative.html").has_value());
  EXPECT_EQ(bad.Resolve("https://a.example").value_or(""), "https://a.example/");
}

}  // namespace
}  // namespace corpus
