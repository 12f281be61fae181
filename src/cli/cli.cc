#include "corpus/cli/cli.h"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <iostream>

#include "corpus/cli/commands.h"
#include "corpus/stage/signals.h"
#include "corpus/version.h"

namespace corpus {

void AddAllCommands(CLI::App& app, CliState* state) {
  AddCrawlCommand(app, state);
  AddExtractCommand(app, state);
  AddDedupCommand(app, state);
  AddFilterCommand(app, state);
  AddShardCommand(app, state);
  AddTokenizeCommand(app, state);
  AddDeconCommand(app, state);
  AddCatCommand(app, state);
  AddStatsCommand(app, state);
  AddReportCommand(app, state);
}

int RunCli(int argc, char** argv) {
  // Logs go to stderr so stdout stays clean for `cat` and pipes.
  auto logger = spdlog::stderr_color_mt("corpus");
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
  spdlog::set_default_logger(logger);

  CLI::App app{"corpus: builds clean, deduplicated, training-ready text corpora from the web.\n"
               "Stages: crawl -> extract -> dedup -> filter -> shard; each reads and writes\n"
               "zstd-compressed JSON Lines shards, so runs resume and re-enter at any stage.",
               "corpus"};
  app.set_version_flag("--version", std::string("corpus ") + CORPUS_VERSION);
  app.set_config("--config", "", "TOML file; a [stage] section sets that stage's flags (same names)");
  app.require_subcommand(1);
  app.fallthrough();
  app.footer("Run 'corpus SUBCOMMAND --help' for a stage's flags and examples.");

  CliState state;
  app.add_option("--log-level", state.log_level, "trace, debug, info, warn, error, off")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}));

  AddAllCommands(app, &state);

  InstallStopHandlers();
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string msg = e.what();
    if (msg.empty()) msg = e.get_name();
    std::fprintf(stderr, "corpus: %s\nRun 'corpus --help' for usage.\n", msg.c_str());
    return kExitUsage;
  }
  return state.exit_code;
}

}  // namespace corpus
