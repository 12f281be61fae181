// A stage folder's _manifest.json, written and read in one place.

#include "corpus/stage/stage_manifest.h"

#include <simdjson.h>

#include "corpus/util/ascii.h"
#include "corpus/util/fs.h"
#include "corpus/util/json.h"

namespace corpus {
namespace {

std::string JsonArray(const std::vector<std::string>& raw_items) {
  std::string out = "[";
  for (size_t i = 0; i < raw_items.size(); ++i) {
    if (i) out += ",";
    out += raw_items[i];
  }
  return out + "]";
}

Status WrongType(std::string_view key) {
  return Status::Corruption("_manifest.json: \"" + std::string(key) + "\" has the wrong type");
}

}  // namespace

std::string StageManifestPath(const std::string& dir) { return JoinPath(dir, "_manifest.json"); }

std::string StageManifest::ToJson() const {
  std::vector<std::string> quoted_inputs;
  quoted_inputs.reserve(inputs.size());
  for (const std::string& in : inputs) quoted_inputs.push_back(JsonQuote(in));
  std::vector<std::string> damaged;
  damaged.reserve(damaged_inputs.size());
  for (const DamagedInput& d : damaged_inputs) {
    damaged.push_back(JsonObjectWriter().String("input", d.input).String("damage", d.damage).Finish());
  }
  JsonObjectWriter w;
  w.String("stage", stage)
      .String("version", version)
      .String("config_fingerprint", config_fingerprint)
      .Raw("config", config_json)
      .Raw("counts", counts.ToJson())
      .Raw("inputs", JsonArray(quoted_inputs))
      .Raw("outputs", JsonArray(outputs))
      .Uint("output_file_bytes", output_file_bytes)
      .Raw("damaged_inputs", JsonArray(damaged));
  for (const Field& f : fields) w.Raw(f.first, f.second);
  w.String("finished_at", finished_at);
  for (const Field& f : trailing_fields) w.Raw(f.first, f.second);
  return w.Finish();
}

Status SplitJsonObject(std::string_view json, std::vector<StageManifest::Field>* out) {
  out->clear();
  const simdjson::padded_string padded(json);
  simdjson::ondemand::parser parser;
  simdjson::ondemand::document doc;
  simdjson::ondemand::object obj;
  if (parser.iterate(padded).get(doc) || doc.get_object().get(obj)) {
    return Status::Corruption("not a JSON object");
  }
  for (auto field : obj) {
    std::string_view key;
    simdjson::ondemand::value value;
    simdjson::ondemand::json_type type;
    if (field.unescaped_key().get(key) || field.value().get(value) || value.type().get(type)) {
      return Status::Corruption("malformed JSON object");
    }
    std::string_view raw;
    simdjson::error_code err;
    if (type == simdjson::ondemand::json_type::object) {
      simdjson::ondemand::object o;
      err = value.get_object().get(o);
      if (!err) err = o.raw_json().get(raw);
    } else if (type == simdjson::ondemand::json_type::array) {
      simdjson::ondemand::array arr;
      err = value.get_array().get(arr);
      if (!err) err = arr.raw_json().get(raw);
    } else {
      raw = value.raw_json_token();
      err = simdjson::SUCCESS;
    }
    if (err) return Status::Corruption("malformed JSON object");
    out->emplace_back(std::string(key), std::string(StripAsciiWhitespace(raw)));
  }
  return Status::OK();
}

Status StageManifest::FromJson(std::string_view json, StageManifest* out) {
  std::vector<Field> all;
  CORPUS_RETURN_IF_ERROR(SplitJsonObject(json, &all));
  StageManifest m;
  bool after_finished = false;
  simdjson::dom::parser parser;
  for (Field& field : all) {
    // Named copies, not structured bindings: lambdas below capture `key`.
    const std::string& key = field.first;
    std::string& raw = field.second;
    simdjson::dom::element value;
    if (parser.parse(raw).get(value)) return WrongType(key);
    auto string_field = [&](std::string* dst) {
      std::string_view sv;
      if (value.get_string().get(sv)) return WrongType(key);
      dst->assign(sv);
      return Status::OK();
    };
    if (key == "stage") {
      CORPUS_RETURN_IF_ERROR(string_field(&m.stage));
    } else if (key == "version") {
      CORPUS_RETURN_IF_ERROR(string_field(&m.version));
    } else if (key == "config_fingerprint") {
      CORPUS_RETURN_IF_ERROR(string_field(&m.config_fingerprint));
    } else if (key == "finished_at") {
      CORPUS_RETURN_IF_ERROR(string_field(&m.finished_at));
      after_finished = true;
    } else if (key == "config") {
      if (!value.is_object()) return WrongType(key);
      m.config_json = std::move(raw);
    } else if (key == "counts") {
      if (!value.is_object() || !StageCounts::FromJson(raw, &m.counts).ok()) return WrongType(key);
    } else if (key == "inputs") {
      simdjson::dom::array arr;
      if (value.get_array().get(arr)) return WrongType(key);
      for (auto in : arr) {
        std::string_view sv;
        if (in.get_string().get(sv)) return WrongType(key);
        m.inputs.emplace_back(sv);
      }
    } else if (key == "outputs") {
      simdjson::dom::array arr;
      if (value.get_array().get(arr)) return WrongType(key);
      for (auto o : arr) m.outputs.push_back(simdjson::to_string(o));
    } else if (key == "output_file_bytes") {
      if (value.get_uint64().get(m.output_file_bytes)) return WrongType(key);
    } else if (key == "damaged_inputs") {
      simdjson::dom::array arr;
      if (value.get_array().get(arr)) return WrongType(key);
      for (auto d : arr) {
        std::string_view in, dmg;
        if (d["input"].get_string().get(in) || d["damage"].get_string().get(dmg)) return WrongType(key);
        m.damaged_inputs.push_back({std::string(in), std::string(dmg)});
      }
    } else {
      (after_finished ? m.trailing_fields : m.fields).emplace_back(key, std::move(raw));
    }
  }
  *out = std::move(m);
  return Status::OK();
}

const std::string* StageManifest::FindField(std::string_view name) const {
  for (const auto* list : {&fields, &trailing_fields}) {
    for (const Field& f : *list) {
      if (f.first == name) return &f.second;
    }
  }
  return nullptr;
}

Status StageManifest::Read(const std::string& dir, StageManifest* out) {
  const std::string path = StageManifestPath(dir);
  std::string text;
  CORPUS_RETURN_IF_ERROR(ReadFile(path, &text));
  const Status parsed = FromJson(text, out);
  if (!parsed.ok()) return Status::Corruption(path + ": " + parsed.message());
  return Status::OK();
}

}  // namespace corpus
