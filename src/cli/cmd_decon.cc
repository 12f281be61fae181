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
  CLI::App* sub = app.add_subcommand(
      "decon", "Remove text that overlaps evaluation sets (GPT-3's 13-gram decontamination)");
  sub->footer(
      "Benchmarks are JSON Lines (items' string fields; --fields picks them) or plain text (one item\n"
      "per line), .gz/.zst too; a folder means every file in it; the file name is the benchmark's name.\n"
      "Matching: lowercase, punctuation removed, words (CJK by dictionary), exact n-grams; items\n"
      "shorter than --ngram words but at least --min-ngram are matched whole. Each contaminated record\n"
      "goes to rejected/ with rule \"contamination\" (--mode drop), or loses each match and --cut-window\n"
      "characters around it (--mode cut; \"decon_cuts\" lists the removed byte spans). The manifest\n"
      "reports, per benchmark, contaminated documents, items hit and examples.\n"
      "Examples:\n"
      "  corpus decon --in clean/ --out decon/ --benchmarks evals/\n"
      "  corpus decon --in clean/ --out decon/ --benchmarks mmlu.jsonl arc.jsonl --fields question,choices\n"
      "  corpus decon --in clean/ --out decon/ --benchmarks evals/ --mode cut");
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
    if (!st.ok()) {
      state->exit_code = FinishStageRun("decon", StageOutcome{st}, cfg->common);
      return;
    }
    state->exit_code = FinishStageRun("decon", RunMapStage(*stage, cfg->common), cfg->common);
  });
}

}  // namespace corpus
