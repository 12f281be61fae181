// libFuzzer target: arbitrary bytes as a `--config` TOML file, read by the
// real command line (every subcommand's flags and checks); parsing stops
// before any stage's callback, so only the reading and validation run. Built with
// -DCORPUS_BUILD_FUZZERS=ON and clang (scripts/fuzz.sh runs it).
// Invariants: no crash or sanitizer report; a bad file is a CLI11 error,
// which the binary turns into exit 1 (docs/ARCHITECTURE.md, "Commands").

#include <CLI/CLI.hpp>

#include <cstdint>
#include <sstream>
#include <string>

#include "corpus/cli/commands.h"

namespace {
// Thrown where parsing is complete, before any stage would start.
struct ParseDone {};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  CLI::App app{"fuzz", "corpus"};
  app.require_subcommand(0, 1);
  corpus::CliState state;
  corpus::AddAllCommands(app, &state);
  // The main app's parse-complete callback runs before the subcommands'
  // callbacks: it ends the parse there, so no stage ever starts.
  app.parse_complete_callback([] { throw ParseDone{}; });
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  try {
    app.parse_from_stream(in);
  } catch (const CLI::Error&) {
    // Reported to the user as a usage error.
  } catch (const ParseDone&) {
  }
  return 0;
}
