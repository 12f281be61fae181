#include "corpus/text/charset.h"

#include <gtest/gtest.h>

#include <string>

#include "corpus/util/json.h"

namespace corpus {
namespace {

std::string FromHex(std::string_view hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  }
  return out;
}

// "日本語のページです。これはテストです。" in Shift_JIS.
const std::string kSjis = FromHex(
    "93fa967b8cea82cc8379815b835782c582b7814282b182ea82cd83658358836782c582b78142");
const std::string kJapanese = "日本語のページです。これはテストです。";

TEST(CharsetFromContentType, ParsesParameter) {
  EXPECT_EQ(CharsetFromContentType("text/html; charset=ISO-8859-1"), "iso-8859-1");
  EXPECT_EQ(CharsetFromContentType("text/html;charset=\"UTF-8\""), "utf-8");
  EXPECT_EQ(CharsetFromContentType("text/html; q=1; Charset = 'Shift_JIS' "), "shift_jis");
  EXPECT_EQ(CharsetFromContentType("text/html"), "");
  EXPECT_EQ(CharsetFromContentType(""), "");
  EXPECT_EQ(CharsetFromContentType("text/html; charsetx=utf-8"), "");
}

TEST(CanonicalCharset, FollowsWhatwgLabels) {
  EXPECT_EQ(CanonicalCharset("ISO-8859-1"), "windows-1252");
  EXPECT_EQ(CanonicalCharset(" latin1 "), "windows-1252");
  EXPECT_EQ(CanonicalCharset("us-ascii"), "windows-1252");
  EXPECT_EQ(CanonicalCharset("UTF8"), "utf-8");
  EXPECT_EQ(CanonicalCharset("SJIS"), "shift_jis");
  EXPECT_EQ(CanonicalCharset("gb2312"), "gbk");
  EXPECT_EQ(CanonicalCharset("iso8859-5"), "iso-8859-5");
  EXPECT_EQ(CanonicalCharset("ISO_8859-15"), "iso-8859-15");
  EXPECT_EQ(CanonicalCharset("cp1251"), "windows-1251");
  EXPECT_EQ(CanonicalCharset("no-such-charset"), "");
  EXPECT_EQ(CanonicalCharset(""), "");
}

TEST(DecodeHtmlToUtf8, OwnedBodyDecodesAlikeAndUtf8IsNotCopied) {
  const std::string page = "<html><meta charset=utf-8><p>" + std::string(100, 'x') + "\xC3\xA9t\xC3\xA9</p>";
  std::string body = page;
  const char* bytes = body.data();
  DecodedHtml taken = DecodeOwnedHtmlToUtf8(std::move(body), "text/html");
  DecodedHtml viewed = DecodeHtmlToUtf8(page, "text/html");
  EXPECT_EQ(taken.utf8, page);
  EXPECT_EQ(taken.utf8.data(), bytes);  // the body itself, moved
  EXPECT_EQ(taken.charset, viewed.charset);
  EXPECT_EQ(taken.method, viewed.method);
  // Bodies that are converted, or lose a BOM, come out as from a view.
  for (const std::string& other : {std::string("\xEF\xBB\xBF") + page, std::string("caf\xE9 ") + std::string(100, 'y'),
                                   std::string("a\xC3") + std::string(100, 'z')}) {
    std::string copy = other;
    DecodedHtml a = DecodeOwnedHtmlToUtf8(std::move(copy), "text/html; charset=windows-1252");
    DecodedHtml b = DecodeHtmlToUtf8(other, "text/html; charset=windows-1252");
    EXPECT_EQ(a.utf8, b.utf8);
    EXPECT_EQ(a.charset, b.charset);
    EXPECT_EQ(a.method, b.method);
  }
}

TEST(DecodeHtmlToUtf8, Iso88591HeaderIsWindows1252) {
  const std::string body = "<p>caf\xE9 na\xEFve \x80</p>";
  DecodedHtml d = DecodeHtmlToUtf8(body, "text/html; charset=ISO-8859-1");
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_EQ(d.method, "header");
  // 0x80 is the euro sign in windows-1252, which ISO-8859-1 labels mean.
  EXPECT_EQ(d.utf8, "<p>café naïve €</p>");
}

TEST(DecodeHtmlToUtf8, Windows1252SmartQuotes) {
  const std::string body = "<p>\x93quoted\x94 \x96 it\x92s \x81</p>";
  DecodedHtml d = DecodeHtmlToUtf8(body, "text/html; charset=windows-1252");
  EXPECT_EQ(d.charset, "windows-1252");
  // 0x81 is undefined in windows-1252; WHATWG maps it to U+0081.
  EXPECT_EQ(d.utf8, "<p>\u201Cquoted\u201D \u2013 it\u2019s \u0081</p>");
}

TEST(DecodeHtmlToUtf8, ShiftJisFromHeader) {
  DecodedHtml d = DecodeHtmlToUtf8("<p>" + kSjis + "</p>", "text/html; charset=Shift_JIS");
  EXPECT_EQ(d.charset, "shift_jis");
  EXPECT_EQ(d.method, "header");
  EXPECT_EQ(d.utf8, "<p>" + kJapanese + "</p>");
}

TEST(DecodeHtmlToUtf8, ShiftJisFromDetector) {
  std::string body = "<html><body>";
  for (int i = 0; i < 20; ++i) body += "<p>" + kSjis + "</p>\n";
  body += "</body></html>";
  DecodedHtml d = DecodeHtmlToUtf8(body, "text/html");
  EXPECT_EQ(d.method, "detector");
  EXPECT_EQ(d.charset, "shift_jis");
  EXPECT_NE(d.utf8.find(kJapanese), std::string::npos);
}

TEST(DecodeHtmlToUtf8, Utf8BomIsStripped) {
  DecodedHtml d = DecodeHtmlToUtf8("\xEF\xBB\xBF<p>h\xC3\xA9</p>", "text/html; charset=iso-8859-1");
  EXPECT_EQ(d.method, "bom");  // the BOM outranks the header
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_EQ(d.utf8, "<p>hé</p>");
}

TEST(DecodeHtmlToUtf8, Utf16Boms) {
  const std::string le("\xFF\xFE<\0p\0>\0\xE9\0", 10);
  DecodedHtml d = DecodeHtmlToUtf8(le, "");
  EXPECT_EQ(d.method, "bom");
  EXPECT_EQ(d.charset, "utf-16le");
  EXPECT_EQ(d.utf8, "<p>é");

  const std::string be("\xFE\xFF\0<\0p\0>\x30\x42", 10);
  d = DecodeHtmlToUtf8(be, "");
  EXPECT_EQ(d.charset, "utf-16be");
  EXPECT_EQ(d.utf8, "<p>あ");
}

TEST(DecodeHtmlToUtf8, HeaderOutranksMeta) {
  const std::string body = "<meta charset=\"shift_jis\"><p>caf\xE9</p>";
  DecodedHtml d = DecodeHtmlToUtf8(body, "text/html; charset=windows-1252");
  EXPECT_EQ(d.method, "header");
  EXPECT_EQ(d.charset, "windows-1252");
  d = DecodeHtmlToUtf8(body, "text/html");
  EXPECT_EQ(d.method, "meta");
  EXPECT_EQ(d.charset, "shift_jis");
}

TEST(DecodeHtmlToUtf8, UnknownHeaderLabelFallsThroughToMeta) {
  DecodedHtml d = DecodeHtmlToUtf8("<meta charset=latin1><p>caf\xE9</p>", "text/html; charset=bogus");
  EXPECT_EQ(d.method, "meta");
  EXPECT_EQ(d.utf8, "<meta charset=latin1><p>café</p>");
}

TEST(DecodeHtmlToUtf8, MetaHttpEquiv) {
  const std::string body =
      "<!-- <meta charset=utf-8> --><title x='>'>t</title>"
      "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=Shift_JIS\">" + kSjis;
  DecodedHtml d = DecodeHtmlToUtf8(body, "");
  EXPECT_EQ(d.method, "meta");
  EXPECT_EQ(d.charset, "shift_jis");
  EXPECT_NE(d.utf8.find(kJapanese), std::string::npos);
}

TEST(DecodeHtmlToUtf8, MetaContentWithoutHttpEquivIsIgnored) {
  DecodedHtml d = DecodeHtmlToUtf8("<meta content=\"charset=shift_jis\"><p>a</p>", "");
  EXPECT_NE(d.method, "meta");
}

TEST(DecodeHtmlToUtf8, MetaUtf16MeansUtf8) {
  DecodedHtml d = DecodeHtmlToUtf8("<meta charset=utf-16><p>h\xC3\xA9</p>", "");
  EXPECT_EQ(d.method, "meta");
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_EQ(d.utf8, "<meta charset=utf-16><p>hé</p>");
}

TEST(DecodeHtmlToUtf8, MetaBeyondPrescanWindowIsIgnored) {
  std::string body(5000, ' ');
  body += "<meta charset=shift_jis><p>a</p>";
  EXPECT_NE(DecodeHtmlToUtf8(body, "").method, "meta");
}

TEST(DecodeHtmlToUtf8, PlainAsciiAndUtf8WithoutLabels) {
  DecodedHtml d = DecodeHtmlToUtf8("<p>hello</p>", "");
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_EQ(d.method, "default");
  d = DecodeHtmlToUtf8("<p>gr\xC3\xBC\xC3\x9F dich</p>", "");
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_EQ(d.method, "detector");
  EXPECT_EQ(d.utf8, "<p>grüß dich</p>");
}

TEST(DecodeHtmlToUtf8, Utf8BytesUnderALegacyLabelAreUtf8) {
  const std::string body = "<meta charset=iso-8859-1><p>caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D</p>";
  for (const char* header : {"text/html; charset=ISO-8859-1", "text/html"}) {
    DecodedHtml d = DecodeHtmlToUtf8(body, header);
    EXPECT_EQ(d.charset, "utf-8") << header;
    EXPECT_EQ(d.method, "detector") << header;
    EXPECT_EQ(d.utf8, "<meta charset=iso-8859-1><p>café \u201Cq\u201D</p>") << header;
  }
  // Pure ASCII carries no evidence: the label stands.
  DecodedHtml d = DecodeHtmlToUtf8("<p>plain</p>", "text/html; charset=iso-8859-1");
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_EQ(d.method, "header");
}

TEST(DecodeHtmlToUtf8, WrongHeaderStillGivesValidUtf8) {
  DecodedHtml d = DecodeHtmlToUtf8("<p>caf\xE9 \xFF\xFE</p>", "text/html; charset=utf-8");
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_TRUE(IsValidUtf8(d.utf8));
  EXPECT_NE(d.utf8.find("\xEF\xBF\xBD"), std::string::npos);
}

TEST(DecodeHtmlToUtf8, GarbageIsAlwaysValidUtf8) {
  std::string garbage;
  uint32_t x = 12345;
  for (int i = 0; i < 20000; ++i) {
    x = x * 1103515245u + 12345u;
    garbage.push_back(static_cast<char>(x >> 16));
  }
  for (const char* header : {"", "text/html; charset=shift_jis", "text/html; charset=utf-16",
                             "text/html; charset=iso-2022-jp", "text/html; charset=gb18030"}) {
    DecodedHtml d = DecodeHtmlToUtf8(garbage, header);
    EXPECT_TRUE(IsValidUtf8(d.utf8)) << header;
    EXPECT_FALSE(d.utf8.empty()) << header;
    EXPECT_FALSE(d.charset.empty()) << header;
  }
  // A truncated multibyte sequence at the end becomes U+FFFD, not silence.
  DecodedHtml d = DecodeHtmlToUtf8(kSjis.substr(0, 3), "text/html; charset=shift_jis");
  EXPECT_EQ(d.utf8, "日\xEF\xBF\xBD");
  EXPECT_EQ(DecodeHtmlToUtf8("", "").utf8, "");
}

TEST(ConvertToUtf8, RejectsUnknownCharset) {
  std::string out = "x";
  EXPECT_FALSE(ConvertToUtf8("abc", "no-such-charset", &out));
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace corpus
