#ifndef CORPUS_FILTER_FILTER_STAGE_H_
#define CORPUS_FILTER_FILTER_STAGE_H_

#include <memory>
#include <string>

#include "corpus/filter/filter_pipeline.h"
#include "corpus/stage/map_stage.h"

namespace corpus {

// FilterStage is `corpus filter` as a map stage (run it with RunMapStage):
// each record's "text" (and "url") go through the FilterPipeline. Every
// record, kept or rejected, gets "lang" and "lang_score". Kept records carry
// the filtered text (C4 line removal, PII placeholders); rejected ones keep
// their original text and get {"stage":"filter","rule","value"}. A record
// without a "text" string is rejected as "missing_text". Step counters
// (c4_lines_*, pii_*) go to the stage's counters.
// In annotate mode every record is kept with "signals" (holding "would_reject")
// (counted as would_reject.<rule>); in from-signals mode records are judged
// by their "signals" (one without is rejected as "missing_signals").
class FilterStage : public MapStage {
 public:
  explicit FilterStage(std::shared_ptr<const FilterPipeline> pipeline,
                       FilterOptions::Mode mode = FilterOptions::Mode::kFilter)
      : pipeline_(std::move(pipeline)), mode_(mode) {}
  // Builds the pipeline from options (loads list files).
  static Status Create(const FilterOptions& opts, std::unique_ptr<FilterStage>* out);

  std::string name() const override { return "filter"; }
  StageConfig config() const override { return pipeline_->config(); }
  Status NewProcessor(const std::string& input_path, std::unique_ptr<RecordProcessor>* out) override;
  // Every record is judged on its own.
  bool SplitsInput() const override { return true; }

 private:
  std::shared_ptr<const FilterPipeline> pipeline_;
  FilterOptions::Mode mode_;
};

}  // namespace corpus

#endif  // CORPUS_FILTER_FILTER_STAGE_H_
