// The built-in website (site/) checked the way a polite crawler sees it:
// a small breadth-first walk from seeds/builtin.txt with robots.txt, redirects
// and nofollow honoured, using the crawler's own URL, robots and link code.
// It proves the site has what the demo and the crawler tests rely on.

#include <gtest/gtest.h>
#include <httplib.h>

#include <algorithm>
#include <deque>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "corpus/crawl/links.h"
#include "corpus/crawl/robots.h"
#include "corpus/url/url.h"
#include "corpus/site/site_server.h"

namespace corpus {
namespace {

struct Walk {
  std::map<std::string, int> status;          // every URL requested -> status
  std::set<std::string> pages;                // 200 HTML pages
  std::set<std::string> hosts;                // hosts with a 200 page
  std::set<std::string> noindex;              // pages that asked for noindex
  std::map<std::string, std::string> bodies;  // 200 HTML page -> body
  std::vector<std::string> sitemap_urls;
  int redirects = 0, robots_refused = 0;
};

class BuiltInSiteTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string site = std::string(CORPUS_SOURCE_DIR) + "/site";
    SiteServer::Options o;
    o.site_dir = site;
    server_ = new SiteServer(o);
    Status st = server_->Start();
    ASSERT_TRUE(st.ok()) << st.ToString();
    walk_ = new Walk(Crawl());
  }
  static void TearDownTestSuite() {
    delete walk_;
    delete server_;
  }

  static std::vector<std::string> Seeds() {
    std::ifstream in(std::string(CORPUS_SOURCE_DIR) + "/seeds/builtin.txt");
    std::vector<std::string> seeds;
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      size_t port = line.find(":8080/");
      if (port != std::string::npos) {
        line.replace(port, 6, ":" + std::to_string(server_->port()) + "/");
      }
      seeds.push_back(line);
    }
    return seeds;
  }

  static httplib::Result Get(const std::string& url) {
    httplib::Client c(UrlOrigin(url));
    c.set_connection_timeout(5);
    c.set_read_timeout(10);
    return c.Get(UrlPathAndQuery(url), {{"User-Agent", "corpus/0.1"}});
  }

  static Walk Crawl() {
    Walk w;
    std::map<std::string, RobotsRules> robots;  // per origin
    std::set<std::string> seen;
    std::deque<std::string> queue;
    for (const std::string& s : Seeds()) {
      std::string n = NormalizeUrl(s).value();
      if (seen.insert(n).second) queue.push_back(n);
    }
    while (!queue.empty() && w.status.size() < 500) {
      std::string url = queue.front();
      queue.pop_front();
      std::string origin = UrlOrigin(url);
      if (!robots.count(origin)) {
        auto r = Get(origin + "/robots.txt");
        RobotsRules rules = !r ? RobotsRules::DisallowAll()
                            : r->status >= 500 ? RobotsRules::DisallowAll()
                            : r->status >= 400 ? RobotsRules::AllowAll()
                                               : RobotsRules::Parse(r->body, "corpus");
        for (const std::string& sm : rules.sitemaps()) {
          if (auto s = Get(sm); s && s->status == 200) {
            for (const std::string& u : ParseSitemap(s->body)) w.sitemap_urls.push_back(u);
          }
        }
        robots.emplace(origin, std::move(rules));
      }
      if (!robots.at(origin).IsAllowed(UrlPathAndQuery(url))) {
        ++w.robots_refused;
        continue;
      }
      auto r = Get(url);
      if (!r) continue;
      w.status[url] = r->status;
      std::vector<std::string> next;
      if (r->status >= 300 && r->status < 400) {
        ++w.redirects;
        if (auto to = ResolveUrl(url, r->get_header_value("Location"))) next.push_back(*to);
      } else if (r->status == 200 &&
                 r->get_header_value("Content-Type").starts_with("text/html")) {
        w.pages.insert(url);
        w.hosts.insert(server_->HostName(UrlHost(url)));
        w.bodies[url] = r->body;
        PageLinks links = ExtractLinks(r->body, url);
        if (links.meta.noindex) w.noindex.insert(url);
        if (!links.meta.nofollow) next = links.urls;
      }
      for (const std::string& n : next) {
        // Stay on the site's own addresses.
        if (UrlOrigin(n).find(":" + std::to_string(server_->port())) == std::string::npos) continue;
        if (seen.insert(n).second) queue.push_back(n);
      }
    }
    return w;
  }

  void SetUp() override { ASSERT_NE(walk_, nullptr) << "the site server did not start"; }

  std::string U(const std::string& host, const std::string& path) {
    return server_->BaseUrl(host) + path;
  }

  static SiteServer* server_;
  static Walk* walk_;
};

SiteServer* BuiltInSiteTest::server_ = nullptr;
Walk* BuiltInSiteTest::walk_ = nullptr;

TEST_F(BuiltInSiteTest, ReachesDozensOfPagesOnThreeHosts) {
  EXPECT_GE(walk_->pages.size(), 35u);
  EXPECT_EQ(walk_->hosts, (std::set<std::string>{"news.test", "blog.test", "shop.test"}));
}

TEST_F(BuiltInSiteTest, RobotsTxtKeepsThePrivateSectionUnfetched) {
  EXPECT_GE(walk_->robots_refused, 3) << "/private/, the /go/budget hop, /cart/, ?sort=";
  for (const auto& [url, status] : walk_->status) {
    EXPECT_EQ(url.find("/private/"), std::string::npos) << url;
    EXPECT_EQ(url.find("/cart/"), std::string::npos) << url;
    EXPECT_EQ(url.find("sort="), std::string::npos) << url;
  }
  // The pages are there: only robots.txt keeps them out.
  auto direct = Get(U("news.test", "/private/draft-budget-leak.html"));
  ASSERT_TRUE(direct);
  EXPECT_EQ(direct->status, 200);
  EXPECT_FALSE(server_->RequestLogFor("news.test", "/robots.txt").empty());
  EXPECT_EQ(walk_->status.at(U("news.test", "/go/budget")), 302);
}

TEST_F(BuiltInSiteTest, OneBrokenLinkAndWorkingRedirects) {
  std::vector<std::string> missing;
  for (const auto& [url, status] : walk_->status) {
    if (status == 404) missing.push_back(url);
  }
  EXPECT_EQ(missing, std::vector<std::string>{U("news.test", "/2024/04/market-reopens.html")});
  EXPECT_GE(walk_->redirects, 6);
  EXPECT_EQ(walk_->status.at(U("news.test", "/old/ferry.html")), 301);
  EXPECT_TRUE(walk_->pages.count(U("news.test", "/2024/07/new-ferry-route.html")));
  // The chain /sale -> /deals -> /deals/ ends on a page.
  EXPECT_EQ(walk_->status.at(U("shop.test", "/sale")), 301);
  EXPECT_EQ(walk_->status.at(U("shop.test", "/deals")), 301);
  EXPECT_TRUE(walk_->pages.count(U("shop.test", "/deals/")));
  // blog.test has no robots.txt: 404, which allows everything.
  EXPECT_EQ(Get(U("blog.test", "/robots.txt"))->status, 404);
}

TEST_F(BuiltInSiteTest, NofollowNoindexAndSitemapOnlyPages) {
  EXPECT_TRUE(walk_->pages.count(U("shop.test", "/partners.html")));
  EXPECT_FALSE(walk_->status.count(U("shop.test", "/partner-offer.html"))) << "meta nofollow";
  EXPECT_FALSE(walk_->status.count(U("shop.test", "/account/login.html"))) << "rel=nofollow";
  EXPECT_EQ(walk_->noindex, std::set<std::string>{U("blog.test", "/drafts/unfinished-post.html")});
  std::string orphan = U("news.test", "/2024/03/harbour-history.html");
  EXPECT_FALSE(walk_->status.count(orphan)) << "linked from no page";
  EXPECT_NE(std::find(walk_->sitemap_urls.begin(), walk_->sitemap_urls.end(), orphan),
            walk_->sitemap_urls.end());
  EXPECT_EQ(Get(orphan)->status, 200);
}

TEST_F(BuiltInSiteTest, ContentForTheLaterStages) {
  auto body = [&](const std::string& host, const std::string& path) -> const std::string& {
    static const std::string kEmpty;
    auto it = walk_->bodies.find(U(host, path));
    return it == walk_->bodies.end() ? kEmpty : it->second;
  };
  // Boilerplate around every article.
  const std::string& article = body("news.test", "/2024/06/heatwave-advice.html");
  EXPECT_NE(article.find("cookie-banner"), std::string::npos);
  EXPECT_NE(article.find("<footer"), std::string::npos);
  EXPECT_NE(article.find("<nav"), std::string::npos);
  // Other languages.
  EXPECT_NE(body("blog.test", "/posts/fr/pain-de-campagne.html").find("<html lang=\"fr\">"),
            std::string::npos);
  EXPECT_NE(body("news.test", "/international/de/hafenfest.html").find("<html lang=\"de\">"),
            std::string::npos);
  // Encodings: ISO-8859-1 named by the header only, windows-1252 named by
  // <meta charset> only, UTF-8 with a BOM.
  auto fr = Get(U("blog.test", "/posts/fr/pain-de-campagne.html"));
  ASSERT_TRUE(fr);
  EXPECT_EQ(fr->get_header_value("Content-Type"), "text/html; charset=iso-8859-1");
  EXPECT_NE(fr->body.find("campagne \xE0 la maison"), std::string::npos);
  EXPECT_EQ(fr->body.find("<meta charset"), std::string::npos);
  auto de = Get(U("news.test", "/international/de/hafenfest.html"));
  ASSERT_TRUE(de);
  EXPECT_EQ(de->get_header_value("Content-Type"), "text/html");
  EXPECT_NE(de->body.find("<meta charset=\"windows-1252\">"), std::string::npos);
  EXPECT_NE(de->body.find("gro\xDF" "e Festmeile"), std::string::npos);
  EXPECT_TRUE(body("blog.test", "/posts/winter-tomatoes.html").starts_with("\xEF\xBB\xBF<!doctype"));
  // The spam page repeats its keywords.
  const std::string& spam = body("shop.test", "/deals/cheap-jackets-best-price.html");
  size_t count = 0;
  for (size_t p = spam.find("cheap jackets"); p != std::string::npos;
       p = spam.find("cheap jackets", p + 1)) {
    ++count;
  }
  EXPECT_GT(count, 100u);
  // The syndicated copy shares most of its words with the original.
  auto words = [](const std::string& html) {
    std::string text;
    bool in_tag = false;
    for (char c : html) {
      if (c == '<') in_tag = true;
      text.push_back(in_tag ? ' ' : c);
      if (c == '>') in_tag = false;
    }
    std::set<std::string> out;
    std::istringstream in(text);
    std::string w;
    while (in >> w) out.insert(w);
    return out;
  };
  std::set<std::string> a = words(body("news.test", "/2024/06/river-cleanup-volunteers.html"));
  std::set<std::string> b = words(body("blog.test", "/posts/river-cleanup.html"));
  ASSERT_FALSE(a.empty());
  ASSERT_FALSE(b.empty());
  size_t common = 0;
  for (const std::string& w : a) common += b.count(w);
  double jaccard = static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
  EXPECT_GT(jaccard, 0.5);
  EXPECT_LT(jaccard, 1.0);
  EXPECT_NE(a, b);
}

}  // namespace
}  // namespace corpus
