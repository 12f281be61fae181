#ifndef CORPUS_TOKENIZE_TOKENIZER_H_
#define CORPUS_TOKENIZE_TOKENIZER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/util/status.h"

namespace corpus {

// Tokenizer turns text into the token ids of one model's vocabulary, giving
// exactly the ids of the model's reference implementation (docs/tokenize.md
// lists the references and the tests that compare against them).
//
// Thread-safety: Encode() and the accessors are const and safe to call from
// many threads at once.
class Tokenizer {
 public:
  virtual ~Tokenizer() = default;

  // Appends the ids of `text` to `ids`. Text that is not valid UTF-8 is
  // handled as the reference does (docs/tokenize.md, "Invalid UTF-8").
  // Special-token strings inside `text` are treated as the reference treats
  // them: plain text for tiktoken, added tokens for tokenizer.json.
  virtual void Encode(std::string_view text, std::vector<uint32_t>* ids) const = 0;

  // One more than the largest id the tokenizer can produce.
  virtual uint32_t vocab_size() const = 0;
  // The id of a special token spelled `text` ("<|endoftext|>", "</s>").
  virtual std::optional<uint32_t> SpecialTokenId(std::string_view text) const = 0;
  // The model's own beginning/end-of-document tokens, when it has them.
  virtual std::optional<uint32_t> bos_id() const = 0;
  virtual std::optional<uint32_t> eos_id() const = 0;
  // "tiktoken", "tokenizer.json" or "sentencepiece".
  virtual std::string kind() const = 0;
};

struct TokenizerOptions {
  // For .tiktoken rank files: the pre-tokenizer pattern, "cl100k_base" or
  // "o200k_base". Empty: chosen from the file name (docs/tokenize.md).
  std::string tiktoken_pattern;
};

// Loads the tokenizer in `path`, its kind chosen by the file name:
// "*.model" SentencePiece, "*.json" Hugging Face tokenizer.json, "*.tiktoken"
// (optionally ".zst"-compressed) tiktoken ranks. An unreadable, malformed or
// unsupported file is kInvalidArgument naming what is wrong.
Status LoadTokenizer(const std::string& path, const TokenizerOptions& options,
                     std::unique_ptr<Tokenizer>* out);

}  // namespace corpus

#endif  // CORPUS_TOKENIZE_TOKENIZER_H_
