#include "corpus/crawl/checkpoint.h"

#include <simdjson.h>

#include "corpus/util/fs.h"
#include "corpus/util/json.h"

namespace corpus {
namespace {

std::string UintArray(const std::vector<uint64_t>& v) {
  std::string s = "[";
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) s += ",";
    s += std::to_string(v[i]);
  }
  return s + "]";
}

std::string StringArray(const std::vector<std::string>& v) {
  std::string s = "[";
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) s += ",";
    AppendJsonString(&s, v[i]);
  }
  return s + "]";
}

std::string OutputArray(const std::vector<OutputFile>& files) {
  std::string s = "[";
  for (size_t i = 0; i < files.size(); ++i) {
    if (i) s += ",";
    s += OutputFileToJson(files[i]);
  }
  return s + "]";
}

void ParseOutputArray(simdjson::dom::element root, const char* key, std::vector<OutputFile>* out) {
  simdjson::dom::array arr;
  if (root[key].get_array().get(arr)) return;
  std::string_view sv;
  uint64_t u;
  for (auto o : arr) {
    OutputFile f;
    if (!o["path"].get_string().get(sv)) f.path = std::string(sv);
    if (!o["records"].get_uint64().get(u)) f.records = u;
    if (!o["bytes"].get_uint64().get(u)) f.bytes = u;
    if (!o["file_bytes"].get_uint64().get(u)) f.file_bytes = u;
    if (!o["sha256"].get_string().get(sv)) f.sha256 = std::string(sv);
    out->push_back(std::move(f));
  }
}

}  // namespace

std::string CrawlCheckpoint::ToJson() const {
  const std::string fr = JsonObjectWriter()
                             .Raw("written", UintArray(frontier.written))
                             .Raw("read", UintArray(frontier.read))
                             .String("pending", frontier.pending_file)
                             .Finish();
  return JsonObjectWriter()
      .String("fingerprint", fingerprint)
      .Raw("config", config_json.empty() ? "{}" : config_json)
      .Uint("next_part", next_part)
      .Raw("outputs", OutputArray(outputs))
      .Raw("open_parts", OutputArray(open_parts))
      .Raw("counts", counts.ToJson())
      .Raw("frontier", fr)
      .Uint("seen_log_length", seen_log_length)
      .Uint("host_log_length", host_log_length)
      .Uint("trap_log_length", trap_log_length)
      .Raw("scope_extra", StringArray(scope_extra))
      .Raw("warc", warc_state.empty() ? "null" : warc_state)
      .Bool("finished", finished)
      .Finish();
}

Status CrawlCheckpoint::FromJson(const std::string& json, CrawlCheckpoint* out) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(json).get(root)) return Status::Corruption("unreadable crawl checkpoint");
  CrawlCheckpoint cp;
  std::string_view sv;
  uint64_t u;
  bool b;
  if (!root["fingerprint"].get_string().get(sv)) cp.fingerprint = std::string(sv);
  simdjson::dom::element cfg;
  if (!root["config"].get(cfg)) cp.config_json = simdjson::to_string(cfg);
  if (!root["next_part"].get_uint64().get(u)) cp.next_part = u;
  if (!root["seen_log_length"].get_uint64().get(u)) cp.seen_log_length = u;
  if (!root["host_log_length"].get_uint64().get(u)) cp.host_log_length = u;
  if (!root["trap_log_length"].get_uint64().get(u)) cp.trap_log_length = u;
  if (!root["finished"].get_bool().get(b)) cp.finished = b;
  ParseOutputArray(root, "outputs", &cp.outputs);
  ParseOutputArray(root, "open_parts", &cp.open_parts);
  simdjson::dom::array arr;
  simdjson::dom::element counts;
  if (!root["counts"].get(counts)) {
    CORPUS_RETURN_IF_ERROR(StageCounts::FromJson(simdjson::to_string(counts), &cp.counts));
  }
  simdjson::dom::element fr;
  if (!root["frontier"].get(fr)) {
    if (!fr["written"].get_array().get(arr)) {
      for (auto x : arr) cp.frontier.written.push_back(x.get_uint64().value_unsafe());
    }
    if (!fr["read"].get_array().get(arr)) {
      for (auto x : arr) cp.frontier.read.push_back(x.get_uint64().value_unsafe());
    }
    if (!fr["pending"].get_string().get(sv)) cp.frontier.pending_file = std::string(sv);
  }
  simdjson::dom::object warc;
  if (!root["warc"].get_object().get(warc)) cp.warc_state = simdjson::to_string(warc);
  if (!root["scope_extra"].get_array().get(arr)) {
    for (auto x : arr) {
      if (!x.get_string().get(sv)) cp.scope_extra.emplace_back(sv);
    }
  }
  *out = std::move(cp);
  return Status::OK();
}

Status WriteCheckpoint(const std::string& path, const CrawlCheckpoint& cp) {
  return WriteFileAtomic(path, cp.ToJson() + "\n");
}

Status ReadCheckpoint(const std::string& path, CrawlCheckpoint* cp) {
  if (!PathExists(path)) return Status::NotFound(path);
  std::string text;
  CORPUS_RETURN_IF_ERROR(ReadFile(path, &text));
  return CrawlCheckpoint::FromJson(text, cp);
}

}  // namespace corpus
