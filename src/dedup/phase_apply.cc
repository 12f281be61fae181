// Phase 4 of dedup (dedup_stage.h): a MapStage over the original inputs
// that follows the cluster phase's action lists — rejects removed records
// with their rule and the id they duplicate, sets dup_count on kept records
// with text, and with --lines removes the frequent lines from the text.

#include <spdlog/spdlog.h>
#include <xxhash.h>

#include <map>
#include <unordered_set>

#include "corpus/dedup/actions.h"
#include "corpus/dedup/dedup_job.h"
#include "corpus/dedup/line_dedup.h"
#include "corpus/dedup/work_files.h"
#include "corpus/stage/map_stage.h"

namespace corpus::dedup {
namespace {

class ApplyProcessor : public RecordProcessor {
 public:
  ApplyProcessor(std::string actions_path, const std::unordered_set<uint64_t>* frequent_lines)
      : path_(std::move(actions_path)), lines_(frequent_lines) {}

  Status Open() {
    CORPUS_RETURN_IF_ERROR(actions_.Open(path_));
    Advance();
    return actions_.status();
  }

  // Records arrive in the order the signatures phase numbered them: both
  // skip exactly the lines ParseInputRecord() rejects (map_stage.h), so the
  // n-th record is ordinal n.
  Status Process(Record& record, Emitter& out) override {
    const uint64_t ordinal = ordinal_++;
    Action* action = nullptr;
    if (has_next_ && next_.ordinal == ordinal) action = &next_;
    const std::optional<std::string> text = record.GetString("text");
    if (action) {
      const std::string id = record.GetString("id").value_or("");
      if (XXH3_64bits(id.data(), id.size()) != action->id_hash) {
        return Status::InvalidArgument("input changed since the signatures phase (record " +
                                       std::to_string(ordinal + 1) + ", " + path_ +
                                       "); rerun dedup with --force");
      }
    }
    if (action && action->code != Action::kKeep) {
      const Status st = out.Reject(record, Action::RuleName(action->code), action->RejectValueJson());
      Advance();
      CORPUS_RETURN_IF_ERROR(actions_.status());
      return st;
    }
    if (!text || text->empty()) {
      out.Count("no_text");
      return out.Keep(record);
    }
    record.SetInt("dup_count", static_cast<int64_t>(action ? action->dup_count : 1));
    if (action) {
      Advance();
      CORPUS_RETURN_IF_ERROR(actions_.status());
    }
    if (lines_ && !lines_->empty()) {
      uint64_t removed = 0;
      const std::string cleaned = RemoveFrequentLines(*text, *lines_, &removed);
      if (removed) {
        out.Count("lines_removed", removed);
        out.Count("docs_with_lines_removed");
        record.SetString("text", cleaned);
      }
    }
    return out.Keep(record);
  }

  Status Finish(Emitter&) override {
    if (has_next_) {
      return Status::InvalidArgument("input changed since the signatures phase (" + path_ +
                                     " names records past its end); rerun dedup with --force");
    }
    return Status::OK();
  }

 private:
  void Advance() { has_next_ = actions_.Next(&next_); }

  std::string path_;
  const std::unordered_set<uint64_t>* lines_;
  ActionReader actions_;
  Action next_;
  bool has_next_ = false;
  uint64_t ordinal_ = 0;
};

class ApplyStage : public MapStage {
 public:
  ApplyStage(const DedupJob& job, std::unordered_set<uint64_t> frequent_lines)
      : job_(job), lines_(std::move(frequent_lines)) {
    for (size_t i = 0; i < job.inputs.size(); ++i) unit_of_[job.inputs[i]] = job.units[i];
  }
  std::string name() const override { return "dedup"; }
  StageConfig config() const override { return job_.ConfigOf("apply"); }
  Status NewProcessor(const std::string& input_path, std::unique_ptr<RecordProcessor>* out) override {
    auto p = std::make_unique<ApplyProcessor>(job_.ActionsPath(unit_of_.at(input_path)), &lines_);
    CORPUS_RETURN_IF_ERROR(p->Open());
    *out = std::move(p);
    return Status::OK();
  }

 private:
  const DedupJob& job_;
  std::unordered_set<uint64_t> lines_;
  std::map<std::string, std::string> unit_of_;
};

Status LoadFrequentLines(const DedupJob& job, std::unordered_set<uint64_t>* lines) {
  if (job.opts.lines <= 0) return Status::OK();
  for (int p = 0; p < job.opts.partitions; ++p) {
    RecordFileReader<uint64_t> in;
    CORPUS_RETURN_IF_ERROR(in.Open(job.LinesPath(p)));
    uint64_t h;
    while (in.Next(&h)) lines->insert(h);
    CORPUS_RETURN_IF_ERROR(in.status());
  }
  spdlog::info("dedup apply: {} lines occur in at least {} documents", lines->size(), job.opts.lines);
  return Status::OK();
}

}  // namespace

StageOutcome RunApplyPhase(const DedupJob& job) {
  StageOutcome outcome;
  outcome.status = RequirePhaseDone(job, "cluster", {"cluster"}, "apply");
  if (outcome.status.ok()) {
    std::unordered_set<uint64_t> lines;
    outcome.status = LoadFrequentLines(job, &lines);
    if (outcome.status.ok()) {
      ApplyStage stage(job, std::move(lines));
      return RunMapStage(stage, job.common);
    }
  }
  return outcome;
}

}  // namespace corpus::dedup
