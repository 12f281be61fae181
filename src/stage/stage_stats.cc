#include "corpus/stage/stage_stats.h"

#include <simdjson.h>

#include "corpus/util/json.h"

namespace corpus {
namespace {

// Calls visit(key, field) for each field of `c` (const or not) in the order
// ToJson writes them: its JSON key and the member.
template <typename Counts, typename Visitor>
void VisitCountFields(Counts& c, Visitor&& visit) {
  visit("records_in", c.records_in);
  visit("bytes_in", c.bytes_in);
  visit("kept", c.kept);
  visit("bytes_out", c.bytes_out);
  visit("rejected", c.rejected);
  visit("rejected_by_rule", c.rejected_by_rule);
  visit("counters", c.counters);
  visit("seconds", c.seconds);
}

// Writes each field into `w`; a map as an object of counts.
struct CountWriter {
  JsonObjectWriter* w;

  void operator()(const char* key, uint64_t value) const { w->Uint(key, value); }
  void operator()(const char* key, double value) const { w->Double(key, value); }
  void operator()(const char* key, const std::map<std::string, uint64_t>& values) const {
    JsonObjectWriter object;
    for (const auto& [k, v] : values) object.Uint(k, v);
    w->Raw(key, object.Finish());
  }
};

// Reads each field from `root`; a key that is missing or of another type
// leaves the field as it is, as does a map entry that is not a count.
struct CountReader {
  simdjson::dom::element root;

  void operator()(const char* key, uint64_t& value) const {
    uint64_t x;
    if (!root[key].get_uint64().get(x)) value = x;
  }
  void operator()(const char* key, double& value) const {
    double x;
    if (!root[key].get_double().get(x)) value = x;
  }
  void operator()(const char* key, std::map<std::string, uint64_t>& values) const {
    simdjson::dom::object object;
    if (root[key].get_object().get(object)) return;
    for (auto [k, v] : object) {
      uint64_t x;
      if (!v.get_uint64().get(x)) values[std::string(k)] = x;
    }
  }
};

}  // namespace

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
  JsonObjectWriter w;
  VisitCountFields(*this, CountWriter{&w});
  return std::move(w).Finish();
}

Status StageCounts::FromJson(const std::string& json, StageCounts* out) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(json).get(root)) return Status::Corruption("counts are not valid JSON");
  *out = StageCounts();
  VisitCountFields(*out, CountReader{root});
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
