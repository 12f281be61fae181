#include "corpus/shard/shard_stage.h"

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <sys/file.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>

#include "corpus/io/record_source.h"
#include "corpus/shard/pack.h"
#include "corpus/shard/partition.h"
#include "corpus/shard/release.h"
#include "corpus/shard/shard_plan.h"
#include "corpus/shard/shuffle_buckets.h"
#include "corpus/stage/progress.h"
#include "corpus/stage/stage_dir.h"
#include "corpus/util/fs.h"
#include "corpus/util/parallel_for.h"

namespace corpus {
namespace {

// An exclusive lock on DIR/.lock held for the object's life: two tasks that
// both see the last shard done never write the manifest at the same time.
class DirLock {
 public:
  explicit DirLock(const std::string& dir) {
    fd_ = ::open(JoinPath(dir, ".lock").c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0644);
    if (fd_ >= 0 && ::flock(fd_, LOCK_EX) != 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }
  ~DirLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  DirLock(const DirLock&) = delete;
  DirLock& operator=(const DirLock&) = delete;
  bool ok() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

bool AllDone(const StageDir& dir, const std::vector<std::string>& units, const std::string& fingerprint) {
  for (const auto& unit : units) {
    DoneMarker m;
    if (!dir.ReadDone(unit, &m).ok() || m.fingerprint != fingerprint) return false;
  }
  return true;
}

bool AnyDamage(const StageDir& dir, const std::vector<std::string>& units) {
  for (const auto& unit : units) {
    DoneMarker m;
    if (dir.ReadDone(unit, &m).ok() && (!m.damage.empty() || m.counts.rejected_by_rule.count("malformed"))) {
      return true;
    }
  }
  return false;
}

struct ShardRef {
  const SplitPlan* plan;
  uint64_t shard;
};

}  // namespace

StageOutcome RunShardStage(const ShardConfig& cfg, const CommonOptions& opts) {
  StageOutcome outcome;
  outcome.status = opts.Validate();
  if (outcome.status.ok()) outcome.status = cfg.Validate();
  if (!outcome.status.ok()) return outcome;

  std::vector<std::string> inputs;
  outcome.status = ResolveStageInputs(opts.inputs, &inputs);
  if (!outcome.status.ok()) return outcome;
  const std::vector<std::string> units = StageDir::UnitNames(inputs);
  const uint32_t buckets = ShuffleBuckets::ChooseCount(inputs, cfg.bucket_bytes);
  const StageDir dir(opts.out_dir, "shard");
  const StageConfig stage_config = cfg.ToStageConfig();
  StageConfig work_config = stage_config;
  work_config.Set("buckets", static_cast<unsigned long>(buckets));
  const int threads = opts.EffectiveThreads();

  // Phase 1: partition this task's inputs into shuffle buckets.
  if (cfg.phase != ShardPhase::kPack) {
    outcome = RunPartitionPhase(cfg, opts, stage_config, work_config, buckets);
    if (!outcome.status.ok()) return outcome;
  } else if (!IsDirectory(opts.out_dir)) {
    outcome.status = Status::InvalidArgument(opts.out_dir + " has no partitioned input; run --phase partition first");
    return outcome;
  }
  outcome.input_damaged = AnyDamage(dir, units);
  if (!AllDone(dir, units, work_config.Fingerprint())) {
    spdlog::info("shard: waiting for other tasks to partition their inputs before packing");
    return outcome;
  }
  if (cfg.phase == ShardPhase::kPartition) return outcome;

  // Phase 2: pack this task's shards.
  std::vector<SplitPlan> plans;
  outcome.status = LoadSplitPlans(dir, units, work_config.Fingerprint(), buckets, cfg, &plans);
  if (!outcome.status.ok()) return outcome;
  StageConfig pack_config = work_config;
  std::vector<ShardRef> all_shards;
  std::vector<std::string> shard_units;
  for (const auto& plan : plans) {
    pack_config.Set(std::string("plan.") + plan.split_name(),
                    std::to_string(plan.records()) + " docs, " + std::to_string(plan.bytes()) +
                        " bytes, " + std::to_string(plan.shards()) + " shards");
    for (uint64_t j = 0; j < plan.shards(); ++j) {
      all_shards.push_back({&plan, j});
      shard_units.push_back(plan.ShardUnit(j));
    }
  }
  // Phase 1 removed the manifest if it partitioned anything.
  const bool published = PathExists(dir.ManifestPath());
  std::vector<ShardRef> pack_todo;
  for (const auto& ref : TaskSlice(all_shards, opts.task_index, opts.num_tasks)) {
    DoneMarker m;
    const bool done = dir.ReadDone(ref.plan->ShardUnit(ref.shard), &m).ok() &&
                      m.fingerprint == pack_config.Fingerprint();
    if (!done || (opts.force && !published)) pack_todo.push_back(ref);
  }
  if (!pack_todo.empty()) {
    outcome.status = dir.RemoveManifest();
    if (!outcome.status.ok()) return outcome;
  }
  Progress progress("shard pack", opts.progress, 0, pack_todo.size());
  outcome.status = ParallelFor(pack_todo.size(), threads, [&](size_t i) {
    PackJob job;
    job.plan = pack_todo[i].plan;
    job.dir = &dir;
    job.input_units = units;
    job.pack_config = pack_config;
    job.shard = pack_todo[i].shard;
    job.zstd_level = opts.zstd_level;
    Status st = PackShard(job);
    progress.units_done.fetch_add(1);
    return st;
  });
  progress.Stop();
  if (!outcome.status.ok()) return outcome;

  // Phase 3: whoever sees every shard done publishes the release.
  if (!AllDone(dir, shard_units, pack_config.Fingerprint())) {
    spdlog::info("shard: waiting for other tasks to pack their shards");
    return outcome;
  }
  DirLock lock(dir.root());
  if (!lock.ok()) {
    outcome.status = Status::IOError("cannot lock " + dir.root());
    return outcome;
  }
  if (!PathExists(dir.ManifestPath())) {
    ReleaseInfo info;
    info.dir = dir.root();
    info.config = cfg;
    info.stage_config = stage_config;
    info.buckets = buckets;
    outcome.status = GatherReleaseInfo(dir, units, shard_units, &info);
    if (outcome.status.ok()) outcome.status = PublishRelease(dir, info, shard_units);
    if (!outcome.status.ok()) return outcome;
    spdlog::info("shard: {} documents in {} shards", info.counts.kept, shard_units.size());
  }
  outcome.manifest_written = true;
  return outcome;
}

}  // namespace corpus
