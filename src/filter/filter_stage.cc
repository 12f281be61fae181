#include "corpus/filter/filter_stage.h"

#include "corpus/stage/signal_histogram.h"
#include "corpus/util/json.h"

namespace corpus {
namespace {

class FilterProcessor : public RecordProcessor {
 public:
  FilterProcessor(const FilterPipeline& pipeline, FilterOptions::Mode mode) : pipeline_(pipeline), mode_(mode) {}

  Status Process(Record& record, Emitter& out) override {
    std::optional<std::string> text = record.GetString("text");
    if (!text) return out.Reject(record, "missing_text", "null");
    if (mode_ == FilterOptions::Mode::kFromSignals) return FromSignals(record, *text, out);
    std::optional<std::string> url = record.GetString("url");
    Document doc(std::move(*text), url ? std::move(*url) : std::string());
    if (mode_ == FilterOptions::Mode::kAnnotate) return Annotate(record, doc, out);
    const FilterVerdict verdict = pipeline_.Run(doc);

    record.SetString("lang", doc.lang());
    record.SetDouble("lang_score", doc.lang_score());
    for (const auto& [counter, n] : doc.counts()) out.Count(counter, n);
    if (!verdict.keep) return out.Reject(record, verdict.rule, verdict.value_json);
    if (doc.text_changed()) record.SetString("text", doc.text());
    return out.Keep(record);
  }

 private:
  // Keeps every record, with its signals and the rules it would fail
  // ("signals":{...,"would_reject":[...]}).
  Status Annotate(Record& record, Document& doc, Emitter& out) {
    QualitySignals signals;
    std::vector<std::string> would_reject;
    pipeline_.Annotate(doc, &signals, &would_reject);
    record.SetString("lang", doc.lang());
    record.SetDouble("lang_score", doc.lang_score());
    for (const auto& [counter, n] : doc.counts()) out.Count(counter, n);
    for (const auto& [name, value] : signals.values()) out.Count(SignalCounterName(name, value));
    for (const std::string& rule : would_reject) out.Count("would_reject." + rule);
    record.SetRaw("signals", signals.ToJson(would_reject));
    if (doc.text_changed()) record.SetString("text", doc.text());
    return out.Keep(record);
  }

  // Judges an annotated record by its signals; one without them is
  // rejected as "missing_signals".
  Status FromSignals(Record& record, const std::string& text, Emitter& out) {
    const std::optional<std::string_view> raw = record.GetRaw("signals");
    QualitySignals signals;
    if (!raw || !QualitySignals::FromJson(*raw, &signals).ok()) {
      return out.Reject(record, "missing_signals", "null");
    }
    const FilterVerdict verdict =
        pipeline_.JudgeSignals(record.GetString("lang").value_or("un"), IsBlank(text), std::move(signals));
    if (!verdict.keep) return out.Reject(record, verdict.rule, verdict.value_json);
    return out.Keep(record);
  }

  const FilterPipeline& pipeline_;
  FilterOptions::Mode mode_;
};

}  // namespace

Status FilterStage::Create(const FilterOptions& opts, std::unique_ptr<FilterStage>* out) {
  std::unique_ptr<FilterPipeline> pipeline;
  CORPUS_RETURN_IF_ERROR(FilterPipeline::Create(opts, &pipeline));
  *out = std::make_unique<FilterStage>(std::shared_ptr<const FilterPipeline>(std::move(pipeline)), opts.mode);
  return Status::OK();
}

Status FilterStage::NewProcessor(const std::string& input_path, std::unique_ptr<RecordProcessor>* out) {
  *out = std::make_unique<FilterProcessor>(*pipeline_, mode_);
  return Status::OK();
}

}  // namespace corpus
