#include "corpus/decon/decon_stage.h"

#include "corpus/decon/decon_report.h"
#include "corpus/io/record_source.h"
#include "corpus/text/text_units.h"
#include "corpus/util/fs.h"
#include "corpus/util/json.h"

namespace corpus {
namespace {

class DeconProcessor : public RecordProcessor {
 public:
  DeconProcessor(const DeconStage& stage, std::string report_path)
      : stage_(stage), index_(stage.index()), report_(stage.index()), report_path_(std::move(report_path)) {}

  Status Process(Record& record, Emitter& out) override {
    std::optional<std::string> text = record.GetString("text");
    if (!text) return out.Reject(record, "missing_text", "null");
    if (IsBlank(*text)) return out.Reject(record, "empty_text", "0");
    words_.Assign(*text);
    index_.FindMatches(words_, &matches_);
    if (matches_.empty()) return out.Keep(record);

    out.Count("contamination_matches", matches_.size());
    std::vector<bool> hit(index_.benchmarks().size(), false);
    for (const NgramMatch& m : matches_) {
      const uint32_t b = index_.item(m.item).benchmark;
      if (!hit[b]) out.Count("contaminated_docs:" + index_.benchmarks()[b].name);
      hit[b] = true;
    }
    report_.AddDocument(record.GetString("id").value_or(""), words_, matches_);

    std::string value = MatchJson(index_, words_, matches_.front());
    value.pop_back();
    value += ",\"matches\":" + std::to_string(matches_.size());
    if (stage_.options().mode == "drop") return out.Reject(record, "contamination", value + "}");

    std::vector<TextSpan> spans;
    spans.reserve(matches_.size());
    for (const NgramMatch& m : matches_) {
      spans.push_back(TextSpan{words_[m.word].begin, words_[m.word + m.words - 1].end, m.item});
    }
    const CutResult cut = CutMatches(*text, std::move(spans), stage_.options().cut);
    if (cut.drop) {
      return out.Reject(record, "contamination", value + ",\"pieces\":" + std::to_string(cut.pieces) + "}");
    }
    std::string cuts = "[";
    uint64_t removed = 0;
    for (const TextSpan& c : cut.cuts) {
      if (cuts.size() > 1) cuts += ",";
      cuts += "[" + std::to_string(c.begin) + "," + std::to_string(c.end) + "," +
              JsonQuote(index_.benchmarks()[index_.item(c.item).benchmark].name) + "]";
      removed += c.end - c.begin;
    }
    out.Count("docs_cut");
    out.Count("cut_spans", cut.cuts.size());
    out.Count("cut_bytes", removed);
    record.SetString("text", cut.text);
    record.SetRaw("decon_cuts", cuts + "]");
    return out.Keep(record);
  }

  Status Finish(Emitter& out) override {
    // Saved before RunMapStage writes the input's `_done` marker, so a
    // marker always has its report.
    CORPUS_RETURN_IF_ERROR(MakeDirs(report_path_.substr(0, report_path_.rfind('/'))));
    return WriteFileAtomic(report_path_, report_.ToJson() + "\n");
  }

 private:
  const DeconStage& stage_;
  const BenchmarkIndex& index_;
  DeconReport report_;
  std::string report_path_;
  DeconWords words_;
  std::vector<NgramMatch> matches_;
};

}  // namespace

Status DeconOptions::Validate() const {
  if (mode != "drop" && mode != "cut") return Status::InvalidArgument("--mode must be drop or cut, not " + mode);
  if (cut.window_chars < 0 || cut.min_piece_chars < 0 || cut.max_pieces < 1) {
    return Status::InvalidArgument("--cut-window and --min-piece-chars must be >= 0, --max-pieces >= 1");
  }
  return match.Validate();
}

Status DeconStage::Create(const DeconOptions& opts, const CommonOptions& common, std::unique_ptr<DeconStage>* out) {
  CORPUS_RETURN_IF_ERROR(opts.Validate());
  std::unique_ptr<DeconStage> stage(new DeconStage());
  stage->opts_ = opts;
  stage->out_dir_ = common.out_dir;
  std::vector<std::string> inputs;
  CORPUS_RETURN_IF_ERROR(ResolveInputs(common.inputs, &inputs));
  const std::vector<std::string> units = StageDir::UnitNames(inputs);
  for (size_t i = 0; i < inputs.size(); ++i) stage->unit_of_[inputs[i]] = units[i];
  std::vector<BenchmarkFile> files;
  CORPUS_RETURN_IF_ERROR(ListBenchmarkFiles(opts.benchmarks, &files));
  CORPUS_RETURN_IF_ERROR(BenchmarkIndex::Build(files, opts.match, &stage->index_));
  *out = std::move(stage);
  return Status::OK();
}

StageConfig DeconStage::config() const {
  StageConfig c;
  std::vector<std::string> benchmarks;
  for (const BenchmarkStats& b : index_->benchmarks()) benchmarks.push_back(b.name + ":" + b.sha256.substr(0, 16));
  c.Set("benchmarks", benchmarks);
  c.Set("fields", opts_.match.fields);
  c.Set("ngram", opts_.match.ngram);
  c.Set("min-ngram", opts_.match.min_ngram);
  c.Set("max-matches", opts_.match.max_matches);
  c.Set("mode", opts_.mode);
  if (opts_.mode == "cut") {
    c.Set("cut-window", opts_.cut.window_chars);
    c.Set("min-piece-chars", opts_.cut.min_piece_chars);
    c.Set("max-pieces", opts_.cut.max_pieces);
  }
  return c;
}

std::string DeconStage::ReportPath(const std::string& unit) const {
  return JoinPath(JoinPath(out_dir_, "_decon"), unit + ".json");
}

Status DeconStage::NewProcessor(const std::string& input_path, std::unique_ptr<RecordProcessor>* out) {
  *out = std::make_unique<DeconProcessor>(*this, ReportPath(UnitOf(input_path)));
  return Status::OK();
}

Status DeconStage::ManifestExtra(const StageDir& dir, const std::vector<std::string>& all_units,
                                 std::string* extra_json) {
  std::vector<std::string> reports(all_units.size());
  for (size_t i = 0; i < all_units.size(); ++i) {
    const std::string path = ReportPath(all_units[i]);
    if (!ReadFile(path, &reports[i]).ok()) {
      return Status::IOError("cannot read " + path + " (remove " + dir.DonePath(all_units[i]) + " to redo that input)");
    }
  }
  return DeconReport::MergeReports(*index_, opts_.mode, reports, extra_json);
}

}  // namespace corpus
