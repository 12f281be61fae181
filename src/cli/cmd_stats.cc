#include <spdlog/spdlog.h>

#include <cstdio>

#include "corpus/cli/commands.h"
#include "corpus/stage/stage_summary.h"

namespace corpus {

void AddStatsCommand(CLI::App& app, CliState* state) {
  auto dirs = std::make_shared<std::vector<std::string>>();
  CLI::App* sub = AddSubcommand(app, "stats");
  sub->add_option("dirs", *dirs, "Stage output folders, in pipeline order")->required()->expected(1, -1);
  sub->callback([state, dirs] {
    spdlog::set_level(spdlog::level::from_str(state->log_level));
    std::vector<StageSummary> summaries;
    for (const auto& d : *dirs) {
      StageSummary s;
      const Status st = ReadStageSummary(d, &s);
      if (!st.ok()) {
        std::fprintf(stderr, "corpus stats: %s\n", st.message().c_str());
        state->exit_code = st.IsNotFound() ? kExitUsage : kExitFatal;
        return;
      }
      summaries.push_back(std::move(s));
    }
    std::fputs(FormatFunnel(summaries).c_str(), stdout);
  });
}

}  // namespace corpus
