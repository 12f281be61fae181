#ifndef CORPUS_SHARD_SHARD_STAGE_H_
#define CORPUS_SHARD_SHARD_STAGE_H_

#include "corpus/shard/shard_config.h"
#include "corpus/stage/options.h"

namespace corpus {

// `corpus shard`: turns documents into a release of shuffled,
// evenly sized shards with a manifest and a dataset card.
//
// Phases, each resumable through `_done` markers in the release folder:
//  1. partition (one unit per input file, task-sliced, threads in parallel):
//     records -> release records in bucket files by shuffle-key range
//     (DIR/_work/buckets/<unit>/), see partition.h.
//  2. pack (one unit per output shard, task-sliced, threads in parallel):
//     after all of phase 1, the bucket totals fix the shard count of each
//     split (see shard_plan.h); each shard sorts the buckets it overlaps
//     and writes its records, see pack.h.
//  3. finish (whoever completes the last shard, under a lock): writes
//     `_manifest.json` and `README.md`, removes shards of an earlier,
//     different plan and the scratch folder `_work/`.
// With one task, a run does all three. With --num-tasks N and --phase all, a
// task packs only once every partition is done, so Slurm runs
// `--phase partition` and `--phase pack` as two dependent job arrays.
// The release bytes depend only on the inputs' records and the config: not
// on input order, threads, tasks, bucket count or interruptions.
StageOutcome RunShardStage(const ShardConfig& config, const CommonOptions& opts);

}  // namespace corpus

#endif  // CORPUS_SHARD_SHARD_STAGE_H_
