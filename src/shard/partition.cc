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
#include "corpus/stage/signals.h"
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

}  // namespace

std::string MaxRecordCounter(int split) {
  return std::string("shard.max_record_bytes.") + kSplits[split];
}

Status PartitionInput(const PartitionJob& job, Progress* progress, bool* damaged) {
  const auto start = std::chrono::steady_clock::now();
  const ShardConfig& cfg = *job.config;
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
  StageCounts counts;
  ReleaseStats stats;
  uint64_t max_record[kNumSplits] = {0, 0};
  Record rec;
  std::string json, line;
  std::string_view in;
  uint64_t last_offset = 0;
  while (source->Next(&in)) {
    if (StopRequested()) return Status::Aborted("stopped by signal");
    counts.records_in++;
    counts.bytes_in += in.size() + 1;
    if (progress) {
      progress->records.fetch_add(1, std::memory_order_relaxed);
      const uint64_t off = source->file_offset();
      progress->bytes.fetch_add(off - last_offset, std::memory_order_relaxed);
      last_offset = off;
    }
    // The one malformed-line rule of every stage.
    const Status parsed = ParseInputRecord(in, /*requires_id=*/true, &rec);
    std::optional<std::string> id;
    if (parsed.ok()) id = rec.GetString("id");
    if (!parsed.ok() || !id) {
      counts.rejected++;
      counts.rejected_by_rule["malformed"]++;
      *damaged = true;
      CORPUS_RETURN_IF_ERROR(rejected.Write(
          MalformedRecordJson("shard", parsed.ok() ? "id is not a string" : parsed.message(), job.input,
                              source->position(), in)));
      continue;
    }
    Project(rec, cfg.fields, &json);
    const std::string text = rec.GetString("text").value_or("");
    BucketEntry e;
    e.key = ShuffleKey(cfg.seed, *id);
    e.words = CountWords(text);
    e.characters = CountCharacters(text);
    e.json = json;
    stats.AddDocument(e.words, e.characters, rec.GetString("lang").value_or(""));

    const int split = InValidationSplit(*id, cfg.val_fraction) ? 1 : 0;
    const uint32_t bucket = BucketOfKey(e.key, job.buckets);
    BucketSlot& slot = slots[static_cast<size_t>(split) * job.buckets + bucket];
    if (!slot.writer) {
      // Bucket files are scratch space: fastest zstd level.
      slot.writer = std::make_unique<ShardWriter>(
          ShuffleBuckets::Path(dir.root(), job.unit, split, bucket), 1, /*create_empty=*/false);
    }
    ShuffleBuckets::EncodeLine(e, &line);
    CORPUS_RETURN_IF_ERROR(slot.writer->Write(line));
    slot.records++;
    slot.json_bytes += json.size() + 1;
    max_record[split] = std::max<uint64_t>(max_record[split], json.size() + 1);
    counts.kept++;
    counts.bytes_out += json.size() + 1;
  }
  if (progress && source->file_size() > last_offset) {
    progress->bytes.fetch_add(source->file_size() - last_offset, std::memory_order_relaxed);
  }

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
    if (max_record[split]) counts.counters[MaxRecordCounter(split)] = max_record[split];
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
