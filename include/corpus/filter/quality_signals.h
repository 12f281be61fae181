#ifndef CORPUS_FILTER_QUALITY_SIGNALS_H_
#define CORPUS_FILTER_QUALITY_SIGNALS_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "corpus/util/status.h"

namespace corpus {

// QualitySignals are the measured values of a document's rules, by name
// (RedPajama-V2's quality-signal names where the definition matches, e.g.
// "rps_doc_word_count"; our own elsewhere, e.g. "gopher_dup_line_frac").
// `corpus filter --annotate` stores them on each record as "signals";
// `--from-signals` judges records by them without measuring again.
// docs/LANGUAGES.md lists every signal. Plain data; copyable.
class QualitySignals {
 public:
  void Set(std::string_view name, double value);
  // The value of `name`, or nullptr if it was not measured.
  const double* Find(std::string_view name) const;
  const std::vector<std::pair<std::string, double>>& values() const { return values_; }

  // {"name":value,...,"would_reject":["rule",...]} in measuring order, each
  // value exact to the bit (17 significant digits), so a later judgement
  // sees the same numbers.
  std::string ToJson(const std::vector<std::string>& would_reject = {}) const;
  // Parses ToJson's form (would_reject is skipped: it is judged again);
  // a value that is not a number is InvalidArgument.
  static Status FromJson(std::string_view json, QualitySignals* out);

 private:
  std::vector<std::pair<std::string, double>> values_;
};

// One threshold rule over a signal: the document fails `rule` when its
// `signal` compares with `threshold` as `op` says. A rule whose signal was
// not measured (it does not apply to the document) does not fail; nor does
// one whose `only_if` signal is present and zero.
struct SignalRule {
  enum class Op { kLess, kLessEqual, kGreater, kGreaterEqual };
  std::string rule;
  std::string signal;
  Op op = Op::kGreater;
  double threshold = 0;
  std::string only_if;

  bool Fails(const QualitySignals& s) const;
};

}  // namespace corpus

#endif  // CORPUS_FILTER_QUALITY_SIGNALS_H_
