// The crawler against an in-process SiteServer on loopback addresses
//.
#include "corpus/crawl/crawler.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <string>
#include <thread>

#include "corpus/site/site_server.h"
#include "corpus/util/fs.h"
#include "crawl/crawl_test_util.h"
#include "testing/temp_dir.h"

namespace corpus {
namespace {

using testing::Field;
using testing::ReadRecordsByUrl;

SiteResponse Html(const std::string& body) {
  SiteResponse r;
  r.body = "<!doctype html><html><head><title>t</title></head><body>" + body + "</body></html>";
  return r;
}

class CrawlerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SiteServer::Options o;
    o.addresses = {"127.0.0.2", "127.0.0.3"};
    server_ = std::make_unique<SiteServer>(o);
    ASSERT_TRUE(server_->Start().ok());
  }
  void TearDown() override { server_->Stop(); }

  std::string Url(const std::string& path, const std::string& addr = "127.0.0.2") const {
    return server_->BaseUrl(addr) + path;
  }
  void Page(const std::string& path, const std::string& body, const std::string& addr = "127.0.0.2") {
    server_->Handle(addr, path, [body](const SiteRequest&) { return Html(body); });
  }
  std::string Link(const std::string& path, const std::string& addr = "127.0.0.2") const {
    return "<a href=\"" + Url(path, addr) + "\">x</a> ";
  }
  CrawlConfig Config(const std::vector<std::string>& seeds) {
    std::string text = "# seeds\n";
    for (const auto& s : seeds) text += s + "\n";
    EXPECT_TRUE(WriteFileAtomic(tmp_.Sub("seeds.txt"), text).ok());
    return testing::TestCrawlConfig(tmp_.Sub("seeds.txt"), tmp_.Sub("out"));
  }
  StageOutcome Crawl(const CrawlConfig& c) {
    Crawler crawler(c);
    StageOutcome o = crawler.Run();
    counts_ = crawler.counts();
    return o;
  }
  std::map<std::string, std::string> Pages() { return ReadRecordsByUrl(tmp_.Sub("out")); }
  std::map<std::string, std::string> Rejects() { return ReadRecordsByUrl(tmp_.Sub("out/rejected")); }
  int Requests(const std::string& target, const std::string& addr = "127.0.0.2") const {
    return static_cast<int>(server_->RequestLogFor(addr, target).size());
  }

  testing::TempDir tmp_;
  std::unique_ptr<SiteServer> server_;
  StageCounts counts_;
};

TEST_F(CrawlerTest, FollowsLinksAndWritesPageRecords) {
  Page("/", Link("/a") + Link("/b") + Link("/", "127.0.0.3"));
  Page("/a", Link("/b") + Link("/"));
  Page("/b", "leaf");
  Page("/", "other host", "127.0.0.3");
  CrawlConfig c = Config({Url("/"), Url("/", "127.0.0.3")});
  StageOutcome o = Crawl(c);
  ASSERT_TRUE(o.status.ok()) << o.status.ToString();
  EXPECT_TRUE(o.manifest_written);
  EXPECT_TRUE(PathExists(tmp_.Sub("out/_manifest.json")));
  auto pages = Pages();
  ASSERT_EQ(pages.size(), 4u);
  const std::string rec = pages[Url("/a")];
  EXPECT_EQ(Field(rec, "source"), "crawl");
  EXPECT_EQ(Field(rec, "status"), "200");
  EXPECT_EQ(Field(rec, "depth"), "1");
  EXPECT_EQ(Field(rec, "id").size(), 32u);
  EXPECT_NE(Field(rec, "html").find("<a href"), std::string::npos);
  EXPECT_EQ(Field(rec, "fetched_at").back(), 'Z');
  EXPECT_EQ(Requests("/a"), 1);  // each URL once
  EXPECT_EQ(Requests("/b"), 1);
  // A rerun of a finished crawl does nothing.
  server_->ClearLog();
  ASSERT_TRUE(Crawl(c).status.ok());
  EXPECT_TRUE(server_->RequestLog().empty());
}

TEST_F(CrawlerTest, ObeysRobotsTxtBeforeAnyPage) {
  server_->Handle("127.0.0.2", "/robots.txt", [](const SiteRequest&) {
    SiteResponse r;
    r.content_type = "text/plain";
    r.body = "User-agent: corpus\nDisallow: /private/\nAllow: /private/ok\n\nUser-agent: *\nDisallow: /\n";
    return r;
  });
  Page("/", Link("/private/secret") + Link("/private/ok") + Link("/public"));
  Page("/public", "p");
  Page("/private/ok", "ok");
  Page("/private/secret", "never");
  ASSERT_TRUE(Crawl(Config({Url("/")})).status.ok());
  EXPECT_EQ(Requests("/private/secret"), 0);
  EXPECT_EQ(Requests("/private/ok"), 1);
  auto log = server_->RequestLogFor("127.0.0.2");
  ASSERT_FALSE(log.empty());
  EXPECT_EQ(log.front().target, "/robots.txt");
  EXPECT_EQ(Requests("/robots.txt"), 1);  // cached
  auto rejects = Rejects();
  ASSERT_TRUE(rejects.count(Url("/private/secret")));
  EXPECT_NE(rejects[Url("/private/secret")].find("\"rule\":\"robots\""), std::string::npos);
  EXPECT_EQ(Pages().size(), 3u);
}

TEST_F(CrawlerTest, RobotsServerErrorRetriesThenParksHost) {
  server_->Handle("127.0.0.2", "/robots.txt", [](const SiteRequest&) {
    SiteResponse r;
    r.status = 500;
    return r;
  });
  Page("/", "never fetched");
  CrawlConfig c = Config({Url("/")});
  c.max_retries = 1;
  ASSERT_TRUE(Crawl(c).status.ok());
  EXPECT_EQ(Requests("/"), 0);  // 5xx robots.txt: disallow everything
  EXPECT_EQ(Requests("/robots.txt"), 2);
  auto rejects = Rejects();
  EXPECT_NE(rejects[Url("/")].find("robots_unavailable"), std::string::npos);
}

TEST_F(CrawlerTest, KeepsPolitenessGapPerHost) {
  std::string links;
  for (int i = 0; i < 6; ++i) links += Link("/p" + std::to_string(i)) + Link("/p" + std::to_string(i), "127.0.0.3");
  Page("/", links);
  Page("/", links, "127.0.0.3");
  for (int i = 0; i < 6; ++i) {
    Page("/p" + std::to_string(i), "x");
    Page("/p" + std::to_string(i), "x", "127.0.0.3");
  }
  CrawlConfig c = Config({Url("/"), Url("/", "127.0.0.3")});
  c.per_host_delay_ms = 40;
  ASSERT_TRUE(Crawl(c).status.ok());
  EXPECT_EQ(Pages().size(), 14u);
  for (const char* addr : {"127.0.0.2", "127.0.0.3"}) {
    auto log = server_->RequestLogFor(addr);
    std::sort(log.begin(), log.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
    ASSERT_EQ(log.size(), 8u) << addr;  // robots.txt + 7 pages
    for (size_t i = 1; i < log.size(); ++i) {
      // The server stamps `end` after writing, which on a loaded machine can
      // be later than the crawler saw the response; the start of the previous
      // request is always earlier, so start-to-start is the robust lower
      // bound. (The end-of-response rule itself is HostQueuesTest's.)
      const auto gap =
          std::chrono::duration_cast<std::chrono::milliseconds>(log[i].start - log[i - 1].start);
      EXPECT_GE(gap.count(), 40) << addr << " between " << log[i - 1].target << " and " << log[i].target;
    }
  }
}

TEST_F(CrawlerTest, FollowsRedirectsAndStopsLoops) {
  server_->Handle("127.0.0.2", "/r1", [](const SiteRequest&) {
    SiteResponse r;
    r.status = 302;
    r.headers = {{"Location", "/r2"}};
    return r;
  });
  server_->Handle("127.0.0.2", "/r2", [this](const SiteRequest&) {
    SiteResponse r;
    r.status = 301;
    r.headers = {{"Location", Url("/final")}};
    return r;
  });
  Page("/final", "landed");
  for (const char* p : {"/l1", "/l2"}) {
    const std::string other = std::string(p) == "/l1" ? "/l2" : "/l1";
    server_->Handle("127.0.0.2", p, [other](const SiteRequest&) {
      SiteResponse r;
      r.status = 302;
      r.headers = {{"Location", other}};
      return r;
    });
  }
  // An endless chain /c0 -> /c1 -> ... is cut after 10 hops.
  server_->Handle("127.0.0.2", "/c*", [](const SiteRequest& q) {
    SiteResponse r;
    r.status = 302;
    r.headers = {{"Location", "/c" + std::to_string(std::stoi(q.path.substr(2)) + 1)}};
    return r;
  });
  Page("/", Link("/r1") + Link("/l1") + Link("/c0"));
  ASSERT_TRUE(Crawl(Config({Url("/")})).status.ok());
  auto pages = Pages();
  EXPECT_TRUE(pages.count(Url("/final")));
  EXPECT_EQ(Requests("/l1"), 1);
  EXPECT_EQ(Requests("/l2"), 1);
  EXPECT_EQ(Requests("/c11"), 0);
  auto rejects = Rejects();
  EXPECT_NE(rejects[Url("/r1")].find("\"rule\":\"redirect\""), std::string::npos);
  EXPECT_NE(rejects[Url("/c10")].find("redirect_limit"), std::string::npos);
}

TEST_F(CrawlerTest, RejectsTrapsAnd404sAndNonHtml) {
  Page("/", Link("/a/b/a/b/a/b/a/b") + Link("/missing") + Link("/doc.pdf") +
                Link("/" + std::string(3000, 'x')));
  server_->Handle("127.0.0.2", "/doc.pdf", [](const SiteRequest&) {
    SiteResponse r;
    r.content_type = "application/pdf";
    r.generated_body_bytes = 1 << 20;
    return r;
  });
  ASSERT_TRUE(Crawl(Config({Url("/")})).status.ok());
  auto rejects = Rejects();
  EXPECT_NE(rejects[Url("/a/b/a/b/a/b/a/b")].find("\"rule\":\"trap\""), std::string::npos);
  EXPECT_EQ(Requests("/a/b/a/b/a/b/a/b"), 0);
  EXPECT_NE(rejects[Url("/missing")].find("\"rule\":\"status_404\""), std::string::npos);
  EXPECT_NE(rejects[Url("/doc.pdf")].find("\"rule\":\"not_html\""), std::string::npos);
  EXPECT_EQ(counts_.rejected_by_rule.at("trap"), 2u);
}

TEST_F(CrawlerTest, CapsBodiesIncludingGzipBombs) {
  server_->Handle("127.0.0.2", "/big", [](const SiteRequest&) {
    SiteResponse r;
    r.generated_body_bytes = 4 << 20;
    return r;
  });
  server_->Handle("127.0.0.2", "/bomb", [](const SiteRequest&) {
    SiteResponse r;
    r.body = SiteServer::GzipBomb(64 << 20);
    r.headers = {{"Content-Encoding", "gzip"}};
    return r;
  });
  CrawlConfig c = Config({Url("/big"), Url("/bomb")});
  c.max_body_bytes = 100000;
  // The test is about the size cap, not the clock: under a sanitizer on a
  // busy machine the two large transfers may take longer than the test
  // config's 5 s timeout, which would reject them for the wrong reason.
  c.timeout_ms = 600000;
  ASSERT_TRUE(Crawl(c).status.ok());
  auto pages = Pages();
  ASSERT_EQ(pages.size(), 2u);
  for (const auto& [url, rec] : pages) {
    EXPECT_EQ(Field(rec, "truncated"), "true") << url;
    EXPECT_LE(Field(rec, "html").size(), 100000u * 3) << url;  // U+FFFD may triple a byte
  }
}

TEST_F(CrawlerTest, TimesOutHangingAndSlowServers) {
  server_->Handle("127.0.0.2", "/hang", [](const SiteRequest&) {
    SiteResponse r;
    r.hang = true;
    return r;
  });
  server_->Handle("127.0.0.2", "/drip", [](const SiteRequest&) {
    SiteResponse r;
    r.generated_body_bytes = 100000;
    r.chunk_delay = std::chrono::milliseconds(100);
    return r;
  });
  Page("/ok", "fine");
  CrawlConfig c = Config({Url("/hang"), Url("/drip"), Url("/ok")});
  c.timeout_ms = 400;
  c.per_host_concurrency = 3;
  ASSERT_TRUE(Crawl(c).status.ok());
  auto rejects = Rejects();
  EXPECT_NE(rejects[Url("/hang")].find("\"rule\":\"timeout\""), std::string::npos);
  EXPECT_NE(rejects[Url("/drip")].find("\"rule\":\"timeout\""), std::string::npos);
  EXPECT_TRUE(Pages().count(Url("/ok")));
}

TEST_F(CrawlerTest, RetriesATimeoutOnce) {
  std::atomic<int> calls{0};
  server_->Handle("127.0.0.2", "/flaky", [&calls](const SiteRequest&) {
    SiteResponse r = Html("second try");
    r.hang = calls++ == 0;  // the first request never gets an answer
    return r;
  });
  CrawlConfig c = Config({Url("/flaky")});
  c.timeout_ms = 400;
  ASSERT_TRUE(Crawl(c).status.ok());
  EXPECT_EQ(calls.load(), 2);
  EXPECT_TRUE(Pages().count(Url("/flaky")));
  EXPECT_EQ(counts_.counters["retries"], 1u);
}

TEST_F(CrawlerTest, ResumeKeepsRobotsCacheAndParkedHosts) {
  server_->Handle("127.0.0.2", "/robots.txt", [](const SiteRequest&) {
    SiteResponse r;
    r.content_type = "text/plain";
    r.body = "User-agent: *\nDisallow: /private/\n";
    return r;
  });
  // Every page of the second host fails, so it is parked after two.
  server_->Handle("127.0.0.3", "/x*", [](const SiteRequest&) {
    SiteResponse r;
    r.status = 500;
    return r;
  });
  Page("/", Link("/a"));
  Page("/b", "b");
  std::atomic<Crawler*> running{nullptr};
  server_->Handle("127.0.0.2", "/a", [this, &running](const SiteRequest&) {
    // Stop once the second host's last failure is answered: the crawl then
    // checkpoints with that host parked and /a's links queued.
    while (server_->RequestLogFor("127.0.0.3", "/x2").empty()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    running.load()->Stop();
    return Html(Link("/b") + Link("/private/p") + Link("/x3", "127.0.0.3"));
  });
  CrawlConfig c = Config({Url("/"), Url("/x1", "127.0.0.3"), Url("/x2", "127.0.0.3")});
  c.park_after_failures = 2;
  {
    Crawler first(c);
    running = &first;
    const StageOutcome o = first.Run();
    ASSERT_TRUE(o.status.ok()) << o.status.ToString();
    EXPECT_TRUE(first.stopped());
    EXPECT_FALSE(o.manifest_written);
  }
  ASSERT_EQ(Requests("/robots.txt"), 1);
  ASSERT_EQ(Requests("/b"), 0);

  server_->ClearLog();
  ASSERT_TRUE(Crawl(c).status.ok());  // the same command resumes
  EXPECT_EQ(Requests("/robots.txt"), 0) << "robots.txt is cached for 24 h across a resume";
  EXPECT_EQ(Requests("/b"), 1);
  EXPECT_EQ(Requests("/private/p"), 0);
  EXPECT_TRUE(server_->RequestLogFor("127.0.0.3").empty()) << "the parked host stays parked";
  auto rejects = Rejects();
  EXPECT_NE(rejects[Url("/x3", "127.0.0.3")].find("status_500"), std::string::npos);
  EXPECT_NE(rejects[Url("/private/p")].find("\"rule\":\"robots\""), std::string::npos);
  EXPECT_TRUE(PathExists(tmp_.Sub("out/_manifest.json")));
}

TEST_F(CrawlerTest, DecodesCharsetsToUtf8) {
  server_->Handle("127.0.0.2", "/latin1", [](const SiteRequest&) {
    SiteResponse r;
    r.content_type = "text/html; charset=ISO-8859-1";
    r.body = "<html><body>caf\xe9 cr\xe8me</body></html>";
    return r;
  });
  server_->Handle("127.0.0.2", "/sjis", [](const SiteRequest&) {
    SiteResponse r;
    r.content_type = "text/html";
    r.body = "<html><head><meta charset=\"shift_jis\"></head><body>\x93\xfa\x96\x7b</body></html>";
    return r;
  });
  server_->Handle("127.0.0.2", "/bom", [](const SiteRequest&) {
    SiteResponse r;
    r.content_type = "text/html; charset=windows-1252";
    r.body = "\xef\xbb\xbf<html><body>na\xc3\xafve</body></html>";
    return r;
  });
  ASSERT_TRUE(Crawl(Config({Url("/latin1"), Url("/sjis"), Url("/bom")})).status.ok());
  auto pages = Pages();
  EXPECT_NE(Field(pages[Url("/latin1")], "html").find("caf\xc3\xa9 cr\xc3\xa8me"), std::string::npos);
  EXPECT_EQ(Field(pages[Url("/latin1")], "charset"), "windows-1252");
  EXPECT_NE(Field(pages[Url("/sjis")], "html").find("\xe6\x97\xa5\xe6\x9c\xac"), std::string::npos);
  EXPECT_NE(Field(pages[Url("/bom")], "html").find("na\xc3\xafve"), std::string::npos);
  EXPECT_EQ(Field(pages[Url("/bom")], "charset"), "utf-8");
}

TEST_F(CrawlerTest, RefusesPrivateAddressesWithoutTheFlag) {
  Page("/", "private");
  CrawlConfig c = Config({Url("/")});
  c.allow_private_networks = false;
  ASSERT_TRUE(Crawl(c).status.ok());
  EXPECT_TRUE(server_->RequestLog().empty());
  EXPECT_NE(Rejects()[Url("/")].find("\"rule\":\"private_address\""), std::string::npos);
}

TEST_F(CrawlerTest, RetriesTooManyRequestsHonouringRetryAfter) {
  int calls = 0;
  server_->Handle("127.0.0.2", "/busy", [&calls](const SiteRequest&) {
    if (++calls == 1) {
      SiteResponse r;
      r.status = 429;
      r.headers = {{"Retry-After", "0"}};
      return r;
    }
    return Html("done");
  });
  ASSERT_TRUE(Crawl(Config({Url("/busy")})).status.ok());
  EXPECT_EQ(Requests("/busy"), 2);
  EXPECT_TRUE(Pages().count(Url("/busy")));
  EXPECT_EQ(counts_.counters.at("retries"), 1u);
}

TEST_F(CrawlerTest, HonoursNoindexAndNofollow) {
  Page("/", Link("/noindex") + Link("/nofollow"));
  Page("/noindex", "<meta name=robots content=noindex>" + Link("/from-noindex"));
  Page("/nofollow", "<meta name=robots content=nofollow>" + Link("/from-nofollow"));
  Page("/from-noindex", "x");
  Page("/from-nofollow", "x");
  ASSERT_TRUE(Crawl(Config({Url("/")})).status.ok());
  auto pages = Pages();
  EXPECT_FALSE(pages.count(Url("/noindex")));
  EXPECT_TRUE(pages.count(Url("/from-noindex")));
  EXPECT_TRUE(pages.count(Url("/nofollow")));
  EXPECT_EQ(Requests("/from-nofollow"), 0);
  EXPECT_NE(Rejects()[Url("/noindex")].find("\"rule\":\"noindex\""), std::string::npos);
}

TEST_F(CrawlerTest, LimitsDepthScopeAndPages) {
  Page("/", Link("/d1") + Link("/", "127.0.0.3"));
  Page("/d1", Link("/d2"));
  Page("/d2", "deep");
  CrawlConfig c = Config({Url("/")});
  c.max_depth = 1;
  ASSERT_TRUE(Crawl(c).status.ok());
  EXPECT_EQ(Requests("/d2"), 0);
  EXPECT_TRUE(server_->RequestLogFor("127.0.0.3").empty());  // --scope host
  EXPECT_NE(Rejects()[Url("/", "127.0.0.3")].find("\"rule\":\"scope\""), std::string::npos);
  EXPECT_EQ(Pages().size(), 2u);

  testing::TempDir other;
  c.out_dir = other.path();
  c.max_depth = -1;
  c.max_pages = 1;
  ASSERT_TRUE(Crawl(c).status.ok());
  EXPECT_EQ(ReadRecordsByUrl(other.path()).size(), 1u);
}

TEST_F(CrawlerTest, RefreshSkipsUnchangedPages) {
  server_->Handle("127.0.0.2", "/etag*", [](const SiteRequest& q) {
    if (q.headers.count("if-none-match") && q.headers.at("if-none-match") == "\"v1\"") {
      SiteResponse r;
      r.status = 304;
      return r;
    }
    SiteResponse r = Html("versioned");
    r.headers = {{"ETag", "\"v1\""}};
    return r;
  });
  std::string version = "1";
  server_->Handle("127.0.0.2", "/changing", [&version](const SiteRequest& q) {
    SiteResponse r = Html("version " + version);
    r.headers = {{"ETag", "\"c" + version + "\""}};
    if (q.headers.count("if-none-match") && q.headers.at("if-none-match") == "\"c" + version + "\"") {
      r.status = 304;
      r.body.clear();
    }
    return r;
  });
  Page("/", Link("/etag1") + Link("/etag2") + Link("/changing"));
  CrawlConfig c = Config({Url("/")});
  ASSERT_TRUE(Crawl(c).status.ok());
  ASSERT_EQ(Pages().size(), 4u);
  EXPECT_EQ(Field(Pages()[Url("/etag1")], "etag"), "\"v1\"");

  version = "2";
  testing::TempDir second;
  CrawlConfig r = c;
  r.seeds_file.clear();
  r.refresh_dir = tmp_.Sub("out");
  r.out_dir = second.path();
  ASSERT_TRUE(Crawl(r).status.ok());
  auto pages = ReadRecordsByUrl(second.path());
  EXPECT_EQ(counts_.counters.at("unchanged"), 2u);  // /etag1, /etag2
  EXPECT_TRUE(pages.count(Url("/changing")));       // changed: emitted
  EXPECT_TRUE(pages.count(Url("/")));               // no validators: fetched again
  EXPECT_FALSE(pages.count(Url("/etag1")));
  EXPECT_EQ(pages.size(), 2u);
}

TEST_F(CrawlerTest, SeedsFromRobotsSitemapsWhenAsked) {
  server_->Handle("127.0.0.2", "/robots.txt", [this](const SiteRequest&) {
    SiteResponse r;
    r.content_type = "text/plain";
    r.body = "Sitemap: " + Url("/sitemap.xml") + "\n";
    return r;
  });
  server_->Handle("127.0.0.2", "/sitemap.xml", [this](const SiteRequest&) {
    SiteResponse r;
    r.content_type = "application/xml";
    r.body = "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
             "<url><loc>" + Url("/hidden") + "</loc></url></urlset>";
    return r;
  });
  Page("/", "no links");
  Page("/hidden", "only in the sitemap");
  CrawlConfig c = Config({Url("/")});
  ASSERT_TRUE(Crawl(c).status.ok());
  EXPECT_EQ(Requests("/hidden"), 0);
  testing::TempDir other;
  c.out_dir = other.path();
  c.sitemaps = true;
  ASSERT_TRUE(Crawl(c).status.ok());
  EXPECT_TRUE(ReadRecordsByUrl(other.path()).count(Url("/hidden")));
  EXPECT_EQ(counts_.counters.at("sitemaps"), 1u);
}

TEST_F(CrawlerTest, IncludeAndExcludePatterns) {
  Page("/", Link("/keep/a") + Link("/keep/skip-me") + Link("/other"));
  Page("/keep/a", "a");
  CrawlConfig c = Config({Url("/")});
  c.include_regex = "/$|/keep/";
  c.exclude_regex = "skip";
  ASSERT_TRUE(Crawl(c).status.ok());
  EXPECT_EQ(Requests("/keep/a"), 1);
  EXPECT_EQ(Requests("/keep/skip-me"), 0);
  EXPECT_EQ(Requests("/other"), 0);
  auto rejects = Rejects();
  EXPECT_NE(rejects[Url("/other")].find("\"include\""), std::string::npos);
  EXPECT_NE(rejects[Url("/keep/skip-me")].find("\"exclude\""), std::string::npos);
}

TEST_F(CrawlerTest, SkipsBadSeedLines) {
  Page("/", "ok");
  ASSERT_TRUE(WriteFileAtomic(tmp_.Sub("seeds.txt"), "not a url\nftp://x.test/\n" + Url("/") + "\n").ok());
  CrawlConfig c = testing::TestCrawlConfig(tmp_.Sub("seeds.txt"), tmp_.Sub("out"));
  ASSERT_TRUE(Crawl(c).status.ok());
  EXPECT_EQ(Pages().size(), 1u);
}

TEST_F(CrawlerTest, RefusesADifferentConfigWithoutForce) {
  Page("/", "ok");
  CrawlConfig c = Config({Url("/")});
  ASSERT_TRUE(Crawl(c).status.ok());
  c.max_depth = 3;
  EXPECT_TRUE(Crawl(c).status.IsInvalidArgument());
  c.force = true;
  server_->ClearLog();
  ASSERT_TRUE(Crawl(c).status.ok());
  EXPECT_EQ(Requests("/"), 1);
  EXPECT_EQ(Pages().size(), 1u);
}

}  // namespace
}  // namespace corpus
