#include "corpus/filter/quality_signals.h"

#include <cstdio>

#include "corpus/io/record.h"
#include "corpus/util/json.h"

namespace corpus {

void QualitySignals::Set(std::string_view name, double value) {
  for (auto& [n, v] : values_) {
    if (n == name) {
      v = value;
      return;
    }
  }
  values_.emplace_back(std::string(name), value);
}

const double* QualitySignals::Find(std::string_view name) const {
  for (const auto& [n, v] : values_) {
    if (n == name) return &v;
  }
  return nullptr;
}

std::string QualitySignals::ToJson(const std::vector<std::string>& would_reject) const {
  std::string out = "{";
  char buf[40];
  for (size_t i = 0; i < values_.size(); ++i) {
    if (i) out += ',';
    AppendJsonString(&out, values_[i].first);
    std::snprintf(buf, sizeof(buf), ":%.17g", values_[i].second);
    out += buf;
  }
  out += values_.empty() ? "\"would_reject\":[" : ",\"would_reject\":[";
  for (size_t i = 0; i < would_reject.size(); ++i) {
    if (i) out += ',';
    AppendJsonString(&out, would_reject[i]);
  }
  return out + "]}";
}

Status QualitySignals::FromJson(std::string_view json, QualitySignals* out) {
  out->values_.clear();
  Record r;
  CORPUS_RETURN_IF_ERROR(r.Parse(json));
  for (const std::string& key : r.Keys()) {
    if (key == "would_reject") continue;
    const std::optional<double> v = r.GetDouble(key);
    if (!v) return Status::InvalidArgument("signal " + key + " is not a number");
    out->Set(key, *v);
  }
  return Status::OK();
}

bool SignalRule::Fails(const QualitySignals& s) const {
  const double* v = s.Find(signal);
  if (v == nullptr) return false;
  if (!only_if.empty()) {
    const double* gate = s.Find(only_if);
    if (gate != nullptr && *gate == 0) return false;
  }
  switch (op) {
    case Op::kLess:
      return *v < threshold;
    case Op::kLessEqual:
      return *v <= threshold;
    case Op::kGreater:
      return *v > threshold;
    case Op::kGreaterEqual:
      return *v >= threshold;
  }
  return false;
}

}  // namespace corpus
