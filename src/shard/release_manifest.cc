#include <ctime>

#include "corpus/shard/release.h"
#include "corpus/shard/shuffle_buckets.h"
#include "corpus/stage/stage_manifest.h"
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
  StageManifest m;
  m.stage = "shard";
  m.version = CORPUS_VERSION;
  m.config_fingerprint = info.stage_config.Fingerprint();
  m.config_json = info.stage_config.ToJson();
  m.counts = info.counts;
  m.inputs = info.inputs;
  for (const ReleaseShard& shard : info.shards) {
    m.outputs.push_back(ShardJson(shard));
    m.output_file_bytes += shard.file.file_bytes;
  }
  for (const auto& [input, damage] : info.damaged) m.damaged_inputs.push_back({input, damage});
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
  m.fields = {{"splits", splits.Finish()}, {"release", info.stats.ToJson()}, {"shuffle", shuffle}};
  m.finished_at = NowRfc3339();
  return m.ToJson() + "\n";
}

}  // namespace corpus
