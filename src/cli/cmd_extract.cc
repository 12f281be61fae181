#include "corpus/cli/commands.h"

namespace corpus {

void AddExtractCommand(CLI::App& app, CliState* state) {
  CLI::App* sub = app.add_subcommand("extract", "(under construction)");
  sub->callback([state] {
    std::fprintf(stderr, "corpus extract: not available in this build\n");
    state->exit_code = kExitUsage;
  });
}

}  // namespace corpus
