#include "corpus/shard/lineage.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "corpus/stage/stage_manifest.h"
#include "corpus/util/fs.h"

namespace corpus {
namespace {

std::string FolderOf(const std::string& file) {
  std::string dir = std::filesystem::path(file).parent_path().lexically_normal().string();
  if (dir.empty()) return ".";
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  return dir;
}

bool IsStageFolder(const std::string& dir) { return PathExists(StageManifestPath(dir)); }

std::vector<std::string> ManifestInputs(const std::string& dir) {
  StageManifest manifest;
  if (!StageManifest::Read(dir, &manifest).ok()) return {};
  std::vector<std::string> out;
  for (std::string& in : manifest.inputs) {
    if (!in.empty()) out.push_back(std::move(in));
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
