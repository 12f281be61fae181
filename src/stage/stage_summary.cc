#include "corpus/stage/stage_summary.h"

#include "corpus/stage/signal_histogram.h"

#include <simdjson.h>

#include <cstdio>
#include <filesystem>

#include "corpus/stage/stage_manifest.h"
#include "corpus/util/byte_size.h"
#include "corpus/util/fs.h"

namespace corpus {
namespace {

std::string HumanBytes(uint64_t b) {
  return FormatScaled(static_cast<double>(b), {"%.2f GB", "%.2f MB", "%.1f kB", "%.0f B"});
}

std::string Percent(uint64_t part, uint64_t whole) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.1f%%", whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0);
  return buf;
}

// One `_done` marker's share of the summary (StageDir::WriteDone's fields).
Status ParseMarkerJson(const std::string& text, StageSummary* s) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(text).get(root)) return Status::Corruption("unreadable JSON");
  std::string_view sv;
  if (!root["stage"].get_string().get(sv)) s->stage = std::string(sv);
  simdjson::dom::element cfg;
  if (!root["config"].get(cfg)) s->config_json = simdjson::to_string(cfg);
  simdjson::dom::element counts;
  if (!root["counts"].get(counts)) {
    StageCounts c;
    CORPUS_RETURN_IF_ERROR(StageCounts::FromJson(simdjson::to_string(counts), &c));
    s->counts.Add(c);
  }
  std::string_view dmg;
  if (!root["damage"].get_string().get(dmg)) {
    std::string_view in;
    if (root["input"].get_string().get(in)) in = "";
    s->damaged.push_back(std::string(in) + ": " + std::string(dmg));
  }
  return Status::OK();
}

// A finished stage's summary, from its manifest.
Status SummaryFromManifest(const StageManifest& m, StageSummary* s) {
  s->stage = m.stage;
  s->version = m.version;
  s->finished_at = m.finished_at;
  s->config_json = m.config_json;
  s->counts.Add(m.counts);
  // Counters only the whole stage knows (distinct items over all inputs),
  // which a stage adds to its manifest beside the summed counts.
  if (const std::string* raw = m.FindField("summary_counters")) {
    simdjson::dom::parser parser;
    simdjson::dom::object summary_counters;
    if (!parser.parse(*raw).get_object().get(summary_counters)) {
      for (auto [name, value] : summary_counters) {
        uint64_t n = 0;
        if (!value.get_uint64().get(n)) s->counts.counters[std::string(name)] += n;
      }
    }
  }
  s->units += m.inputs.size();
  for (const DamagedInput& d : m.damaged_inputs) s->damaged.push_back(d.input + ": " + d.damage);
  return Status::OK();
}

}  // namespace

Status ReadStageSummary(const std::string& dir, StageSummary* out) {
  StageSummary s;
  s.dir = dir;
  StageManifest manifest;
  const Status read = StageManifest::Read(dir, &manifest);
  if (read.ok()) {
    s.complete = true;
    CORPUS_RETURN_IF_ERROR(SummaryFromManifest(manifest, &s));
    *out = std::move(s);
    return Status::OK();
  }
  if (!read.IsNotFound()) return read;
  std::string text;
  const std::string done = JoinPath(dir, "_done");
  if (!IsDirectory(done)) {
    return Status::NotFound(dir + " is not a stage folder (no _manifest.json or _done/)");
  }
  std::vector<std::string> markers;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(done, ec)) {
    if (e.path().extension() == ".json") markers.push_back(e.path().string());
  }
  std::sort(markers.begin(), markers.end());
  for (const auto& m : markers) {
    if (!ReadFile(m, &text).ok()) continue;
    StageSummary part;
    if (!ParseMarkerJson(text, &part).ok()) continue;
    s.stage = part.stage;
    s.config_json = part.config_json;
    s.counts.Add(part.counts);
    s.units++;
    for (auto& d : part.damaged) s.damaged.push_back(d);
  }
  *out = std::move(s);
  return Status::OK();
}

std::string FormatFunnel(const std::vector<StageSummary>& stages) {
  std::string out;
  char buf[512];
  std::snprintf(buf, sizeof(buf), "%-9s %-24s %12s %12s %12s %8s %12s %9s\n", "stage", "folder",
                "records in", "bytes in", "kept", "kept %", "bytes out", "seconds");
  out += buf;
  for (const auto& s : stages) {
    std::snprintf(buf, sizeof(buf), "%-9s %-24s %12llu %12s %12llu %8s %12s %9.1f%s\n",
                  s.stage.c_str(), s.dir.c_str(),
                  static_cast<unsigned long long>(s.counts.records_in),
                  HumanBytes(s.counts.bytes_in).c_str(),
                  static_cast<unsigned long long>(s.counts.kept),
                  Percent(s.counts.kept, s.counts.records_in).c_str(),
                  HumanBytes(s.counts.bytes_out).c_str(), s.counts.seconds,
                  s.complete ? "" : "  (unfinished)");
    out += buf;
    for (const auto& [rule, n] : s.counts.rejected_by_rule) {
      std::snprintf(buf, sizeof(buf), "%-9s   rejected %-28s %10llu  %6s of input\n", "",
                    rule.c_str(), static_cast<unsigned long long>(n),
                    Percent(n, s.counts.records_in).c_str());
      out += buf;
    }
    for (const auto& [name, n] : s.counts.counters) {
      if (IsSignalCounter(name)) continue;  // shown below as distributions
      std::snprintf(buf, sizeof(buf), "%-9s   %-37s %10llu\n", "", name.c_str(),
                    static_cast<unsigned long long>(n));
      out += buf;
    }
    for (const auto& d : s.damaged) {
      out += "            damaged input: " + d + "\n";
    }
    out += FormatSignalDistributions(s.counts.counters);
  }
  return out;
}

}  // namespace corpus
