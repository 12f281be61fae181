#include "corpus/shard/shard_stage.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <filesystem>
#include <map>
#include <random>
#include <set>

#include "corpus/io/record.h"
#include "corpus/io/record_source.h"
#include "corpus/io/shard_writer.h"
#include "corpus/stage/stage_dir.h"
#include "corpus/stage/stage_summary.h"
#include "corpus/util/fs.h"
#include "corpus/util/json.h"
#include "corpus/util/sha256.h"
#include "testing/temp_dir.h"

namespace corpus {
namespace {

namespace fs = std::filesystem;

// Writes `docs` documents over `files` input shards in `dir`, with fields the
// release drops (html, status) and keeps (id, text, url, lang, ...).
void WriteInputs(const std::string& dir, int docs, int files, int first_id = 0) {
  ASSERT_TRUE(MakeDirs(dir).ok());
  std::mt19937 rng(first_id + 11);
  std::vector<std::unique_ptr<ShardWriter>> writers;
  for (int f = 0; f < files; ++f) {
    char name[64];
    std::snprintf(name, sizeof(name), "part-%05d.jsonl.zst", f + first_id);
    writers.push_back(std::make_unique<ShardWriter>(JoinPath(dir, name), 3, true));
  }
  for (int i = first_id; i < first_id + docs; ++i) {
    std::string text;
    const int words = 1 + static_cast<int>(rng() % (i % 17 == 0 ? 3000 : 120));
    for (int w = 0; w < words; ++w) text += (w ? " " : "") + std::string("w") + std::to_string(rng() % 1000);
    JsonObjectWriter rec;
    rec.String("id", "doc-" + std::to_string(i))
        .String("url", "http://example.test/" + std::to_string(i))
        .String("html", "<p>" + text + "</p>")
        .Int("status", 200)
        .String("text", text);
    if (i % 5 != 0) rec.String("lang", i % 3 ? "en" : "fr");
    rec.String("source", "crawl");
    ASSERT_TRUE(writers[static_cast<size_t>(i) % writers.size()]->Write(rec.Finish()).ok());
  }
  for (auto& w : writers) ASSERT_TRUE(w->Finish().ok());
}

StageOutcome RunShard(const ShardConfig& cfg, const std::string& in, const std::string& out, int threads = 1,
                 int task = 0, int tasks = 1, bool force = false) {
  CommonOptions o;
  o.inputs = {in};
  o.out_dir = out;
  o.threads = threads;
  o.task_index = task;
  o.num_tasks = tasks;
  o.force = force;
  return RunShardStage(cfg, o);
}

// Shard name -> bytes of every shard in a release.
std::map<std::string, std::string> ReleaseShards(const std::string& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name.find("-of-") == std::string::npos) continue;
    std::string bytes;
    EXPECT_TRUE(ReadFile(e.path().string(), &bytes).ok());
    out[name] = bytes;
  }
  return out;
}

std::vector<std::string> ReadLines(const std::string& path) {
  std::unique_ptr<RecordSource> src;
  EXPECT_TRUE(OpenRecordSource(path, &src).ok());
  std::vector<std::string> lines;
  std::string_view line;
  while (src->Next(&line)) lines.emplace_back(line);
  EXPECT_TRUE(src->status().ok());
  return lines;
}

std::string IdOf(const std::string& line) {
  Record r;
  EXPECT_TRUE(r.Parse(line).ok());
  return r.GetString("id").value_or("");
}

ShardConfig Small() {
  ShardConfig c;
  c.target_bytes = 20000;
  c.seed = 42;
  return c;
}

TEST(ShardStageTest, ShardsAreNamedSizedAndNeverEmpty) {
  testing::TempDir tmp;
  WriteInputs(tmp.Sub("clean"), 300, 3);
  const auto outcome = RunShard(Small(), tmp.Sub("clean"), tmp.Sub("release"));
  ASSERT_TRUE(outcome.status.ok()) << outcome.status.ToString();
  EXPECT_TRUE(outcome.manifest_written);
  EXPECT_FALSE(outcome.input_damaged);
  const auto shards = ReleaseShards(tmp.Sub("release"));
  ASSERT_GT(shards.size(), 3u);
  const std::string n = std::to_string(shards.size());
  std::set<std::string> ids;
  size_t i = 0;
  uint64_t max_record = 0, total = 0;
  for (const auto& [name, bytes] : shards) {
    char expect[64];
    std::snprintf(expect, sizeof(expect), "train-%05zu-of-%05zu.jsonl.zst", i++, shards.size());
    EXPECT_EQ(name, expect);
    const auto lines = ReadLines(tmp.Sub("release/" + name));
    EXPECT_FALSE(lines.empty()) << name;
    uint64_t shard_bytes = 0;
    for (const auto& l : lines) {
      EXPECT_TRUE(ids.insert(IdOf(l)).second) << "duplicate " << l.substr(0, 40);
      shard_bytes += l.size() + 1;
      max_record = std::max<uint64_t>(max_record, l.size() + 1);
    }
    total += shard_bytes;
    // Balanced at or under the target, at most one record over.
    EXPECT_LE(shard_bytes, 20000 + max_record) << name;
    EXPECT_GE(shard_bytes, total / shards.size() / 4) << name;
  }
  EXPECT_EQ(ids.size(), 300u);
  EXPECT_FALSE(fs::exists(tmp.Sub("release/_work")));
  EXPECT_TRUE(fs::exists(tmp.Sub("release/_manifest.json")));
  EXPECT_TRUE(fs::exists(tmp.Sub("release/README.md")));
}

TEST(ShardStageTest, CardLinksTheReportWhenGiven) {
  testing::TempDir tmp;
  WriteInputs(tmp.Sub("clean"), 20, 1);
  ASSERT_TRUE(RunShard(Small(), tmp.Sub("clean"), tmp.Sub("plain")).status.ok());
  ShardConfig c = Small();
  c.report_link = "../report.html";
  ASSERT_TRUE(RunShard(c, tmp.Sub("clean"), tmp.Sub("linked")).status.ok());
  std::string plain, linked;
  ASSERT_TRUE(ReadFile(tmp.Sub("plain/README.md"), &plain).ok());
  ASSERT_TRUE(ReadFile(tmp.Sub("linked/README.md"), &linked).ok());
  EXPECT_EQ(plain.find("corpus report"), std::string::npos);
  EXPECT_NE(linked.find("[the report](../report.html)"), std::string::npos) << linked;
  // The link changes the card, not the release: the shards are the same.
  EXPECT_EQ(ReleaseShards(tmp.Sub("plain")), ReleaseShards(tmp.Sub("linked")));
}

TEST(ShardStageTest, DocsPerShard) {
  testing::TempDir tmp;
  WriteInputs(tmp.Sub("clean"), 50, 2);
  ShardConfig c = Small();
  c.target_bytes = 0;
  c.docs_per_shard = 12;
  ASSERT_TRUE(RunShard(c, tmp.Sub("clean"), tmp.Sub("release")).status.ok());
  const auto shards = ReleaseShards(tmp.Sub("release"));
  ASSERT_EQ(shards.size(), 5u);
  EXPECT_EQ(ReadLines(tmp.Sub("release/train-00000-of-00005.jsonl.zst")).size(), 12u);
  EXPECT_EQ(ReadLines(tmp.Sub("release/train-00004-of-00005.jsonl.zst")).size(), 2u);
}

TEST(ShardStageTest, SameSeedSameBytesWhateverThreadsTasksAndBuckets) {
  testing::TempDir tmp;
  WriteInputs(tmp.Sub("clean"), 400, 5);
  ShardConfig c = Small();
  c.val_fraction = 0.1;
  ASSERT_TRUE(RunShard(c, tmp.Sub("clean"), tmp.Sub("a")).status.ok());
  const auto a = ReleaseShards(tmp.Sub("a"));

  ShardConfig many_buckets = c;
  many_buckets.bucket_bytes = 32 << 10;  // many key ranges instead of one
  ASSERT_TRUE(RunShard(many_buckets, tmp.Sub("clean"), tmp.Sub("b"), 2).status.ok());
  EXPECT_EQ(ReleaseShards(tmp.Sub("b")), a);

  // Three tasks, each phase a separate run, in an odd order.
  for (ShardPhase phase : {ShardPhase::kPartition, ShardPhase::kPack}) {
    ShardConfig p = many_buckets;
    p.phase = phase;
    for (int task : {2, 0, 1}) {
      const auto out = RunShard(p, tmp.Sub("clean"), tmp.Sub("c"), 2, task, 3);
      ASSERT_TRUE(out.status.ok()) << out.status.ToString();
      EXPECT_EQ(out.manifest_written, phase == ShardPhase::kPack && task == 1);
    }
  }
  EXPECT_EQ(ReleaseShards(tmp.Sub("c")), a);
  // The cards differ only in the folder names they quote.
  auto card_body = [&](const std::string& dir) {
    std::string card;
    EXPECT_TRUE(ReadFile(JoinPath(dir, "README.md"), &card).ok());
    const size_t from = card.find("## Splits and files");
    return card.substr(from, card.find("## Configs used") - from);
  };
  EXPECT_EQ(card_body(tmp.Sub("a")), card_body(tmp.Sub("c")));

  ShardConfig other = c;
  other.seed = 43;
  ASSERT_TRUE(RunShard(other, tmp.Sub("clean"), tmp.Sub("d")).status.ok());
  auto order = [&](const std::string& dir) {
    std::vector<std::string> ids;
    for (const auto& [name, bytes] : ReleaseShards(dir)) {
      for (const auto& l : ReadLines(JoinPath(dir, name))) ids.push_back(IdOf(l));
    }
    return ids;
  };
  const auto ids_a = order(tmp.Sub("a"));
  const auto ids_d = order(tmp.Sub("d"));
  EXPECT_NE(ids_a, ids_d);
  EXPECT_EQ(std::set<std::string>(ids_a.begin(), ids_a.end()), std::set<std::string>(ids_d.begin(), ids_d.end()));
}

// One input cut into many record ranges: the partition phase handles them
// on several threads and still writes the same release, and a malformed line
// in the middle is set aside with its line number.
TEST(ShardStageTest, OneInputSplitAcrossThreadsGivesTheSameRelease) {
  testing::TempDir tmp;
  WriteInputs(tmp.Sub("clean"), 600, 1);
  {
    ShardWriter w(tmp.Sub("clean/part-bad.jsonl"), 3, true);
    ASSERT_TRUE(w.Write("{\"id\":\"ok-1\",\"text\":\"fine\"}").ok());
    ASSERT_TRUE(w.Write("{\"id\":7,\"text\":\"numeric id\"}").ok());
    ASSERT_TRUE(w.Write("{\"id\":\"ok-2\",\"text\":\"fine\"}").ok());
    ASSERT_TRUE(w.Finish().ok());
  }
  std::map<std::string, std::string> first;
  for (int threads : {1, 2, 4}) {
    CommonOptions o;
    o.inputs = {tmp.Sub("clean")};
    o.out_dir = tmp.Sub("release" + std::to_string(threads));
    o.threads = threads;
    o.range_bytes = 8192;
    const auto outcome = RunShardStage(Small(), o);
    ASSERT_TRUE(outcome.status.ok()) << outcome.status.ToString();
    EXPECT_EQ(outcome.ExitCode(), 3);
    const auto shards = ReleaseShards(o.out_dir);
    ASSERT_GT(shards.size(), 3u);
    if (threads == 1) first = shards;
    else EXPECT_TRUE(shards == first) << threads << " threads";
    const auto rejected = ReadLines(o.out_dir + "/rejected/part-bad.jsonl.zst");
    ASSERT_EQ(rejected.size(), 1u);
    EXPECT_NE(rejected[0].find("\"malformed\""), std::string::npos) << rejected[0];
  }
}

TEST(ShardStageTest, InputOrderDoesNotMatter) {
  testing::TempDir tmp;
  WriteInputs(tmp.Sub("x"), 120, 2);
  WriteInputs(tmp.Sub("y"), 120, 4);  // the same documents in other files
  ASSERT_TRUE(RunShard(Small(), tmp.Sub("x"), tmp.Sub("rx")).status.ok());
  ASSERT_TRUE(RunShard(Small(), tmp.Sub("y"), tmp.Sub("ry")).status.ok());
  EXPECT_EQ(ReleaseShards(tmp.Sub("rx")), ReleaseShards(tmp.Sub("ry")));
}

TEST(ShardStageTest, ValidationSplitIsStableAcrossRefreshesAndSeeds) {
  testing::TempDir tmp;
  WriteInputs(tmp.Sub("v1"), 500, 2);
  WriteInputs(tmp.Sub("v2"), 500, 2);
  WriteInputs(tmp.Sub("v2"), 300, 1, 500);  // a refresh adds documents
  ShardConfig c = Small();
  c.target_bytes = 1 << 20;
  c.val_fraction = 0.2;
  ASSERT_TRUE(RunShard(c, tmp.Sub("v1"), tmp.Sub("r1")).status.ok());
  c.seed = 9;
  ASSERT_TRUE(RunShard(c, tmp.Sub("v2"), tmp.Sub("r2")).status.ok());
  auto held_out = [&](const std::string& dir) {
    std::set<std::string> ids;
    for (const auto& [name, bytes] : ReleaseShards(dir)) {
      if (name.rfind("validation-", 0) != 0) continue;
      for (const auto& l : ReadLines(JoinPath(dir, name))) ids.insert(IdOf(l));
    }
    return ids;
  };
  const auto h1 = held_out(tmp.Sub("r1"));
  const auto h2 = held_out(tmp.Sub("r2"));
  EXPECT_GT(h1.size(), 60u);
  EXPECT_LT(h1.size(), 140u);
  for (const auto& id : h1) EXPECT_TRUE(h2.count(id)) << id;
  for (const auto& id : h2) {
    if (std::stoi(id.substr(4)) < 500) {
      EXPECT_TRUE(h1.count(id)) << id;
    }
  }
}

TEST(ShardStageTest, FieldsSelection) {
  testing::TempDir tmp;
  WriteInputs(tmp.Sub("clean"), 20, 1);
  ShardConfig c = Small();
  c.fields = {"text", "id", "lang"};
  ASSERT_TRUE(RunShard(c, tmp.Sub("clean"), tmp.Sub("release")).status.ok());
  int with_lang = 0;
  for (const auto& [name, bytes] : ReleaseShards(tmp.Sub("release"))) {
    for (const auto& l : ReadLines(tmp.Sub("release/" + name))) {
      Record r;
      ASSERT_TRUE(r.Parse(l).ok());
      const auto keys = r.Keys();
      ASSERT_GE(keys.size(), 2u);
      EXPECT_EQ(keys[0], "text");  // the order asked for
      EXPECT_EQ(keys[1], "id");
      EXPECT_FALSE(r.Has("html"));
      EXPECT_FALSE(r.Has("url"));
      with_lang += r.Has("lang");
    }
  }
  EXPECT_EQ(with_lang, 16);  // every fifth document has no lang: omitted
}

TEST(ShardStageTest, MalformedLinesAreRejectedAndReported) {
  testing::TempDir tmp;
  WriteInputs(tmp.Sub("clean"), 10, 1);
  ASSERT_TRUE(WriteFileAtomic(tmp.Sub("clean/part-bad.jsonl"),
                              "{\"id\":\"ok-1\",\"text\":\"fine\"}\nnot json\n{\"text\":\"no id\"}\n")
                  .ok());
  const auto outcome = RunShard(Small(), tmp.Sub("clean"), tmp.Sub("release"));
  ASSERT_TRUE(outcome.status.ok());
  EXPECT_TRUE(outcome.input_damaged);
  EXPECT_EQ(outcome.ExitCode(), kExitMalformedInput);
  EXPECT_EQ(ReadLines(tmp.Sub("release/rejected/part-bad.jsonl.zst")).size(), 2u);
  StageSummary s;
  ASSERT_TRUE(ReadStageSummary(tmp.Sub("release"), &s).ok());
  EXPECT_EQ(s.counts.records_in, 13u);
  EXPECT_EQ(s.counts.kept, 11u);
  EXPECT_EQ(s.counts.rejected_by_rule["malformed"], 2u);
}

TEST(ShardStageTest, ConfigChangeNeedsForceAndResumeIsIdentical) {
  testing::TempDir tmp;
  WriteInputs(tmp.Sub("clean"), 200, 4);
  ASSERT_TRUE(RunShard(Small(), tmp.Sub("clean"), tmp.Sub("full")).status.ok());
  const auto full = ReleaseShards(tmp.Sub("full"));

  // An interrupted run: partition done, then only some shards packed.
  ShardConfig p = Small();
  p.phase = ShardPhase::kPartition;
  ASSERT_TRUE(RunShard(p, tmp.Sub("clean"), tmp.Sub("part")).status.ok());
  p.phase = ShardPhase::kPack;
  ASSERT_TRUE(RunShard(p, tmp.Sub("clean"), tmp.Sub("part"), 1, 0, 2).status.ok());
  EXPECT_FALSE(fs::exists(tmp.Sub("part/_manifest.json")));
  ASSERT_TRUE(WriteFileAtomic(tmp.Sub("part/train-00001-of-00099.jsonl.zst"), "stale").ok());
  ASSERT_TRUE(RunShard(Small(), tmp.Sub("clean"), tmp.Sub("part")).status.ok());
  EXPECT_EQ(ReleaseShards(tmp.Sub("part")), full);  // the stale shard is gone too

  ShardConfig other = Small();
  other.target_bytes = 5000;
  const auto refused = RunShard(other, tmp.Sub("clean"), tmp.Sub("part"));
  EXPECT_TRUE(refused.status.IsInvalidArgument());
  EXPECT_NE(refused.status.message().find("target_bytes"), std::string::npos);
  EXPECT_EQ(ReleaseShards(tmp.Sub("part")), full);  // nothing touched
  ASSERT_TRUE(RunShard(other, tmp.Sub("clean"), tmp.Sub("part"), 1, 0, 1, /*force=*/true).status.ok());
  EXPECT_GT(ReleaseShards(tmp.Sub("part")).size(), full.size());
}

// Writes a finished stage folder the way the stage runner does.
void FakeStage(const std::string& dir, const std::string& stage, const std::string& input,
               const StageCounts& counts, const std::string& config_key) {
  StageDir d(dir, stage);
  ASSERT_TRUE(d.Create().ok());
  StageConfig cfg;
  cfg.Set(config_key, "on");
  DoneMarker m;
  m.unit = "part-00000";
  m.input = input;
  m.fingerprint = cfg.Fingerprint();
  m.config = cfg.entries();
  m.counts = counts;
  ASSERT_TRUE(d.WriteDone(m).ok());
  bool written = false;
  ASSERT_TRUE(d.MaybeWriteManifest({"part-00000"}, cfg, "", &written).ok());
  ASSERT_TRUE(written);
}

TEST(ShardStageTest, CardNumbersMatchTheManifests) {
  testing::TempDir tmp;
  StageCounts docs;
  docs.records_in = 400;
  docs.bytes_in = 987654;
  docs.kept = 371;
  docs.bytes_out = 123456;
  docs.rejected = 29;
  docs.rejected_by_rule["empty"] = 29;
  FakeStage(tmp.Sub("docs"), "extract", tmp.Sub("pages/part-00000.jsonl.zst"), docs, "extract_setting");
  StageCounts clean;
  clean.records_in = 371;
  clean.bytes_in = 123456;
  clean.kept = 160;
  clean.bytes_out = 99999;
  clean.rejected = 211;
  clean.rejected_by_rule["gopher_word_count"] = 200;
  clean.rejected_by_rule["language"] = 11;
  // The filter stage's inputs are docs/; its output folder holds the shards.
  FakeStage(tmp.Sub("clean"), "filter", tmp.Sub("docs/part-00000.jsonl.zst"), clean, "filter_setting");
  WriteInputs(tmp.Sub("clean"), 160, 1);
  ShardConfig c = Small();
  c.val_fraction = 0.1;
  ASSERT_TRUE(RunShard(c, tmp.Sub("clean"), tmp.Sub("release")).status.ok());

  std::string card, manifest;
  ASSERT_TRUE(ReadFile(tmp.Sub("release/README.md"), &card).ok());
  ASSERT_TRUE(ReadFile(tmp.Sub("release/_manifest.json"), &manifest).ok());
  auto has = [&](const std::string& s) { EXPECT_NE(card.find(s), std::string::npos) << s << "\n" << card; };
  has("| extract | `" + tmp.Sub("docs") + "` | 400 | 987654 | 371 | 123456 | 29 |");
  has("| filter | `" + tmp.Sub("clean") + "` | 371 | 123456 | 160 | 99999 | 211 |");
  has("| filter | `gopher_word_count` | 200 | 53.91% |");
  has("| extract | `empty` | 29 | 7.25% |");
  has("extract_setting");
  has("filter_setting");
  has("load_dataset(");

  simdjson::dom::parser parser;
  simdjson::dom::element root;
  ASSERT_FALSE(parser.parse(manifest).get(root));
  for (const char* split : {"train", "validation"}) {
    simdjson::dom::element s;
    ASSERT_FALSE(root["splits"][split].get(s)) << split;
    has(std::string("| ") + split + " | " + std::to_string(uint64_t(s["shards"])) + " | " +
        std::to_string(uint64_t(s["documents"])) + " | " + std::to_string(uint64_t(s["bytes"])) + " | " +
        std::to_string(uint64_t(s["file_bytes"])) + " | " + std::to_string(uint64_t(s["words"])) + " | " +
        std::to_string(uint64_t(s["characters"])) + " |");
  }
  uint64_t docs_sum = 0, lang_sum = 0;
  for (auto o : root["outputs"].get_array()) {
    docs_sum += uint64_t(o["documents"]);
    has("| `" + std::string(std::string_view(o["path"])) + "` | " + std::to_string(uint64_t(o["documents"])) +
        " | " + std::to_string(uint64_t(o["bytes"])) + " | " + std::to_string(uint64_t(o["words"])) + " | " +
        std::to_string(uint64_t(o["characters"])) + " | `" + std::string(std::string_view(o["sha256"])) + "` |");
  }
  EXPECT_EQ(docs_sum, 160u);
  EXPECT_EQ(uint64_t(root["counts"]["kept"]), 160u);
  for (auto [lang, n] : root["release"]["languages"].get_object()) {
    lang_sum += uint64_t(n);
    has("| `" + std::string(lang) + "` | " + std::to_string(uint64_t(n)) + " |");
  }
  EXPECT_EQ(lang_sum, 160u);
  uint64_t hist_sum = 0;
  for (auto bin : root["release"]["length_histogram"].get_array()) hist_sum += uint64_t(bin["documents"]);
  EXPECT_EQ(hist_sum, 160u);
  // The sha256 in the manifest is the file's.
  for (auto o : root["outputs"].get_array()) {
    std::string bytes;
    ASSERT_TRUE(ReadFile(tmp.Sub("release/" + std::string(std::string_view(o["path"]))), &bytes).ok());
    EXPECT_EQ(Sha256Hex(bytes), std::string_view(o["sha256"]));
  }
}

}  // namespace
}  // namespace corpus
