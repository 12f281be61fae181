#include "corpus/dedup/dedup_stage.h"

#include <spdlog/spdlog.h>

#include <filesystem>

#include "corpus/dedup/dedup_index.h"
#include "corpus/dedup/dedup_job.h"
#include "corpus/io/record_source.h"
#include "corpus/stage/stage_dir.h"
#include "corpus/util/fs.h"
#include "corpus/util/sha256.h"

namespace corpus::dedup {
namespace {

Status BuildJob(const DedupOptions& options, const CommonOptions& common, DedupJob* job) {
  CORPUS_RETURN_IF_ERROR(common.Validate());
  CORPUS_RETURN_IF_ERROR(options.Validate());
  if (options.phase == Phase::kAll && common.num_tasks > 1) {
    return Status::InvalidArgument(
        "--phase all runs every phase in one process; with --num-tasks > 1 run the phases one "
        "after another (--phase signatures|pairs|cluster|apply), see --help");
  }
  job->opts = options;
  job->common = common;
  CORPUS_RETURN_IF_ERROR(ResolveStageInputs(common.inputs, &job->inputs));
  if (job->inputs.size() >= (size_t{1} << 23)) return Status::InvalidArgument("too many input files");
  job->units = StageDir::UnitNames(job->inputs);
  std::error_code ec;
  const std::string abs = std::filesystem::absolute(common.out_dir, ec).lexically_normal().string();
  job->run_tag = Sha256Hex(abs).substr(0, 12);
  if (!options.index_dir.empty()) {
    DedupIndex index(options.index_dir, job->run_tag);
    CORPUS_RETURN_IF_ERROR(index.ListGenerations(options, &job->index_gens));
  }
  return Status::OK();
}

}  // namespace

StageOutcome RunDedup(const DedupOptions& options, const CommonOptions& common) {
  StageOutcome outcome;
  DedupJob job;
  outcome.status = BuildJob(options, common, &job);
  if (!outcome.status.ok()) return outcome;
  const Phase phase = options.phase;
  const bool all = phase == Phase::kAll;
  if (all || phase == Phase::kSignatures) {
    outcome.status = RunSignaturesPhase(job);
    if (!outcome.status.ok() || !all) return outcome;
  }
  if (all || phase == Phase::kPairs) {
    outcome.status = RunPairsPhase(job);
    if (!outcome.status.ok() || !all) return outcome;
  }
  if (all || phase == Phase::kCluster) {
    outcome.status = RunClusterPhase(job);
    if (!outcome.status.ok() || !all) return outcome;
  }
  return RunApplyPhase(job);
}

}  // namespace corpus::dedup
