#ifndef CORPUS_STAGE_STAGE_DIR_H_
#define CORPUS_STAGE_STAGE_DIR_H_

#include <map>
#include <string>
#include <vector>

#include "corpus/stage/stage_config.h"
#include "corpus/stage/stage_stats.h"
#include "corpus/util/status.h"

namespace corpus {

// What a `_done/<unit>.json` marker says about one finished unit of work
// (an input file, or a phase task of dedup/shard).
struct DoneMarker {
  std::string unit;
  std::string input;
  std::string fingerprint;
  std::map<std::string, std::string> config;
  std::vector<OutputFile> outputs;
  StageCounts counts;
  std::string damage;  // empty unless the input was truncated or corrupt
};

// StageDir is a stage's output folder (docs/ARCHITECTURE.md, "Output folders"): kept shards at the top,
// rejected/ beside them, one `_done/` marker per finished unit, and
// `_manifest.json` once everything is done. It owns the naming rules, so
// tasks of one stage never collide and reruns find their own markers.
//
// Thread-safety: immutable after construction; its methods may be called from
// many threads, and from many processes, since every write is an atomic
// rename of a file no other task writes.
class StageDir {
 public:
  StageDir(std::string root, std::string stage_name);

  // Creates the folder, rejected/ and _done/; an unwritable place is kIOError.
  Status Create() const;

  const std::string& root() const { return root_; }
  const std::string& stage_name() const { return stage_; }

  // Maps each input path to a unit name ("part-00000" for
  // "pages/part-00000.jsonl.zst", "part-CC-MAIN-x" for "CC-MAIN-x.warc.gz").
  // Names stay unique across the whole input list.
  static std::vector<std::string> UnitNames(const std::vector<std::string>& inputs);

  std::string KeptPath(const std::string& unit) const;      // DIR/unit.jsonl.zst
  std::string RejectedPath(const std::string& unit) const;  // DIR/rejected/unit.jsonl.zst
  std::string DonePath(const std::string& unit) const;      // DIR/_done/unit.json
  std::string ManifestPath() const;                          // DIR/_manifest.json
  // `path` relative to the stage folder, for markers.
  std::string Relative(const std::string& path) const;

  Status WriteDone(const DoneMarker& marker) const;
  // kNotFound if absent.
  Status ReadDone(const std::string& unit, DoneMarker* marker) const;
  Status RemoveDone(const std::string& unit) const;
  Status RemoveManifest() const;

  // Checks the existing markers of `units` against `config`. Without `force`,
  // a marker with another fingerprint is kInvalidArgument naming what differs.
  // With `force`, all markers of `units` are removed. Sets `todo` to the units
  // that still need work.
  Status Plan(const std::vector<std::string>& units, const StageConfig& config, bool force,
              std::vector<std::string>* todo) const;

  // Whether every unit in `units` has a marker with `config`'s fingerprint.
  bool AllDone(const std::vector<std::string>& units, const StageConfig& config) const;

  // Writes `_manifest.json` when every unit in `all_units` has a marker with
  // `config`'s fingerprint; otherwise leaves it absent and sets *written=false.
  // `extra_json` (an object's raw fields, may be empty) is merged in.
  Status MaybeWriteManifest(const std::vector<std::string>& all_units, const StageConfig& config,
                            const std::string& extra_json, bool* written) const;

 private:
  std::string root_;
  std::string stage_;
};

}  // namespace corpus

#endif  // CORPUS_STAGE_STAGE_DIR_H_
