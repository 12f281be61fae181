#ifndef CORPUS_TOKENIZE_TOKEN_FILES_H_
#define CORPUS_TOKENIZE_TOKEN_FILES_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "corpus/stage/stage_stats.h"
#include "corpus/util/sha256.h"
#include "corpus/util/status.h"

namespace corpus {

// The binary layouts `corpus tokenize` writes (docs/tokenize.md, "Output").
enum class TokenFormat {
  // Megatron-LM's MMIDIDX indexed dataset: PREFIX.bin holds the tokens,
  // PREFIX.idx the header, sequence lengths, byte pointers and document
  // indices; tokens are uint16 when the vocabulary has fewer than 65,500
  // entries, else int32 (Megatron's DType.optimal_dtype).
  kMegatron,
  // datatrove's DocumentTokenizer: PREFIX.ds holds the tokens (uint16, or
  // uint32 past 65,536 entries), PREFIX.ds.index the uint64 end of every
  // document in tokens, PREFIX.ds.metadata the tokenizer name and the count.
  kDatatrove,
};

// Bytes per token in `format` for a vocabulary of `vocab_size`.
int TokenBytes(TokenFormat format, uint32_t vocab_size);

// TokenFileWriter writes documents' token ids into numbered files
// DIR/STEM-00000.bin (megatron) or DIR/STEM_00000.ds (datatrove), starting a
// new file when the next document would take the current one past
// `max_tokens_per_file` (0: no cap; a document longer than the cap gets a
// file of its own). Each file is written as *.tmp and renamed when complete.
// Files of STEM left by an earlier run (another cap, fewer documents) are
// removed first, so the folder holds only this run's files.
// Memory: 8-16 bytes per document of the current file (its index).
//
// Thread-safety: one writer per thread.
class TokenFileWriter {
 public:
  TokenFileWriter(std::string dir, std::string stem, TokenFormat format, uint32_t vocab_size,
                  uint64_t max_tokens_per_file, std::string tokenizer_name);
  ~TokenFileWriter();
  TokenFileWriter(const TokenFileWriter&) = delete;
  TokenFileWriter& operator=(const TokenFileWriter&) = delete;

  // Appends one document. REQUIRES: every id < vocab_size.
  Status Add(const std::vector<uint32_t>& ids);
  // Completes the last file and appends every file written to `outputs`
  // (paths relative to DIR; `records` counts documents, `bytes` tokens).
  Status Finish(std::vector<OutputFile>* outputs);

 private:
  Status RemoveEarlierFiles();
  Status OpenPart();
  Status ClosePart();
  Status WriteSmallFile(const std::string& name, const std::string& contents, uint64_t records);
  std::string PartName(const char* suffix) const;

  std::string dir_;
  std::string stem_;
  TokenFormat format_;
  int token_bytes_;
  uint64_t max_tokens_;
  std::string tokenizer_name_;
  int part_index_ = -1;
  bool cleaned_ = false;
  FILE* file_ = nullptr;
  std::string tmp_path_;
  Sha256 sha_;
  uint64_t part_tokens_ = 0;
  std::vector<uint64_t> doc_tokens_;  // tokens of each document of the part
  std::vector<OutputFile> outputs_;
  std::string buf_;
};

}  // namespace corpus

#endif  // CORPUS_TOKENIZE_TOKEN_FILES_H_
