#ifndef CORPUS_DEDUP_DEDUP_OPTIONS_H_
#define CORPUS_DEDUP_DEDUP_OPTIONS_H_

#include <string>

#include "corpus/dedup/minhash.h"
#include "corpus/stage/stage_config.h"
#include "corpus/util/status.h"

namespace corpus::dedup {

// The phases of `corpus dedup` (see dedup_stage.h); kAll runs them in order.
enum class Phase { kSignatures, kPairs, kCluster, kApply, kAll };
bool ParsePhase(const std::string& name, Phase* phase);

// Settings of `corpus dedup`, filled in by the CLI layer.
struct DedupOptions {
  MinHashParams minhash;
  bool exact_url = true;   // drop older fetches of the same normalised URL
  bool exact_text = true;  // drop copies of the same normalised text
  bool near = true;        // MinHash/LSH near-duplicates
  bool verify = true;      // check LSH candidates against `threshold`
  double threshold = 0.8;  // minimum estimated Jaccard of a verified pair
  int lines = 0;           // >0: remove lines found in at least this many documents
  std::string index_dir;   // incremental index (empty: none)
  int partitions = 16;     // band-hash partitions of the pairs phase
  int memory_mb = 1024;    // sort memory budget shared by the threads
  Phase phase = Phase::kAll;

  Status Validate() const;
  // Every setting that changes the output (the resume fingerprint). The
  // partition count and memory budget change how, not what.
  StageConfig ToStageConfig() const;
};

}  // namespace corpus::dedup

#endif  // CORPUS_DEDUP_DEDUP_OPTIONS_H_
