#ifndef CORPUS_FILTER_DOCUMENT_FILTER_H_
#define CORPUS_FILTER_DOCUMENT_FILTER_H_

#include <string>
#include <string_view>
#include <vector>

#include "corpus/filter/document.h"
#include "corpus/filter/quality_signals.h"

namespace corpus {

// FilterVerdict is a step's decision on one document: keep it, or reject it
// naming the rule and the measured value that failed it. The value goes into
// the record's {"reject":{"stage":"filter","rule":..,"value":..}}.
struct FilterVerdict {
  bool keep = true;
  std::string rule;
  std::string value_json;  // raw JSON: a number, a string literal, an object

  static FilterVerdict Keep() { return FilterVerdict{}; }
  static FilterVerdict Reject(std::string rule, double value);
  static FilterVerdict RejectString(std::string rule, std::string_view value);
};

// DocumentFilter is one step of the filter pipeline (one family of rules, as
// datatrove's filters). Apply() judges a document and may rewrite its text
// (line removal, redaction). Steps are built once and shared by all worker
// threads, so Apply() must be thread-safe.
class DocumentFilter {
 public:
  virtual ~DocumentFilter() = default;
  virtual std::string_view name() const = 0;
  virtual FilterVerdict Apply(Document& doc) const = 0;
  // Annotate mode: records every rule's measured value in *signals and makes
  // the step's text changes as Apply does, without stopping at a failed
  // rule. The default runs Apply and records signal name() as 1 when it
  // rejects, else 0.
  virtual void Measure(Document& doc, QualitySignals* signals) const;
  // The step's rules as thresholds over its signals, in Apply's order (the
  // default: name() fails when its signal is above 0).
  virtual void Rules(std::vector<SignalRule>* out) const;
};

// JudgedFilter is a DocumentFilter whose Apply and Measure are one pass,
// Judge(), and which its options switch off as a whole: Apply judges without
// signals (stopping at the first failed rule), Measure judges with them
// (measuring every rule), Rules lists EnabledRules(). A disabled step keeps
// every document, measures nothing and lists no rule. Thread-safe when
// Judge is (the Gopher, C4 and FineWeb steps hold only their options).
class JudgedFilter : public DocumentFilter {
 public:
  FilterVerdict Apply(Document& doc) const final;
  void Measure(Document& doc, QualitySignals* signals) const final;
  void Rules(std::vector<SignalRule>* out) const final;

 protected:
  explicit JudgedFilter(bool enabled) : enabled_(enabled) {}
  // Apply's rules; measures every one when `signals` is given.
  virtual FilterVerdict Judge(Document& doc, QualitySignals* signals) const = 0;
  // The step's rules in Judge's order, as Rules() describes them.
  virtual void EnabledRules(std::vector<SignalRule>* out) const = 0;

 private:
  const bool enabled_;
};

// Appends the rule that `signal` fails by `op` against `threshold`, unless
// the threshold is negative (the rule is off).
void AddThresholdRule(std::vector<SignalRule>* out, std::string rule, std::string signal, SignalRule::Op op,
                      double threshold, std::string only_if = "");

// The first rule of `rules` that `signals` fail, or nullptr.
const SignalRule* FirstFailure(const std::vector<SignalRule>& rules, const QualitySignals& signals);

// Collects a step's first failure while it measures: in annotate mode
// (signals given) every value is recorded and the step goes on; otherwise
// the step stops at the first failure, as Apply always did.
class RuleCheck {
 public:
  explicit RuleCheck(QualitySignals* signals) : signals_(signals) {}
  // Records `value` as `signal`; if `fails`, notes `rule` as the verdict
  // unless an earlier rule failed. Returns whether the step should stop.
  bool Check(std::string_view signal, double value, bool fails, std::string_view rule);
  // Records a signal that no rule of this step judges.
  void Record(std::string_view signal, double value);
  bool measuring() const { return signals_ != nullptr; }
  const FilterVerdict& verdict() const { return verdict_; }

 private:
  QualitySignals* signals_;
  FilterVerdict verdict_;
};

}  // namespace corpus

#endif  // CORPUS_FILTER_DOCUMENT_FILTER_H_
