#ifndef CORPUS_DEDUP_DEDUP_STAGE_H_
#define CORPUS_DEDUP_DEDUP_STAGE_H_

#include "corpus/dedup/dedup_options.h"
#include "corpus/stage/options.h"

namespace corpus::dedup {

// Runs `corpus dedup`: exact (URL, text) and near-duplicate (MinHash/LSH)
// removal across all inputs, in four phases that exchange sorted,
// partitioned files under DIR/_work/ (docs/ARCHITECTURE.md, "Output folders" and "Scale"):
//
//   signatures  per input file (RunMapStage): doc table, compact signatures,
//               and band / exact-hash entries split into --partitions files
//   pairs       per partition: sort the entries (externally if large), emit
//               the candidate pairs of each bucket, verified by signature
//   cluster     one global task: union-find over the pairs, pick the record
//               to keep per cluster, write per-input action lists (and the
//               next --index generation)
//   apply       per input file (RunMapStage): drop or keep each record,
//               set dup_count, remove frequent lines
//
// Each phase keeps `_done` markers in DIR/_work/<phase>/_done, so a killed
// phase resumes; tasks of a phase (--task-index/--num-tasks) take disjoint
// slices, and the result does not depend on threads or tasks.
StageOutcome RunDedup(const DedupOptions& options, const CommonOptions& common);

}  // namespace corpus::dedup

#endif  // CORPUS_DEDUP_DEDUP_STAGE_H_
