// One input split into record ranges: ranges fixed by the input alone,
// commits in input order, and a map stage whose output bytes are the same
// for any thread count, with malformed lines, damage and resume intact.
#include "corpus/stage/record_ranges.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <mutex>
#include <thread>

#include "corpus/io/shard_writer.h"
#include "corpus/stage/map_stage.h"
#include "corpus/stage/stage_dir.h"
#include "corpus/util/fs.h"
#include "testing/temp_dir.h"

namespace corpus {
namespace {

// Records "{"id":"dN","text":"x...x"}" with text lengths cycling 0..9, in
// one shard whose zstd frames end every `per_frame` records.
void WriteShard(const std::string& path, int records, int per_frame,
                const std::vector<int>& malformed = {}) {
  ShardWriter w(path);
  for (int n = 0; n < records; ++n) {
    const bool bad = std::find(malformed.begin(), malformed.end(), n) != malformed.end();
    if (bad) {
      ASSERT_TRUE(w.Write("{\"id\": 12, \"text\":\"no string id\"}").ok());
    } else {
      ASSERT_TRUE(w.Write("{\"id\":\"d" + std::to_string(n) + "\",\"text\":\"" +
                          std::string(static_cast<size_t>(n % 10), 'x') + "\"}")
                      .ok());
    }
    if ((n + 1) % per_frame == 0) {
      ASSERT_TRUE(w.Sync().ok());
    }
  }
  ASSERT_TRUE(w.Finish().ok());
}

// Records each range's first record and the order of commits.
class ListingJob : public RangeJob {
 public:
  struct Firsts : public RangeResult {
    std::string first;
    size_t records = 0;
  };
  Status Process(const RecordRange& range, std::unique_ptr<RangeResult>* result) override {
    auto r = std::make_unique<Firsts>();
    r->first = std::string(range.record(0));
    r->records = range.size();
    *result = std::move(r);
    return Status::OK();
  }
  Status Commit(const RecordRange& range, std::unique_ptr<RangeResult> result) override {
    EXPECT_EQ(range.index, committed.size()) << "commits out of order";
    const auto& f = static_cast<Firsts&>(*result);
    committed.push_back(f.first + "/" + std::to_string(f.records) + "@" +
                        std::to_string(range.positions.front()));
    return Status::OK();
  }
  std::vector<std::string> committed;
};

TEST(RecordRangesTest, RangesDependOnTheInputOnlyAndCommitInOrder) {
  testing::TempDir dir;
  const std::string in = dir.Sub("in.jsonl.zst");
  WriteShard(in, 500, 37);
  std::vector<std::string> first;
  for (int threads : {1, 2, 4}) {
    std::unique_ptr<RecordSource> src;
    ASSERT_TRUE(OpenRecordSource(in, &src).ok());
    ListingJob job;
    RangeOptions opts;
    opts.range_bytes = 700;
    opts.threads = threads;
    ASSERT_TRUE(RunRecordRanges(*src, opts, job, nullptr).ok());
    ASSERT_TRUE(src->status().ok());
    EXPECT_GT(job.committed.size(), 10u);
    if (threads == 1) {
      first = job.committed;
      EXPECT_EQ(first.front().substr(0, 12), "{\"id\":\"d0\",\"");
    } else {
      EXPECT_EQ(job.committed, first) << threads << " threads";
    }
  }
}

// Fails on the range holding record `bad`; counts ranges committed after it.
class FailingJob : public RangeJob {
 public:
  Status Process(const RecordRange& range, std::unique_ptr<RangeResult>*) override {
    for (size_t i = 0; i < range.size(); ++i) {
      if (range.positions[i] == 250) return Status::Corruption("bad record 250");
    }
    return Status::OK();
  }
  Status Commit(const RecordRange& range, std::unique_ptr<RangeResult>) override {
    std::lock_guard<std::mutex> lock(mu);
    for (size_t i = 0; i < range.size(); ++i) EXPECT_LT(range.positions[i], 250u);
    return Status::OK();
  }
  std::mutex mu;
};

TEST(RecordRangesTest, FirstErrorStopsAndNothingAfterItCommits) {
  testing::TempDir dir;
  const std::string in = dir.Sub("in.jsonl.zst");
  WriteShard(in, 500, 37);
  for (int threads : {1, 3}) {
    std::unique_ptr<RecordSource> src;
    ASSERT_TRUE(OpenRecordSource(in, &src).ok());
    FailingJob job;
    RangeOptions opts;
    opts.range_bytes = 300;
    opts.threads = threads;
    const Status st = RunRecordRanges(*src, opts, job, nullptr);
    EXPECT_TRUE(st.IsCorruption()) << st.ToString();
  }
}

// Keeps records with at least 4 characters of text, rejects the others;
// each range of an input is judged on its own.
class SplitStage : public MapStage {
 public:
  // `block_at` > 0: the processor that reaches that many records in all
  // stops there for good (until the process is killed), so a run can be
  // killed mid-input without racing it.
  explicit SplitStage(int block_at = 0) : block_at_(block_at) {}
  std::string name() const override { return "toy"; }
  StageConfig config() const override {
    StageConfig c;
    c.Set("min_len", 4);
    return c;
  }
  bool SplitsInput() const override { return true; }
  Status NewProcessor(const std::string&, std::unique_ptr<RecordProcessor>* out) override {
    class P : public RecordProcessor {
     public:
      explicit P(SplitStage* s) : s_(s) {}
      Status Process(Record& r, Emitter& out) override {
        if (++s_->processed == s_->block_at_) {
          for (;;) ::pause();
        }
        const auto text = r.GetString("text").value_or("");
        if (text.size() < 4) return out.Reject(r, "short", std::to_string(text.size()));
        out.Count("long_docs");
        return out.Keep(r);
      }
      SplitStage* s_;
    };
    *out = std::make_unique<P>(this);
    return Status::OK();
  }
  std::atomic<int> processed{0};

 private:
  int block_at_;
};

CommonOptions SmallRanges(const std::string& in, const std::string& out, int threads) {
  CommonOptions o;
  o.inputs = {in};
  o.out_dir = out;
  o.threads = threads;
  o.range_bytes = 900;
  return o;
}

std::string FileBytes(const std::string& path) {
  std::string data;
  EXPECT_TRUE(ReadFile(path, &data).ok()) << path;
  return data;
}

TEST(RecordRangesTest, MapStageWritesTheSameBytesForAnyThreadCount) {
  testing::TempDir dir;
  ASSERT_TRUE(MakeDirs(dir.Sub("in")).ok());
  WriteShard(dir.Sub("in/part-big.jsonl.zst"), 3000, 128, {17, 1500, 2999});
  std::string kept, rejected, marker_counts;
  for (int threads : {1, 2, 4}) {
    const std::string out = dir.Sub("out" + std::to_string(threads));
    SplitStage stage;
    const StageOutcome r = RunMapStage(stage, SmallRanges(dir.Sub("in"), out, threads));
    ASSERT_TRUE(r.status.ok()) << r.status.ToString();
    EXPECT_EQ(r.ExitCode(), 3) << "malformed lines make exit 3";
    EXPECT_EQ(stage.processed, 2997);
    DoneMarker m;
    ASSERT_TRUE(StageDir(out, "toy").ReadDone("part-big", &m).ok());
    EXPECT_EQ(m.counts.records_in, 3000u);
    EXPECT_EQ(m.counts.rejected_by_rule["malformed"], 3u);
    EXPECT_EQ(m.counts.kept + m.counts.rejected, 3000u);
    m.counts.seconds = 0;
    if (threads == 1) {
      kept = FileBytes(out + "/part-big.jsonl.zst");
      rejected = FileBytes(out + "/rejected/part-big.jsonl.zst");
      marker_counts = m.counts.ToJson();
      // The malformed line is reported with its line number.
      EXPECT_NE(rejected.size(), 0u);
    } else {
      EXPECT_EQ(FileBytes(out + "/part-big.jsonl.zst"), kept) << threads << " threads";
      EXPECT_EQ(FileBytes(out + "/rejected/part-big.jsonl.zst"), rejected) << threads << " threads";
      EXPECT_EQ(m.counts.ToJson(), marker_counts) << threads << " threads";
    }
  }
  // Kept records keep their input order.
  std::unique_ptr<RecordSource> src;
  ASSERT_TRUE(OpenRecordSource(dir.Sub("out2/part-big.jsonl.zst"), &src).ok());
  std::string_view line;
  int last = -1;
  while (src->Next(&line)) {
    Record r;
    ASSERT_TRUE(r.Parse(line).ok());
    const int n = std::stoi(r.GetString("id")->substr(1));
    EXPECT_GT(n, last);
    last = n;
  }
  std::unique_ptr<RecordSource> rej;
  ASSERT_TRUE(OpenRecordSource(dir.Sub("out4/rejected/part-big.jsonl.zst"), &rej).ok());
  bool found = false;
  while (rej->Next(&line)) {
    if (line.find("\"malformed\"") != std::string_view::npos && line.find("1501") != std::string_view::npos) {
      found = true;
    }
  }
  EXPECT_TRUE(found) << "the malformed line 1501 is set aside with its line number";
}

// Overwrites one byte in the middle of `path`'s second half.
void DamageMiddle(const std::string& path, uint64_t* where) {
  std::string data = FileBytes(path);
  *where = data.size() / 2;
  data[*where] = static_cast<char>(data[*where] ^ 0x5a);
  data[*where + 1] = static_cast<char>(data[*where + 1] ^ 0x5a);
  ASSERT_TRUE(WriteFileAtomic(path, data).ok());
}

TEST(RecordRangesTest, CorruptFrameInTheMiddleIsReportedAndEarlierRecordsKept) {
  testing::TempDir dir;
  ASSERT_TRUE(MakeDirs(dir.Sub("in")).ok());
  WriteShard(dir.Sub("in/part-a.jsonl.zst"), 4000, 100);
  WriteShard(dir.Sub("in/part-b.jsonl.zst"), 500, 100);
  uint64_t where = 0;
  DamageMiddle(dir.Sub("in/part-a.jsonl.zst"), &where);
  std::string kept;
  for (int threads : {1, 2}) {
    const std::string out = dir.Sub("out" + std::to_string(threads));
    SplitStage stage;
    const StageOutcome r = RunMapStage(stage, SmallRanges(dir.Sub("in"), out, threads));
    ASSERT_TRUE(r.status.ok()) << r.status.ToString();
    EXPECT_EQ(r.ExitCode(), 3);
    DoneMarker m;
    ASSERT_TRUE(StageDir(out, "toy").ReadDone("part-a", &m).ok());
    EXPECT_NE(m.damage.find("part-a.jsonl.zst"), std::string::npos) << m.damage;
    EXPECT_NE(m.damage.find("byte"), std::string::npos) << m.damage;
    // Decoding stops inside the damaged frame: everything before that frame was used.
    EXPECT_GT(m.counts.records_in, 1000u);
    EXPECT_LT(m.counts.records_in, 4000u);
    DoneMarker b;
    ASSERT_TRUE(StageDir(out, "toy").ReadDone("part-b", &b).ok());
    EXPECT_EQ(b.counts.records_in, 500u) << "the other input is untouched";
    if (threads == 1) kept = FileBytes(out + "/part-a.jsonl.zst");
    else EXPECT_EQ(FileBytes(out + "/part-a.jsonl.zst"), kept);
  }
}

// Kills a splitting stage with SIGKILL in the middle of its one input and
// checks the rerun writes what an uninterrupted run writes.
TEST(RecordRangesTest, KillMidInputThenResumeEqualsUninterruptedRun) {
  testing::TempDir dir;
  ASSERT_TRUE(MakeDirs(dir.Sub("in")).ok());
  WriteShard(dir.Sub("in/part-big.jsonl.zst"), 3000, 200);
  SplitStage clean;
  ASSERT_TRUE(RunMapStage(clean, SmallRanges(dir.Sub("in"), dir.Sub("clean"), 2)).status.ok());

  const std::string killed = dir.Sub("killed");
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // Halfway through, one worker stops for good: the ranges before its
    // range are written, the rest never are.
    SplitStage stuck(/*block_at=*/1500);
    RunMapStage(stuck, SmallRanges(dir.Sub("in"), killed, 2));
    ::_exit(0);
  }
  // Wait until the kept shard's temporary file exists (ranges are being
  // written), then kill. The child cannot finish, so there is no race.
  const std::string tmp = killed + "/part-big.jsonl.zst.tmp";
  while (!PathExists(tmp)) {
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, WNOHANG), 0) << "the child ended before it was killed";
    std::this_thread::yield();
  }
  ::kill(child, SIGKILL);
  int wstatus = 0;
  ::waitpid(child, &wstatus, 0);
  ASSERT_TRUE(WIFSIGNALED(wstatus)) << "the child finished before it was killed";
  EXPECT_FALSE(PathExists(killed + "/part-big.jsonl.zst"));
  EXPECT_FALSE(PathExists(killed + "/_done/part-big.json"));

  SplitStage resumed;
  ASSERT_TRUE(RunMapStage(resumed, SmallRanges(dir.Sub("in"), killed, 1)).status.ok());
  EXPECT_EQ(FileBytes(killed + "/part-big.jsonl.zst"), FileBytes(dir.Sub("clean/part-big.jsonl.zst")));
  EXPECT_EQ(FileBytes(killed + "/rejected/part-big.jsonl.zst"), FileBytes(dir.Sub("clean/rejected/part-big.jsonl.zst")));
  for (const auto& e : std::filesystem::recursive_directory_iterator(killed)) {
    EXPECT_NE(e.path().extension(), ".tmp") << e.path();
  }
}

}  // namespace
}  // namespace corpus
