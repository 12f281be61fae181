#include "corpus/cli/commands.h"
#include "corpus/decon/decon_stage.h"

namespace corpus {
namespace {

struct DeconCliConfig {
  CommonOptions common;
  DeconOptions decon;
};

}  // namespace

void AddDeconCommand(CLI::App& app, CliState* state) {
  auto cfg = std::make_shared<DeconCliConfig>();
  CLI::App* sub = AddSubcommand(app, "decon");
  AddCommonStageFlags(sub, &cfg->common);
  DeconOptions& d = cfg->decon;
  sub->add_option("--benchmarks", d.benchmarks, "Benchmark files or folders")->required()->expected(1, -1);
  sub->add_option("--fields", d.match.fields,
                  "JSON fields of an item to match (dotted paths for nested ones; default: every string)")
      ->delimiter(',');
  sub->add_option("--ngram", d.match.ngram, "N-gram length in words")->capture_default_str();
  sub->add_option("--min-ngram", d.match.min_ngram,
                  "Items with fewer than --ngram words but at least this many are matched whole")
      ->capture_default_str();
  sub->add_option("--max-matches", d.match.max_matches,
                  "N-grams found in more benchmark items than this are too common to count")
      ->capture_default_str();
  sub->add_option("--mode", d.mode, "drop: reject the whole record; cut: remove the matches (GPT-3)")
      ->check(CLI::IsMember({"drop", "cut"}))
      ->capture_default_str();
  sub->add_option("--cut-window", d.cut.window_chars, "Characters removed on each side of a match (--mode cut)")
      ->capture_default_str();
  sub->add_option("--min-piece-chars", d.cut.min_piece_chars, "Pieces shorter than this are dropped (--mode cut)")
      ->capture_default_str();
  sub->add_option("--max-pieces", d.cut.max_pieces,
                  "A record split into more pieces is rejected (--mode cut)")
      ->capture_default_str();

  sub->callback([sub, state, cfg] {
    PrepareStageRun(sub, &cfg->common, *state);
    std::unique_ptr<DeconStage> stage;
    const Status st = DeconStage::Create(cfg->decon, cfg->common, &stage);
    state->exit_code = RunCreatedMapStage("decon", st, stage.get(), cfg->common);
  });
}

}  // namespace corpus
