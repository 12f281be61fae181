#ifndef CORPUS_SHARD_RELEASE_H_
#define CORPUS_SHARD_RELEASE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "corpus/shard/doc_stats.h"
#include "corpus/shard/shard_config.h"
#include "corpus/stage/stage_config.h"
#include "corpus/stage/stage_dir.h"
#include "corpus/stage/stage_stats.h"
#include "corpus/stage/stage_summary.h"

namespace corpus {

// One shard of a release as the manifest and the card describe it.
struct ReleaseShard {
  std::string split;
  OutputFile file;  // records = documents, bytes = uncompressed JSON
  uint64_t words = 0;
  uint64_t characters = 0;
};

// ReleaseInfo is everything known about a finished release, gathered from
// the `_done` markers of both phases: what `_manifest.json` and `README.md`
// are written from, so the two always agree.
struct ReleaseInfo {
  std::string dir;
  ShardConfig config;
  StageConfig stage_config;
  uint32_t buckets = 1;
  std::vector<std::string> inputs;
  std::vector<std::pair<std::string, std::string>> damaged;  // input, what broke
  StageCounts counts;  // the funnel numbers of this stage, for `corpus stats`
  ReleaseStats stats;
  std::vector<ReleaseShard> shards;  // train shards first, in order

  // Documents, bytes, words, characters and shards of one split.
  ReleaseShard SplitTotals(const std::string& split, uint64_t* shard_count) const;
};

// The release's `_manifest.json` (docs/ARCHITECTURE.md, "Output folders" keys, which `corpus stats`
// and the lineage walk read, plus "splits", "release" and per-shard
// words and characters).
std::string ReleaseManifestJson(const ReleaseInfo& info);

// The dataset card (`README.md`): the funnel over `upstream` stages (in
// pipeline order, read with ReadStageSummary), this release's splits, files,
// languages, length histogram, configs, shuffle, and how to load it. Holds
// no timestamps, so an interrupted and resumed run writes the same card.
std::string RenderDatasetCard(const ReleaseInfo& info, const std::vector<StageSummary>& upstream);

// Fills `info` from the phase-1 markers of `input_units` and the phase-2
// markers of `shard_units` (all must exist). The release stats and
// internal counters are taken out of the summed counts.
Status GatherReleaseInfo(const StageDir& dir, const std::vector<std::string>& input_units,
                         const std::vector<std::string>& shard_units, ReleaseInfo* info);

// Writes README.md, then `_manifest.json` (its presence means "complete"),
// then removes what no longer belongs to the release: shard files and
// markers of an earlier plan, and the scratch folder `_work/`.
Status PublishRelease(const StageDir& dir, const ReleaseInfo& info,
                      const std::vector<std::string>& shard_units);

}  // namespace corpus

#endif  // CORPUS_SHARD_RELEASE_H_
