#include "corpus/io/http_response.h"

#include <gtest/gtest.h>

#include <string>

#include "io/warc_test_util.h"

namespace corpus {
namespace {

using corpus::testing::GzipMember;
using corpus::testing::HttpMessage;

constexpr size_t kMax = 1 << 20;

HttpResponseHead Head(const std::string& message) {
  HttpResponseHead head;
  EXPECT_TRUE(ParseHttpResponseHead(message, &head).ok()) << message;
  return head;
}

std::string Decode(const std::string& message, Status* st = nullptr) {
  HttpResponseHead head = Head(message);
  std::string body;
  Status s = DecodeHttpBody(head, std::string_view(message).substr(head.body_offset), kMax, &body);
  if (st) *st = s;
  EXPECT_TRUE(st || s.ok()) << s.ToString();
  return body;
}

TEST(HttpResponseHead, ParsesStatusLineAndFields) {
  const std::string msg =
      "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nX-Folded: a\r\n  b\r\n\r\n<p>body";
  HttpResponseHead head = Head(msg);
  EXPECT_EQ(head.version, "HTTP/1.1");
  EXPECT_EQ(head.status, 404);
  EXPECT_EQ(head.reason, "Not Found");
  EXPECT_EQ(FindHeader(head.headers, "content-type"), "text/html");
  EXPECT_EQ(FindHeader(head.headers, "X-FOLDED"), "a b");
  EXPECT_EQ(msg.substr(head.body_offset), "<p>body");
}

TEST(HttpResponseHead, AcceptsBareLineFeedsAndNoReason) {
  const std::string msg = "HTTP/1.0 200\nA: 1\n\nbody";
  HttpResponseHead head = Head(msg);
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.reason, "");
  EXPECT_EQ(FindHeader(head.headers, "a"), "1");
  EXPECT_EQ(msg.substr(head.body_offset), "body");
}

TEST(HttpResponseHead, AcceptsHttp2StatusLine) {
  HttpResponseHead head = Head("HTTP/2 200\r\ncontent-type: text/html\r\n\r\n");
  EXPECT_EQ(head.version, "HTTP/2");
  EXPECT_EQ(head.status, 200);
}

TEST(HttpResponseHead, HeadWithoutBlankLineHasEmptyBody) {
  const std::string msg = "HTTP/1.1 200 OK\r\nA: 1\r\n";
  EXPECT_EQ(Head(msg).body_offset, msg.size());
}

TEST(HttpResponseHead, RejectsWhatIsNotAResponse) {
  HttpResponseHead head;
  EXPECT_TRUE(ParseHttpResponseHead("GET / HTTP/1.1\r\n\r\n", &head).IsInvalidArgument());
  EXPECT_TRUE(ParseHttpResponseHead("HTTP/1.1 2x0 OK\r\n\r\n", &head).IsInvalidArgument());
  EXPECT_TRUE(ParseHttpResponseHead("HTTP/1.1 2000 OK\r\n\r\n", &head).IsInvalidArgument());
  EXPECT_TRUE(ParseHttpResponseHead("", &head).IsInvalidArgument());
}

TEST(DecodeChunked, JoinsChunksAndIgnoresExtensionsAndTrailers) {
  std::string out;
  ASSERT_TRUE(DecodeChunked("5;ext=1\r\nhello\r\n1\r\n \r\nA\r\n0123456789\r\n0\r\nT: x\r\n\r\n", kMax, &out).ok());
  EXPECT_EQ(out, "hello 0123456789");
}

TEST(DecodeChunked, ReportsDamage) {
  std::string out;
  EXPECT_TRUE(DecodeChunked("5\r\nhel", kMax, &out).IsCorruption());
  EXPECT_TRUE(DecodeChunked("5\r\nhello\r\n", kMax, &out).IsCorruption());  // no last chunk
  EXPECT_TRUE(DecodeChunked("zz\r\nhello\r\n0\r\n\r\n", kMax, &out).IsCorruption());
  EXPECT_TRUE(DecodeChunked("5\r\nhelloXX0\r\n\r\n", kMax, &out).IsCorruption());
  EXPECT_TRUE(DecodeChunked("fffffffffffffff\r\nx", kMax, &out).IsCorruption());
  EXPECT_EQ(DecodeChunked("5\r\nhello\r\n0\r\n\r\n", 3, &out).code(), Status::Code::kAborted);
}

TEST(DecodeHttpBody, ChunkedThenGzip) {
  const std::string html = "<html><p>compressed and chunked</p></html>";
  const std::string gz = GzipMember(html);
  char size[16];
  std::snprintf(size, sizeof(size), "%zx", gz.size() - 10);
  const std::string chunked = "a\r\n" + gz.substr(0, 10) + "\r\n" + size + "\r\n" + gz.substr(10) + "\r\n0\r\n\r\n";
  EXPECT_EQ(Decode(HttpMessage(200, {{"Transfer-Encoding", "chunked"}, {"Content-Encoding", "gzip"}}, chunked)),
            html);
}

TEST(DecodeHttpBody, CommonCrawlRenamedHeadersMeanTheBodyIsDecoded) {
  const std::string html = "<p>stored decoded</p>";
  EXPECT_EQ(Decode(HttpMessage(200,
                               {{"X-Crawler-Transfer-Encoding", "chunked"},
                                {"X-Crawler-Content-Encoding", "gzip"}},
                               html)),
            html);
}

TEST(DecodeHttpBody, ChunkedHeaderOverDechunkedBodyKeepsBody) {
  const std::string html = "<p>writer removed the chunking</p>";
  EXPECT_EQ(Decode(HttpMessage(200, {{"Transfer-Encoding", "chunked"}}, html)), html);
}

TEST(DecodeHttpBody, GzipHeaderOverDecodedMarkupKeepsBody) {
  const std::string html = "\n <!doctype html><p>x</p>";
  EXPECT_EQ(Decode(HttpMessage(200, {{"Content-Encoding", "gzip"}}, html)), html);
}

TEST(DecodeHttpBody, BrotliAndDeflate) {
  // "<html><body><p>brotli page</p></body></html>" compressed by libbrotlienc.
  const std::string br(
      "\x1b\x2b\x00\x00\x44\x6f\x78\xbd\x8e\xcf\xf1\x68\xd7\x4f\x49\x4a\x59\xd2\x84\x2c\xc2\x08"
      "\x52\xba\xb2\x52\x15\x95\x84\x50\x7a\x38\x30\x22\x6e\x7f\x5a\xe8\x95\x4b\xa3\x40\xd5\x04",
      44);
  EXPECT_EQ(Decode(HttpMessage(200, {{"Content-Encoding", "br"}}, br)),
            "<html><body><p>brotli page</p></body></html>");

  // deflate as zlib stream (RFC 9110) and as raw deflate (what many servers send).
  const std::string text = "deflated text, deflated text, deflated text";
  std::string zlib(compressBound(text.size()), '\0');
  uLongf zlen = zlib.size();
  compress(reinterpret_cast<Bytef*>(zlib.data()), &zlen, reinterpret_cast<const Bytef*>(text.data()), text.size());
  zlib.resize(zlen);
  EXPECT_EQ(Decode(HttpMessage(200, {{"Content-Encoding", "deflate"}}, zlib)), text);
  const std::string raw = zlib.substr(2, zlib.size() - 6);  // strip zlib header and adler32
  EXPECT_EQ(Decode(HttpMessage(200, {{"Content-Encoding", "deflate"}}, raw)), text);
}

TEST(DecodeHttpBody, StackedCodingsAreUndoneInReverse) {
  const std::string text = "<p>twice</p>";
  EXPECT_EQ(Decode(HttpMessage(200, {{"Content-Encoding", "gzip, gzip"}}, GzipMember(GzipMember(text)))), text);
}

TEST(DecodeHttpBody, TruncatedCompressedBodyYieldsWhatDecodes) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "<p>paragraph " + std::to_string(i) + "</p>\n";
  const std::string gz = GzipMember(text);
  const std::string msg = HttpMessage(200, {{"Content-Encoding", "gzip"}}, gz.substr(0, gz.size() / 2));
  HttpResponseHead head = Head(msg);
  std::string body;
  bool truncated = false;
  ASSERT_TRUE(DecodeHttpBody(head, std::string_view(msg).substr(head.body_offset), kMax, &body, &truncated).ok());
  EXPECT_TRUE(truncated);
  EXPECT_GT(body.size(), 1000u);
  EXPECT_LT(body.size(), text.size());
  EXPECT_EQ(text.compare(0, body.size(), body), 0);
  // The single-coding function reports the same as damage.
  EXPECT_TRUE(DecodeContentCoding("gzip", gz.substr(0, gz.size() / 2), kMax, &body).IsCorruption());
}

TEST(DecodeHttpBody, CorruptOrUnknownCodingIsAnError) {
  Status st;
  std::string gz = GzipMember("<p>some text that compresses, some text that compresses</p>");
  for (size_t i = 10; i < gz.size(); ++i) gz[i] = static_cast<char>(gz[i] ^ 0xA5);
  Decode(HttpMessage(200, {{"Content-Encoding", "gzip"}}, gz), &st);
  EXPECT_TRUE(st.IsCorruption()) << st.ToString();
  Decode(HttpMessage(200, {{"Content-Encoding", "compress"}}, "\x1f\x9d"), &st);
  EXPECT_TRUE(st.IsInvalidArgument()) << st.ToString();
}

TEST(DecodeHttpBody, CompressionBombStopsAtTheCap) {
  const std::string zeros(8 << 20, '\0');
  const std::string bomb = GzipMember(zeros);
  ASSERT_LT(bomb.size(), 64u << 10);
  HttpResponseHead head = Head(HttpMessage(200, {{"Content-Encoding", "gzip"}}, ""));
  std::string body;
  Status st = DecodeHttpBody(head, bomb, kMax, &body);
  EXPECT_EQ(st.code(), Status::Code::kAborted);
  EXPECT_LE(body.size(), kMax);
}

}  // namespace
}  // namespace corpus
