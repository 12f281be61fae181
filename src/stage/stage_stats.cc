#include "corpus/stage/stage_stats.h"

#include <simdjson.h>

#include "corpus/util/json.h"

namespace corpus {

void StageCounts::Add(const StageCounts& o) {
  records_in += o.records_in;
  bytes_in += o.bytes_in;
  kept += o.kept;
  bytes_out += o.bytes_out;
  rejected += o.rejected;
  for (const auto& [k, v] : o.rejected_by_rule) rejected_by_rule[k] += v;
  for (const auto& [k, v] : o.counters) counters[k] += v;
  seconds += o.seconds;
}

std::string StageCounts::ToJson() const {
  JsonObjectWriter by_rule;
  for (const auto& [k, v] : rejected_by_rule) by_rule.Uint(k, v);
  JsonObjectWriter ctr;
  for (const auto& [k, v] : counters) ctr.Uint(k, v);
  return JsonObjectWriter()
      .Uint("records_in", records_in)
      .Uint("bytes_in", bytes_in)
      .Uint("kept", kept)
      .Uint("bytes_out", bytes_out)
      .Uint("rejected", rejected)
      .Raw("rejected_by_rule", by_rule.Finish())
      .Raw("counters", ctr.Finish())
      .Double("seconds", seconds)
      .Finish();
}

Status StageCounts::FromJson(const std::string& json, StageCounts* out) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(json).get(root)) return Status::Corruption("counts are not valid JSON");
  StageCounts c;
  auto u = [&](const char* key, uint64_t* v) {
    uint64_t x;
    if (!root[key].get_uint64().get(x)) *v = x;
  };
  u("records_in", &c.records_in);
  u("bytes_in", &c.bytes_in);
  u("kept", &c.kept);
  u("bytes_out", &c.bytes_out);
  u("rejected", &c.rejected);
  double secs;
  if (!root["seconds"].get_double().get(secs)) c.seconds = secs;
  simdjson::dom::object obj;
  if (!root["rejected_by_rule"].get_object().get(obj)) {
    for (auto [k, v] : obj) {
      uint64_t x;
      if (!v.get_uint64().get(x)) c.rejected_by_rule[std::string(k)] = x;
    }
  }
  if (!root["counters"].get_object().get(obj)) {
    for (auto [k, v] : obj) {
      uint64_t x;
      if (!v.get_uint64().get(x)) c.counters[std::string(k)] = x;
    }
  }
  *out = std::move(c);
  return Status::OK();
}

std::string OutputFileToJson(const OutputFile& f) {
  return JsonObjectWriter()
      .String("path", f.path)
      .Uint("records", f.records)
      .Uint("bytes", f.bytes)
      .Uint("file_bytes", f.file_bytes)
      .String("sha256", f.sha256)
      .Finish();
}

}  // namespace corpus
