#ifndef CORPUS_DEDUP_DEDUP_JOB_H_
#define CORPUS_DEDUP_DEDUP_JOB_H_

#include <functional>
#include <string>
#include <vector>

#include "corpus/dedup/dedup_options.h"
#include "corpus/stage/options.h"
#include "corpus/stage/stage_config.h"
#include "corpus/stage/stage_dir.h"
#include "corpus/util/parallel_for.h"
#include "corpus/util/status.h"

namespace corpus::dedup {

// Everything the phases of one dedup run share: settings, the resolved
// inputs and their unit names, the index generations visible to this run,
// and the work folder layout. Built once by RunDedup.
struct DedupJob {
  DedupOptions opts;
  CommonOptions common;
  std::vector<std::string> inputs;      // sorted, resolved input files
  std::vector<std::string> units;       // StageDir unit name of each input
  std::vector<std::string> index_gens;  // earlier index generations, oldest first
  std::string run_tag;                  // names this run's own index generation

  // The resume fingerprint of a phase ("signatures", "pairs", "cluster",
  // "apply"): the output settings, the partitioning for the work phases, and
  // for every phase after signatures a digest of the input list and index
  // generations, since adding an input changes every cluster.
  StageConfig ConfigOf(const std::string& phase) const;

  std::string WorkDir(const std::string& phase) const;  // DIR/_work/<phase>
  StageDir PhaseDir(const std::string& phase) const;    // with its own _done/
  std::string UnitStoreDir(size_t input) const;         // _work/signatures/<unit>
  std::string PairsPath(int partition) const;
  std::string LinesPath(int partition) const;
  std::string ActionsPath(const std::string& unit) const;
  // Index generations first, then the inputs: the store number of a key.
  std::vector<std::string> StoreDirs() const;

  // Names of the pairs phase's units, one per partition.
  std::vector<std::string> PartitionUnits() const;
};

// Fails with kInvalidArgument unless every unit of `phase` is done with the
// job's config; `next` names the phase that waits, for the message.
Status RequirePhaseDone(const DedupJob& job, const std::string& phase,
                        const std::vector<std::string>& units, const std::string& next);

Status RunSignaturesPhase(const DedupJob& job);
Status RunPairsPhase(const DedupJob& job);
Status RunClusterPhase(const DedupJob& job);
StageOutcome RunApplyPhase(const DedupJob& job);

}  // namespace corpus::dedup

#endif  // CORPUS_DEDUP_DEDUP_JOB_H_
