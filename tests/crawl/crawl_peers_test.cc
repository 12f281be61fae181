// Host partition, URL handoff and the termination check of a crawl spread
// over tasks (host_partition.h, handoff.h, crawl_peers.h).
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "corpus/crawl/crawl_peers.h"
#include "corpus/crawl/handoff.h"
#include "corpus/crawl/host_partition.h"
#include "corpus/util/fs.h"
#include "testing/temp_dir.h"

namespace corpus {
namespace {

TEST(HostPartitionTest, EveryHostHasOneStableOwner) {
  HostPartition p(4, PartitionBy::kHost);
  std::map<int, int> per_task;
  for (int i = 0; i < 1000; ++i) {
    const std::string host = "host" + std::to_string(i) + ".example";
    const int owner = p.OwnerOfHost(host);
    ASSERT_GE(owner, 0);
    ASSERT_LT(owner, 4);
    EXPECT_EQ(owner, HostPartition(4, PartitionBy::kHost).OwnerOfHost(host));
    ++per_task[owner];
  }
  // Equal slices of the hash space: every task gets a fair share.
  for (int t = 0; t < 4; ++t) EXPECT_GT(per_task[t], 180) << t;
  EXPECT_EQ(p.OwnerOfUrl("http://host7.example:8080/a?b"), p.OwnerOfHost("host7.example"));
  // Pinned (XXH3-64 of the name: 0x8b66107e8045bb73 for example.com): the
  // split must not change between builds, or a resumed crawl splits differently.
  EXPECT_EQ(p.OwnerOfHost("example.com"), 2);
  EXPECT_EQ(HostPartition(16, PartitionBy::kHost).OwnerOfHost("example.com"), 8);
  EXPECT_EQ(HostPartition(16, PartitionBy::kHost).OwnerOfHost("127.0.0.2"), 14);
  EXPECT_EQ(HostPartition(1, PartitionBy::kHost).OwnerOfHost("example.com"), 0);
}

TEST(HostPartitionTest, DomainModeKeepsSubdomainsTogether) {
  HostPartition by_domain(16, PartitionBy::kDomain);
  const int owner = by_domain.OwnerOfHost("example.co.uk");
  for (const char* h : {"www.example.co.uk", "a.b.example.co.uk", "shop.example.co.uk"}) {
    EXPECT_EQ(by_domain.OwnerOfHost(h), owner) << h;
  }
  HostPartition by_host(16, PartitionBy::kHost);
  std::set<int> owners;
  for (int i = 0; i < 64; ++i) owners.insert(by_host.OwnerOfHost("s" + std::to_string(i) + ".example.co.uk"));
  EXPECT_GT(owners.size(), 1u);
  PartitionBy by;
  EXPECT_TRUE(ParsePartitionBy("domain", &by));
  EXPECT_EQ(by, PartitionBy::kDomain);
  EXPECT_FALSE(ParsePartitionBy("url", &by));
}

FrontierEntry Entry(const std::string& url, int depth) {
  FrontierEntry e;
  e.url = url;
  e.depth = depth;
  e.hops = 1;
  e.kind = FrontierEntry::kPage;
  return e;
}

TEST(HandoffTest, BatchesArriveOnceAndGoAfterTheReceiverCommits) {
  testing::TempDir tmp;
  Handoff sender(tmp.Sub("handoff"), 0, 2);
  Handoff receiver(tmp.Sub("handoff"), 1, 2);
  ASSERT_TRUE(sender.Open().ok());
  ASSERT_TRUE(receiver.Open().ok());
  sender.Add(1, Entry("http://b.test/1", 2));
  sender.Add(1, Entry("http://b.test/2", 3));
  EXPECT_EQ(sender.buffered(), 2u);
  uint64_t published = 0;
  ASSERT_TRUE(sender.Publish(&published).ok());
  EXPECT_EQ(published, 1u);
  EXPECT_EQ(sender.buffered(), 0u);

  std::vector<FrontierEntry> got;
  size_t batches = 0;
  ASSERT_TRUE(receiver.Receive(&got, &batches).ok());
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].url, "http://b.test/1");
  EXPECT_EQ(got[1].depth, 3);
  EXPECT_EQ(got[1].hops, 1);
  got.clear();
  ASSERT_TRUE(receiver.Receive(&got, &batches).ok());
  EXPECT_TRUE(got.empty()) << "a batch is read once per run";
  std::vector<size_t> unread;
  ASSERT_TRUE(receiver.Unread(&unread).ok());
  EXPECT_EQ(unread[1], 1u) << "kept until the receiver's checkpoint";

  // The receiver is killed before it commits: its rerun reads the batch again.
  Handoff rerun(tmp.Sub("handoff"), 1, 2);
  ASSERT_TRUE(rerun.Open().ok());
  ASSERT_TRUE(rerun.Receive(&got, &batches).ok());
  EXPECT_EQ(got.size(), 2u);
  ASSERT_TRUE(rerun.RemoveRead().ok());
  ASSERT_TRUE(rerun.Unread(&unread).ok());
  EXPECT_EQ(unread[1], 0u);
}

TEST(HandoffTest, HalfWrittenBatchesAreNeverReadAndAreCleanedBySender) {
  testing::TempDir tmp;
  Handoff receiver(tmp.Sub("handoff"), 1, 2);
  ASSERT_TRUE(receiver.Open().ok());
  const std::string half = tmp.Sub("handoff/to-0001/b-0000-1-00000000.urls.tmp");
  ASSERT_TRUE(WriteFileAtomic(half + "x", "ignored").ok());  // any foreign file
  ASSERT_TRUE(RenameDurable(half + "x", half).ok());
  std::vector<FrontierEntry> got;
  size_t batches = 0;
  ASSERT_TRUE(receiver.Receive(&got, &batches).ok());
  EXPECT_EQ(batches, 0u);
  Handoff sender(tmp.Sub("handoff"), 0, 2);
  ASSERT_TRUE(sender.Open().ok());
  EXPECT_FALSE(PathExists(half));
}

TEST(HandoffTest, DamagedBatchIsAnErrorNamingIt) {
  testing::TempDir tmp;
  Handoff receiver(tmp.Sub("handoff"), 0, 1);
  ASSERT_TRUE(receiver.Open().ok());
  ASSERT_TRUE(WriteFileAtomic(tmp.Sub("handoff/to-0000/b-0000-1-00000000.urls"), "not a frontier line\n").ok());
  std::vector<FrontierEntry> got;
  size_t batches = 0;
  const Status st = receiver.Receive(&got, &batches);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("b-0000-1-00000000.urls"), std::string::npos) << st.ToString();
}

CrawlPeers::Options PeerOptions(const std::string& dir, int task, int n, int64_t timeout_ms = 600000) {
  CrawlPeers::Options o;
  o.crawl_dir = dir;
  o.task = task;
  o.num_tasks = n;
  o.peer_timeout_ms = timeout_ms;
  return o;
}

// Calls CheckEnd past its rate limit.
CrawlPeers::End Check(CrawlPeers& p, int64_t* now, std::string* missing) {
  *now += 1000;
  return p.CheckEnd(*now, missing);
}

TEST(CrawlPeersTest, EndsOnlyWhenAllIdleAndNothingInTransit) {
  testing::TempDir tmp;
  CrawlPeers a(PeerOptions(tmp.path(), 0, 2));
  CrawlPeers b(PeerOptions(tmp.path(), 1, 2));
  ASSERT_TRUE(a.Open().ok());
  ASSERT_TRUE(b.Open().ok());
  int64_t now = 0;
  std::string missing;
  ASSERT_TRUE(a.Update(now, true, 3).ok());
  EXPECT_EQ(Check(a, &now, &missing), CrawlPeers::End::kNotYet) << "b is busy";

  // b hands a URL to a, then goes idle: the batch is in transit.
  std::string url;
  for (int i = 0; url.empty(); ++i) {
    const std::string u = "http://h" + std::to_string(i) + ".test/";
    if (a.Owns(u)) url = u;
  }
  b.HandOver(Entry(url, 1));
  ASSERT_TRUE(b.BeforeCheckpoint().ok());
  ASSERT_TRUE(b.Update(now, true, 5).ok());
  EXPECT_EQ(Check(a, &now, &missing), CrawlPeers::End::kNotYet) << "a batch is unread";
  EXPECT_EQ(Check(b, &now, &missing), CrawlPeers::End::kNotYet);

  // a reads it: busy with a new epoch before the batch may go.
  std::vector<FrontierEntry> got;
  ASSERT_TRUE(a.Receive(now += 1000, &got).ok());
  ASSERT_EQ(got.size(), 1u);
  EXPECT_FALSE(a.idle());
  ASSERT_TRUE(a.AfterCheckpoint().ok());
  EXPECT_EQ(Check(b, &now, &missing), CrawlPeers::End::kNotYet) << "a is busy";
  ASSERT_TRUE(a.Update(now, true, 4).ok());
  EXPECT_EQ(a.others_pages(), 5u);
  EXPECT_EQ(Check(b, &now, &missing), CrawlPeers::End::kDone);
  EXPECT_EQ(Check(a, &now, &missing), CrawlPeers::End::kDone);
}

TEST(CrawlPeersTest, MissingTaskIsNamedAfterTheTimeout) {
  testing::TempDir tmp;
  CrawlPeers a(PeerOptions(tmp.path(), 0, 3, /*timeout_ms=*/500));
  ASSERT_TRUE(a.Open().ok());
  ASSERT_TRUE(a.Update(0, true, 0).ok());
  CrawlPeers c(PeerOptions(tmp.path(), 2, 3));
  ASSERT_TRUE(c.Open().ok());
  ASSERT_TRUE(c.Update(0, true, 0).ok());
  std::string missing;
  int64_t now = 0;
  // The first look starts the wait; the timeout is on the wall clock.
  // c keeps reporting (its heartbeat); task 1 never writes a status.
  int64_t c_now = 0;
  CrawlPeers::End end = Check(a, &now, &missing);
  while (end == CrawlPeers::End::kNotYet) {
    ASSERT_TRUE(c.Update(c_now += 5000, true, 0).ok());
    end = Check(a, &now, &missing);
  }
  EXPECT_EQ(end, CrawlPeers::End::kMissing);
  EXPECT_NE(missing.find("task 1 of 3"), std::string::npos) << missing;
  EXPECT_EQ(missing.find("task 2 of 3"), std::string::npos) << missing;
}

}  // namespace
}  // namespace corpus
