#include "corpus/crawl/page_workers.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace corpus {
namespace {

// Submitted work waits for Flush(): until then no worker can see it.
TEST(PageWorkers, WorkStartsAtFlush) {
  PageWorkers workers(2);
  std::atomic<int> ran{0};
  for (int i = 0; i < 5; ++i) {
    workers.Submit([&ran]() -> PageWorkers::Apply {
      ++ran;
      return [] {};
    });
  }
  EXPECT_EQ(workers.pending(), 5u);
  EXPECT_EQ(ran.load(), 0);
  workers.Flush();
  while (ran.load() < 5) std::this_thread::yield();  // the condition, not a sleep
  EXPECT_EQ(workers.pending(), 5u);  // finished, not yet applied
  workers.ApplyFinished(/*wait=*/true);
  EXPECT_EQ(workers.pending(), 0u);
}

// ApplyFinished flushes first, so waiting on unflushed work cannot hang, and
// every apply step runs on the calling thread.
TEST(PageWorkers, ApplyFinishedFlushesAndAppliesOnCaller) {
  PageWorkers workers(2);
  const std::thread::id caller = std::this_thread::get_id();
  std::vector<int> applied;
  int wrong_thread = 0;
  for (int i = 0; i < 100; ++i) {
    workers.Submit([i, caller, &applied, &wrong_thread]() -> PageWorkers::Apply {
      return [i, caller, &applied, &wrong_thread] {
        if (std::this_thread::get_id() != caller) ++wrong_thread;
        applied.push_back(i);
      };
    });
  }
  workers.ApplyFinished(/*wait=*/true);
  EXPECT_EQ(workers.pending(), 0u);
  EXPECT_EQ(wrong_thread, 0);
  ASSERT_EQ(applied.size(), 100u);
  std::vector<bool> seen(100, false);
  for (int i : applied) seen[static_cast<size_t>(i)] = true;
  for (int i = 0; i < 100; ++i) EXPECT_TRUE(seen[static_cast<size_t>(i)]) << i;
}

// An armed wake-up is called once, by the next item to finish; ArmWakeup
// reports a finished item that already waits instead of arming.
TEST(PageWorkers, ArmedWakeupCalledWhenAPageFinishes) {
  PageWorkers workers(2);
  std::atomic<int> wakes{0};
  workers.SetWakeup([&wakes] { ++wakes; });
  std::atomic<bool> release{false};
  workers.Submit([&release]() -> PageWorkers::Apply {
    while (!release.load()) std::this_thread::yield();
    return [] {};
  });
  workers.Flush();
  EXPECT_FALSE(workers.ArmWakeup());  // nothing finished: armed
  release = true;
  while (wakes.load() == 0) std::this_thread::yield();
  EXPECT_TRUE(workers.ArmWakeup());  // the finished item waits: not armed
  workers.ApplyFinished(/*wait=*/false);
  EXPECT_EQ(workers.pending(), 0u);
  // Disarmed: finishing more calls nothing.
  EXPECT_FALSE(workers.ArmWakeup());
  workers.DisarmWakeup();
  workers.Submit([]() -> PageWorkers::Apply { return [] {}; });
  workers.ApplyFinished(/*wait=*/true);
  EXPECT_EQ(wakes.load(), 1);
}

// Without threads the work runs inside Submit; its apply step waits for
// ApplyFinished.
TEST(PageWorkers, NoThreadsRunsInline) {
  PageWorkers workers(0);
  int ran = 0, applied = 0;
  workers.Submit([&]() -> PageWorkers::Apply {
    ++ran;
    return [&] { ++applied; };
  });
  EXPECT_EQ(ran, 1);
  EXPECT_EQ(applied, 0);
  workers.ApplyFinished(/*wait=*/false);
  EXPECT_EQ(applied, 1);
  EXPECT_EQ(workers.pending(), 0u);
}

// A stop predicate leaves the rest finished, in order, for the next call (the
// crawl closes a full part between two applies).
TEST(PageWorkers, StopLeavesTheRestForTheNextCall) {
  PageWorkers workers(0);
  std::vector<int> applied;
  for (int i = 0; i < 10; ++i) {
    workers.Submit([i, &applied]() -> PageWorkers::Apply { return [i, &applied] { applied.push_back(i); }; });
  }
  workers.ApplyFinished(/*wait=*/false, [&applied] { return applied.size() == 4; });
  EXPECT_EQ(applied, (std::vector<int>{0, 1, 2, 3}));
  EXPECT_EQ(workers.pending(), 6u);
  workers.ApplyFinished(/*wait=*/false, [&applied] { return applied.size() == 8; });
  EXPECT_EQ(workers.pending(), 2u);
  workers.ApplyFinished(/*wait=*/true);
  EXPECT_EQ(applied, (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
  EXPECT_EQ(workers.pending(), 0u);
}

}  // namespace
}  // namespace corpus
