#include <ctime>

#include "corpus/shard/release.h"
#include "corpus/shard/shuffle_buckets.h"
#include "corpus/util/json.h"
#include "corpus/util/rfc3339.h"
#include "corpus/version.h"

namespace corpus {
namespace {

std::string ShardJson(const ReleaseShard& s) {
  return JsonObjectWriter()
      .String("path", s.file.path)
      .String("split", s.split)
      .Uint("documents", s.file.records)
      .Uint("records", s.file.records)
      .Uint("bytes", s.file.bytes)
      .Uint("file_bytes", s.file.file_bytes)
      .Uint("words", s.words)
      .Uint("characters", s.characters)
      .String("sha256", s.file.sha256)
      .Finish();
}

}  // namespace

ReleaseShard ReleaseInfo::SplitTotals(const std::string& split, uint64_t* shard_count) const {
  ReleaseShard t;
  t.split = split;
  *shard_count = 0;
  for (const auto& s : shards) {
    if (s.split != split) continue;
    ++*shard_count;
    t.file.records += s.file.records;
    t.file.bytes += s.file.bytes;
    t.file.file_bytes += s.file.file_bytes;
    t.words += s.words;
    t.characters += s.characters;
  }
  return t;
}

std::string ReleaseManifestJson(const ReleaseInfo& info) {
  std::string inputs = "[";
  for (size_t i = 0; i < info.inputs.size(); ++i) {
    if (i) inputs += ",";
    AppendJsonString(&inputs, info.inputs[i]);
  }
  inputs += "]";
  std::string outputs = "[";
  uint64_t file_bytes = 0;
  for (size_t i = 0; i < info.shards.size(); ++i) {
    if (i) outputs += ",";
    outputs += ShardJson(info.shards[i]);
    file_bytes += info.shards[i].file.file_bytes;
  }
  outputs += "]";
  std::string damaged = "[";
  for (size_t i = 0; i < info.damaged.size(); ++i) {
    if (i) damaged += ",";
    damaged += JsonObjectWriter()
                   .String("input", info.damaged[i].first)
                   .String("damage", info.damaged[i].second)
                   .Finish();
  }
  damaged += "]";
  JsonObjectWriter splits;
  for (const char* split : kSplits) {
    uint64_t n = 0;
    const ReleaseShard t = info.SplitTotals(split, &n);
    if (n == 0) continue;
    splits.Raw(split, JsonObjectWriter()
                          .Uint("shards", n)
                          .Uint("documents", t.file.records)
                          .Uint("bytes", t.file.bytes)
                          .Uint("file_bytes", t.file.file_bytes)
                          .Uint("words", t.words)
                          .Uint("characters", t.characters)
                          .Finish());
  }
  const std::string shuffle = JsonObjectWriter()
                                  .String("order", "ascending XXH3-64(id, seed)")
                                  .Uint("seed", info.config.seed)
                                  .String("split", "XXH3-64(id, fixed salt) / 2^64 < val_fraction")
                                  .Uint("buckets", info.buckets)
                                  .Finish();
  return JsonObjectWriter()
             .String("stage", "shard")
             .String("version", CORPUS_VERSION)
             .String("config_fingerprint", info.stage_config.Fingerprint())
             .Raw("config", info.stage_config.ToJson())
             .Raw("counts", info.counts.ToJson())
             .Raw("inputs", inputs)
             .Raw("outputs", outputs)
             .Uint("output_file_bytes", file_bytes)
             .Raw("damaged_inputs", damaged)
             .Raw("splits", splits.Finish())
             .Raw("release", info.stats.ToJson())
             .Raw("shuffle", shuffle)
             .String("finished_at", NowRfc3339())
             .Finish() +
         "\n";
}

}  // namespace corpus
