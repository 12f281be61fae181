#ifndef CORPUS_EXTRACT_BLOCK_MODEL_H_
#define CORPUS_EXTRACT_BLOCK_MODEL_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/extract/block_features.h"
#include "corpus/extract/content_scorer.h"
#include "corpus/util/status.h"

namespace corpus {

// The model file, embedded at build time from configs/extract/block_model.gbt
// (src/extract/block_model.cmake writes the definition).
extern const char* const kEmbeddedBlockModel;

// BlockModel is a small ensemble of gradient-boosted regression trees that
// gives a text block of the selected main content (block_features.h) the
// probability that it is main text. It is trained off line by
// tools/train_block_model.py on the development halves of the evaluation
// sets; the model file's format is described at the top of
// configs/extract/block_model.gbt. Immutable once parsed: thread-safe.
class BlockModel {
 public:
  BlockModel() = default;

  // Parses a model file. The file must name exactly the features of
  // BlockFeatureNames(), in order; trees must be well formed (children after
  // their parent, features in range). On error `*model` is left empty.
  static Status Parse(std::string_view text, BlockModel* model);

  // The embedded model. A broken embedded file is a build error in
  // practice (a unit test parses it); were it broken, this model is empty
  // and never drops anything.
  static const BlockModel& Default();

  // The probability that a block with features `x` is main text: the
  // logistic function of the base score plus every tree's leaf value.
  double MainProbability(const std::array<float, kBlockFeatureCount>& x) const;

  bool empty() const { return roots_.empty(); }
  size_t tree_count() const { return roots_.size(); }
  // Blocks scoring below this probability are left out...
  double drop_below() const { return drop_below_; }
  // ... unless that would leave out more than this share of the content's
  // block text (then the model is not trusted on this page).
  double max_drop_share() const { return max_drop_share_; }
  // ... or when the content has fewer blocks than this (too little context).
  size_t min_blocks() const { return min_blocks_; }
  // Whether the model acts only on pages whose content reads as an article
  // (BlockPageFacts::prose); on other pages it leaves everything in.
  bool prose_pages_only() const { return prose_pages_only_; }
  // Hex SHA-256 of the model file, part of the extractor version.
  const std::string& digest() const { return digest_; }

 private:
  struct Node {
    int32_t feature;  // -1: a leaf
    double threshold;  // x[feature] <= threshold goes left (as trained: float x, double bound)
    int32_t left, right;
    double value;      // leaf value (learning rate applied)
  };
  std::vector<Node> nodes_;
  std::vector<int32_t> roots_;
  double base_ = 0;
  double drop_below_ = 0;
  double max_drop_share_ = 0;
  size_t min_blocks_ = 0;
  bool prose_pages_only_ = false;
  std::string digest_;
};

// One candidate block as the model saw it (for the feature dump of
// tools/extract_blocks.cc, which training reads).
struct BlockTrace {
  int32_t node = -1;
  std::array<float, kBlockFeatureCount> x{};
  double p_main = 1;
  bool dropped = false;
  std::string text;  // the block rendered as plain text
};

// Leaves out of `sel` the candidate blocks (ComputeBlockFeatures) that
// `model` scores below model.drop_below(), unless together they hold more
// than model.max_drop_share() of the candidates' text, there are fewer
// than model.min_blocks() candidates, or the model acts on articles only
// (prose_pages_only()) and `page` is not one; with `apply` false
// nothing is left out. The two cells of a table row (a property's name and
// its value) are scored by their mean, so they stay or go together; a list
// item of a name and its value in two lines, by the higher score. When
// `trace` is not null every candidate is appended to it, with that score.
// Returns the number of blocks left out.
// REQUIRES: sel->root >= 0.
int DropModelBoilerplate(const DomIndex& dom, const PhraseSet& phrases,
                         const BlockPageFacts& page, const BlockModel& model, bool apply,
                         ContentSelection* sel, std::vector<BlockTrace>* trace);

}  // namespace corpus

#endif  // CORPUS_EXTRACT_BLOCK_MODEL_H_
