#include <memory>
#include <string>

#include "corpus/cli/commands.h"
#include "corpus/extract/extract_stage.h"

namespace corpus {

void AddExtractCommand(CLI::App& app, CliState* state) {
  auto opts = std::make_shared<CommonOptions>();
  auto cfg = std::make_shared<ExtractConfig>();
  auto format = std::make_shared<std::string>("text");
  auto max_html_mb = std::make_shared<double>(32);
  CLI::App* sub = AddSubcommand(app, "extract");
  AddCommonStageFlags(sub, opts.get());
  sub->add_option("--format", *format, "Output text format")
      ->check(CLI::IsMember({"text", "markdown"}))
      ->capture_default_str();
  sub->add_flag("--drop-comments,!--keep-comments", cfg->extract.score.drop_comments,
                "Drop comment sections unless the page is nothing but them (default on)");
  sub->add_option("--max-html-mb", *max_html_mb,
                  "Set pages larger than this aside (rule too_large)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  sub->add_flag("--json-ld,!--no-json-ld", cfg->extract.json_ld_products,
                "Add product descriptions found only in JSON-LD (default on)");
  sub->add_flag("--block-model,!--no-block-model", cfg->extract.block_model,
                "Leave out blocks the learned block model finds to be boilerplate (default on)");
  sub->callback([sub, state, opts, cfg, format, max_html_mb] {
    PrepareStageRun(sub, opts.get(), *state);
    cfg->extract.markdown = *format == "markdown";
    cfg->max_html_bytes = static_cast<size_t>(*max_html_mb * 1024 * 1024);
    ExtractStage stage(*cfg);
    state->exit_code = FinishStageRun("extract", RunMapStage(stage, *opts), *opts);
  });
}

}  // namespace corpus
