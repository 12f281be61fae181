#include "corpus/site/site_server.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

#include "testing/temp_dir.h"

namespace corpus {
namespace {

void WriteText(const std::string& path, const std::string& text) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// A two-host site in a temporary folder.
class SiteServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string& d = dir_.path();
    WriteText(d + "/hosts.txt", "# host address\none.test 127.0.0.2\ntwo.test 127.0.0.3\n");
    WriteText(d + "/redirects.txt", "one.test /old 301 /new.html\n"
                                    "one.test /away 302 http://{{host:two.test}}/\n");
    WriteText(d + "/one.test/index.html",
              "<a href=\"http://{{host:two.test}}/\">two</a> <a href=/missing>x</a>");
    WriteText(d + "/one.test/new.html", "new page");
    WriteText(d + "/one.test/docs/index.html", "docs index");
    WriteText(d + "/one.test/robots.txt", "User-agent: *\nDisallow: /private/\n");
    WriteText(d + "/two.test/index.html", "host two");
    SiteServer::Options opts;
    opts.site_dir = d;
    server_ = std::make_unique<SiteServer>(opts);
    ASSERT_TRUE(server_->Start().ok());
  }

  httplib::Client Client(const std::string& host) {
    httplib::Client c(server_->BaseUrl(host));
    c.set_connection_timeout(5);
    c.set_read_timeout(10);
    return c;
  }

  testing::TempDir dir_;
  std::unique_ptr<SiteServer> server_;
};

TEST_F(SiteServerTest, ServesEachHostOnItsOwnAddress) {
  ASSERT_GT(server_->port(), 0);
  EXPECT_EQ(server_->addresses(), (std::vector<std::string>{"127.0.0.2", "127.0.0.3"}));
  EXPECT_EQ(server_->BaseUrl("two.test"), "http://127.0.0.3:" + std::to_string(server_->port()));
  EXPECT_EQ(server_->HostName("127.0.0.2"), "one.test");

  auto r1 = Client("one.test").Get("/");
  ASSERT_TRUE(r1);
  EXPECT_EQ(r1->status, 200);
  // {{host:...}} becomes the address and the port actually served.
  EXPECT_NE(r1->body.find("href=\"" + server_->BaseUrl("two.test") + "/\""), std::string::npos)
      << r1->body;
  EXPECT_EQ(r1->get_header_value("Content-Type"), "text/html; charset=utf-8");
  auto r2 = Client("127.0.0.3").Get("/");
  ASSERT_TRUE(r2);
  EXPECT_EQ(r2->body, "host two");
  auto robots = Client("one.test").Get("/robots.txt");
  ASSERT_TRUE(robots);
  EXPECT_EQ(robots->get_header_value("Content-Type"), "text/plain; charset=utf-8");
}

TEST_F(SiteServerTest, NotFoundRedirectsAndDirectories) {
  auto c = Client("one.test");
  auto missing = c.Get("/missing");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  auto escape = c.Get("/../hosts.txt");
  ASSERT_TRUE(escape);
  EXPECT_EQ(escape->status, 404);
  auto old = c.Get("/old");
  ASSERT_TRUE(old);
  EXPECT_EQ(old->status, 301);
  EXPECT_EQ(old->get_header_value("Location"), "/new.html");
  auto away = c.Get("/away");
  ASSERT_TRUE(away);
  EXPECT_EQ(away->status, 302);
  EXPECT_EQ(away->get_header_value("Location"), server_->BaseUrl("two.test") + "/");
  auto dir = c.Get("/docs");
  ASSERT_TRUE(dir);
  EXPECT_EQ(dir->status, 301);
  EXPECT_EQ(dir->get_header_value("Location"), "/docs/");
  auto index = c.Get("/docs/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->body, "docs index");
}

TEST_F(SiteServerTest, ConditionalRequests) {
  auto c = Client("one.test");
  auto first = c.Get("/new.html");
  ASSERT_TRUE(first);
  std::string etag = first->get_header_value("ETag");
  std::string modified = first->get_header_value("Last-Modified");
  ASSERT_FALSE(etag.empty());
  ASSERT_FALSE(modified.empty());
  auto same = c.Get("/new.html", {{"If-None-Match", etag}});
  ASSERT_TRUE(same);
  EXPECT_EQ(same->status, 304);
  EXPECT_TRUE(same->body.empty());
  auto other = c.Get("/new.html", {{"If-None-Match", "\"something-else\""}});
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 200);
  auto since = c.Get("/new.html", {{"If-Modified-Since", modified}});
  ASSERT_TRUE(since);
  EXPECT_EQ(since->status, 304);
  auto before = c.Get("/new.html", {{"If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT"}});
  ASSERT_TRUE(before);
  EXPECT_EQ(before->status, 200);
  // A change of the file changes the validator.
  WriteText(dir_.path() + "/one.test/new.html", "changed page");
  auto changed = c.Get("/new.html", {{"If-None-Match", etag}});
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->status, 200);
  EXPECT_EQ(changed->body, "changed page");
}

TEST_F(SiteServerTest, DynamicHandlersPerAddress) {
  server_->Handle("two.test", "/busy", [](const SiteRequest& req) {
    SiteResponse r;
    r.status = 429;
    r.headers.push_back({"Retry-After", "3"});
    r.body = "slow down " + req.host + " " + req.query;
    return r;
  });
  server_->Handle("", "/latin1*", [](const SiteRequest&) {
    SiteResponse r;
    r.content_type = "text/html; charset=ISO-8859-1";
    r.body = "caf\xE9";
    return r;
  });
  auto busy = Client("two.test").Get("/busy?x=1");
  ASSERT_TRUE(busy);
  EXPECT_EQ(busy->status, 429);
  EXPECT_EQ(busy->get_header_value("Retry-After"), "3");
  EXPECT_EQ(busy->body, "slow down two.test x=1");
  auto not_here = Client("one.test").Get("/busy");
  ASSERT_TRUE(not_here);
  EXPECT_EQ(not_here->status, 404);
  for (const char* host : {"one.test", "two.test"}) {
    auto latin = Client(host).Get("/latin1/page");
    ASSERT_TRUE(latin);
    EXPECT_EQ(latin->body, "caf\xE9");
    EXPECT_EQ(latin->get_header_value("Content-Type"), "text/html; charset=ISO-8859-1");
  }
}

TEST_F(SiteServerTest, GeneratedBodiesAndGzipBomb) {
  server_->Handle("", "/huge", [](const SiteRequest&) {
    SiteResponse r;
    r.generated_body_bytes = 5 * 1000 * 1000 + 7;
    return r;
  });
  const size_t kInflated = 50 << 20;
  std::string bomb = SiteServer::GzipBomb(kInflated);
  EXPECT_LT(bomb.size(), kInflated / 500);
  server_->Handle("", "/bomb", [bomb](const SiteRequest&) {
    SiteResponse r;
    r.headers.push_back({"Content-Encoding", "gzip"});
    r.body = bomb;
    return r;
  });
  auto c = Client("one.test");
  size_t received = 0;
  auto huge = c.Get("/huge", [&](const char*, size_t n) {
    received += n;
    return true;
  });
  ASSERT_TRUE(huge);
  EXPECT_EQ(received, 5u * 1000 * 1000 + 7);

  // Read the bomb raw (no decompression by the client) and inflate it here.
  httplib::Client raw = Client("one.test");
  raw.set_decompress(false);
  auto b = raw.Get("/bomb", {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(b);
  EXPECT_EQ(b->get_header_value("Content-Encoding"), "gzip");
  ASSERT_EQ(b->body, bomb) << "served once, not compressed a second time";
  z_stream z{};
  ASSERT_EQ(inflateInit2(&z, 15 + 16), Z_OK);
  z.next_in = reinterpret_cast<Bytef*>(b->body.data());
  z.avail_in = static_cast<uInt>(b->body.size());
  std::vector<char> out(1 << 16);
  size_t total = 0;
  int rc;
  do {
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    rc = inflate(&z, Z_NO_FLUSH);
    total += out.size() - z.avail_out;
  } while (rc == Z_OK);
  inflateEnd(&z);
  EXPECT_EQ(rc, Z_STREAM_END);
  EXPECT_EQ(total, kInflated);
}

TEST_F(SiteServerTest, HangingHandlerIsReleasedByStop) {
  server_->Handle("", "/hang", [](const SiteRequest&) {
    SiteResponse r;
    r.hang = true;
    return r;
  });
  auto c = Client("one.test");
  c.set_read_timeout(0, 200 * 1000);
  auto r = c.Get("/hang");
  EXPECT_FALSE(r) << "a hanging server sends nothing";
  // Other requests are still served while one hangs.
  auto ok = Client("one.test").Get("/new.html");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
  server_->Stop();  // must return although a handler is waiting
  auto after = Client("one.test").Get("/new.html");
  EXPECT_FALSE(after);
}

TEST_F(SiteServerTest, RequestLog) {
  auto c1 = Client("one.test");
  auto c2 = Client("two.test");
  ASSERT_TRUE(c1.Get("/new.html?a=1"));
  ASSERT_TRUE(c2.Get("/"));
  ASSERT_TRUE(c1.Get("/missing", {{"User-Agent", "corpus/0.1"}}));
  std::vector<SiteLogEntry> log = server_->RequestLog();
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[0].host, "one.test");
  EXPECT_EQ(log[0].address, "127.0.0.2");
  EXPECT_EQ(log[0].target, "/new.html?a=1");
  EXPECT_EQ(log[0].status, 200);
  EXPECT_EQ(log[1].host, "two.test");
  EXPECT_EQ(log[2].status, 404);
  EXPECT_EQ(log[2].headers["user-agent"], "corpus/0.1");
  for (const SiteLogEntry& e : log) EXPECT_LE(e.start, e.end);
  EXPECT_LE(log[0].end, log[2].start);
  EXPECT_EQ(server_->RequestLogFor("one.test").size(), 2u);
  EXPECT_EQ(server_->RequestLogFor("127.0.0.2", "/missing").size(), 1u);
  EXPECT_EQ(server_->requests_served(), 3u);
  server_->ClearLog();
  EXPECT_TRUE(server_->RequestLog().empty());
}

TEST(SiteServerStandaloneTest, CompressionCanBeTurnedOff) {
  const std::string page(4000, 'x');
  for (const bool compress : {true, false}) {
    SiteServer::Options opts;
    opts.addresses = {"127.0.0.9"};
    opts.compress = compress;
    SiteServer server(opts);
    server.Handle("", "/", [&page](const SiteRequest&) {
      SiteResponse r;
      r.body = page;
      return r;
    });
    ASSERT_TRUE(server.Start().ok());
    httplib::Client c(server.BaseUrl("127.0.0.9"));
    c.set_decompress(false);
    auto r = c.Get("/", {{"Accept-Encoding", "br, gzip"}});
    ASSERT_TRUE(r);
    if (compress) {
      EXPECT_FALSE(r->get_header_value("Content-Encoding").empty());
      EXPECT_LT(r->body.size(), page.size());
    } else {
      EXPECT_EQ(r->get_header_value("Content-Encoding"), "");
      EXPECT_EQ(r->body, page);
    }
  }
}

TEST(SiteServerStandaloneTest, HandlersOnlyAndBadConfig) {
  SiteServer::Options opts;
  opts.addresses = {"127.0.0.9"};
  opts.hosts = {{"nine.test", "127.0.0.9"}};
  SiteServer server(opts);
  server.Handle("nine.test", "/", [](const SiteRequest& req) {
    SiteResponse r;
    r.body = "dynamic " + req.host;
    return r;
  });
  ASSERT_TRUE(server.Start().ok());
  httplib::Client c(server.BaseUrl("nine.test"));
  auto r = c.Get("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "dynamic nine.test");
  auto missing = c.Get("/other");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);

  SiteServer::Options bad;
  bad.site_dir = "/nonexistent/site";
  EXPECT_FALSE(SiteServer(bad).Start().ok());
  SiteServer::Options taken;
  taken.addresses = {"127.0.0.9"};
  taken.port = server.port();
  EXPECT_FALSE(SiteServer(taken).Start().ok()) << "the port is in use on that address";
}

}  // namespace
}  // namespace corpus
