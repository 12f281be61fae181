#include "corpus/util/byte_size.h"

#include <gtest/gtest.h>

#include "corpus/util/parallel_for.h"

#include <sched.h>

#include <atomic>
#include <cstdlib>
#include <string>
#include <vector>

namespace corpus {
namespace {

TEST(ByteSizeTest, ParsesBinaryAndDecimalUnits) {
  uint64_t b = 0;
  ASSERT_TRUE(ParseByteSize("10MiB", &b).ok());
  EXPECT_EQ(b, 10u << 20);
  ASSERT_TRUE(ParseByteSize("512k", &b).ok());
  EXPECT_EQ(b, 512u * 1024);
  ASSERT_TRUE(ParseByteSize("1.5 GB", &b).ok());
  EXPECT_EQ(b, 1500000000u);
  ASSERT_TRUE(ParseByteSize("4096", &b).ok());
  EXPECT_EQ(b, 4096u);
  EXPECT_TRUE(ParseByteSize("lots", &b).IsInvalidArgument());
  EXPECT_TRUE(ParseByteSize("5 parsecs", &b).IsInvalidArgument());
  EXPECT_TRUE(ParseByteSize("0", &b).IsInvalidArgument());
}

TEST(ByteSizeTest, ParsesDurations) {
  int64_t ms = 0;
  ASSERT_TRUE(ParseDurationMs("30s", &ms).ok());
  EXPECT_EQ(ms, 30000);
  ASSERT_TRUE(ParseDurationMs("250ms", &ms).ok());
  EXPECT_EQ(ms, 250);
  ASSERT_TRUE(ParseDurationMs("2m", &ms).ok());
  EXPECT_EQ(ms, 120000);
  ASSERT_TRUE(ParseDurationMs("30", &ms).ok());
  EXPECT_EQ(ms, 30000);
  EXPECT_FALSE(ParseDurationMs("soon", &ms).ok());
}

TEST(ParallelForTest, RunsEveryIndexOnceAndReturnsTheFirstError) {
  std::vector<std::atomic<int>> hits(1000);
  ASSERT_TRUE(ParallelFor(hits.size(), 4, [&](size_t i) {
                hits[i]++;
                return Status::OK();
              }).ok());
  for (auto& h : hits) EXPECT_EQ(h.load(), 1);
  const Status st = ParallelFor(100, 3, [](size_t i) {
    return i == 10 ? Status::IOError("boom") : Status::OK();
  });
  EXPECT_TRUE(st.IsIOError());
  EXPECT_TRUE(ParallelFor(0, 2, [](size_t) { return Status::Internal("never"); }).ok());
}

// Sets an environment variable for one scope, restoring the old value after.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    had_ = std::getenv(name) != nullptr;
    if (value) {
      setenv(name, value, 1);
    } else {
      unsetenv(name);
    }
  }
  ~ScopedEnv() {
    if (had_) {
      setenv(name_, old_.c_str(), 1);
    } else {
      unsetenv(name_);
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::string old_;
  bool had_ = false;
};

TEST(AvailableCpusTest, CountsTheAffinityMaskAndSlurmsCpusPerTask) {
  cpu_set_t mask;
  ASSERT_EQ(sched_getaffinity(0, sizeof(mask), &mask), 0);
  const int allowed = CPU_COUNT(&mask);
  {
    ScopedEnv unset("SLURM_CPUS_PER_TASK", nullptr);
    EXPECT_EQ(AvailableCpus(), allowed);
  }
  {
    ScopedEnv one("SLURM_CPUS_PER_TASK", "1");
    EXPECT_EQ(AvailableCpus(), 1);
  }
  {
    ScopedEnv many("SLURM_CPUS_PER_TASK", "100000");  // never more than the mask allows
    EXPECT_EQ(AvailableCpus(), allowed);
  }
  {
    ScopedEnv junk("SLURM_CPUS_PER_TASK", "two");
    EXPECT_EQ(AvailableCpus(), allowed);
  }
  // A mask of one CPU (as `taskset -c N` or a cpuset gives) is one thread.
  int first = 0;
  while (!CPU_ISSET(first, &mask)) ++first;
  cpu_set_t one_cpu;
  CPU_ZERO(&one_cpu);
  CPU_SET(first, &one_cpu);
  ASSERT_EQ(sched_setaffinity(0, sizeof(one_cpu), &one_cpu), 0);
  ScopedEnv unset("SLURM_CPUS_PER_TASK", nullptr);
  EXPECT_EQ(AvailableCpus(), 1);
  ASSERT_EQ(sched_setaffinity(0, sizeof(mask), &mask), 0);
}

TEST(FormatScaled, PicksTheLargestScaleReached) {
  const std::array<const char*, 4> f = {"%.2f GB", "%.2f MB", "%.1f kB", "%.0f B"};
  EXPECT_EQ(FormatScaled(999, f), "999 B");
  EXPECT_EQ(FormatScaled(1000, f), "1.0 kB");
  EXPECT_EQ(FormatScaled(2500000, f), "2.50 MB");
  EXPECT_EQ(FormatScaled(3e9, f), "3.00 GB");
}

}  // namespace
}  // namespace corpus
