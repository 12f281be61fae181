#include "corpus/stage/options.h"

#include "corpus/util/parallel_for.h"

namespace corpus {

int CommonOptions::EffectiveThreads() const {
  if (threads > 0) return threads;
  return AvailableCpus();
}

Status CommonOptions::Validate() const {
  if (inputs.empty()) return Status::InvalidArgument("--in is required");
  if (out_dir.empty()) return Status::InvalidArgument("--out is required");
  if (num_tasks < 1) return Status::InvalidArgument("--num-tasks must be at least 1");
  if (task_index < 0 || task_index >= num_tasks) {
    return Status::InvalidArgument("--task-index must be in [0, --num-tasks)");
  }
  if (zstd_level < 1 || zstd_level > 22) {
    return Status::InvalidArgument("--zstd-level must be 1..22");
  }
  return Status::OK();
}

int StageOutcome::ExitCode() const {
  if (!status.ok()) return status.IsInvalidArgument() ? kExitUsage : kExitFatal;
  return input_damaged ? kExitMalformedInput : kExitOk;
}

}  // namespace corpus
