#ifndef CORPUS_FILTER_RULE_STEP_H_
#define CORPUS_FILTER_RULE_STEP_H_

#include <string_view>
#include <utility>
#include <vector>

#include "corpus/filter/document_filter.h"

namespace corpus {

// RuleStep<Options> is a JudgedFilter that holds nothing but its name and
// its options, which `enabled` switches on and off as a whole: the C4 and
// FineWeb steps. A step's header names its type (`using C4Filter =
// RuleStep<C4Options>;`) and declares the two specializations its .cc
// defines, Judge and EnabledRules, which read the options as opts_.
// Thread-safe, as JudgedFilter: the options are const.
template <typename Options>
class RuleStep final : public JudgedFilter {
 public:
  // REQUIRES: `name` outlives the step (a literal).
  RuleStep(std::string_view name, Options opts)
      : JudgedFilter(opts.enabled), name_(name), opts_(std::move(opts)) {}
  std::string_view name() const override { return name_; }

 private:
  FilterVerdict Judge(Document& doc, QualitySignals* signals) const override;
  void EnabledRules(std::vector<SignalRule>* out) const override;

  const std::string_view name_;
  const Options opts_;
};

}  // namespace corpus

#endif  // CORPUS_FILTER_RULE_STEP_H_
