#include "corpus/shard/partition.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <vector>

#include "corpus/io/record.h"
#include "corpus/io/shard_writer.h"
#include "corpus/shard/doc_stats.h"
#include "corpus/shard/shuffle_buckets.h"
#include "corpus/shard/shuffle_key.h"
#include "corpus/stage/map_stage.h"
#include "corpus/util/fs.h"
#include "corpus/util/json.h"

namespace corpus {
namespace {

// The release record: the chosen fields, in the order given, values copied
// byte for byte; fields the record lacks are left out.
void Project(const Record& rec, const std::vector<std::string>& fields, std::string* out) {
  out->clear();
  out->push_back('{');
  bool first = true;
  for (const auto& f : fields) {
    auto raw = rec.GetRaw(f);
    if (!raw) continue;
    if (!first) out->push_back(',');
    first = false;
    AppendJsonString(out, f);
    out->push_back(':');
    out->append(*raw);
  }
  out->push_back('}');
}

// The release stats of the records seen, as marker counters.
void CountStats(const ReleaseStats& stats, Emitter& out) {
  StageCounts counts;
  stats.ToCounters(&counts);
  for (const auto& [name, n] : counts.counters) out.Count(name, n);
}

// Projects and keys the records of one range of an input (any thread),
// keeping them in memory until the sink appends them to their buckets.
class PartitionProcessor : public RecordProcessor {
 public:
  struct Entry {
    int split = 0;
    uint32_t bucket = 0;
    std::string line;         // the bucket line
    uint64_t json_bytes = 0;  // release JSON bytes with the newline
  };

  PartitionProcessor(const ShardConfig& cfg, uint32_t buckets) : cfg_(cfg), buckets_(buckets) {}

  Status Process(Record& rec, Emitter& out) override {
    // RequiresId(): ParseInputRecord() made sure "id" is a string.
    const std::string id = rec.GetString("id").value_or("");
    Project(rec, cfg_.fields, &json_);
    const std::string text = rec.GetString("text").value_or("");
    BucketEntry b;
    b.key = ShuffleKey(cfg_.seed, id);
    b.words = CountWords(text);
    b.characters = CountCharacters(text);
    b.json = json_;
    Entry e;
    e.split = InValidationSplit(id, cfg_.val_fraction) ? 1 : 0;
    e.bucket = BucketOfKey(b.key, buckets_);
    e.json_bytes = json_.size() + 1;
    ShuffleBuckets::EncodeLine(b, &e.line);
    stats_.AddDocument(b.words, b.characters, rec.GetString("lang").value_or(""));
    max_record[e.split] = std::max<uint64_t>(max_record[e.split], e.json_bytes);
    out.KeepElsewhere(e.json_bytes);
    entries.push_back(std::move(e));
    return Status::OK();
  }

  Status Finish(Emitter& out) override {
    CountStats(stats_, out);
    return Status::OK();
  }

  std::vector<Entry> entries;
  uint64_t max_record[kNumSplits] = {0, 0};

 private:
  const ShardConfig& cfg_;
  const uint32_t buckets_;
  ReleaseStats stats_;
  std::string json_;
};

// Appends the partitioned ranges of one input to its bucket files, in input
// order, and lists the files in its marker.
class BucketSink : public InputSink {
 public:
  BucketSink(const std::string& root, const std::string& unit, uint32_t buckets)
      : root_(root), unit_(unit), buckets_(buckets), slots_(static_cast<size_t>(kNumSplits) * buckets) {}

  Status Commit(RecordProcessor& processor) override {
    auto& r = static_cast<PartitionProcessor&>(processor);
    for (const PartitionProcessor::Entry& e : r.entries) {
      Slot& slot = slots_[static_cast<size_t>(e.split) * buckets_ + e.bucket];
      if (!slot.writer) {
        // Bucket files are scratch space: fastest zstd level.
        slot.writer = std::make_unique<ShardWriter>(ShuffleBuckets::Path(root_, unit_, e.split, e.bucket), 1,
                                                    /*create_empty=*/false);
      }
      CORPUS_RETURN_IF_ERROR(slot.writer->Write(e.line));
      slot.records++;
      slot.json_bytes += e.json_bytes;
    }
    for (int split = 0; split < kNumSplits; ++split) {
      max_record_[split] = std::max(max_record_[split], r.max_record[split]);
    }
    return Status::OK();
  }

  Status Finish(Emitter& out) override {
    for (int split = 0; split < kNumSplits; ++split) {
      for (uint32_t b = 0; b < buckets_; ++b) {
        Slot& slot = slots_[static_cast<size_t>(split) * buckets_ + b];
        if (!slot.writer) continue;
        CORPUS_RETURN_IF_ERROR(slot.writer->Finish());
        OutputFile f;
        f.path = ShuffleBuckets::RelativePath(unit_, split, b);
        f.records = slot.records;
        f.bytes = slot.json_bytes;  // release bytes, what shard sizes are cut by
        f.file_bytes = slot.writer->stats().file_bytes;
        f.sha256 = slot.writer->stats().sha256;
        out.AddOutput(f);
        slot.writer.reset();  // free the compressor early
      }
      if (max_record_[split]) out.Count(MaxRecordCounter(split), max_record_[split]);
    }
    return Status::OK();
  }

 private:
  struct Slot {
    std::unique_ptr<ShardWriter> writer;
    uint64_t records = 0;
    uint64_t json_bytes = 0;
  };
  const std::string root_;
  const std::string unit_;
  const uint32_t buckets_;
  std::vector<Slot> slots_;
  uint64_t max_record_[kNumSplits] = {0, 0};
};

// The marker config without the bucket count, which follows the input size
// and is not a user setting.
StageConfig UserPart(const std::map<std::string, std::string>& entries) {
  StageConfig c;
  for (const auto& [k, v] : entries) {
    if (k != "buckets") c.Set(k, v);
  }
  return c;
}

// Phase 1 of shard as a MapStage; see partition.h.
class PartitionStage : public MapStage {
 public:
  PartitionStage(const ShardConfig& cfg, const StageConfig& stage_config, const StageConfig& work_config,
                 uint32_t buckets, const std::string& root)
      : cfg_(cfg), stage_config_(stage_config), work_config_(work_config), buckets_(buckets), root_(root) {}

  std::string name() const override { return "shard"; }
  StageConfig config() const override { return work_config_; }
  bool SplitsInput() const override { return true; }
  bool WritesKeptShard() const override { return false; }
  bool WritesManifest() const override { return false; }  // the pack phase writes it

  // A marker made with other user settings is an error unless --force; one
  // made for another bucket count (the input grew) is silently redone. When
  // anything is to be done, inputs done earlier whose buckets were cleaned up
  // after a release are partitioned again, or the new release would miss them.
  Status Plan(const StageDir& dir, const std::vector<std::string>& units, bool force,
              std::vector<std::string>* todo) override {
    todo->clear();
    for (const auto& unit : units) {
      DoneMarker m;
      if (!dir.ReadDone(unit, &m).ok()) {
        todo->push_back(unit);
        continue;
      }
      if (m.fingerprint == work_config_.Fingerprint() && !force) continue;
      if (!force && UserPart(m.config).Fingerprint() != stage_config_.Fingerprint()) {
        return Status::InvalidArgument(dir.root() + " was made with a different shard config (" +
                                       stage_config_.Diff(UserPart(m.config).entries()) +
                                       "); use --force to redo it or choose another --out");
      }
      todo->push_back(unit);
    }
    if (todo->empty()) return Status::OK();
    for (const auto& u : units) {
      if (std::find(todo->begin(), todo->end(), u) == todo->end() &&
          !IsDirectory(ShuffleBuckets::UnitDir(dir.root(), u))) {
        todo->push_back(u);
      }
    }
    return Status::OK();
  }

  Status NewProcessor(const std::string&, std::unique_ptr<RecordProcessor>* out) override {
    *out = std::make_unique<PartitionProcessor>(cfg_, buckets_);
    return Status::OK();
  }

  Status NewInputSink(const std::string&, const std::string& unit, std::unique_ptr<InputSink>* out) override {
    const std::string unit_dir = ShuffleBuckets::UnitDir(root_, unit);
    std::error_code ec;
    std::filesystem::remove_all(unit_dir, ec);  // a killed attempt's leftovers
    CORPUS_RETURN_IF_ERROR(MakeDirs(unit_dir));
    *out = std::make_unique<BucketSink>(root_, unit, buckets_);
    return Status::OK();
  }

 private:
  const ShardConfig& cfg_;
  const StageConfig stage_config_;
  const StageConfig work_config_;
  const uint32_t buckets_;
  const std::string root_;  // the stage folder, DIR
};

}  // namespace

std::string MaxRecordCounter(int split) {
  return std::string("shard.max_record_bytes.") + kSplits[split];
}

StageOutcome RunPartitionPhase(const ShardConfig& cfg, const CommonOptions& opts, const StageConfig& stage_config,
                               const StageConfig& work_config, uint32_t buckets) {
  PartitionStage stage(cfg, stage_config, work_config, buckets, StageDir(opts.out_dir, "shard").root());
  return RunMapStage(stage, opts);
}

}  // namespace corpus
