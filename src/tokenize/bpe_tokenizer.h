#ifndef CORPUS_SRC_TOKENIZE_BPE_TOKENIZER_H_
#define CORPUS_SRC_TOKENIZE_BPE_TOKENIZER_H_

// Private to src/tokenize: the byte-level BPE tokenizer both the tiktoken and
// the tokenizer.json loaders build.

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "corpus/tokenize/byte_pair_model.h"
#include "corpus/tokenize/regex_splitter.h"
#include "corpus/tokenize/tokenizer.h"

namespace corpus {

enum class UnicodeForm { kNone, kNfc, kNfd, kNfkc, kNfkd };

// Everything a byte-level BPE tokenizer is made of, filled in by a loader.
struct BpeSpec {
  std::string kind;
  std::unique_ptr<BytePairModel> model;
  // Applied in order, each cutting the pieces of the one before.
  std::vector<std::unique_ptr<RegexSplitter>> splitters;
  bool split_gaps = false;         // keep text between matches (Hugging Face)
  bool whole_piece_first = false;  // tiktoken; Hugging Face "ignore_merges"
  bool add_prefix_space = false;   // Hugging Face ByteLevel add_prefix_space
  UnicodeForm normalize = UnicodeForm::kNone;
  // Special / added tokens: (text, id).
  std::vector<std::pair<std::string, uint32_t>> specials;
  bool match_specials_in_text = false;  // Hugging Face added tokens
  std::optional<uint32_t> bos, eos;
};

// Thread-safety: const after construction; Encode() may run on many threads.
class BpeTokenizer : public Tokenizer {
 public:
  explicit BpeTokenizer(BpeSpec spec);

  void Encode(std::string_view text, std::vector<uint32_t>* ids) const override;
  uint32_t vocab_size() const override { return vocab_size_; }
  std::optional<uint32_t> SpecialTokenId(std::string_view text) const override;
  std::optional<uint32_t> bos_id() const override { return spec_.bos; }
  std::optional<uint32_t> eos_id() const override { return spec_.eos; }
  std::string kind() const override { return spec_.kind; }

 private:
  // Encodes text that holds no added token.
  void EncodeOrdinary(std::string_view text, std::vector<uint32_t>* ids) const;
  void SplitFrom(size_t level, std::string_view text, std::vector<uint32_t>* ids) const;

  BpeSpec spec_;
  uint32_t vocab_size_ = 0;
  bool special_first_byte_[256] = {};
};

// The loaders (tiktoken_loader.cc, hf_tokenizer_loader.cc).
Status LoadTiktoken(const std::string& path, const TokenizerOptions& options,
                    std::unique_ptr<Tokenizer>* out);
Status LoadHfTokenizerJson(const std::string& path, std::unique_ptr<Tokenizer>* out);
Status LoadSentencePiece(const std::string& path, std::unique_ptr<Tokenizer>* out);

}  // namespace corpus

#endif  // CORPUS_SRC_TOKENIZE_BPE_TOKENIZER_H_
