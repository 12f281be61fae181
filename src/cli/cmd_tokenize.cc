#include <memory>
#include <string>

#include "corpus/cli/commands.h"
#include "corpus/tokenize/tokenize_stage.h"

namespace corpus {
namespace {

struct TokenizeFlags {
  CommonOptions common;
  TokenizeConfig config;
  std::string format = "megatron";
  uint64_t seed = 0;
};

}  // namespace

void AddTokenizeCommand(CLI::App& app, CliState* state) {
  auto flags = std::make_shared<TokenizeFlags>();
  CLI::App* sub = AddReleaseStageSubcommand(app, "tokenize", &flags->common);
  sub->add_option("--tokenizer", flags->config.tokenizer_path, "Tokenizer file")->required();
  sub->add_option("--format", flags->format, "Token file layout")
      ->check(CLI::IsMember({"megatron", "datatrove"}))
      ->capture_default_str();
  sub->add_flag("--count-only", flags->config.count_only,
                "Add token_count to each record instead of writing token files");
  sub->add_flag("--bos,!--no-bos", flags->config.bos, "Begin each document with the BOS token (default off)");
  sub->add_flag("--eos,!--no-eos", flags->config.eos, "End each document with the EOS token (default on)");
  sub->add_option("--bos-token", flags->config.bos_token, "BOS token by its text, instead of the tokenizer's");
  sub->add_option("--eos-token", flags->config.eos_token, "EOS token by its text, instead of the tokenizer's");
  sub->add_option("--max-tokens-per-file", flags->config.max_tokens_per_file,
                  "Start a new token file before one would pass this many tokens (0: one per input)")
      ->capture_default_str();
  auto* seed = sub->add_option("--seed", flags->seed,
                               "Shuffle the documents of each input by a hash of (seed, id)");
  sub->add_option("--tiktoken-pattern", flags->config.tokenizer_options.tiktoken_pattern,
                  "Pre-tokenizer of a .tiktoken file: cl100k_base or o200k_base (default: from its name)")
      ->check(CLI::IsMember({"cl100k_base", "o200k_base"}));
  sub->callback([sub, state, flags, seed] {
    PrepareStageRun(sub, &flags->common, *state);
    flags->config.format = flags->format == "datatrove" ? TokenFormat::kDatatrove : TokenFormat::kMegatron;
    if (seed->count() > 0) flags->config.seed = flags->seed;
    state->exit_code = FinishStageRun("tokenize", RunTokenize(flags->config, flags->common), flags->common);
  });
}

}  // namespace corpus
