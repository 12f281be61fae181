#include "corpus/shard/pack.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <memory>

#include "corpus/io/byte_stream.h"
#include "corpus/io/shard_writer.h"
#include "corpus/shard/shuffle_buckets.h"
#include "corpus/stage/signals.h"
#include "corpus/util/fs.h"

namespace corpus {
namespace {

// A bucket held in memory: every line of every input's file for one key
// range, in one arena, with an index sorted into release order.
class LoadedBucket {
 public:
  struct Ref {
    uint64_t key;
    uint64_t offset;
    uint64_t size;
  };

  Status Load(const StageDir& dir, const std::vector<std::string>& units, int split, uint32_t bucket) {
    for (const auto& unit : units) {
      const std::string path = ShuffleBuckets::Path(dir.root(), unit, split, bucket);
      if (!PathExists(path)) continue;  // this input had no record in the range
      std::unique_ptr<ByteStream> stream;
      CORPUS_RETURN_IF_ERROR(ByteStream::Open(path, &stream));
      LineReader reader(std::move(stream));
      std::string_view line;
      BucketEntry e;
      while (reader.Next(&line)) {
        if (!ShuffleBuckets::DecodeLine(line, &e)) {
          return Status::Corruption("bad bucket line in " + path + " line " +
                                    std::to_string(reader.line_number()));
        }
        refs_.push_back({e.key, arena_.size(), line.size()});
        arena_.append(line);
      }
      if (!reader.status().ok()) return Status::Corruption(path + ": " + reader.status().message());
    }
    std::sort(refs_.begin(), refs_.end(), [this](const Ref& a, const Ref& b) {
      if (a.key != b.key) return a.key < b.key;
      return Line(a) < Line(b);
    });
    return Status::OK();
  }

  const std::vector<Ref>& refs() const { return refs_; }
  std::string_view Line(const Ref& r) const { return std::string_view(arena_).substr(r.offset, r.size); }

 private:
  std::string arena_;
  std::vector<Ref> refs_;
};

}  // namespace

Status PackShard(const PackJob& job) {
  const auto start = std::chrono::steady_clock::now();
  const SplitPlan& plan = *job.plan;
  const StageDir& dir = *job.dir;
  const std::string path = JoinPath(dir.root(), plan.ShardFileName(job.shard));
  ShardWriter writer(path, job.zstd_level, /*create_empty=*/true);
  uint64_t words = 0, characters = 0;

  uint32_t first, last;
  plan.BucketsOfShard(job.shard, &first, &last);
  for (uint32_t b = first; b <= last; ++b) {
    if (StopRequested()) return Status::Aborted("stopped by signal");
    LoadedBucket bucket;
    CORPUS_RETURN_IF_ERROR(bucket.Load(dir, job.input_units, plan.split(), b));
    uint64_t position = plan.BucketStart(b);
    BucketEntry e;
    bool past_shard = false;
    for (const auto& ref : bucket.refs()) {
      ShuffleBuckets::DecodeLine(bucket.Line(ref), &e);
      const uint64_t shard = plan.ShardOf(position);
      position += plan.Advance(e.json.size() + 1);
      if (shard < job.shard) continue;
      if (shard > job.shard) {
        past_shard = true;
        break;
      }
      CORPUS_RETURN_IF_ERROR(writer.Write(e.json));
      words += e.words;
      characters += e.characters;
    }
    if (!past_shard && position != plan.BucketStart(b + 1)) {
      // Walked the whole bucket: its size must match what phase 1 recorded.
      return Status::Corruption("bucket " + std::to_string(b) + " of " + plan.split_name() +
                                " does not match its _done markers; rerun with --force");
    }
  }
  CORPUS_RETURN_IF_ERROR(writer.Finish());
  if (writer.stats().records == 0) {
    return Status::Internal("shard " + plan.ShardFileName(job.shard) + " came out empty");
  }

  DoneMarker marker;
  marker.unit = plan.ShardUnit(job.shard);
  marker.input = "_work/buckets";
  OutputFile f;
  f.path = dir.Relative(path);
  f.records = writer.stats().records;
  f.bytes = writer.stats().uncompressed_bytes;
  f.file_bytes = writer.stats().file_bytes;
  f.sha256 = writer.stats().sha256;
  marker.outputs.push_back(f);
  marker.counts.kept = f.records;
  marker.counts.bytes_out = f.bytes;
  marker.counts.counters["words"] = words;
  marker.counts.counters["characters"] = characters;
  marker.counts.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  marker.fingerprint = job.pack_config.Fingerprint();
  marker.config = job.pack_config.entries();
  return dir.WriteDone(marker);
}

}  // namespace corpus
