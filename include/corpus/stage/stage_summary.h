#ifndef CORPUS_STAGE_STAGE_SUMMARY_H_
#define CORPUS_STAGE_STAGE_SUMMARY_H_

#include <string>
#include <vector>

#include "corpus/stage/stage_stats.h"
#include "corpus/util/status.h"

namespace corpus {

// StageSummary is what one stage folder says about its run, read from its
// `_manifest.json` (or, while a stage is unfinished, summed over its `_done`
// markers). `corpus stats` prints it; `corpus shard` puts it in the card.
struct StageSummary {
  std::string dir;
  std::string stage;
  bool complete = false;  // the manifest exists
  size_t units = 0;
  StageCounts counts;
  std::string config_json = "{}";
  std::string version;
  std::string finished_at;
  std::vector<std::string> damaged;  // "input: what broke"
};

Status ReadStageSummary(const std::string& dir, StageSummary* out);

// Human-readable funnel of several stages, in the order given.
std::string FormatFunnel(const std::vector<StageSummary>& stages);

}  // namespace corpus

#endif  // CORPUS_STAGE_STAGE_SUMMARY_H_
