#include "corpus/stage/map_stage.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "corpus/io/record_source.h"
#include "corpus/io/shard_writer.h"
#include "corpus/stage/stage_dir.h"
#include "corpus/stage/stage_summary.h"
#include "corpus/util/fs.h"
#include "testing/temp_dir.h"

namespace corpus {
namespace {

// Keeps records whose text has at least `min_len` characters and marks them;
// rejects the others with rule "short". With `stop_after` > 0, the record
// after that many writes one byte to `stopped_fd` and never returns (a stage
// killed mid-input waits there).
class MinLengthStage : public MapStage {
 public:
  explicit MinLengthStage(int min_len, int stop_after = 0, int stopped_fd = -1)
      : min_len_(min_len), stop_after_(stop_after), stopped_fd_(stopped_fd) {}
  std::string name() const override { return "toy"; }
  StageConfig config() const override {
    StageConfig c;
    c.Set("min_len", min_len_);
    return c;
  }
  Status NewProcessor(const std::string&, std::unique_ptr<RecordProcessor>* out) override {
    class P : public RecordProcessor {
     public:
      explicit P(MinLengthStage* s) : s_(s) {}
      Status Process(Record& r, Emitter& out) override {
        if (++s_->processed > s_->stop_after_ && s_->stop_after_ > 0) {
          if (s_->stopped_fd_ >= 0) (void)!::write(s_->stopped_fd_, "x", 1);
          for (;;) ::pause();
        }
        const auto text = r.GetString("text").value_or("");
        if (static_cast<int>(text.size()) < s_->min_len_) {
          return out.Reject(r, "short", std::to_string(text.size()));
        }
        r.SetInt("len", static_cast<int64_t>(text.size()));
        out.Count("long_docs");
        return out.Keep(r);
      }
      MinLengthStage* s_;
    };
    *out = std::make_unique<P>(this);
    return Status::OK();
  }
  std::atomic<int> processed{0};

 private:
  int min_len_;
  int stop_after_;
  int stopped_fd_;
};

std::vector<std::string> ReadAll(const std::string& path) {
  std::unique_ptr<RecordSource> src;
  EXPECT_TRUE(OpenRecordSource(path, &src).ok()) << path;
  std::vector<std::string> out;
  std::string_view line;
  while (src->Next(&line)) out.emplace_back(line);
  return out;
}

// Writes `files` shards of `per_file` records into dir/in.
std::string MakeInputs(const testing::TempDir& dir, int files, int per_file) {
  const std::string in = dir.Sub("in");
  EXPECT_TRUE(MakeDirs(in).ok());
  for (int f = 0; f < files; ++f) {
    char name[64];
    std::snprintf(name, sizeof(name), "/part-%05d.jsonl.zst", f);
    ShardWriter w(in + name);
    for (int i = 0; i < per_file; ++i) {
      const int n = f * per_file + i;
      EXPECT_TRUE(w.Write("{\"id\":\"d" + std::to_string(n) + "\",\"text\":\"" +
                          std::string(static_cast<size_t>(n % 10), 'x') + "\",\"keep\":[1, 2]}")
                      .ok());
    }
    EXPECT_TRUE(w.Finish().ok());
  }
  return in;
}

CommonOptions Opts(const std::string& in, const std::string& out, int threads = 2) {
  CommonOptions o;
  o.inputs = {in};
  o.out_dir = out;
  o.threads = threads;
  return o;
}

TEST(MapStageTest, KeepsRejectsAndWritesMarkersAndManifest) {
  testing::TempDir dir;
  const std::string in = MakeInputs(dir, 3, 10);
  MinLengthStage stage(5);
  const StageOutcome r = RunMapStage(stage, Opts(in, dir.Sub("out")));
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.ExitCode(), 0);
  EXPECT_TRUE(r.manifest_written);
  auto kept = ReadAll(dir.Sub("out/part-00000.jsonl.zst"));
  ASSERT_EQ(kept.size(), 5u);
  // Untouched fields pass through byte for byte; the new field is appended.
  EXPECT_EQ(kept[0], "{\"id\":\"d5\",\"text\":\"xxxxx\",\"keep\":[1, 2],\"len\":5}");
  auto rejected = ReadAll(dir.Sub("out/rejected/part-00000.jsonl.zst"));
  ASSERT_EQ(rejected.size(), 5u);
  EXPECT_NE(rejected[0].find("\"reject\":{\"stage\":\"toy\",\"rule\":\"short\",\"value\":0}"),
            std::string::npos);
  EXPECT_TRUE(PathExists(dir.Sub("out/_done/part-00002.json")));

  StageSummary s;
  ASSERT_TRUE(ReadStageSummary(dir.Sub("out"), &s).ok());
  EXPECT_TRUE(s.complete);
  EXPECT_EQ(s.stage, "toy");
  EXPECT_EQ(s.counts.records_in, 30u);
  EXPECT_EQ(s.counts.kept, 15u);
  EXPECT_EQ(s.counts.rejected_by_rule["short"], 15u);
  EXPECT_EQ(s.counts.counters["long_docs"], 15u);
}

TEST(MapStageTest, RerunSkipsDoneInputs) {
  testing::TempDir dir;
  const std::string in = MakeInputs(dir, 4, 5);
  MinLengthStage first(5);
  ASSERT_TRUE(RunMapStage(first, Opts(in, dir.Sub("out"))).status.ok());
  EXPECT_EQ(first.processed, 20);
  MinLengthStage second(5);
  const StageOutcome r = RunMapStage(second, Opts(in, dir.Sub("out")));
  ASSERT_TRUE(r.status.ok());
  EXPECT_EQ(second.processed, 0);
  EXPECT_TRUE(r.manifest_written);
}

TEST(MapStageTest, ChangedConfigIsRefusedUnlessForced) {
  testing::TempDir dir;
  const std::string in = MakeInputs(dir, 2, 5);
  MinLengthStage first(5);
  ASSERT_TRUE(RunMapStage(first, Opts(in, dir.Sub("out"))).status.ok());
  std::string manifest_before;
  ASSERT_TRUE(ReadFile(dir.Sub("out/_manifest.json"), &manifest_before).ok());

  MinLengthStage changed(7);
  StageOutcome r = RunMapStage(changed, Opts(in, dir.Sub("out")));
  EXPECT_TRUE(r.status.IsInvalidArgument());
  EXPECT_EQ(r.ExitCode(), 1);
  EXPECT_NE(r.status.message().find("min_len: 5 -> 7"), std::string::npos) << r.status.message();
  EXPECT_EQ(changed.processed, 0);
  std::string manifest_after;
  ASSERT_TRUE(ReadFile(dir.Sub("out/_manifest.json"), &manifest_after).ok());
  EXPECT_EQ(manifest_before, manifest_after) << "nothing is written on refusal";

  CommonOptions forced = Opts(in, dir.Sub("out"));
  forced.force = true;
  r = RunMapStage(changed, forced);
  ASSERT_TRUE(r.status.ok());
  EXPECT_EQ(changed.processed, 10);
  EXPECT_EQ(ReadAll(dir.Sub("out/part-00001.jsonl.zst")).size(), 3u);  // lengths 7, 8, 9
}

TEST(MapStageTest, TaskSlicesCoverEveryInputOnce) {
  testing::TempDir dir;
  const std::string in = MakeInputs(dir, 7, 3);
  std::vector<std::string> files;
  ASSERT_TRUE(ResolveInputs({in}, &files).ok());
  std::multiset<std::string> taken;
  for (int t = 0; t < 3; ++t) {
    for (const auto& f : TaskSlice(files, t, 3)) taken.insert(f);
  }
  EXPECT_EQ(taken, std::multiset<std::string>(files.begin(), files.end()));

  // Running the tasks one by one: the manifest appears only after the last.
  for (int t = 0; t < 3; ++t) {
    MinLengthStage stage(5);
    CommonOptions o = Opts(in, dir.Sub("out"));
    o.task_index = t;
    o.num_tasks = 3;
    const StageOutcome r = RunMapStage(stage, o);
    ASSERT_TRUE(r.status.ok());
    EXPECT_EQ(r.manifest_written, t == 2);
    EXPECT_EQ(PathExists(dir.Sub("out/_manifest.json")), t == 2);
  }
  StageSummary s;
  ASSERT_TRUE(ReadStageSummary(dir.Sub("out"), &s).ok());
  EXPECT_EQ(s.counts.records_in, 21u);
}

// A stage that reports over all its units when the last one is done.
class ReportingStage : public MinLengthStage {
 public:
  ReportingStage() : MinLengthStage(5) {}
  Status ManifestExtra(const StageDir& dir, const std::vector<std::string>& all_units,
                       std::string* extra_json) override {
    ++calls;
    *extra_json = "{\"units_seen\":" + std::to_string(all_units.size()) +
                  ",\"summary_counters\":{\"whole_stage\":" + std::to_string(all_units.size()) + "}}";
    return Status::OK();
  }
  int calls = 0;
};

TEST(MapStageTest, ManifestExtraIsAskedOnceEveryUnitIsDone) {
  testing::TempDir dir;
  const std::string in = MakeInputs(dir, 3, 2);
  for (int t = 0; t < 2; ++t) {
    ReportingStage stage;
    CommonOptions o = Opts(in, dir.Sub("out"));
    o.task_index = t;
    o.num_tasks = 2;
    ASSERT_TRUE(RunMapStage(stage, o).status.ok());
    EXPECT_EQ(stage.calls, t == 1 ? 1 : 0);
  }
  std::string manifest;
  ASSERT_TRUE(ReadFile(dir.Sub("out/_manifest.json"), &manifest).ok());
  EXPECT_NE(manifest.find("\"units_seen\":3"), std::string::npos) << manifest;
  StageSummary s;
  ASSERT_TRUE(ReadStageSummary(dir.Sub("out"), &s).ok());
  EXPECT_EQ(s.counts.counters["whole_stage"], 3u);  // from the manifest, beside the summed counters
  EXPECT_EQ(s.counts.counters["long_docs"], 1u);  // texts of 0 to 5 characters
}

TEST(MapStageTest, MalformedLinesAreSetAsideWithFileAndLine) {
  testing::TempDir dir;
  ASSERT_TRUE(MakeDirs(dir.Sub("in")).ok());
  {
    std::ofstream f(dir.Sub("in/bad.jsonl"));
    f << "{\"id\":\"a\",\"text\":\"long enough\"}\n"
      << "{\"id\": broken\n"
      << "{\"text\":\"no id here\"}\n"
      << "{\"id\":\"b\",\"text\":\"bad \xff utf8\"}\n"
      << "{\"id\":7,\"text\":\"numeric id\"}\n"
      << "{\"id\":\"c\",\"text\":\"also long enough\"}\n";
  }
  MinLengthStage stage(5);
  const StageOutcome r = RunMapStage(stage, Opts(dir.Sub("in"), dir.Sub("out")));
  ASSERT_TRUE(r.status.ok());
  EXPECT_EQ(r.ExitCode(), 3);
  EXPECT_EQ(ReadAll(dir.Sub("out/part-bad.jsonl.zst")).size(), 2u);
  auto rejected = ReadAll(dir.Sub("out/rejected/part-bad.jsonl.zst"));
  ASSERT_EQ(rejected.size(), 4u);
  Record rec;
  ASSERT_TRUE(rec.Parse(rejected[0]).ok());
  EXPECT_EQ(*rec.GetInt("line"), 2);
  EXPECT_EQ(*rec.GetString("raw"), "{\"id\": broken");
  EXPECT_NE(rec.GetString("file")->find("bad.jsonl"), std::string::npos);
  EXPECT_NE(rejected[1].find("missing id"), std::string::npos);
  EXPECT_NE(rejected[2].find("invalid UTF-8"), std::string::npos);
  // A rerun still reports the damage (exit 3) without redoing the work.
  MinLengthStage again(5);
  EXPECT_EQ(RunMapStage(again, Opts(dir.Sub("in"), dir.Sub("out"))).ExitCode(), 3);
  EXPECT_EQ(again.processed, 0);
}

TEST(MapStageTest, TruncatedInputIsUsedUpToTheDamage) {
  testing::TempDir dir;
  const std::string in = MakeInputs(dir, 2, 20000);
  const std::string victim = in + "/part-00001.jsonl.zst";
  std::string bytes;
  ASSERT_TRUE(ReadFile(victim, &bytes).ok());
  bytes.resize(bytes.size() * 2 / 3);
  std::ofstream(victim, std::ios::binary | std::ios::trunc).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));

  MinLengthStage stage(0);
  const StageOutcome r = RunMapStage(stage, Opts(in, dir.Sub("out")));
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.ExitCode(), 3);
  StageDir sd(dir.Sub("out"), "toy");
  DoneMarker m;
  ASSERT_TRUE(sd.ReadDone("part-00001", &m).ok());
  EXPECT_NE(m.damage.find("byte"), std::string::npos) << m.damage;
  EXPECT_GT(m.counts.kept, 100u);
  EXPECT_LT(m.counts.kept, 20000u);
  EXPECT_EQ(ReadAll(dir.Sub("out/part-00000.jsonl.zst")).size(), 20000u);
}

TEST(MapStageTest, OutputIsTheSameForAnyThreadCount) {
  testing::TempDir dir;
  const std::string in = MakeInputs(dir, 5, 50);
  MinLengthStage a(3), b(3);
  ASSERT_TRUE(RunMapStage(a, Opts(in, dir.Sub("one"), 1)).status.ok());
  ASSERT_TRUE(RunMapStage(b, Opts(in, dir.Sub("four"), 4)).status.ok());
  for (int f = 0; f < 5; ++f) {
    char name[64];
    std::snprintf(name, sizeof(name), "/part-%05d.jsonl.zst", f);
    std::string x, y;
    ASSERT_TRUE(ReadFile(dir.Sub("one") + name, &x).ok());
    ASSERT_TRUE(ReadFile(dir.Sub("four") + name, &y).ok());
    EXPECT_EQ(x, y);
  }
}

// Splits its inputs; each range's processor collects the ids it sees and
// the input's sink writes them, numbered, to <unit>.ids in the stage folder.
class IdListStage : public MapStage {
 public:
  explicit IdListStage(std::string root) : root_(std::move(root)) {}
  std::string name() const override { return "ids"; }
  StageConfig config() const override { return StageConfig(); }
  bool SplitsInput() const override { return true; }
  bool WritesKeptShard() const override { return false; }
  bool WritesRejected() const override { return false; }
  bool WritesManifest() const override { return false; }

  class P : public RecordProcessor {
   public:
    Status Process(Record& r, Emitter& out) override {
      ids.push_back(*r.GetString("id"));
      out.KeepElsewhere(10);
      return Status::OK();
    }
    std::vector<std::string> ids;
  };
  class Sink : public InputSink {
   public:
    explicit Sink(std::string path) : path_(std::move(path)) {}
    Status Commit(RecordProcessor& processor) override {
      commits++;
      for (const auto& id : static_cast<P&>(processor).ids) text_ += std::to_string(n_++) + " " + id + "\n";
      return Status::OK();
    }
    Status Finish(Emitter& out) override {
      CORPUS_RETURN_IF_ERROR(WriteFileAtomic(path_, text_));
      OutputFile f;
      f.path = std::filesystem::path(path_).filename().string();
      f.records = n_;
      out.AddOutput(f);
      out.Count("commits", commits);
      return Status::OK();
    }
    uint64_t commits = 0;

   private:
    std::string path_, text_;
    uint64_t n_ = 0;
  };

  Status NewProcessor(const std::string&, std::unique_ptr<RecordProcessor>* out) override {
    *out = std::make_unique<P>();
    return Status::OK();
  }
  Status NewInputSink(const std::string&, const std::string& unit, std::unique_ptr<InputSink>* out) override {
    *out = std::make_unique<Sink>(root_ + "/" + unit + ".ids");
    return Status::OK();
  }

 private:
  std::string root_;
};

TEST(MapStageTest, InputSinkSeesRangesInInputOrderWithOrdinalsOfAcceptedLines) {
  testing::TempDir dir;
  ASSERT_TRUE(MakeDirs(dir.Sub("in")).ok());
  std::string expected;
  {
    std::ofstream f(dir.Sub("in/a.jsonl"));
    int ordinal = 0;
    for (int i = 0; i < 3000; ++i) {
      if (i % 7 == 3) {
        f << (i % 2 ? "not json\n" : "{\"id\":5}\n");  // malformed: no ordinal
        continue;
      }
      f << "{\"id\":\"d" << i << "\",\"text\":\"some text\"}\n";
      expected += std::to_string(ordinal++) + " d" + std::to_string(i) + "\n";
    }
  }
  const std::string out = dir.Sub("out");
  IdListStage stage(out);
  CommonOptions o = Opts(dir.Sub("in"), out, 4);
  o.range_bytes = 4096;  // many ranges, on several threads
  const StageOutcome r = RunMapStage(stage, o);
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.ExitCode(), 3);  // malformed lines still count as damage
  std::string ids;
  ASSERT_TRUE(ReadFile(out + "/part-a.ids", &ids).ok());
  EXPECT_EQ(ids, expected);
  EXPECT_FALSE(PathExists(out + "/rejected/part-a.jsonl.zst"));
  EXPECT_FALSE(PathExists(out + "/part-a.jsonl.zst"));
  EXPECT_FALSE(PathExists(out + "/_manifest.json"));
  DoneMarker m;
  ASSERT_TRUE(StageDir(out, "ids").ReadDone("part-a", &m).ok());
  EXPECT_EQ(m.counts.rejected_by_rule["malformed"], 3000u / 7 + 1);
  EXPECT_EQ(m.counts.kept, 3000u - (3000u / 7 + 1));
  EXPECT_EQ(m.counts.bytes_out, 10 * m.counts.kept);
  EXPECT_GT(m.counts.counters["commits"], 10u);
  ASSERT_EQ(m.outputs.size(), 1u);
  EXPECT_EQ(m.outputs[0].path, "part-a.ids");
  EXPECT_EQ(m.outputs[0].records, m.counts.kept);
}

TEST(MapStageTest, UnwritableOutputIsFatal) {
  testing::TempDir dir;
  const std::string in = MakeInputs(dir, 1, 3);
  MinLengthStage stage(0);
  const StageOutcome r = RunMapStage(stage, Opts(in, "/proc/corpus-cannot-write-here"));
  EXPECT_FALSE(r.status.ok());
  EXPECT_EQ(r.ExitCode(), 2);
  EXPECT_NE(r.status.message().find("/proc/corpus-cannot-write-here"), std::string::npos);
}

// Kills a stage with SIGKILL in the middle, reruns it, and checks the result
// equals an uninterrupted run.
TEST(MapStageTest, ResumeAfterKillEqualsUninterruptedRun) {
  testing::TempDir dir;
  const std::string in = MakeInputs(dir, 6, 200);

  MinLengthStage clean(4);
  ASSERT_TRUE(RunMapStage(clean, Opts(in, dir.Sub("clean"))).status.ok());

  int stopped[2];
  ASSERT_EQ(::pipe(stopped), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::close(stopped[0]);
    // One thread, inputs in order: two inputs finish, the third stops for
    // good halfway and says so on the pipe.
    MinLengthStage stuck(4, /*stop_after=*/500, stopped[1]);
    RunMapStage(stuck, Opts(in, dir.Sub("killed"), 1));
    ::_exit(0);
  }
  ::close(stopped[1]);
  // Blocks until the child stops mid-input (one byte) or ends (end of file).
  char byte = 0;
  const ssize_t got = ::read(stopped[0], &byte, 1);
  ::close(stopped[0]);
  ::kill(child, SIGKILL);
  int wstatus = 0;
  ::waitpid(child, &wstatus, 0);
  ASSERT_EQ(got, 1) << "the child finished before it stopped";
  ASSERT_TRUE(PathExists(dir.Sub("killed/_done/part-00001.json")));
  ASSERT_TRUE(WIFSIGNALED(wstatus)) << "the child finished before it was killed";
  EXPECT_FALSE(PathExists(dir.Sub("killed/_manifest.json")));

  MinLengthStage resumed(4);
  ASSERT_TRUE(RunMapStage(resumed, Opts(in, dir.Sub("killed"))).status.ok());
  EXPECT_LT(resumed.processed, 1200) << "done inputs were redone";
  for (int f = 0; f < 6; ++f) {
    char name[64];
    std::snprintf(name, sizeof(name), "/part-%05d.jsonl.zst", f);
    EXPECT_EQ(ReadAll(dir.Sub("clean") + name), ReadAll(dir.Sub("killed") + name)) << name;
  }
  // No leftover temporary files.
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir.Sub("killed"))) {
    EXPECT_NE(e.path().extension(), ".tmp") << e.path();
  }
}

}  // namespace
}  // namespace corpus
