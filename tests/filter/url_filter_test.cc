#include "corpus/filter/url_filter.h"

#include <gtest/gtest.h>

#include "corpus/util/fs.h"
#include "filter/filter_test_util.h"
#include "testing/temp_dir.h"

namespace corpus {
namespace {

FilterVerdict JudgeUrl(const UrlFilter& f, const std::string& url) {
  Document doc = testing::MakeDoc("text", "en", url);
  return f.Apply(doc);
}

std::unique_ptr<UrlFilter> Make(UrlLists lists) {
  std::unique_ptr<UrlFilter> f;
  EXPECT_TRUE(UrlFilter::Create(std::move(lists), &f).ok());
  return f;
}

TEST(BlocklistHostTest, ExtractsTheLowerCasedHost) {
  EXPECT_EQ(BlocklistHost("https://User:pw@WWW.Example.COM.:8080/a?b#c"), "www.example.com");
  EXPECT_EQ(BlocklistHost("http://[2001:db8::1]:80/"), "[2001:db8::1]");
  EXPECT_EQ(BlocklistHost("example.org/path"), "example.org");
  EXPECT_EQ(BlocklistHost(""), "");
}

TEST(UrlFilterTest, DomainBlocklistCoversSubdomainsOnly) {
  UrlLists lists;
  lists.domains = {"bad.example", "Tracker.COM"};
  auto f = Make(lists);
  FilterVerdict v = JudgeUrl(*f, "https://www.cdn.bad.example/x");
  EXPECT_EQ(v.rule, "url_domain");
  EXPECT_EQ(v.value_json, "\"bad.example\"");
  EXPECT_EQ(JudgeUrl(*f, "http://tracker.com").rule, "url_domain");
  EXPECT_TRUE(JudgeUrl(*f, "https://notbad.example/").keep);       // not a subdomain
  EXPECT_TRUE(JudgeUrl(*f, "https://bad.example.org/").keep);      // a different domain
  EXPECT_TRUE(JudgeUrl(*f, "").keep);                              // no URL: nothing to judge
}

TEST(UrlFilterTest, SubstringsPatternsAndBannedWords) {
  UrlLists lists;
  lists.substrings = {"/casino/"};
  lists.patterns = {R"(\.(?:exe|apk)$)", R"(^https?://\d+\.\d+\.\d+\.\d+/)"};
  lists.banned_words = {"viagra"};
  auto f = Make(lists);
  EXPECT_EQ(JudgeUrl(*f, "https://x.org/CASINO/win").rule, "url_substring");
  FilterVerdict v = JudgeUrl(*f, "https://x.org/download/setup.exe");
  EXPECT_EQ(v.rule, "url_pattern");
  EXPECT_EQ(v.value_json, R"("\\.(?:exe|apk)$")");
  EXPECT_EQ(JudgeUrl(*f, "http://10.1.2.3/page").rule, "url_pattern");
  EXPECT_EQ(JudgeUrl(*f, "https://shop.org/buy-Viagra-now").rule, "url_banned_word");
  EXPECT_TRUE(JudgeUrl(*f, "https://shop.org/viagrafalls-trip").keep);  // words, not substrings
  EXPECT_TRUE(JudgeUrl(*f, "https://x.org/casinos-history").keep);
}

TEST(UrlFilterTest, BadPatternIsAnError) {
  UrlLists lists;
  lists.patterns = {"(unclosed"};
  std::unique_ptr<UrlFilter> f;
  const Status st = UrlFilter::Create(lists, &f);
  EXPECT_TRUE(st.IsInvalidArgument()) << st.ToString();
}

TEST(UrlFilterTest, LoadsUt1StyleFolders) {
  testing::TempDir dir;
  ASSERT_TRUE(MakeDirs(dir.Sub("ut1/adult")).ok());
  ASSERT_TRUE(MakeDirs(dir.Sub("ut1/gambling")).ok());
  ASSERT_TRUE(WriteFileAtomic(dir.Sub("ut1/adult/domains"), "# comment\nadult.example\n\n").ok());
  ASSERT_TRUE(WriteFileAtomic(dir.Sub("ut1/adult/urls"), "host.example/private/\n").ok());
  ASSERT_TRUE(WriteFileAtomic(dir.Sub("ut1/gambling/domains"), "bets.example\n").ok());
  ASSERT_TRUE(WriteFileAtomic(dir.Sub("extra.txt"), "other.example\n").ok());
  UrlFilterOptions opts;
  opts.blocklists = {dir.Sub("ut1"), dir.Sub("extra.txt")};
  UrlLists lists;
  std::string digest;
  ASSERT_TRUE(UrlFilter::LoadLists(opts, &lists, &digest).ok());
  EXPECT_EQ(digest.size(), 16u);
  auto f = Make(lists);
  EXPECT_EQ(JudgeUrl(*f, "http://m.adult.example/").rule, "url_domain");
  EXPECT_EQ(JudgeUrl(*f, "http://bets.example/").rule, "url_domain");
  EXPECT_EQ(JudgeUrl(*f, "http://other.example/").rule, "url_domain");
  EXPECT_EQ(JudgeUrl(*f, "https://www.host.example/private/a.html").rule, "url_listed");
  EXPECT_TRUE(JudgeUrl(*f, "https://host.example/public/").keep);
  EXPECT_TRUE(JudgeUrl(*f, "https://host.example/privateer").keep);

  opts.blocklists = {dir.Sub("missing")};
  EXPECT_TRUE(UrlFilter::LoadLists(opts, &lists, &digest).IsInvalidArgument());
}

TEST(UrlFilterTest, ShippedListsLoad) {
  UrlFilterOptions opts;
  const std::string dir = std::string(CORPUS_SOURCE_DIR) + "/configs/filter/";
  opts.blocklists = {dir + "domains.txt"};
  opts.substrings_file = dir + "url_substrings.txt";
  opts.patterns_file = dir + "url_patterns.txt";
  opts.banned_words_file = dir + "url_banned_words.txt";
  UrlLists lists;
  std::string digest;
  ASSERT_TRUE(UrlFilter::LoadLists(opts, &lists, &digest).ok());
  EXPECT_FALSE(lists.domains.empty());
  std::unique_ptr<UrlFilter> f;
  ASSERT_TRUE(UrlFilter::Create(lists, &f).ok());
  EXPECT_TRUE(JudgeUrl(*f, "https://en.wikipedia.org/wiki/Web_crawler").keep);
}

}  // namespace
}  // namespace corpus
