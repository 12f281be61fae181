#include <spdlog/spdlog.h>
#include <unistd.h>

#include "corpus/cli/commands.h"
#include "corpus/util/byte_size.h"
#include "corpus/util/env.h"

namespace corpus {

void AddCommonStageFlags(CLI::App* sub, CommonOptions* opts, bool needs_in) {
  if (needs_in) {
    sub->add_option("--in", opts->inputs,
                    "Input: stage folders, shard files, WARC/WET files or globs")
        ->required()
        ->expected(1, -1);
  }
  sub->add_option("--out", opts->out_dir, "Output stage folder")->required();
  sub->add_option("--threads", opts->threads,
                  "Worker threads (default: the CPUs given to this process, "
                  "$SLURM_CPUS_PER_TASK under Slurm)")
      ->check(CLI::NonNegativeNumber);
  sub->add_flag("--force", opts->force, "Redo work already done, even with another config");
  sub->add_option("--task-index", opts->task_index,
                  "This task's slice of the inputs (default: $SLURM_ARRAY_TASK_ID or 0)")
      ->check(CLI::NonNegativeNumber);
  sub->add_option("--num-tasks", opts->num_tasks,
                  "Number of tasks sharing the inputs (default: $SLURM_ARRAY_TASK_COUNT or 1)")
      ->check(CLI::PositiveNumber);
  sub->add_option("--zstd-level", opts->zstd_level, "zstd level of output shards (1-22)")
      ->check(CLI::Range(1, 22))
      ->capture_default_str();
  opts->progress = true;
  sub->add_flag("--progress,!--no-progress", opts->progress,
                "Live progress bar on a terminal, log lines every 10 s otherwise (default on)");
}

CLI::App* AddReleaseStageSubcommand(CLI::App& app, std::string_view name, CommonOptions* opts) {
  CLI::App* sub = AddSubcommand(app, name);
  opts->zstd_level = kReleaseZstdLevel;
  AddCommonStageFlags(sub, opts);
  return sub;
}

void PrepareStageRun(CLI::App* sub, CommonOptions* opts, const CliState& state) {
  spdlog::set_level(spdlog::level::from_str(state.log_level));
  if (sub->count("--task-index") == 0) EnvInt("SLURM_ARRAY_TASK_ID", &opts->task_index);
  if (sub->count("--num-tasks") == 0) EnvInt("SLURM_ARRAY_TASK_COUNT", &opts->num_tasks);
  // Slurm numbers array tasks from the array's first index; we use 0-based.
  int min_id = 0;
  if (sub->count("--task-index") == 0 && EnvInt("SLURM_ARRAY_TASK_MIN", &min_id)) {
    opts->task_index -= min_id;
  }
}

int FinishStageRun(const std::string& stage, const StageOutcome& outcome, const CommonOptions& opts) {
  if (!outcome.status.ok()) {
    if (outcome.status.IsInvalidArgument()) {
      std::fprintf(stderr, "corpus %s: %s\n", stage.c_str(), outcome.status.message().c_str());
    } else {
      spdlog::error("{}: {}", stage, outcome.status.ToString());
    }
    return outcome.ExitCode();
  }
  if (outcome.stopped) {
    spdlog::info("{}: stopped; run the same command to continue", stage);
  } else if (outcome.input_damaged) {
    spdlog::warn("{}: finished; some input was malformed or damaged (see {}/rejected/ and the markers)",
                 stage, opts.out_dir);
  } else {
    spdlog::info("{}: finished{}", stage,
                 outcome.manifest_written
                     ? ""
                     : " this task's part (the manifest follows when every task and phase is done)");
  }
  return outcome.ExitCode();
}

CLI::Option* AddByteSizeOption(CLI::App* sub, const std::string& name, uint64_t* bytes, const std::string& shown,
                               const std::string& help) {
  const auto parse = [name, bytes](const std::string& text) {
    const Status st = ParseByteSize(text, bytes);
    if (!st.ok()) throw CLI::ValidationError(name, st.message());
  };
  return sub->add_option_function<std::string>(name, parse, help)->type_name("TEXT")->default_str(shown);
}

int RunCreatedMapStage(const std::string& stage, const Status& created, MapStage* map, const CommonOptions& opts) {
  if (!created.ok()) return FinishStageRun(stage, StageOutcome{created}, opts);
  return FinishStageRun(stage, RunMapStage(*map, opts), opts);
}

}  // namespace corpus
