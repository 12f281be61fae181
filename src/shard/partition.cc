#include "corpus/shard/partition.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>
#include <vector>

#include "corpus/io/record.h"
#include "corpus/io/record_source.h"
#include "corpus/io/shard_writer.h"
#include "corpus/shard/doc_stats.h"
#include "corpus/shard/shuffle_buckets.h"
#include "corpus/shard/shuffle_key.h"
#include "corpus/stage/record_ranges.h"
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

struct BucketSlot {
  std::unique_ptr<ShardWriter> writer;
  uint64_t records = 0;
  uint64_t json_bytes = 0;
};

// One range's records, projected and keyed (or set aside as malformed), in
// input order.
struct PartitionedRange : public RangeResult {
  struct Entry {
    bool malformed = false;
    int split = 0;
    uint32_t bucket = 0;
    std::string line;        // the bucket line, or the rejected record
    uint64_t json_bytes = 0;  // release JSON bytes with the newline
    uint64_t words = 0;
    uint64_t characters = 0;
    std::string lang;
  };
  std::vector<Entry> entries;
  StageCounts counts;
};

// Projects and keys the records of one input's ranges on any thread, and
// appends them in input order to the input's bucket and rejected files.
class PartitionRanges : public RangeJob {
 public:
  PartitionRanges(const PartitionJob& job, std::vector<BucketSlot>& slots, ShardWriter& rejected)
      : job_(job), slots_(slots), rejected_(rejected) {}

  Status Process(const RecordRange& range, std::unique_ptr<RangeResult>* result) override {
    const ShardConfig& cfg = *job_.config;
    auto r = std::make_unique<PartitionedRange>();
    Record rec;
    std::string json;
    for (size_t i = 0; i < range.size(); ++i) {
      const std::string_view in = range.record(i);
      r->counts.records_in++;
      r->counts.bytes_in += in.size() + 1;
      PartitionedRange::Entry e;
      // The one malformed-line rule of every stage.
      const Status parsed = ParseInputRecord(in, /*requires_id=*/true, &rec);
      std::optional<std::string> id;
      if (parsed.ok()) id = rec.GetString("id");
      if (!parsed.ok() || !id) {
        e.malformed = true;
        e.line = MalformedRecordJson("shard", parsed.ok() ? "id is not a string" : parsed.message(),
                                     job_.input, range.positions[i], in);
        r->entries.push_back(std::move(e));
        continue;
      }
      Project(rec, cfg.fields, &json);
      const std::string text = rec.GetString("text").value_or("");
      BucketEntry b;
      b.key = ShuffleKey(cfg.seed, *id);
      b.words = CountWords(text);
      b.characters = CountCharacters(text);
      b.json = json;
      e.words = b.words;
      e.characters = b.characters;
      e.lang = rec.GetString("lang").value_or("");
      e.split = InValidationSplit(*id, cfg.val_fraction) ? 1 : 0;
      e.bucket = BucketOfKey(b.key, job_.buckets);
      e.json_bytes = json.size() + 1;
      ShuffleBuckets::EncodeLine(b, &e.line);
      r->entries.push_back(std::move(e));
    }
    *result = std::move(r);
    return Status::OK();
  }

  Status Commit(const RecordRange&, std::unique_ptr<RangeResult> result) override {
    auto& r = static_cast<PartitionedRange&>(*result);
    for (PartitionedRange::Entry& e : r.entries) {
      if (e.malformed) {
        counts.rejected++;
        counts.rejected_by_rule["malformed"]++;
        CORPUS_RETURN_IF_ERROR(rejected_.Write(e.line));
        continue;
      }
      stats.AddDocument(e.words, e.characters, e.lang);
      BucketSlot& slot = slots_[static_cast<size_t>(e.split) * job_.buckets + e.bucket];
      if (!slot.writer) {
        // Bucket files are scratch space: fastest zstd level.
        slot.writer = std::make_unique<ShardWriter>(
            ShuffleBuckets::Path(job_.dir->root(), job_.unit, e.split, e.bucket), 1, /*create_empty=*/false);
      }
      CORPUS_RETURN_IF_ERROR(slot.writer->Write(e.line));
      slot.records++;
      slot.json_bytes += e.json_bytes;
      max_record[e.split] = std::max<uint64_t>(max_record[e.split], e.json_bytes);
      counts.kept++;
      counts.bytes_out += e.json_bytes;
    }
    counts.records_in += r.counts.records_in;
    counts.bytes_in += r.counts.bytes_in;
    return Status::OK();
  }

  StageCounts counts;
  ReleaseStats stats;
  uint64_t max_record[kNumSplits] = {0, 0};

 private:
  const PartitionJob& job_;
  std::vector<BucketSlot>& slots_;
  ShardWriter& rejected_;
};

}  // namespace

std::string MaxRecordCounter(int split) {
  return std::string("shard.max_record_bytes.") + kSplits[split];
}

Status PartitionInput(const PartitionJob& job, Progress* progress, bool* damaged) {
  const auto start = std::chrono::steady_clock::now();
  const StageDir& dir = *job.dir;
  const std::string unit_dir = ShuffleBuckets::UnitDir(dir.root(), job.unit);
  std::error_code ec;
  std::filesystem::remove_all(unit_dir, ec);  // a killed attempt's leftovers
  CORPUS_RETURN_IF_ERROR(MakeDirs(unit_dir));

  std::unique_ptr<RecordSource> source;
  Status st = OpenRecordSource(job.input, &source);
  if (!st.ok()) return st.IsNotFound() ? Status::IOError(st.message()) : st;

  std::vector<BucketSlot> slots(static_cast<size_t>(kNumSplits) * job.buckets);
  ShardWriter rejected(dir.RejectedPath(job.unit), job.zstd_level, /*create_empty=*/false);
  PartitionRanges ranges(job, slots, rejected);
  CORPUS_RETURN_IF_ERROR(RunRecordRanges(*source, job.ranges, ranges, progress));
  StageCounts& counts = ranges.counts;
  ReleaseStats& stats = ranges.stats;
  if (counts.rejected_by_rule.count("malformed")) *damaged = true;

  DoneMarker marker;
  const Status src_status = source->status();
  if (!src_status.ok()) {
    if (!src_status.IsCorruption()) return src_status;
    marker.damage = src_status.message();
    *damaged = true;
    spdlog::warn("{}: {}; records before the damage were used", job.input, src_status.message());
  }
  for (int split = 0; split < kNumSplits; ++split) {
    for (uint32_t b = 0; b < job.buckets; ++b) {
      BucketSlot& slot = slots[static_cast<size_t>(split) * job.buckets + b];
      if (!slot.writer) continue;
      CORPUS_RETURN_IF_ERROR(slot.writer->Finish());
      OutputFile f;
      f.path = ShuffleBuckets::RelativePath(job.unit, split, b);
      f.records = slot.records;
      f.bytes = slot.json_bytes;  // release bytes, what shard sizes are cut by
      f.file_bytes = slot.writer->stats().file_bytes;
      f.sha256 = slot.writer->stats().sha256;
      marker.outputs.push_back(std::move(f));
      slot.writer.reset();  // free the compressor early
    }
  }
  CORPUS_RETURN_IF_ERROR(rejected.Finish());
  if (rejected.created()) {
    OutputFile f;
    f.path = dir.Relative(rejected.path());
    f.records = rejected.stats().records;
    f.bytes = rejected.stats().uncompressed_bytes;
    f.file_bytes = rejected.stats().file_bytes;
    f.sha256 = rejected.stats().sha256;
    marker.outputs.push_back(std::move(f));
  }
  stats.ToCounters(&counts);
  for (int split = 0; split < kNumSplits; ++split) {
    if (ranges.max_record[split]) counts.counters[MaxRecordCounter(split)] = ranges.max_record[split];
  }
  counts.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  marker.unit = job.unit;
  marker.input = job.input;
  marker.fingerprint = job.work_config.Fingerprint();
  marker.config = job.work_config.entries();
  marker.counts = std::move(counts);
  return dir.WriteDone(marker);
}

}  // namespace corpus
