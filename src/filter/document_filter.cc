#include "corpus/filter/document_filter.h"

#include <cmath>

#include "corpus/util/json.h"

namespace corpus {

FilterVerdict FilterVerdict::Reject(std::string rule, double value) {
  FilterVerdict v;
  v.keep = false;
  v.rule = std::move(rule);
  v.value_json = std::isfinite(value) ? FormatJsonDouble(value) : "null";
  return v;
}

FilterVerdict FilterVerdict::RejectString(std::string rule, std::string_view value) {
  FilterVerdict v;
  v.keep = false;
  v.rule = std::move(rule);
  v.value_json = JsonQuote(value);
  return v;
}

void DocumentFilter::Measure(Document& doc, QualitySignals* signals) const {
  signals->Set(name(), Apply(doc).keep ? 0 : 1);
}

void DocumentFilter::Rules(std::vector<SignalRule>* out) const {
  out->push_back(SignalRule{std::string(name()), std::string(name()), SignalRule::Op::kGreater, 0, ""});
}

FilterVerdict JudgedFilter::Apply(Document& doc) const {
  if (!enabled_) return FilterVerdict::Keep();
  return Judge(doc, nullptr);
}

void JudgedFilter::Measure(Document& doc, QualitySignals* signals) const {
  if (enabled_) Judge(doc, signals);
}

void JudgedFilter::Rules(std::vector<SignalRule>* out) const {
  if (enabled_) EnabledRules(out);
}

void AddThresholdRule(std::vector<SignalRule>* out, std::string rule, std::string signal, SignalRule::Op op,
                      double threshold, std::string only_if) {
  if (threshold >= 0) {
    out->push_back(SignalRule{std::move(rule), std::move(signal), op, threshold, std::move(only_if)});
  }
}

const SignalRule* FirstFailure(const std::vector<SignalRule>& rules, const QualitySignals& signals) {
  for (const SignalRule& r : rules) {
    if (r.Fails(signals)) return &r;
  }
  return nullptr;
}

bool RuleCheck::Check(std::string_view signal, double value, bool fails, std::string_view rule) {
  if (signals_ != nullptr) signals_->Set(signal, value);
  if (fails && verdict_.keep) verdict_ = FilterVerdict::Reject(std::string(rule), value);
  return !verdict_.keep && signals_ == nullptr;
}

void RuleCheck::Record(std::string_view signal, double value) {
  if (signals_ != nullptr) signals_->Set(signal, value);
}

}  // namespace corpus
