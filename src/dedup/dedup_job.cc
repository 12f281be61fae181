#include "corpus/dedup/dedup_job.h"

#include <atomic>
#include <mutex>
#include <thread>

#include "corpus/util/fs.h"
#include "corpus/util/sha256.h"

namespace corpus::dedup {

StageConfig DedupJob::ConfigOf(const std::string& phase) const {
  StageConfig c = opts.ToStageConfig();
  if (phase != "apply") c.Set("partitions", opts.partitions);
  if (phase != "signatures") {
    Sha256 digest;
    for (size_t i = 0; i < inputs.size(); ++i) {
      digest.Update(inputs[i] + "\n" + units[i] + "\n");
    }
    for (const auto& g : index_gens) digest.Update("index " + g + "\n");
    c.Set("inputs_digest", digest.HexDigest().substr(0, 16));
  }
  return c;
}

std::string DedupJob::WorkDir(const std::string& phase) const {
  return JoinPath(common.out_dir, "_work/" + phase);
}

StageDir DedupJob::PhaseDir(const std::string& phase) const {
  return StageDir(WorkDir(phase), "dedup-" + phase);
}

std::string DedupJob::UnitStoreDir(size_t input) const {
  return JoinPath(WorkDir("signatures"), units[input]);
}

std::string DedupJob::PairsPath(int partition) const {
  return JoinPath(WorkDir("pairs"), "pairs-" + std::to_string(partition) + ".bin");
}

std::string DedupJob::LinesPath(int partition) const {
  return JoinPath(WorkDir("pairs"), "lines-" + std::to_string(partition) + ".bin");
}

std::string DedupJob::ActionsPath(const std::string& unit) const {
  return JoinPath(WorkDir("cluster"), unit + ".actions");
}

std::vector<std::string> DedupJob::StoreDirs() const {
  std::vector<std::string> dirs = index_gens;
  for (size_t i = 0; i < inputs.size(); ++i) dirs.push_back(UnitStoreDir(i));
  return dirs;
}

std::vector<std::string> DedupJob::PartitionUnits() const {
  std::vector<std::string> out;
  for (int p = 0; p < opts.partitions; ++p) out.push_back("partition-" + std::to_string(p));
  return out;
}

Status RequirePhaseDone(const DedupJob& job, const std::string& phase,
                        const std::vector<std::string>& units, const std::string& next) {
  const StageDir dir = job.PhaseDir(phase);
  const std::string fp = job.ConfigOf(phase).Fingerprint();
  size_t done = 0;
  for (const auto& u : units) {
    DoneMarker m;
    if (dir.ReadDone(u, &m).ok() && m.fingerprint == fp) ++done;
  }
  if (done == units.size()) return Status::OK();
  return Status::InvalidArgument("the " + next + " phase needs the " + phase +
                                 " phase to finish first (" + std::to_string(done) + " of " +
                                 std::to_string(units.size()) + " " + phase +
                                 " tasks done with this config)");
}

}  // namespace corpus::dedup
