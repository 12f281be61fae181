#ifndef CORPUS_TOKENIZE_TOKEN_CARD_H_
#define CORPUS_TOKENIZE_TOKEN_CARD_H_

#include <string>
#include <vector>

#include "corpus/stage/stage_stats.h"

namespace corpus {

// What the dataset card of a tokenize folder says (docs/tokenize.md).
struct TokenCardInfo {
  std::string tokenizer;  // the tokenizer file's name
  std::string format;     // "megatron", "datatrove", or "count-only"
  StageCounts totals;     // summed over every input of the stage
  // The dataset cards of the folders tokenized (README.md of a release),
  // relative to the tokenize folder; empty when the inputs have none.
  std::vector<std::string> input_cards;
  std::vector<OutputFile> files;  // token files or counted shards
};

// The card (`README.md` of the tokenize folder): documents and tokens in all
// and per split, the tokenizer and format, the files, and links to the cards
// of the tokenized releases. Holds no timestamps, so a resumed run writes the
// same card.
std::string RenderTokenCard(const TokenCardInfo& info);

}  // namespace corpus

#endif  // CORPUS_TOKENIZE_TOKEN_CARD_H_
