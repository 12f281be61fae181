#include "corpus/crawl/host_queue.h"

#include <gtest/gtest.h>

namespace corpus {
namespace {

FrontierEntry Entry(const std::string& url) {
  FrontierEntry e;
  e.url = url;
  return e;
}

TEST(HostQueuesTest, DelayRunsFromEndOfResponse) {
  HostQueues q(/*max_active_per_host=*/1, /*default_delay_ms=*/100);
  q.Push("a", Entry("http://a/1"));
  q.Push("a", Entry("http://a/2"));
  std::string host;
  FrontierEntry e;
  ASSERT_TRUE(q.PopReady(0, &host, &e));
  EXPECT_EQ(e.url, "http://a/1");
  EXPECT_FALSE(q.PopReady(1000, &host, &e));  // one request at a time
  q.Finish("a", 1000);
  // 1 ms more than the delay: a millisecond clock may read 1000 at 1000.9.
  EXPECT_FALSE(q.PopReady(1100, &host, &e));
  EXPECT_EQ(q.NextWakeup(), 1101);
  ASSERT_TRUE(q.PopReady(1101, &host, &e));
  EXPECT_EQ(e.url, "http://a/2");
}

TEST(HostQueuesTest, SlowHostDoesNotStarveOthers) {
  HostQueues q(1, 0);
  for (int i = 0; i < 10; ++i) q.Push("slow", Entry("http://slow/" + std::to_string(i)));
  q.Push("fast", Entry("http://fast/1"));
  q.Push("fast", Entry("http://fast/2"));
  std::string host;
  FrontierEntry e;
  ASSERT_TRUE(q.PopReady(0, &host, &e));
  const std::string first = host;
  ASSERT_TRUE(q.PopReady(0, &host, &e));
  EXPECT_NE(host, first);  // the other host, while the first is busy
  EXPECT_FALSE(q.PopReady(0, &host, &e));
  q.Finish("fast", 0);
  ASSERT_TRUE(q.PopReady(0, &host, &e));
  EXPECT_EQ(host, "fast");
  EXPECT_EQ(q.active_hosts(), 2u);
}

TEST(HostQueuesTest, BlockedAndReleasedAndDrained) {
  HostQueues q(2, 50);
  q.Push("a", Entry("http://a/1"));
  q.Push("a", Entry("http://a/2"));
  q.SetBlocked("a", true);
  std::string host;
  FrontierEntry e;
  EXPECT_FALSE(q.PopReady(0, &host, &e));
  q.SetBlocked("a", false);
  ASSERT_TRUE(q.PopReady(0, &host, &e));
  q.Release("a");  // handled without a request: no delay
  ASSERT_TRUE(q.PopReady(0, &host, &e));
  EXPECT_EQ(e.url, "http://a/2");
  q.Push("a", Entry("http://a/3"), /*front=*/true);
  q.DelayUntil("a", 500);
  EXPECT_FALSE(q.PopReady(499, &host, &e));
  EXPECT_EQ(q.Drain("a").size(), 1u);
  EXPECT_EQ(q.queued(), 0u);
}

}  // namespace
}  // namespace corpus
