#ifndef CORPUS_TOKENIZE_TOKENIZE_STAGE_H_
#define CORPUS_TOKENIZE_TOKENIZE_STAGE_H_

#include <cstdint>
#include <optional>
#include <string>

#include "corpus/stage/options.h"
#include "corpus/tokenize/token_files.h"
#include "corpus/tokenize/tokenizer.h"

namespace corpus {

// What `corpus tokenize` does (docs/tokenize.md).
struct TokenizeConfig {
  std::string tokenizer_path;  // *.model, *.json or *.tiktoken[.zst]
  TokenizerOptions tokenizer_options;
  TokenFormat format = TokenFormat::kMegatron;
  // Add `token_count` to each record instead of writing token files.
  bool count_only = false;
  bool bos = false;  // a beginning-of-document token before each document
  bool eos = true;   // an end-of-document token after each document
  // Override the tokenizer's own BOS/EOS, by the special token's text.
  std::string bos_token;
  std::string eos_token;
  uint64_t max_tokens_per_file = 0;  // 0: one file per input
  // When set, the documents of each input are written in the order of
  // ShuffleKey(seed, id): a deterministic shuffle, the same for any thread
  // count or task split.
  std::optional<uint64_t> seed;
};

// Runs the tokenize stage over `opts.inputs` into `opts.out_dir` with the
// stage runner (resume, task slices, rejected/, markers, manifest). Records
// without a string `text` are rejected with rule "missing_text", empty ones
// with "empty_text". The manifest's counters hold the totals: "documents",
// "tokens" (of the text), "tokens_written" (with BOS/EOS, token files only)
// and "tokens_<split>" per split (a record's "split" field, else the
// train-/validation-/test- prefix of its input file's name).
// A bad tokenizer or flag is kInvalidArgument with nothing written.
StageOutcome RunTokenize(const TokenizeConfig& config, const CommonOptions& opts);

}  // namespace corpus

#endif  // CORPUS_TOKENIZE_TOKENIZE_STAGE_H_
