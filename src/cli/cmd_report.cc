#include <spdlog/spdlog.h>

#include <cstdio>

#include "corpus/cli/commands.h"
#include "corpus/report/report.h"

namespace corpus {

void AddReportCommand(CLI::App& app, CliState* state) {
  auto cfg = std::make_shared<ReportConfig>();
  CLI::App* sub = AddSubcommand(app, "report");
  sub->add_option("dirs", cfg->dirs, "Stage output folders, in pipeline order")->required()->expected(1, -1);
  sub->add_option("--out", cfg->out, "The HTML file to write")->required();
  sub->add_option("--title", cfg->title, "Page title (default: the folders' parent folder)");
  sub->add_option("--threads", cfg->threads,
                  "Threads reading records (default: the CPUs given to this process)")
      ->check(CLI::NonNegativeNumber);
  sub->add_option("--top", cfg->top, "Entries in each top list (languages, domains, hosts, ...)")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  sub->add_option("--examples", cfg->limits.examples, "Example documents per rule, removed and kept")
      ->check(CLI::Range(0, 100))
      ->capture_default_str();
  sub->add_option("--bins", cfg->bins, "Bars per histogram, at most")->check(CLI::Range(2, 200))->capture_default_str();
  sub->callback([state, cfg] {
    spdlog::set_level(spdlog::level::from_str(state->log_level));
    ReportResult result;
    const Status st = WriteReport(*cfg, &result);
    if (!st.ok()) {
      std::fprintf(stderr, "corpus report: %s\n", st.message().c_str());
      state->exit_code = st.IsInvalidArgument() ? kExitUsage : kExitFatal;
      return;
    }
    for (const auto& d : result.damaged) spdlog::error("report: damaged input read up to the damage: {}", d);
    spdlog::info("report: {} records of {} folders -> {}", result.records, cfg->dirs.size(), cfg->out);
    state->exit_code = result.damaged.empty() ? kExitOk : kExitMalformedInput;
  });
}

}  // namespace corpus
