#include "corpus/filter/language_score.h"

namespace corpus {

FilterVerdict LanguageScoreFilter::Apply(Document& doc) const {
  if (doc.lang_score() < min_score_) return FilterVerdict::Reject("lang_score", doc.lang_score());
  return FilterVerdict::Keep();
}

void LanguageScoreFilter::Measure(Document&, QualitySignals*) const {}

void LanguageScoreFilter::Rules(std::vector<SignalRule>* out) const {
  out->push_back(SignalRule{"lang_score", "lang_score", SignalRule::Op::kLess, min_score_, ""});
}

}  // namespace corpus
