#ifndef CORPUS_CLI_COMMANDS_H_
#define CORPUS_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <string_view>

#include "corpus/stage/map_stage.h"
#include "corpus/stage/options.h"

namespace corpus {

// Each subcommand lives in its own file under src/cli/: it declares its flags
// into a config struct and, when chosen, calls the stage and stores the exit
// code. The CLI layer does nothing else.
struct CliState {
  int exit_code = 0;
  std::string log_level = "info";
};

// Adds --in, --out, --threads, --force, --task-index, --num-tasks,
// --zstd-level, --progress/--no-progress to a stage subcommand.
void AddCommonStageFlags(CLI::App* sub, CommonOptions* opts, bool needs_in = true);
// Applies the Slurm array defaults and the logging level; call first in a callback.
void PrepareStageRun(CLI::App* sub, CommonOptions* opts, const CliState& state);
// Logs the outcome and turns it into an exit code.
int FinishStageRun(const std::string& stage, const StageOutcome& outcome, const CommonOptions& opts);
// Runs a map stage that its Create() built with status `created` (`map`
// is null when that failed, which is then reported) and returns the exit code.
int RunCreatedMapStage(const std::string& stage, const Status& created, MapStage* map, const CommonOptions& opts);
// Adds option `name` taking a byte size as users write it (256MiB, 1GB, ...;
// util/byte_size.h) into *bytes; a malformed size is a usage error naming
// the flag. `shown` is the default --help shows: *bytes's value, written out.
CLI::Option* AddByteSizeOption(CLI::App* sub, const std::string& name, uint64_t* bytes, const std::string& shown,
                               const std::string& help);
// Adds subcommand `name` with its help (src/cli/command_help.cc: the
// one-line summary and the footer --help prints below the flags).
// REQUIRES: `name` has an entry there (else it gets no help text).
CLI::App* AddSubcommand(CLI::App& app, std::string_view name);
// Adds the subcommand of a stage whose output a user keeps (shard,
// tokenize): AddSubcommand, then AddCommonStageFlags into *opts with
// --zstd-level defaulting to kReleaseZstdLevel (stage/options.h).
CLI::App* AddReleaseStageSubcommand(CLI::App& app, std::string_view name, CommonOptions* opts);

void AddCrawlCommand(CLI::App& app, CliState* state);
void AddExtractCommand(CLI::App& app, CliState* state);
void AddDedupCommand(CLI::App& app, CliState* state);
void AddFilterCommand(CLI::App& app, CliState* state);
void AddShardCommand(CLI::App& app, CliState* state);
void AddTokenizeCommand(CLI::App& app, CliState* state);
void AddDeconCommand(CLI::App& app, CliState* state);
void AddCatCommand(CLI::App& app, CliState* state);
void AddStatsCommand(CLI::App& app, CliState* state);
void AddReportCommand(CLI::App& app, CliState* state);
// Every subcommand above, in the order `corpus --help` lists them.
void AddAllCommands(CLI::App& app, CliState* state);

}  // namespace corpus

#endif  // CORPUS_CLI_COMMANDS_H_
