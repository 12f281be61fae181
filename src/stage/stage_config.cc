#include "corpus/stage/stage_config.h"

#include <cstdio>

#include "corpus/util/json.h"
#include "corpus/util/sha256.h"

namespace corpus {

void StageConfig::Set(const std::string& key, double value) {
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%.10g", value);
  entries_[key] = buf;
}

void StageConfig::Set(const std::string& key, const std::vector<std::string>& values) {
  std::string joined;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) joined += ",";
    joined += values[i];
  }
  entries_[key] = joined;
}

std::string StageConfig::Fingerprint() const {
  Sha256 h;
  for (const auto& [k, v] : entries_) {
    h.Update(k);
    h.Update("=", 1);
    h.Update(v);
    h.Update("\n", 1);
  }
  return h.HexDigest().substr(0, 16);
}

std::string StageConfig::ToJson() const {
  JsonObjectWriter w;
  for (const auto& [k, v] : entries_) w.String(k, v);
  return w.Finish();
}

std::string StageConfig::Diff(const std::map<std::string, std::string>& before) const {
  std::string out;
  auto add = [&](const std::string& k, const std::string& a, const std::string& b) {
    if (!out.empty()) out += ", ";
    out += k + ": " + a + " -> " + b;
  };
  for (const auto& [k, v] : entries_) {
    auto it = before.find(k);
    if (it == before.end()) {
      add(k, "(unset)", v);
    } else if (it->second != v) {
      add(k, it->second, v);
    }
  }
  for (const auto& [k, v] : before) {
    if (!entries_.count(k)) add(k, v, "(unset)");
  }
  return out;
}

}  // namespace corpus
