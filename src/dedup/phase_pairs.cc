// Phase 2 of dedup (dedup_stage.h): one unit per band partition. Gathers the
// partition's entries from every store, sorts them (externally when they
// exceed the memory budget), and turns each bucket — entries with the same
// band and hash — into candidate pairs, verified against the signatures.

#include <spdlog/spdlog.h>

#include <cmath>
#include <unordered_set>

#include "corpus/dedup/dedup_job.h"
#include "corpus/dedup/doc_store.h"
#include "corpus/dedup/external_sorter.h"
#include "corpus/stage/progress.h"
#include "corpus/stage/signals.h"
#include "corpus/util/fs.h"

namespace corpus::dedup {
namespace {

// In a bucket of n documents, member i is compared with the first member and
// then with up to this many others before it, until one verifies. A star
// around the first member is what FineWeb emits (without verification);
// the extra comparisons keep recall when the first member is an outlier,
// and the bound keeps huge boilerplate buckets linear.
constexpr size_t kMaxComparisons = 8;

class PartitionWorker {
 public:
  PartitionWorker(const DedupJob& job, int partition)
      : job_(job),
        partition_(partition),
        stores_(job.StoreDirs(), job.opts.minhash.num_hashes()),
        sig_(job.opts.minhash.num_hashes()) {}

  Status Run() {
    const size_t budget = static_cast<size_t>(job_.opts.memory_mb) * (1 << 20) /
                          static_cast<size_t>(std::max(1, job_.common.EffectiveThreads())) / 2;
    const std::string tmp = JoinPath(job_.WorkDir("pairs"), "sort-" + std::to_string(partition_));
    // Run files a killed earlier attempt left behind.
    for (const char* kind : {"-entries", "-pairs"}) {
      for (int i = 0; PathExists(tmp + kind + ".run-" + std::to_string(i)); ++i) {
        CORPUS_RETURN_IF_ERROR(RemoveTree(tmp + kind + ".run-" + std::to_string(i)));
      }
    }
    ExternalSorter<BandEntry> entries(tmp + "-entries", budget / sizeof(BandEntry));
    ExternalSorter<PairEntry> pairs(tmp + "-pairs", budget / 4 / sizeof(PairEntry));
    pairs_ = &pairs;
    for (size_t s = 0; s < stores_.size(); ++s) {
      RecordFileReader<BandEntry> in;
      CORPUS_RETURN_IF_ERROR(in.Open(StorePaths::Band(stores_.dir(s), partition_)));
      BandEntry e;
      while (in.Next(&e)) {
        e.key = MakeKey(s, e.key);
        CORPUS_RETURN_IF_ERROR(entries.Add(e));
      }
      CORPUS_RETURN_IF_ERROR(in.status());
    }
    CORPUS_RETURN_IF_ERROR(entries.Finish());

    RawFileWriter lines(job_.LinesPath(partition_));
    std::vector<uint64_t> bucket;
    BandEntry e, head{};
    bool have = false;
    auto flush = [&]() -> Status {
      if (bucket.size() < 2) return Status::OK();
      if (head.band == kLineBand) {
        if (job_.opts.lines > 0 && bucket.size() >= static_cast<size_t>(job_.opts.lines)) {
          return lines.Put(head.hash);
        }
        return Status::OK();
      }
      return EmitBucket(head.band, bucket);
    };
    while (entries.Next(&e)) {
      if (!have || e.band != head.band || e.hash != head.hash) {
        CORPUS_RETURN_IF_ERROR(flush());
        if (StopRequested()) return Status::Aborted("stopped by signal");
        bucket.clear();
        head = e;
        have = true;
      }
      bucket.push_back(e.key);
    }
    CORPUS_RETURN_IF_ERROR(flush());
    CORPUS_RETURN_IF_ERROR(entries.status());

    // Pairs repeat across bands; write each (a, b, kind) once.
    CORPUS_RETURN_IF_ERROR(pairs.Finish());
    RawFileWriter out(job_.PairsPath(partition_));
    PairEntry p, last{};
    bool first = true;
    while (pairs.Next(&p)) {
      if (!first && p.a == last.a && p.b == last.b && p.kind == last.kind) continue;
      CORPUS_RETURN_IF_ERROR(out.Put(p));
      last = p;
      first = false;
      ++written_;
    }
    CORPUS_RETURN_IF_ERROR(pairs.status());
    CORPUS_RETURN_IF_ERROR(out.Commit());
    return lines.Commit();
  }

  uint64_t pairs_written() const { return written_; }
  uint64_t rejected_by_verification() const { return unverified_; }

 private:
  // True when no document of the pair is new: both are in index generations,
  // already deduplicated against each other.
  bool BothIndexed(uint64_t a, uint64_t b) const {
    return StoreOf(a) < job_.index_gens.size() && StoreOf(b) < job_.index_gens.size();
  }

  Status Emit(uint64_t a, uint64_t b, uint32_t kind, float sim) {
    if (BothIndexed(a, b)) return Status::OK();
    return pairs_->Add(PairEntry{a, b, kind, sim});
  }

  Status EmitBucket(uint32_t band, const std::vector<uint64_t>& keys) {
    if (band == kUrlBand || band == kTextBand) {
      const uint32_t kind = band == kUrlBand ? kPairUrl : kPairText;
      for (size_t i = 1; i < keys.size(); ++i) CORPUS_RETURN_IF_ERROR(Emit(keys[0], keys[i], kind, NAN));
      return Status::OK();
    }
    // Signatures of the members compared against (the first few), read once.
    const size_t h = static_cast<size_t>(job_.opts.minhash.num_hashes());
    const size_t heads = std::min(keys.size(), kMaxComparisons + 1);
    if (job_.opts.verify) {
      head_sigs_.resize(heads * h);
      for (size_t j = 0; j < heads; ++j) {
        CORPUS_RETURN_IF_ERROR(stores_.Signature(keys[j], head_sigs_.data() + j * h));
      }
    }
    for (size_t i = 1; i < keys.size(); ++i) {
      if (!job_.opts.verify) {
        CORPUS_RETURN_IF_ERROR(Emit(keys[0], keys[i], kPairNear, NAN));
        continue;
      }
      const uint32_t* sig = sig_.data();
      if (i < heads) {
        sig = head_sigs_.data() + i * h;
      } else {
        CORPUS_RETURN_IF_ERROR(stores_.Signature(keys[i], sig_.data()));
      }
      const size_t tries = std::min(i, heads);
      bool found = false;
      for (size_t j = 0; j < tries && !found; ++j) {
        if (BothIndexed(keys[j], keys[i])) continue;
        const float sim = static_cast<float>(EstimateJaccard(head_sigs_.data() + j * h, sig, static_cast<int>(h)));
        if (sim >= job_.opts.threshold) {
          CORPUS_RETURN_IF_ERROR(Emit(keys[j], keys[i], kPairNear, sim));
          found = true;
        }
      }
      if (!found) ++unverified_;
    }
    return Status::OK();
  }

  const DedupJob& job_;
  int partition_;
  StoreSet stores_;
  std::vector<uint32_t> sig_, head_sigs_;
  ExternalSorter<PairEntry>* pairs_ = nullptr;
  uint64_t written_ = 0;
  uint64_t unverified_ = 0;
};

}  // namespace

Status RunPairsPhase(const DedupJob& job) {
  std::vector<std::string> sign_units = job.units;
  CORPUS_RETURN_IF_ERROR(RequirePhaseDone(job, "signatures", sign_units, "pairs"));
  const StageDir dir = job.PhaseDir("pairs");
  const std::vector<std::string> all = job.PartitionUnits();
  const std::vector<std::string> mine = TaskSlice(all, job.common.task_index, job.common.num_tasks);
  std::vector<std::string> todo;
  CORPUS_RETURN_IF_ERROR(dir.Create());
  CORPUS_RETURN_IF_ERROR(dir.Plan(mine, job.ConfigOf("pairs"), job.common.force, &todo));
  const std::unordered_set<std::string> todo_set(todo.begin(), todo.end());
  std::vector<int> work;
  for (int p = 0; p < job.opts.partitions; ++p) {
    if (todo_set.count(all[p])) work.push_back(p);
  }
  spdlog::info("dedup pairs: {} of {} partitions to pair", work.size(), mine.size());
  const StageConfig config = job.ConfigOf("pairs");
  Progress progress("dedup pairs", job.common.progress, 0, work.size());
  const Status st = ParallelFor(work.size(), job.common.EffectiveThreads(), [&](size_t i) -> Status {
    PartitionWorker worker(job, work[i]);
    CORPUS_RETURN_IF_ERROR(worker.Run());
    DoneMarker marker;
    marker.unit = all[work[i]];
    marker.fingerprint = config.Fingerprint();
    marker.config = config.entries();
    marker.counts.counters["candidate_pairs"] = worker.pairs_written();
    marker.counts.counters["candidates_below_threshold"] = worker.rejected_by_verification();
    CORPUS_RETURN_IF_ERROR(dir.WriteDone(marker));
    progress.units_done.fetch_add(1);
    return Status::OK();
  });
  progress.Stop();
  return st;
}

}  // namespace corpus::dedup
