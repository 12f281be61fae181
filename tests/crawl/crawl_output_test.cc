#include "corpus/crawl/crawl_output.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "corpus/util/fs.h"
#include "corpus/util/sha256.h"
#include "crawl/crawl_test_util.h"
#include "testing/temp_dir.h"

namespace corpus {
namespace {

std::string Rec(int i) { return "{\"id\":\"" + std::to_string(i) + "\",\"url\":\"u" + std::to_string(i) + "\"}"; }

class CrawlOutputTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(dir_.Create().ok()); }
  std::map<std::string, std::string> Records() { return testing::ReadRecordsByUrl(tmp_.Sub("out")); }

  testing::TempDir tmp_;
  StageDir dir_{tmp_.Sub("out"), "crawl"};
};

TEST_F(CrawlOutputTest, CheckpointsAppendToOnePartUntilItIsFull) {
  CrawlOutput out(dir_, 3, /*max_records=*/13, /*max_bytes=*/1 << 30);
  int n = 0;
  for (int checkpoint = 0; checkpoint < 4; ++checkpoint) {
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(out.WritePage(Rec(n++)).ok());
    ASSERT_TRUE(out.WriteReject(Rec(1000 + n), "trap").ok());
    EXPECT_FALSE(out.Full());
    ASSERT_TRUE(out.Commit().ok());
  }
  // Four checkpoints, one open part: nothing under a final name yet.
  EXPECT_TRUE(out.committed().empty());
  ASSERT_EQ(out.open_parts().size(), 2u);
  EXPECT_EQ(out.open_parts()[0].path, "part-00000.jsonl.zst");
  EXPECT_EQ(out.open_parts()[0].records, 12u);
  EXPECT_TRUE(PathExists(tmp_.Sub("out/part-00000.jsonl.zst.tmp")));
  EXPECT_FALSE(PathExists(tmp_.Sub("out/part-00000.jsonl.zst")));
  // The limit is reached: the next commit finishes the pair.
  ASSERT_TRUE(out.WritePage(Rec(n++)).ok());
  EXPECT_TRUE(out.Full());
  ASSERT_TRUE(out.Commit().ok());
  ASSERT_EQ(out.committed().size(), 2u);
  EXPECT_EQ(out.next_part(), 1u);
  EXPECT_TRUE(out.open_parts().empty());
  EXPECT_EQ(Records().size(), 13u) << "one zstd frame per checkpoint, read as one stream";
  std::string bytes;
  ASSERT_TRUE(ReadFile(tmp_.Sub("out/part-00000.jsonl.zst"), &bytes).ok());
  EXPECT_EQ(out.committed()[0].sha256, Sha256Hex(bytes));
  // The byte limit rolls too (bytes on disk are known once a frame is out).
  CrawlOutput small(dir_, 3, 1000, /*max_bytes=*/1);
  small.Restore({}, 1, StageCounts{});
  ASSERT_TRUE(small.WritePage(Rec(5000)).ok());
  ASSERT_TRUE(small.Commit().ok());
  EXPECT_TRUE(small.Full());
  ASSERT_TRUE(small.Commit().ok());
  EXPECT_EQ(small.next_part(), 2u);
}

TEST_F(CrawlOutputTest, ResumeCutsAnOpenPartBackToItsCheckpoint) {
  std::vector<OutputFile> committed, open;
  uint64_t next = 0;
  StageCounts counts;
  {
    CrawlOutput out(dir_, 3, 1000, 1 << 30);
    for (int i = 0; i < 5; ++i) ASSERT_TRUE(out.WritePage(Rec(i)).ok());
    ASSERT_TRUE(out.Commit().ok());
    committed = out.committed();
    open = out.open_parts();
    next = out.next_part();
    counts = out.counts();
    // Written after the checkpoint, then the process dies: these must go.
    for (int i = 5; i < 9000; ++i) ASSERT_TRUE(out.WritePage(Rec(i)).ok());
  }
  ASSERT_TRUE(PathExists(tmp_.Sub("out/part-00000.jsonl.zst.tmp")));
  ASSERT_TRUE(WriteFileAtomic(tmp_.Sub("out/part-00007.jsonl.zst"), "stale").ok());
  CrawlOutput out(dir_, 3, 1000, 1 << 30);
  out.Restore(committed, next, counts, open);
  ASSERT_TRUE(out.RemoveUncommitted().ok());
  EXPECT_FALSE(PathExists(tmp_.Sub("out/part-00007.jsonl.zst")));
  ASSERT_TRUE(out.WritePage(Rec(100)).ok());
  ASSERT_TRUE(out.Commit(/*close=*/true).ok());
  ASSERT_EQ(out.committed().size(), 1u);
  EXPECT_EQ(out.committed()[0].records, 6u);
  auto records = Records();
  ASSERT_EQ(records.size(), 6u);
  EXPECT_TRUE(records.count("u100"));
  EXPECT_FALSE(records.count("u5"));
  std::string bytes;
  ASSERT_TRUE(ReadFile(tmp_.Sub("out/part-00000.jsonl.zst"), &bytes).ok());
  EXPECT_EQ(out.committed()[0].sha256, Sha256Hex(bytes));
  EXPECT_EQ(out.committed()[0].file_bytes, bytes.size());
}

TEST_F(CrawlOutputTest, APartClosedAfterTheCheckpointIsCutBackToIt) {
  std::vector<OutputFile> open;
  StageCounts counts;
  {
    CrawlOutput out(dir_, 3, 1000, 1 << 30);
    for (int i = 0; i < 4; ++i) ASSERT_TRUE(out.WritePage(Rec(i)).ok());
    ASSERT_TRUE(out.Commit().ok());
    open = out.open_parts();
    counts = out.counts();
    // The part is closed (the crawl ends), and the process dies before the
    // checkpoint that would record it.
    for (int i = 4; i < 9; ++i) ASSERT_TRUE(out.WritePage(Rec(i)).ok());
    ASSERT_TRUE(out.Commit(/*close=*/true).ok());
  }
  ASSERT_TRUE(PathExists(tmp_.Sub("out/part-00000.jsonl.zst")));
  ASSERT_FALSE(PathExists(tmp_.Sub("out/part-00000.jsonl.zst.tmp")));
  CrawlOutput out(dir_, 3, 1000, 1 << 30);
  out.Restore({}, 0, counts, open);
  ASSERT_TRUE(out.RemoveUncommitted().ok());
  ASSERT_TRUE(out.Commit(/*close=*/true).ok());
  const auto records = Records();
  EXPECT_EQ(records.size(), 4u);
  EXPECT_FALSE(records.count("u4"));
  EXPECT_FALSE(PathExists(tmp_.Sub("out/part-00000.jsonl.zst.tmp")));
}

TEST_F(CrawlOutputTest, AMissingOpenPartIsReported) {
  OutputFile f;
  f.path = "part-00000.jsonl.zst";
  f.records = 3;
  f.file_bytes = 100;
  CrawlOutput out(dir_, 3, 1000, 1 << 30);
  out.Restore({}, 0, StageCounts{}, {f});
  const Status st = out.RemoveUncommitted();
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.ToString().find("part-00000.jsonl.zst.tmp"), std::string::npos) << st.ToString();
}

}  // namespace
}  // namespace corpus
