#include "corpus/shard/lineage.h"

#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "corpus/util/fs.h"

namespace corpus {
namespace {

std::string FolderOf(const std::string& file) {
  std::string dir = std::filesystem::path(file).parent_path().lexically_normal().string();
  if (dir.empty()) return ".";
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  return dir;
}

bool IsStageFolder(const std::string& dir) { return PathExists(JoinPath(dir, "_manifest.json")); }

std::vector<std::string> ManifestInputs(const std::string& dir) {
  std::vector<std::string> out;
  std::string text;
  if (!ReadFile(JoinPath(dir, "_manifest.json"), &text).ok()) return out;
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(text).get(root)) return out;
  simdjson::dom::array inputs;
  if (root["inputs"].get_array().get(inputs)) return out;
  for (auto in : inputs) {
    std::string_view sv;
    if (!in.get_string().get(sv) && !sv.empty()) out.emplace_back(sv);
  }
  return out;
}

}  // namespace

std::vector<std::string> FindUpstreamStages(const std::vector<std::string>& input_files) {
  std::map<std::string, int> depth;  // folder -> distance from the release
  std::vector<std::string> frontier;
  for (const auto& f : input_files) {
    const std::string dir = FolderOf(f);
    if (IsStageFolder(dir) && depth.emplace(dir, 0).second) frontier.push_back(dir);
  }
  for (int level = 1; !frontier.empty(); ++level) {
    std::vector<std::string> next;
    for (const auto& dir : frontier) {
      for (const auto& in : ManifestInputs(dir)) {
        const std::string up = FolderOf(in);
        if (IsStageFolder(up) && depth.emplace(up, level).second) next.push_back(up);
      }
    }
    frontier = std::move(next);
  }
  std::vector<std::pair<int, std::string>> order;
  for (const auto& [dir, d] : depth) order.emplace_back(-d, dir);
  std::sort(order.begin(), order.end());
  std::vector<std::string> out;
  for (const auto& [d, dir] : order) out.push_back(dir);
  return out;
}

}  // namespace corpus
