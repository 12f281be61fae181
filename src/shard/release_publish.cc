#include <filesystem>
#include <set>

#include "corpus/shard/lineage.h"
#include "corpus/shard/release.h"
#include "corpus/shard/shuffle_buckets.h"
#include "corpus/util/fs.h"

namespace corpus {
namespace {

bool StartsWith(const std::string& s, std::string_view p) { return s.rfind(p, 0) == 0; }

bool IsShardName(const std::string& name) {
  for (const char* split : kSplits) {
    if (StartsWith(name, std::string(split) + "-") && name.find("-of-") != std::string::npos) return true;
  }
  return false;
}

}  // namespace

Status GatherReleaseInfo(const StageDir& dir, const std::vector<std::string>& input_units,
                         const std::vector<std::string>& shard_units, ReleaseInfo* info) {
  for (const auto& unit : input_units) {
    DoneMarker m;
    CORPUS_RETURN_IF_ERROR(dir.ReadDone(unit, &m));
    info->inputs.push_back(m.input);
    if (!m.damage.empty()) info->damaged.emplace_back(m.input, m.damage);
    StageCounts c = m.counts;
    info->stats.Add(ReleaseStats::TakeFromCounters(&c));
    for (int s = 0; s < kNumSplits; ++s) c.counters.erase(std::string("shard.max_record_bytes.") + kSplits[s]);
    info->counts.Add(c);
  }
  for (const auto& unit : shard_units) {
    DoneMarker m;
    CORPUS_RETURN_IF_ERROR(dir.ReadDone(unit, &m));
    if (m.outputs.size() != 1) return Status::Corruption("marker of " + unit + " lists no shard");
    ReleaseShard s;
    s.split = unit.substr(0, unit.find('-'));
    s.file = m.outputs[0];
    s.words = m.counts.counters["words"];
    s.characters = m.counts.counters["characters"];
    info->counts.seconds += m.counts.seconds;
    info->counts.counters["shards." + s.split]++;
    info->shards.push_back(std::move(s));
  }
  return Status::OK();
}

Status PublishRelease(const StageDir& dir, const ReleaseInfo& info,
                      const std::vector<std::string>& shard_units) {
  std::vector<StageSummary> upstream;
  for (const auto& folder : FindUpstreamStages(info.inputs)) {
    StageSummary s;
    if (ReadStageSummary(folder, &s).ok()) upstream.push_back(std::move(s));
  }
  CORPUS_RETURN_IF_ERROR(WriteFileAtomic(JoinPath(dir.root(), "README.md"), RenderDatasetCard(info, upstream)));
  CORPUS_RETURN_IF_ERROR(WriteFileAtomic(dir.ManifestPath(), ReleaseManifestJson(info)));

  // Leftovers of an earlier plan (another input set or config): shards whose
  // name is not in this release, their markers, and temporary files.
  std::set<std::string> current(shard_units.begin(), shard_units.end());
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir.root(), ec)) {
    const std::string name = e.path().filename().string();
    if (!IsShardName(name)) continue;
    const bool is_tmp = name.size() > 4 && name.compare(name.size() - 4, 4, ".tmp") == 0;
    const std::string unit = name.substr(0, name.find(".jsonl"));
    if (is_tmp || !current.count(unit)) std::filesystem::remove(e.path(), ec);
  }
  for (const auto& e : std::filesystem::directory_iterator(JoinPath(dir.root(), "_done"), ec)) {
    const std::string name = e.path().filename().string();
    if (IsShardName(name) && !current.count(name.substr(0, name.size() - 5))) {
      std::filesystem::remove(e.path(), ec);
    }
  }
  std::filesystem::remove_all(ShuffleBuckets::WorkDir(dir.root()), ec);
  if (ec) return Status::IOError("cannot remove " + ShuffleBuckets::WorkDir(dir.root()) + ": " + ec.message());
  return Status::OK();
}

}  // namespace corpus
