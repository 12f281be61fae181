#include "corpus/crawl/trap_budget.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "corpus/crawl/url_family.h"
#include "testing/temp_dir.h"

namespace corpus {
namespace {

using Families = std::vector<std::string>;

TEST(UrlFamiliesTest, NumbersAndOneQueryValueVary) {
  EXPECT_EQ(UrlFamilies("http://a.test/calendar/2024/05/"), Families{"a.test/calendar/#/#/"});
  EXPECT_EQ(UrlFamilies("https://a.test:8080/d/2024-05-17.html"),
            Families{"a.test:8080/d/#-#-#.html"});
  EXPECT_EQ(UrlFamilies("http://a.test/list?page=17"),
            (Families{"a.test/list?page=#", "a.test/list?page=*"}));
  EXPECT_EQ(UrlFamilies("http://a.test/p?sort=price&sid=8f3a9&page=2"),
            (Families{"a.test/p?sort=price&sid=#f#a#&page=#", "a.test/p?sort=*&sid=#f#a#&page=#",
                      "a.test/p?sort=price&sid=*&page=#", "a.test/p?sort=price&sid=#f#a#&page=*"}));
  EXPECT_EQ(UrlFamilies("http://a.test/x?"), (Families{"a.test/x?", "a.test/x?=*"}));
  EXPECT_TRUE(UrlFamilies("not a url").empty());
  // http and https of one page are one family.
  EXPECT_EQ(UrlFamilies("http://a.test/n/1"), UrlFamilies("https://a.test/n/22"));
  // Only the first 8 parameters get a family of their own.
  std::string many = "http://a.test/q?";
  for (int i = 0; i < 12; ++i) many += "p" + std::string(1, static_cast<char>('a' + i)) + "=x&";
  EXPECT_EQ(UrlFamilies(many).size(), 9u);
}

class TrapBudgetTest : public ::testing::Test {
 protected:
  testing::TempDir tmp_;
};

TEST_F(TrapBudgetTest, SelfLinkingFamilyIsCutAtItsBudget) {
  TrapBudget b(tmp_.path(), 5, 1 << 16);
  ASSERT_TRUE(b.Open(0).ok());
  std::string family;
  // Numeric ids linked from an ordinary page spend nothing.
  for (int i = 0; i < 100; ++i) {
    ASSERT_TRUE(b.Admit("http://a.test/article/" + std::to_string(i), "http://a.test/", &family));
  }
  // Month N links month N+1: five are followed, the sixth is refused.
  int admitted = 0;
  for (int m = 1; m < 20; ++m) {
    const std::string parent = "http://a.test/cal/2024/" + std::to_string(m) + "/";
    if (!b.Admit("http://a.test/cal/2024/" + std::to_string(m + 1) + "/", parent, &family)) break;
    ++admitted;
  }
  EXPECT_EQ(admitted, 5);
  EXPECT_EQ(family, "a.test/cal/#/#/");
  // Links of a month page into another family (its days) spend that
  // family's budget: the month family is known to feed itself.
  admitted = 0;
  for (int d = 1; d <= 31; ++d) {
    if (b.Admit("http://a.test/cal/2024/5/" + std::to_string(d), "http://a.test/cal/2024/5/", &family)) {
      ++admitted;
    }
  }
  EXPECT_EQ(admitted, 5);
  EXPECT_EQ(family, "a.test/cal/#/#/#");
  // Session ids: one query value varies.
  admitted = 0;
  for (int i = 0; i < 20; ++i) {
    if (b.Admit("http://a.test/shop?sid=s" + std::to_string(i) + "x&view=grid",
                "http://a.test/shop?sid=parent&view=grid", &family)) {
      ++admitted;
    }
  }
  EXPECT_EQ(admitted, 5);
  // A seed or redirect target (no parent) is never refused.
  EXPECT_TRUE(b.Admit("http://a.test/cal/2030/1/", "", &family));
}

TEST_F(TrapBudgetTest, TreesOfOneFamilySpendNothing) {
  TrapBudget b(tmp_.path(), 5, 1 << 16);
  ASSERT_TRUE(b.Open(0).ok());
  std::string family;
  // Page i links pages 10i+1 .. 10i+10 (and itself, and the home page):
  // many links of its own family, a tree, not a chain.
  int admitted = 0;
  for (int i = 0; i < 100; ++i) {
    const std::string page = "http://a.test/p/" + std::to_string(i);
    std::vector<std::string> links = {page, "http://a.test/"};
    for (int k = 10 * i + 1; k <= 10 * i + 10; ++k) links.push_back("http://a.test/p/" + std::to_string(k));
    b.BeginPage(page, links);
    for (size_t l = 2; l < links.size(); ++l) admitted += b.Admit(links[l], page, &family);
  }
  EXPECT_EQ(admitted, 1000);
  // A page with one link of its family feeds it: from then on it is counted.
  b.BeginPage("http://a.test/p/5000", {"http://a.test/p/5001"});
  EXPECT_TRUE(b.Admit("http://a.test/p/5001", "http://a.test/p/5000", &family));
  admitted = 0;
  for (int k = 0; k < 20; ++k) {
    admitted += b.Admit("http://a.test/p/" + std::to_string(6000 + k), "http://a.test/p/1", &family);
  }
  EXPECT_EQ(admitted, 4);
}

TEST_F(TrapBudgetTest, ZeroBudgetAdmitsEverything) {
  TrapBudget b(tmp_.path(), 0, 1 << 16);
  ASSERT_TRUE(b.Open(0).ok());
  std::string family;
  for (int i = 0; i < 200; ++i) {
    ASSERT_TRUE(b.Admit("http://a.test/p?page=" + std::to_string(i + 1),
                        "http://a.test/p?page=" + std::to_string(i), &family));
  }
}

TEST_F(TrapBudgetTest, CountsSurviveAResumeUpToTheSyncedLength) {
  uint64_t length = 0;
  std::string family;
  {
    TrapBudget b(tmp_.path(), 3, 1 << 16);
    ASSERT_TRUE(b.Open(0).ok());
    ASSERT_TRUE(b.Admit("http://a.test/p?page=2", "http://a.test/p?page=1", &family));
    ASSERT_TRUE(b.Admit("http://a.test/p?page=3", "http://a.test/p?page=2", &family));
    b.CountHostPage("a.test");
    b.CountHostPage("a.test");
    ASSERT_TRUE(b.Sync(&length).ok());
    // Not synced: lost on resume, as the frontier entries it counted are.
    ASSERT_TRUE(b.Admit("http://a.test/p?page=4", "http://a.test/p?page=3", &family));
    b.CountHostPage("a.test");
    uint64_t ignored;
    ASSERT_TRUE(b.Sync(&ignored).ok());
  }
  TrapBudget b(tmp_.path(), 3, 1 << 16);
  ASSERT_TRUE(b.Open(length).ok());
  EXPECT_EQ(b.HostPages("a.test"), 2u);
  EXPECT_EQ(b.HostPages("b.test"), 0u);
  EXPECT_TRUE(b.Admit("http://a.test/p?page=4", "http://a.test/p?page=3", &family));
  EXPECT_FALSE(b.Admit("http://a.test/p?page=5", "http://a.test/p?page=4", &family));
  EXPECT_EQ(family, "a.test/p?page=#");
}

TEST_F(TrapBudgetTest, MemoryBoundForgetsSmallCountsFirst) {
  TrapBudget b(tmp_.path(), 1000, 1024);
  ASSERT_TRUE(b.Open(0).ok());
  for (int i = 0; i < 50; ++i) b.CountHostPage("big.test");
  for (int i = 0; i < 5000; ++i) b.CountHostPage("h" + std::to_string(i) + ".test");
  EXPECT_EQ(b.HostPages("big.test"), 50u);
  EXPECT_EQ(b.HostPages("h10.test"), 0u) << "forgotten";
}

}  // namespace
}  // namespace corpus
