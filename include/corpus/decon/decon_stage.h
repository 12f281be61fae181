#ifndef CORPUS_DECON_DECON_STAGE_H_
#define CORPUS_DECON_DECON_STAGE_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "corpus/decon/benchmark_index.h"
#include "corpus/decon/cutter.h"
#include "corpus/stage/map_stage.h"

namespace corpus {

// Options of `corpus decon`, filled in by the CLI layer.
struct DeconOptions {
  std::vector<std::string> benchmarks;  // --benchmarks: files and folders
  NgramMatchOptions match;
  std::string mode = "drop";  // "drop" or "cut"
  CutOptions cut;

  Status Validate() const;
};

// DeconStage is `corpus decon` as a map stage (run it with RunMapStage):
// it removes text that overlaps evaluation sets (docs/DECON.md).
//
// Each record's "text" is matched against a BenchmarkIndex built once per
// process and shared read-only by the worker threads. A record without a
// match is kept untouched. With a match:
//  - mode "drop": the record goes to rejected/ with rule "contamination"
//    and value {"benchmark", "item": {"line", "excerpt"}, "ngram",
//    "matches"} for its first match;
//  - mode "cut": GPT-3's cut (CutMatches); the kept record's text is its
//    remaining pieces and "decon_cuts" lists the removed spans as
//    [start, end, benchmark], byte offsets of the original text. A record
//    split into more than max_pieces pieces, or with no piece left, is
//    rejected as in mode drop, its value also giving "pieces".
// A record without a "text" string is rejected as "missing_text", a blank
// one as "empty_text".
//
// Counters: "contaminated_docs:<benchmark>", "contamination_matches" and,
// in mode cut, "docs_cut", "cut_spans", "cut_bytes". Each input's report
// (DeconReport) is saved as `_decon/<unit>.json` in the output folder and
// the merged report goes into `_manifest.json` ("decon").
//
// The config fingerprint holds every setting and each benchmark's name and
// content digest, so a changed benchmark file redoes the work.
//
// Thread-safety: as MapStage requires; the index is immutable.
class DeconStage : public MapStage {
 public:
  // Validates `opts` and builds the index; `common` gives the inputs and
  // the output folder. kInvalidArgument for bad options or benchmarks.
  static Status Create(const DeconOptions& opts, const CommonOptions& common, std::unique_ptr<DeconStage>* out);

  std::string name() const override { return "decon"; }
  StageConfig config() const override;
  Status NewProcessor(const std::string& input_path, std::unique_ptr<RecordProcessor>* out) override;
  Status ManifestExtra(const StageDir& dir, const std::vector<std::string>& all_units,
                       std::string* extra_json) override;

  const BenchmarkIndex& index() const { return *index_; }
  const DeconOptions& options() const { return opts_; }
  // Where the report of one input is saved.
  std::string ReportPath(const std::string& unit) const;
  // The unit name of an input path (as RunMapStage names it).
  const std::string& UnitOf(const std::string& input_path) const { return unit_of_.at(input_path); }

 private:
  DeconStage() = default;

  DeconOptions opts_;
  std::string out_dir_;
  std::unique_ptr<BenchmarkIndex> index_;
  std::map<std::string, std::string> unit_of_;
};

}  // namespace corpus

#endif  // CORPUS_DECON_DECON_STAGE_H_
