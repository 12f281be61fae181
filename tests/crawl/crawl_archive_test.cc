// Raw capture of HTTP exchanges (HttpCapture through the Fetcher) and their
// WARC records (CrawlArchive), against an in-process SiteServer.
#include "corpus/crawl/crawl_archive.h"

#include <dirent.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <map>
#include <string>
#include <thread>
#include <vector>

#include "corpus/crawl/crawler.h"
#include "corpus/crawl/fetcher.h"
#include "corpus/site/site_server.h"
#include "corpus/io/byte_stream.h"
#include "corpus/io/http_response.h"
#include "corpus/io/warc_reader.h"
#include "corpus/util/fs.h"
#include "crawl/crawl_test_util.h"
#include "testing/temp_dir.h"

namespace corpus {
namespace {

std::string LongHtml() {
  std::string body = "<!doctype html><html><body>";
  for (int i = 0; i < 400; ++i) body += "<p>paragraph " + std::to_string(i) + " of a long page</p>\n";
  return body + "</body></html>";
}

// A handler that always gives the same answer.
SiteHandler Fixed(int status, std::string content_type, std::string body,
                  std::vector<std::pair<std::string, std::string>> headers = {}) {
  return [=](const SiteRequest&) {
    SiteResponse r;
    r.status = status;
    r.content_type = content_type;
    r.body = body;
    r.headers = headers;
    return r;
  };
}

// Every record of the crawl's WARC files in `dir`, in file-name order.
std::vector<WarcRecord> ReadWarcDir(const std::string& dir) {
  std::vector<std::string> names;
  if (DIR* d = ::opendir(dir.c_str())) {
    while (dirent* e = ::readdir(d)) {
      const std::string n = e->d_name;
      if (n.rfind("corpus-", 0) == 0 && n.size() > 8 && n.compare(n.size() - 8, 8, ".warc.gz") == 0) {
        names.push_back(n);
      }
    }
    ::closedir(d);
  }
  std::sort(names.begin(), names.end());
  std::vector<WarcRecord> out;
  for (const auto& n : names) {
    std::unique_ptr<ByteStream> stream;
    EXPECT_TRUE(ByteStream::Open(JoinPath(dir, n), &stream).ok());
    WarcReader reader(std::move(stream), n);
    WarcRecord rec;
    while (reader.Next(&rec)) out.push_back(rec);
    EXPECT_TRUE(reader.status().ok()) << reader.status().ToString();
  }
  return out;
}

class CrawlArchiveTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SiteServer::Options o;
    o.addresses = {"127.0.0.2"};
    server_ = std::make_unique<SiteServer>(o);
    ASSERT_TRUE(server_->Start().ok());
  }
  void TearDown() override { server_->Stop(); }

  std::string Url(const std::string& path) const { return server_->BaseUrl("127.0.0.2") + path; }

  FetchResult FetchOne(FetchRequest req, bool capture = true) {
    Fetcher::Options o;
    o.user_agent = "test";
    o.allow_private_networks = true;
    o.timeout_ms = 10000;
    o.capture_exchanges = capture;
    Fetcher fetcher(o);
    fetcher.Start(std::move(req));
    std::vector<FetchResult> done;
    // The fetch ends by itself (response or its 10 s timeout).
    while (done.empty()) fetcher.Poll(50, &done);
    return std::move(done[0]);
  }

  testing::TempDir tmp_;
  std::unique_ptr<SiteServer> server_;
};

TEST_F(CrawlArchiveTest, CapturesRequestAndStillEncodedResponse) {
  const std::string html = LongHtml();
  server_->Handle("", "/page", Fixed(200, "text/html", html));
  FetchRequest req;
  req.url = Url("/page");
  FetchResult r = FetchOne(req);
  ASSERT_EQ(r.error, FetchError::kNone) << r.error_text;
  EXPECT_EQ(r.body, html);  // the page record keeps the decoded body
  ASSERT_EQ(r.exchanges.size(), 1u);
  const HttpExchange& x = r.exchanges[0];
  EXPECT_EQ(x.target_uri, req.url);
  EXPECT_EQ(x.ip_address, "127.0.0.2");
  EXPECT_GT(x.unix_seconds, 0);
  EXPECT_EQ(x.request.rfind("GET /page HTTP/1.1\r\n", 0), 0u) << x.request;
  EXPECT_NE(x.request.find("\r\nUser-Agent: test\r\n"), std::string::npos) << x.request;
  EXPECT_NE(x.request.find("\r\nAccept-Encoding: "), std::string::npos) << x.request;
  EXPECT_EQ(x.request.substr(x.request.size() - 4), "\r\n\r\n");
  HttpResponseHead head;
  ASSERT_TRUE(ParseHttpResponseHead(x.response, &head).ok());
  EXPECT_EQ(head.status, 200);
  // The server compressed the page; the archive holds what it sent.
  EXPECT_FALSE(FindHeader(head.headers, "Content-Encoding").empty()) << x.response.substr(0, 300);
  const std::string_view raw = std::string_view(x.response).substr(head.body_offset);
  EXPECT_LT(raw.size(), html.size());
  std::string decoded;
  ASSERT_TRUE(DecodeHttpBody(head, raw, 1 << 20, &decoded).ok());
  EXPECT_EQ(decoded, html);
  EXPECT_FALSE(x.cut);
}

TEST_F(CrawlArchiveTest, KeepsTheChunkedFramingOfAStreamedBody) {
  // A server that streams its body in chunks (the site server sends lengths).
  httplib::Server chunked;
  chunked.Get("/stream", [](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("text/html", [](size_t offset, httplib::DataSink& sink) {
      for (int i = 0; i < 50; ++i) {
        const std::string piece = "<p>piece " + std::to_string(i) + "</p>\n";
        sink.write(piece.data(), piece.size());
      }
      sink.done();
      return true;
    });
  });
  const int port = chunked.bind_to_any_port("127.0.0.5");
  ASSERT_GT(port, 0);
  std::thread serving([&] { chunked.listen_after_bind(); });
  FetchRequest req;
  req.url = "http://127.0.0.5:" + std::to_string(port) + "/stream";
  FetchResult r = FetchOne(req);
  chunked.stop();
  serving.join();
  ASSERT_EQ(r.error, FetchError::kNone) << r.error_text;
  ASSERT_EQ(r.exchanges.size(), 1u);
  HttpResponseHead head;
  ASSERT_TRUE(ParseHttpResponseHead(r.exchanges[0].response, &head).ok());
  EXPECT_EQ(FindHeader(head.headers, "Transfer-Encoding"), "chunked");
  std::string decoded;
  ASSERT_TRUE(DecodeHttpBody(head, std::string_view(r.exchanges[0].response).substr(head.body_offset),
                             1 << 20, &decoded)
                  .ok());
  EXPECT_EQ(decoded, r.body);
  // The payload digest is of the de-chunked (still content-coded) body.
  const auto records = ExchangeRecords(r.exchanges[0], "");
  std::string entity;
  ASSERT_TRUE(DecodeChunked(std::string_view(r.exchanges[0].response).substr(head.body_offset), 1 << 20,
                            &entity)
                  .ok());
  std::string payload_digest;
  for (const auto& [n, v] : records[1].fields) {
    if (n == "WARC-Payload-Digest") payload_digest = v;
  }
  EXPECT_EQ(payload_digest, WarcSha1Digest(entity));
}

TEST_F(CrawlArchiveTest, OneExchangePerRedirectCurlFollows) {
  server_->Handle("", "/old", Fixed(301, "text/plain", "moved", {{"Location", "/robots-new.txt"}}));
  server_->Handle("", "/robots-new.txt", Fixed(200, "text/plain", "User-agent: *\nDisallow:\n"));
  FetchRequest req;
  req.url = Url("/old");
  req.auxiliary = true;  // robots.txt: curl follows redirects
  FetchResult r = FetchOne(req);
  ASSERT_EQ(r.error, FetchError::kNone) << r.error_text;
  ASSERT_EQ(r.exchanges.size(), 2u);
  EXPECT_EQ(r.exchanges[0].target_uri, Url("/old"));
  EXPECT_EQ(r.exchanges[0].response.rfind("HTTP/1.1 301", 0), 0u);
  EXPECT_EQ(r.exchanges[1].target_uri, Url("/robots-new.txt"));
  EXPECT_EQ(r.exchanges[1].request.rfind("GET /robots-new.txt HTTP/1.1\r\n", 0), 0u);
  EXPECT_EQ(r.exchanges[1].response.rfind("HTTP/1.1 200", 0), 0u);
}

TEST_F(CrawlArchiveTest, NothingCapturedWithoutTheOption) {
  server_->Handle("", "/page", [](const SiteRequest&) { return SiteResponse{}; });
  FetchRequest req;
  req.url = Url("/page");
  EXPECT_TRUE(FetchOne(req, /*capture=*/false).exchanges.empty());
}

std::map<std::string, std::string> Fields(const WarcOutRecord& r) {
  std::map<std::string, std::string> m;
  for (const auto& [n, v] : r.fields) m[n] = v;
  return m;
}

TEST(ExchangeRecordsTest, RequestAndResponsePointAtEachOther) {
  HttpExchange x;
  x.target_uri = "http://a.test/p";
  x.ip_address = "127.0.0.9";
  x.unix_seconds = 1700000000;
  x.request = "GET /p HTTP/1.1\r\nHost: a.test\r\n\r\n";
  x.response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n";
  const auto recs = ExchangeRecords(x, "length");
  ASSERT_EQ(recs.size(), 2u);
  auto req = Fields(recs[0]);
  auto resp = Fields(recs[1]);
  EXPECT_EQ(recs[0].type, "request");
  EXPECT_EQ(recs[1].type, "response");
  EXPECT_EQ(recs[0].block, x.request);
  EXPECT_EQ(recs[1].block, x.response);
  EXPECT_EQ(req["WARC-Concurrent-To"], resp["WARC-Record-ID"]);
  EXPECT_EQ(resp["WARC-Concurrent-To"], req["WARC-Record-ID"]);
  EXPECT_NE(req["WARC-Record-ID"], resp["WARC-Record-ID"]);
  EXPECT_EQ(req["WARC-Date"], "2023-11-14T22:13:20Z");
  EXPECT_EQ(resp["WARC-Date"], "2023-11-14T22:13:20Z");
  EXPECT_EQ(resp["WARC-Target-URI"], "http://a.test/p");
  EXPECT_EQ(resp["WARC-IP-Address"], "127.0.0.9");
  EXPECT_EQ(req["WARC-Block-Digest"], WarcSha1Digest(x.request));
  EXPECT_EQ(resp["WARC-Block-Digest"], WarcSha1Digest(x.response));
  EXPECT_EQ(resp["WARC-Payload-Digest"], WarcSha1Digest("hello"));
  EXPECT_EQ(resp["WARC-Truncated"], "length");
  EXPECT_EQ(req["Content-Type"], "application/http;msgtype=request");
  EXPECT_EQ(resp["Content-Type"], "application/http;msgtype=response");
  EXPECT_EQ(req.count("WARC-Truncated"), 0u);
}

TEST(ExchangeRecordsTest, A304ToAConditionalRequestIsARevisit) {
  HttpExchange x;
  x.target_uri = "http://a.test/p";
  x.request = "GET /p HTTP/1.1\r\nHost: a.test\r\nIf-None-Match: \"v1\"\r\n\r\n";
  x.response = "HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\n\r\n";
  auto recs = ExchangeRecords(x, "");
  EXPECT_EQ(recs[1].type, "revisit");
  auto f = Fields(recs[1]);
  EXPECT_EQ(f["WARC-Profile"], "http://netpreserve.org/warc/1.1/revisit/server-not-modified");
  EXPECT_EQ(f["WARC-Refers-To-Target-URI"], "http://a.test/p");
  EXPECT_EQ(f.count("WARC-Payload-Digest"), 0u);
  EXPECT_EQ(f.count("WARC-IP-Address"), 0u);  // unknown: left out
  EXPECT_EQ(recs[1].block, x.response);
  // Unasked for, a 304 is just a response.
  x.request = "GET /p HTTP/1.1\r\nHost: a.test\r\n\r\n";
  EXPECT_EQ(ExchangeRecords(x, "")[1].type, "response");
}

TEST_F(CrawlArchiveTest, RefreshCrawlArchives304sAsRevisits) {
  for (const std::string path : {"/a", "/b"}) {
    server_->Handle("", path, [this, path](const SiteRequest& q) {
      SiteResponse r;
      r.headers = {{"ETag", "\"v1\""}};
      auto inm = q.headers.find("if-none-match");
      if (inm != q.headers.end() && inm->second == "\"v1\"") {
        r.status = 304;
        return r;
      }
      r.body = "<html><body><p>page " + path + "</p><a href=\"" + Url("/b") + "\">b</a></body></html>";
      return r;
    });
  }
  ASSERT_TRUE(WriteFileAtomic(tmp_.Sub("seeds.txt"), Url("/a") + "\n").ok());
  CrawlConfig first = testing::TestCrawlConfig(tmp_.Sub("seeds.txt"), tmp_.Sub("pages1"));
  first.warc_dir = tmp_.Sub("warc1");
  ASSERT_TRUE(Crawler(first).Run().status.ok());
  CrawlConfig again = testing::TestCrawlConfig("", tmp_.Sub("pages2"));
  again.refresh_dir = tmp_.Sub("pages1");
  again.warc_dir = tmp_.Sub("warc2");
  ASSERT_TRUE(Crawler(again).Run().status.ok());

  // First crawl: robots.txt, /a, /b, each a request and a response.
  const auto one = ReadWarcDir(first.warc_dir);
  ASSERT_EQ(one.size(), 7u);
  EXPECT_EQ(one[0].type(), "warcinfo");
  std::map<std::string, int> responses;
  for (const auto& rec : one) {
    if (rec.type() == "response") ++responses[std::string(rec.Header("WARC-Target-URI"))];
  }
  EXPECT_EQ(responses, (std::map<std::string, int>{{Url("/robots.txt"), 1}, {Url("/a"), 1}, {Url("/b"), 1}}));

  // The refresh: both pages answer 304 to If-None-Match.
  const auto two = ReadWarcDir(again.warc_dir);
  std::map<std::string, const WarcRecord*> by_id;
  for (const auto& rec : two) by_id[std::string(rec.Header("WARC-Record-ID"))] = &rec;
  int revisits = 0;
  for (const auto& rec : two) {
    if (rec.type() != "revisit") continue;
    ++revisits;
    EXPECT_EQ(rec.block.rfind("HTTP/1.1 304", 0), 0u);
    const WarcRecord* request = by_id[std::string(rec.Header("WARC-Concurrent-To"))];
    ASSERT_NE(request, nullptr);
    EXPECT_EQ(request->type(), "request");
    EXPECT_NE(request->block.find("If-None-Match: \"v1\""), std::string::npos) << request->block;
  }
  EXPECT_EQ(revisits, 2);
}

std::vector<std::string> WarcFiles(const std::string& dir) {
  std::vector<std::string> names;
  if (DIR* d = ::opendir(dir.c_str())) {
    while (dirent* e = ::readdir(d)) {
      if (e->d_name[0] != '.') names.emplace_back(e->d_name);
    }
    ::closedir(d);
  }
  return names;
}

TEST_F(CrawlArchiveTest, ForceStartsTheArchiveOverAndLeavesOtherFilesAlone) {
  server_->Handle("", "/a", Fixed(200, "text/html", "<html><body><p>a</p></body></html>"));
  ASSERT_TRUE(WriteFileAtomic(tmp_.Sub("seeds.txt"), Url("/a") + "\n").ok());
  CrawlConfig c = testing::TestCrawlConfig(tmp_.Sub("seeds.txt"), tmp_.Sub("pages"));
  c.warc_dir = tmp_.Sub("warc");
  ASSERT_TRUE(MakeDirs(c.warc_dir).ok());
  ASSERT_TRUE(WriteFileAtomic(JoinPath(c.warc_dir, "someone-else.warc.gz"), "x").ok());
  ASSERT_TRUE(Crawler(c).Run().status.ok());
  const auto first = WarcFiles(c.warc_dir);
  ASSERT_EQ(first.size(), 2u);
  // Done: a rerun writes nothing.
  ASSERT_TRUE(Crawler(c).Run().status.ok());
  EXPECT_EQ(WarcFiles(c.warc_dir), first);
  // --force: the previous run's files are replaced by the new run's.
  c.force = true;
  ASSERT_TRUE(Crawler(c).Run().status.ok());
  const auto second = WarcFiles(c.warc_dir);
  ASSERT_EQ(second.size(), 2u);
  EXPECT_NE(std::find(second.begin(), second.end(), "someone-else.warc.gz"), second.end());
  for (const auto& name : first) {
    if (name == "someone-else.warc.gz") continue;
    EXPECT_EQ(std::find(second.begin(), second.end(), name), second.end()) << name;
  }
  EXPECT_EQ(ReadWarcDir(c.warc_dir).size(), 5u);  // warcinfo + robots.txt and /a, each request + response
}

}  // namespace
}  // namespace corpus
