#include "corpus/stage/stage_dir.h"

#include <simdjson.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>
#include <set>

#include "corpus/stage/stage_manifest.h"
#include "corpus/util/fs.h"
#include "corpus/util/json.h"
#include "corpus/util/sha256.h"
#include "corpus/util/rfc3339.h"
#include "corpus/version.h"

namespace corpus {
namespace {

std::string StripSuffixes(std::string name) {
  static const char* kSuffixes[] = {".zst", ".gz", ".zstd", ".jsonl", ".ndjson", ".json",
                                    ".warc", ".wet", ".wat", ".arc"};
  bool changed = true;
  while (changed) {
    changed = false;
    for (const char* suf : kSuffixes) {
      const std::string s(suf);
      if (name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0) {
        name.resize(name.size() - s.size());
        changed = true;
      }
    }
  }
  return name;
}

}  // namespace

StageDir::StageDir(std::string root, std::string stage_name)
    : root_(std::move(root)), stage_(std::move(stage_name)) {
  while (root_.size() > 1 && root_.back() == '/') root_.pop_back();
}

Status StageDir::Create() const {
  CORPUS_RETURN_IF_ERROR(MakeDirs(root_));
  CORPUS_RETURN_IF_ERROR(MakeDirs(JoinPath(root_, "rejected")));
  CORPUS_RETURN_IF_ERROR(MakeDirs(JoinPath(root_, "_done")));
  if (::access(root_.c_str(), W_OK) != 0) {
    return Status::IOError("output folder is not writable: " + root_);
  }
  return Status::OK();
}

std::vector<std::string> StageDir::UnitNames(const std::vector<std::string>& inputs) {
  std::vector<std::string> names;
  std::map<std::string, int> uses;
  for (const auto& in : inputs) {
    std::string stem = StripSuffixes(BaseName(in));
    if (stem.rfind("part-", 0) != 0) stem = "part-" + stem;
    names.push_back(stem);
    uses[stem]++;
  }
  // Same file name in two folders: tell them apart by a hash of the path.
  for (size_t i = 0; i < names.size(); ++i) {
    if (uses[names[i]] > 1) names[i] += "-" + Sha256Hex(inputs[i]).substr(0, 8);
  }
  return names;
}

std::string StageDir::KeptPath(const std::string& unit) const {
  return JoinPath(root_, unit + ".jsonl.zst");
}
std::string StageDir::RejectedPath(const std::string& unit) const {
  return JoinPath(root_, "rejected/" + unit + ".jsonl.zst");
}
std::string StageDir::DonePath(const std::string& unit) const {
  return JoinPath(root_, "_done/" + unit + ".json");
}
std::string StageDir::ManifestPath() const { return StageManifestPath(root_); }

std::string StageDir::Relative(const std::string& path) const {
  const std::string prefix = root_ + "/";
  if (path.rfind(prefix, 0) == 0) return path.substr(prefix.size());
  return path;
}

Status StageDir::WriteDone(const DoneMarker& m) const {
  std::string outputs = "[";
  for (size_t i = 0; i < m.outputs.size(); ++i) {
    if (i) outputs += ",";
    outputs += OutputFileToJson(m.outputs[i]);
  }
  outputs += "]";
  std::string config = "{";
  bool first = true;
  for (const auto& [k, v] : m.config) {
    if (!first) config += ",";
    first = false;
    AppendJsonString(&config, k);
    config += ":";
    AppendJsonString(&config, v);
  }
  config += "}";
  JsonObjectWriter w;
  w.String("stage", stage_)
      .String("unit", m.unit)
      .String("input", m.input)
      .String("config_fingerprint", m.fingerprint)
      .Raw("config", config)
      .Raw("outputs", outputs)
      .Raw("counts", m.counts.ToJson());
  if (m.damage.empty()) {
    w.Null("damage");
  } else {
    w.String("damage", m.damage);
  }
  w.String("finished_at", NowRfc3339());
  return WriteFileAtomic(DonePath(m.unit), w.Finish() + "\n");
}

Status StageDir::ReadDone(const std::string& unit, DoneMarker* m) const {
  std::string text;
  CORPUS_RETURN_IF_ERROR(ReadFile(DonePath(unit), &text));
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(text).get(root)) {
    return Status::Corruption("unreadable marker " + DonePath(unit));
  }
  DoneMarker out;
  out.unit = unit;
  std::string_view sv;
  if (!root["input"].get_string().get(sv)) out.input = std::string(sv);
  if (!root["config_fingerprint"].get_string().get(sv)) out.fingerprint = std::string(sv);
  if (!root["damage"].get_string().get(sv)) out.damage = std::string(sv);
  simdjson::dom::object cfg;
  if (!root["config"].get_object().get(cfg)) {
    for (auto [k, v] : cfg) {
      std::string_view val;
      if (!v.get_string().get(val)) out.config[std::string(k)] = std::string(val);
    }
  }
  simdjson::dom::array outs;
  if (!root["outputs"].get_array().get(outs)) {
    for (auto o : outs) {
      OutputFile f;
      if (!o["path"].get_string().get(sv)) f.path = std::string(sv);
      uint64_t x;
      if (!o["records"].get_uint64().get(x)) f.records = x;
      if (!o["bytes"].get_uint64().get(x)) f.bytes = x;
      if (!o["file_bytes"].get_uint64().get(x)) f.file_bytes = x;
      if (!o["sha256"].get_string().get(sv)) f.sha256 = std::string(sv);
      out.outputs.push_back(std::move(f));
    }
  }
  simdjson::dom::element counts;
  if (!root["counts"].get(counts)) {
    CORPUS_RETURN_IF_ERROR(StageCounts::FromJson(simdjson::to_string(counts), &out.counts));
  }
  *m = std::move(out);
  return Status::OK();
}

Status StageDir::RemoveDone(const std::string& unit) const {
  const std::string p = DonePath(unit);
  if (::unlink(p.c_str()) != 0 && errno != ENOENT) {
    return Status::IOError("cannot remove " + p);
  }
  return Status::OK();
}

Status StageDir::RemoveManifest() const {
  const std::string p = ManifestPath();
  if (::unlink(p.c_str()) != 0 && errno != ENOENT) {
    return Status::IOError("cannot remove " + p);
  }
  return Status::OK();
}

Status StageDir::Plan(const std::vector<std::string>& units, const StageConfig& config, bool force,
                      std::vector<std::string>* todo) const {
  todo->clear();
  const std::string fp = config.Fingerprint();
  for (const auto& unit : units) {
    DoneMarker m;
    const Status st = ReadDone(unit, &m);
    if (st.IsNotFound()) {
      todo->push_back(unit);
      continue;
    }
    if (!st.ok()) {
      todo->push_back(unit);  // an unreadable marker is redone
      continue;
    }
    if (m.fingerprint == fp && !force) continue;
    if (!force) {
      return Status::InvalidArgument(root_ + " was made with a different " + stage_ +
                                     " config (" + config.Diff(m.config) +
                                     "); use --force to redo it or choose another --out");
    }
    CORPUS_RETURN_IF_ERROR(RemoveDone(unit));
    todo->push_back(unit);
  }
  return Status::OK();
}

bool StageDir::AllDone(const std::vector<std::string>& units, const StageConfig& config) const {
  const std::string fp = config.Fingerprint();
  for (const auto& unit : units) {
    DoneMarker m;
    if (!ReadDone(unit, &m).ok() || m.fingerprint != fp) return false;
  }
  return true;
}

Status StageDir::MaybeWriteManifest(const std::vector<std::string>& all_units,
                                    const StageConfig& config, const std::string& extra_json,
                                    bool* written) const {
  *written = false;
  const std::string fp = config.Fingerprint();
  StageManifest manifest;
  manifest.stage = stage_;
  manifest.version = CORPUS_VERSION;
  manifest.config_fingerprint = fp;
  manifest.config_json = config.ToJson();
  for (const std::string& unit : all_units) {
    DoneMarker m;
    if (!ReadDone(unit, &m).ok() || m.fingerprint != fp) return Status::OK();
    manifest.counts.Add(m.counts);
    manifest.inputs.push_back(m.input);
    for (const auto& f : m.outputs) {
      manifest.outputs.push_back(OutputFileToJson(f));
      manifest.output_file_bytes += f.file_bytes;
    }
    if (!m.damage.empty()) manifest.damaged_inputs.push_back({m.input, m.damage});
  }
  manifest.finished_at = NowRfc3339();
  if (!extra_json.empty() && extra_json != "{}") {
    CORPUS_RETURN_IF_ERROR(SplitJsonObject(extra_json, &manifest.trailing_fields));
  }
  const std::string body = manifest.ToJson();
  // Tasks finishing together may each write it (the same facts): a name of
  // its own for each writer, so no writer renames another's half file.
  char unique[32];
  std::snprintf(unique, sizeof(unique), ".%016llx",
                static_cast<unsigned long long>(std::random_device{}()) << 32 ^ std::random_device{}());
  const std::string mine = ManifestPath() + unique;
  CORPUS_RETURN_IF_ERROR(WriteFileAtomic(mine, body + "\n"));
  CORPUS_RETURN_IF_ERROR(RenameDurable(mine, ManifestPath()));
  *written = true;
  return Status::OK();
}

}  // namespace corpus
