#include "corpus/cli/commands.h"

namespace corpus {

void AddDedupCommand(CLI::App& app, CliState* state) {
  CLI::App* sub = app.add_subcommand("dedup", "(under construction)");
  sub->callback([state] {
    std::fprintf(stderr, "corpus dedup: not available in this build\n");
    state->exit_code = kExitUsage;
  });
}

}  // namespace corpus
