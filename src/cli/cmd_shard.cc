#include "corpus/cli/commands.h"

namespace corpus {

void AddShardCommand(CLI::App& app, CliState* state) {
  CLI::App* sub = app.add_subcommand("shard", "(under construction)");
  sub->callback([state] {
    std::fprintf(stderr, "corpus shard: not available in this build\n");
    state->exit_code = kExitUsage;
  });
}

}  // namespace corpus
