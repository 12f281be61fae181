#include "corpus/tokenize/tokenizer.h"

#include "bpe_tokenizer.h"
#include "corpus/util/fs.h"

namespace corpus {

Status LoadTokenizer(const std::string& path, const TokenizerOptions& options,
                     std::unique_ptr<Tokenizer>* out) {
  const std::string_view p = path;
  if (!PathExists(path)) return Status::InvalidArgument("tokenizer file " + path + " does not exist");
  if (p.ends_with(".model")) return LoadSentencePiece(path, out);
  if (p.ends_with(".json")) return LoadHfTokenizerJson(path, out);
  if (p.ends_with(".tiktoken") || p.ends_with(".tiktoken.zst")) {
    return LoadTiktoken(path, options, out);
  }
  return Status::InvalidArgument("cannot tell the kind of tokenizer " + path +
                                 ": expected *.model (SentencePiece), *.json (Hugging Face "
                                 "tokenizer.json) or *.tiktoken[.zst]");
}

}  // namespace corpus
