#include "corpus/cli/commands.h"

namespace corpus {

void AddFilterCommand(CLI::App& app, CliState* state) {
  CLI::App* sub = app.add_subcommand("filter", "(under construction)");
  sub->callback([state] {
    std::fprintf(stderr, "corpus filter: not available in this build\n");
    state->exit_code = kExitUsage;
  });
}

}  // namespace corpus
