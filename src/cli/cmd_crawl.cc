#include "corpus/cli/commands.h"

namespace corpus {

void AddCrawlCommand(CLI::App& app, CliState* state) {
  CLI::App* sub = app.add_subcommand("crawl", "(under construction)");
  sub->callback([state] {
    std::fprintf(stderr, "corpus crawl: not available in this build\n");
    state->exit_code = kExitUsage;
  });
}

}  // namespace corpus
