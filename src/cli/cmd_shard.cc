#include <spdlog/spdlog.h>

#include "corpus/cli/commands.h"
#include "corpus/shard/shard_config.h"
#include "corpus/shard/shard_stage.h"

namespace corpus {
namespace {

struct ShardFlags {
  CommonOptions common;
  ShardConfig config;
  std::string phase = "all";
};

}  // namespace

void AddShardCommand(CLI::App& app, CliState* state) {
  auto flags = std::make_shared<ShardFlags>();
  CLI::App* sub = AddReleaseStageSubcommand(app, "shard", &flags->common);
  auto* target = AddByteSizeOption(
      sub, "--target-size", &flags->config.target_bytes, "256MiB",
      "Uncompressed JSON per shard (256MiB, 1GB, ...); shards are balanced, at most one document over");
  auto* docs = sub->add_option("--docs-per-shard", flags->config.docs_per_shard,
                               "Documents per shard instead of a size (the last shard may have fewer)")
                   ->check(CLI::PositiveNumber);
  target->excludes(docs);
  docs->excludes(target);
  sub->add_option("--seed", flags->config.seed, "Shuffle seed: same seed and inputs, same release bytes")
      ->capture_default_str();
  sub->add_option("--val-fraction", flags->config.val_fraction,
                  "Share of documents held out as the validation split, chosen by a hash of id")
      ->check(CLI::Range(0.0, 0.999999))
      ->capture_default_str();
  sub->add_option("--fields", flags->config.fields, "Fields a release record carries, in this order")
      ->delimiter(',')
      ->capture_default_str();
  AddByteSizeOption(sub, "--bucket-size", &flags->config.bucket_bytes, "128MiB",
                    "Uncompressed bytes per shuffle bucket (sorted in memory, one per thread)");
  sub->add_option("--report-link", flags->config.report_link,
                  "Path (relative to --out) or URL of the run's `corpus report` page, linked from the dataset card");
  sub->add_option("--phase", flags->phase, "all, partition (phase 1) or pack (phase 2 and the release files)")
      ->check(CLI::IsMember({"all", "partition", "pack"}))
      ->capture_default_str();
  sub->callback([sub, state, flags] {
    PrepareStageRun(sub, &flags->common, *state);
    ShardConfig& cfg = flags->config;
    if (cfg.docs_per_shard > 0) cfg.target_bytes = 0;
    cfg.phase = flags->phase == "partition" ? ShardPhase::kPartition
                : flags->phase == "pack"    ? ShardPhase::kPack
                                            : ShardPhase::kAll;
    const StageOutcome outcome = RunShardStage(cfg, flags->common);
    state->exit_code = FinishStageRun("shard", outcome, flags->common);
  });
}

}  // namespace corpus
