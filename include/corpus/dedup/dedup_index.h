#ifndef CORPUS_DEDUP_DEDUP_INDEX_H_
#define CORPUS_DEDUP_DEDUP_INDEX_H_

#include <string>
#include <vector>

#include "corpus/dedup/dedup_options.h"
#include "corpus/util/status.h"

namespace corpus::dedup {

// The incremental index (`--index DIR`) remembers the documents kept by
// earlier runs, so a cron refresh drops new documents that duplicate them.
//
// Layout: one folder per run that added documents, `gen-<seq>-<tag>/`, each
// a store (doc_store.h) holding the survivors' doc entries, ids, compact
// signatures and band files (MinHash bands and exact-text hashes; no URL or
// line entries), plus `meta.json` with the MinHash settings and partition
// count, which a later run must share. A generation is written to
// `<name>.tmp` and renamed, so a killed run never leaves half of one.
// `tag` names the run (its output folder), so re-running the same run
// replaces its own generation instead of deduplicating against itself.
class DedupIndex {
 public:
  DedupIndex(std::string dir, std::string run_tag) : dir_(std::move(dir)), tag_(std::move(run_tag)) {}

  // Generations of other runs, oldest first. A generation made with other
  // MinHash settings or partitions is kInvalidArgument.
  Status ListGenerations(const DedupOptions& opts, std::vector<std::string>* gens) const;

  // Where this run's generation goes: a fresh temporary folder (created
  // empty), and the final name Commit() renames it to.
  Status BeginGeneration(const DedupOptions& opts, size_t earlier_gens, std::string* tmp_dir);
  Status CommitGeneration();

 private:
  std::string dir_;
  std::string tag_;
  std::string tmp_, final_;
};

}  // namespace corpus::dedup

#endif  // CORPUS_DEDUP_DEDUP_INDEX_H_
