#include "corpus/filter/filter_stage.h"

namespace corpus {
namespace {

class FilterProcessor : public RecordProcessor {
 public:
  explicit FilterProcessor(const FilterPipeline& pipeline) : pipeline_(pipeline) {}

  Status Process(Record& record, Emitter& out) override {
    std::optional<std::string> text = record.GetString("text");
    if (!text) return out.Reject(record, "missing_text", "null");
    std::optional<std::string> url = record.GetString("url");
    Document doc(std::move(*text), url ? std::move(*url) : std::string());
    const FilterVerdict verdict = pipeline_.Run(doc);

    record.SetString("lang", doc.lang());
    record.SetDouble("lang_score", doc.lang_score());
    for (const auto& [counter, n] : doc.counts()) out.Count(counter, n);
    if (!verdict.keep) return out.Reject(record, verdict.rule, verdict.value_json);
    if (doc.text_changed()) record.SetString("text", doc.text());
    return out.Keep(record);
  }

 private:
  const FilterPipeline& pipeline_;
};

}  // namespace

Status FilterStage::Create(const FilterOptions& opts, std::unique_ptr<FilterStage>* out) {
  std::unique_ptr<FilterPipeline> pipeline;
  CORPUS_RETURN_IF_ERROR(FilterPipeline::Create(opts, &pipeline));
  *out = std::make_unique<FilterStage>(std::shared_ptr<const FilterPipeline>(std::move(pipeline)));
  return Status::OK();
}

std::unique_ptr<RecordProcessor> FilterStage::NewProcessor(const std::string& input_path) {
  return std::make_unique<FilterProcessor>(*pipeline_);
}

}  // namespace corpus
