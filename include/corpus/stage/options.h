#ifndef CORPUS_STAGE_OPTIONS_H_
#define CORPUS_STAGE_OPTIONS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "corpus/util/status.h"

namespace corpus {

// Options every stage takes (docs/ARCHITECTURE.md, "Commands"), filled in by the CLI layer.
// zstd levels of output shards (BENCHMARKS.md, "N-gram counting and output
// compression"). The working folders (pages/, docs/, unique/, clean/ and
// decon's output) are read once, by the next stage: level 1 costs 8-9% less
// CPU than 3 for about 11% more bytes. What a user keeps (the release of
// `corpus shard`, and `corpus tokenize`'s output) uses level 3.
inline constexpr int kWorkingZstdLevel = 1;
inline constexpr int kReleaseZstdLevel = 3;

struct CommonOptions {
  std::vector<std::string> inputs;  // --in arguments, unresolved
  std::string out_dir;
  int threads = 0;  // 0: all cores
  bool force = false;
  int task_index = 0;
  int num_tasks = 1;
  int zstd_level = kWorkingZstdLevel;  // shard and tokenize: kReleaseZstdLevel
  bool progress = false;  // live bar (terminal) or periodic log lines
  // One input is split into ranges of about this many bytes of records
  // (record_ranges.h); not a flag. Changes how outputs are cut into zstd
  // frames, never their records.
  size_t range_bytes = size_t{1} << 20;

  int EffectiveThreads() const;
  Status Validate() const;
};

// Picks this task's slice of `items`: item i belongs to task i % num_tasks.
// Deterministic; across all tasks every item is taken exactly once.
template <typename T>
std::vector<T> TaskSlice(const std::vector<T>& items, int task_index, int num_tasks) {
  std::vector<T> out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (static_cast<int>(i % static_cast<size_t>(num_tasks)) == task_index) out.push_back(items[i]);
  }
  return out;
}

// Stage exit codes (docs/ARCHITECTURE.md, "Commands").
enum ExitCode { kExitOk = 0, kExitUsage = 1, kExitFatal = 2, kExitMalformedInput = 3 };

// A stage's outcome: a fatal status, or success with or without damaged input.
struct StageOutcome {
  Status status;
  bool input_damaged = false;  // malformed records or corrupt files were set aside
  bool manifest_written = false;
  bool stopped = false;  // stopped by SIGINT/SIGTERM after a checkpoint: rerun to continue
  int ExitCode() const;
};

}  // namespace corpus

#endif  // CORPUS_STAGE_OPTIONS_H_
