// The crawler against hosts that each misbehave in one way (tests/crawl/
// hostile_site.h), with the default trap limits: every crawl must end by
// itself, and every URL the crawler touched must end as a page record or a
// rejected line with a rule.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "corpus/crawl/crawler.h"
#include "corpus/url/url.h"
#include "corpus/util/fs.h"
#include "crawl/crawl_test_util.h"
#include "crawl/hostile_site.h"
#include "testing/temp_dir.h"

namespace corpus {
namespace {

using testing::Field;
using testing::HostileSite;
using testing::ReadRecordsByUrl;

std::string RuleOf(const std::string& rec) {
  const size_t p = rec.find("\"rule\":\"");
  return p == std::string::npos ? "" : rec.substr(p + 8, rec.find('"', p + 8) - p - 8);
}

std::string ValueOf(const std::string& rec) {
  const size_t p = rec.find("\"value\":");
  return p == std::string::npos ? "" : rec.substr(p + 8, rec.rfind("}}") - p - 8);
}

// The default family budget.
const size_t kFamily = CrawlConfig().max_urls_per_family;

class HostileSitesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::HostileSiteOptions o;
    o.bomb_bytes = 64ull << 20;
    o.huge_page_bytes = 4 << 20;
    site_ = std::make_unique<HostileSite>(o);
    ASSERT_TRUE(site_->Start().ok());
  }
  void TearDown() override { site_->Stop(); }

  // The test config with the trap limits left at their defaults.
  CrawlConfig Config(const std::vector<std::string>& seeds) {
    std::string text;
    for (const auto& s : seeds) text += s + "\n";
    EXPECT_TRUE(WriteFileAtomic(tmp_.Sub("seeds.txt"), text).ok());
    CrawlConfig c = testing::TestCrawlConfig(tmp_.Sub("seeds.txt"), tmp_.Sub("out"));
    c.timeout_ms = 1500;
    c.max_body_bytes = 1 << 20;
    return c;
  }

  // Runs the crawl to its end, then checks that it finished by itself and
  // that every fetched URL is a page or a rejected line with a rule.
  void CrawlToTheEnd(const CrawlConfig& c) {
    Crawler crawler(c);
    const StageOutcome o = crawler.Run();
    ASSERT_TRUE(o.status.ok()) << o.status.ToString();
    ASSERT_TRUE(o.manifest_written) << "the crawl did not finish by itself";
    counts_ = crawler.counts();
    pages_ = ReadRecordsByUrl(tmp_.Sub("out"));
    rejects_ = ReadRecordsByUrl(tmp_.Sub("out/rejected"));
    for (const auto& [url, rec] : rejects_) EXPECT_FALSE(RuleOf(rec).empty()) << rec;
    std::vector<std::string> fetched;
    for (const auto& e : site_->server().RequestLog()) {
      fetched.push_back("http://" + e.address + ":" + std::to_string(site_->server().port()) + e.target);
    }
    for (const auto& t : site_->raw().Requests()) fetched.push_back(site_->raw().BaseUrl() + t);
    for (const auto& raw : fetched) {
      if (raw.ends_with("/robots.txt")) continue;
      const std::string url = NormalizeUrl(raw).value_or(raw);
      EXPECT_TRUE(pages_.count(url) || rejects_.count(url)) << url << " was fetched but is nowhere";
    }
  }

  size_t RequestsTo(HostileSite::Host h) {
    return site_->server().RequestLogFor(HostileSite::Address(h)).size();
  }
  size_t RejectsWith(const std::string& rule, const std::string& value_part = "") {
    size_t n = 0;
    for (const auto& [url, rec] : rejects_) {
      if (RuleOf(rec) == rule && ValueOf(rec).find(value_part) != std::string::npos) ++n;
    }
    return n;
  }
  std::string HostPort(HostileSite::Host h) {
    return HostileSite::Address(h) + ":" + std::to_string(site_->server().port());
  }

  testing::TempDir tmp_;
  std::unique_ptr<HostileSite> site_;
  StageCounts counts_;
  std::map<std::string, std::string> pages_, rejects_;
};

TEST_F(HostileSitesTest, CalendarTrapEnds) {
  CrawlToTheEnd(Config({site_->Seed(HostileSite::kCalendar)}));
  // Months link months: one family budget. Days, linked from month pages
  // of a family that feeds itself, spend another.
  EXPECT_LE(RequestsTo(HostileSite::kCalendar), 2 * kFamily + 2);
  EXPECT_GE(RejectsWith("trap", "\"" + HostPort(HostileSite::kCalendar) + "/calendar/#/#/\""), 1u);
  EXPECT_GE(RejectsWith("trap", "\"" + HostPort(HostileSite::kCalendar) + "/calendar/#/#/#\""), 1u);
}

TEST_F(HostileSitesTest, CalendarTrapEndsByTheHopLimitAlone) {
  CrawlConfig c = Config({site_->Seed(HostileSite::kCalendar)});
  c.max_urls_per_family = 0;  // no family budget: 20 hops each way must end it
  CrawlToTheEnd(c);
  EXPECT_EQ(RejectsWith("trap"), 0u);
  EXPECT_GT(counts_.counters["links_beyond_max_depth"], 0u);
  EXPECT_LE(RequestsTo(HostileSite::kCalendar), (2u * 20 + 1) * 29 + 1);
}

TEST_F(HostileSitesTest, PaginationTrapEndsByTheFamilyBudgetAlone) {
  CrawlConfig c = Config({site_->Seed(HostileSite::kPagination)});
  c.max_depth = -1;  // no hop limit: the family budget must end it
  CrawlToTheEnd(c);
  // A budget of ?page=N pages, one of items, the seed and robots.txt.
  EXPECT_LE(RequestsTo(HostileSite::kPagination), kFamily + kFamily + 2);
  EXPECT_GE(RejectsWith("trap", "\"" + HostPort(HostileSite::kPagination) + "/list?page=#\""), 1u);
  EXPECT_GE(RejectsWith("trap", "/item/#"), 1u);
}

TEST_F(HostileSitesTest, SessionIdsAndSortOrdersEnd) {
  CrawlToTheEnd(Config({site_->Seed(HostileSite::kSessionIds), site_->Seed(HostileSite::kSortOrders)}));
  EXPECT_LE(RequestsTo(HostileSite::kSessionIds), 2 * kFamily + 2);
  EXPECT_GE(RejectsWith("trap", "sid=*"), 1u);
  EXPECT_LE(RequestsTo(HostileSite::kSortOrders), 2 * kFamily + 2);
  EXPECT_GE(RejectsWith("trap", "/catalog?"), 1u);
}

TEST_F(HostileSitesTest, SilentAndDrippingHostsTimeOut) {
  CrawlToTheEnd(Config({site_->Seed(HostileSite::kHang), site_->Seed(HostileSite::kDrip)}));
  EXPECT_EQ(RuleOf(rejects_[site_->Seed(HostileSite::kHang)]), "timeout");
  EXPECT_EQ(RuleOf(rejects_[site_->Seed(HostileSite::kDrip)]), "timeout");
}

TEST_F(HostileSitesTest, BombsBinaryAndHugeBodiesAreCapped) {
  CrawlToTheEnd(Config({site_->Seed(HostileSite::kBomb), site_->Seed(HostileSite::kBigBodies)}));
  const std::string bomb = pages_[site_->Seed(HostileSite::kBomb)];
  EXPECT_EQ(Field(bomb, "truncated"), "true");
  EXPECT_EQ(Field(pages_[site_->Url(HostileSite::kBigBodies, "/huge.html")], "truncated"), "true");
  EXPECT_EQ(RuleOf(rejects_[site_->Url(HostileSite::kBigBodies, "/blob.bin")]), "not_html");
}

TEST_F(HostileSitesTest, RedirectLoopsAndChainsStop) {
  CrawlToTheEnd(Config({site_->Seed(HostileSite::kRedirects)}));
  EXPECT_EQ(RequestsTo(HostileSite::kRedirects), 1u + 1 + 2 + 11) << "robots, /, the loop, 11 chain hops";
  EXPECT_EQ(RejectsWith("redirect_limit"), 1u);
  EXPECT_TRUE(rejects_.count(site_->Url(HostileSite::kRedirects, "/loop/b")));
}

TEST_F(HostileSitesTest, BrokenResponsesAreRejected) {
  CrawlToTheEnd(Config({site_->Seed(HostileSite::kRaw)}));
  for (const char* path : {"/bad-status", "/garbage", "/huge-header", "/reset"}) {
    const std::string url = site_->Url(HostileSite::kRaw, path);
    EXPECT_EQ(RuleOf(rejects_[url]), "network") << url;
  }
  EXPECT_TRUE(pages_.count(site_->Seed(HostileSite::kRaw)));
}

TEST_F(HostileSitesTest, HugeFailingAndMissingRobotsTxt) {
  CrawlToTheEnd(Config({site_->Seed(HostileSite::kRobotsHuge), site_->Seed(HostileSite::kRobots500),
                        site_->Seed(HostileSite::kRobots404)}));
  EXPECT_TRUE(pages_.count(site_->Seed(HostileSite::kRobotsHuge)));
  EXPECT_EQ(RuleOf(rejects_[site_->Url(HostileSite::kRobotsHuge, "/private/x")]), "robots");
  EXPECT_FALSE(pages_.count(site_->Seed(HostileSite::kRobots500))) << "5xx robots.txt: nothing fetched";
  EXPECT_TRUE(site_->server().RequestLogFor(HostileSite::Address(HostileSite::kRobots500), "/").empty());
  EXPECT_TRUE(pages_.count(site_->Seed(HostileSite::kRobots404)));
}

TEST_F(HostileSitesTest, RedirectsToTheMetadataAddressAreOneUrlAndNeverFetched) {
  CrawlToTheEnd(Config({site_->Seed(HostileSite::kPrivateRedirect)}));
  // Both spellings of 169.254.169.254 are one URL: one rejected line.
  const std::string target = "http://169.254.169.254/latest/meta-data/";
  ASSERT_TRUE(rejects_.count(target));
  EXPECT_EQ(RuleOf(rejects_[target]), "scope");
  for (const auto& [url, rec] : rejects_) EXPECT_EQ(url.find("2852039166"), std::string::npos) << url;
}

TEST_F(HostileSitesTest, TheWholeMixEndsWithDefaultLimits) {
  CrawlToTheEnd(Config(site_->Seeds()));
  for (const auto& url : site_->OrdinaryUrls()) EXPECT_TRUE(pages_.count(url)) << url;
  EXPECT_LT(site_->TrapRequests(), 200u);
  EXPECT_GT(counts_.rejected_by_rule["trap"], 0u);
}

}  // namespace
}  // namespace corpus
