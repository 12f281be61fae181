#include "corpus/crawl/host_state_log.h"

#include <gtest/gtest.h>

#include "corpus/util/fs.h"
#include "testing/temp_dir.h"

namespace corpus {
namespace {

TEST(HostStateLogTest, ReplaysCommittedEntriesOnly) {
  testing::TempDir dir;
  std::vector<RobotsLogEntry> robots;
  std::vector<ParkedHostLogEntry> parked;
  uint64_t committed = 0;
  {
    HostStateLog log(dir.path());
    ASSERT_TRUE(log.Open(0, &robots, &parked).ok());
    EXPECT_TRUE(robots.empty());
    log.AddRobots({"http://a.test", 1000, false, "User-agent: *\nDisallow: /\"quoted\"\n"});
    log.AddRobots({"http://b.test", 2000, true, ""});
    log.AddParkedHost({"c.test", "dns"});
    log.AddRobots({"http://a.test", 3000, false, "User-agent: *\nAllow: /\n"});  // refetched
    ASSERT_TRUE(log.Sync(&committed).ok());
    // After the checkpoint: lost when the crawl resumes from it.
    log.AddParkedHost({"d.test", "timeout"});
    uint64_t later = 0;
    ASSERT_TRUE(log.Sync(&later).ok());
    EXPECT_GT(later, committed);
  }
  HostStateLog log(dir.path());
  ASSERT_TRUE(log.Open(committed, &robots, &parked).ok());
  ASSERT_EQ(robots.size(), 2u);
  EXPECT_EQ(robots[0].origin, "http://a.test");
  EXPECT_EQ(robots[0].fetched_unix_ms, 3000);
  EXPECT_EQ(robots[0].body, "User-agent: *\nAllow: /\n");
  EXPECT_FALSE(robots[0].allow_all);
  EXPECT_EQ(robots[1].origin, "http://b.test");
  EXPECT_TRUE(robots[1].allow_all);
  ASSERT_EQ(parked.size(), 1u);
  EXPECT_EQ(parked[0].host, "c.test");
  EXPECT_EQ(parked[0].rule, "dns");

  // Appends continue after the committed part.
  log.AddParkedHost({"e.test", "status_500"});
  uint64_t length = 0;
  ASSERT_TRUE(log.Sync(&length).ok());
  HostStateLog again(dir.path());
  ASSERT_TRUE(again.Open(length, &robots, &parked).ok());
  ASSERT_EQ(parked.size(), 2u);
  EXPECT_EQ(parked[1].host, "e.test");

  // Opening with 0 starts empty.
  ASSERT_TRUE(again.Open(0, &robots, &parked).ok());
  EXPECT_TRUE(robots.empty());
  EXPECT_TRUE(parked.empty());
}

}  // namespace
}  // namespace corpus
