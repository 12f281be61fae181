#include "corpus/stage/map_stage.h"

#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>

#include "corpus/io/record_source.h"
#include "corpus/io/shard_writer.h"
#include "corpus/stage/progress.h"
#include "corpus/stage/record_ranges.h"
#include "corpus/stage/signals.h"
#include "corpus/stage/stage_dir.h"
#include "corpus/util/fs.h"
#include "corpus/util/json.h"
#include "corpus/util/parallel_for.h"

namespace corpus {
namespace {

// Collects the verdicts on one range of an input: its kept and rejected
// lines, in memory until the range is committed, and its counts.
class RangeEmitter : public Emitter {
 public:
  explicit RangeEmitter(const std::string& stage) : stage_(stage) {}

  Status Keep(const Record& record) override {
    buf_.clear();
    record.SerializeTo(&buf_);
    return KeepJson(buf_);
  }
  Status KeepJson(std::string_view json) override {
    counts.kept++;
    counts.bytes_out += json.size() + 1;
    kept_records++;
    kept.append(json);
    kept.push_back('\n');
    return Status::OK();
  }
  Status Reject(Record& record, std::string_view rule, std::string_view value_json) override {
    record.SetRaw("reject", RejectJson(stage_, rule, value_json));
    buf_.clear();
    record.SerializeTo(&buf_);
    RejectRaw(rule, buf_);
    return Status::OK();
  }
  void RejectRaw(std::string_view rule, std::string_view json) {
    counts.rejected++;
    counts.rejected_by_rule[std::string(rule)]++;
    rejected_records++;
    rejected.append(json);
    rejected.push_back('\n');
  }
  void Count(std::string_view counter, uint64_t n) override {
    counts.counters[std::string(counter)] += n;
  }
  void KeepElsewhere(uint64_t bytes_out) override {
    counts.kept++;
    counts.bytes_out += bytes_out;
  }
  void AddOutput(const OutputFile& file) override { extra_outputs.push_back(file); }

  std::string kept, rejected;  // newline-terminated JSON lines
  uint64_t kept_records = 0, rejected_records = 0;
  StageCounts counts;
  std::vector<OutputFile> extra_outputs;

 private:
  const std::string& stage_;
  std::string buf_;
};

// One range's verdicts, encoded for the input's kept and rejected shards.
struct MapRangeResult : public RangeResult {
  std::string kept, rejected;
  uint64_t kept_records = 0, kept_bytes = 0, rejected_records = 0, rejected_bytes = 0;
  StageCounts counts;
  std::vector<OutputFile> extra_outputs;
  std::unique_ptr<RecordProcessor> processor;  // for the input's sink, if any
};

// Runs a MapStage over one input's ranges and writes the results, in input
// order, to the input's kept and rejected shards.
class InputJob : public RangeJob {
 public:
  InputJob(MapStage& stage, const StageDir& dir, const std::string& input, const std::string& unit,
           int zstd_level)
      : stage_(stage),
        name_(stage.name()),
        input_(input),
        unit_(unit),
        zstd_level_(zstd_level),
        kept_(dir.KeptPath(unit), zstd_level, /*create_empty=*/stage.WritesKeptShard()),
        rejected_(dir.RejectedPath(unit), zstd_level, /*create_empty=*/false) {}

  // REQUIRES: called once, before the first range.
  Status Start() {
    CORPUS_RETURN_IF_ERROR(stage_.NewInputSink(input_, unit_, &sink_));
    if (stage_.SplitsInput()) return Status::OK();
    return stage_.NewProcessor(input_, &processor_);
  }

  Status Process(const RecordRange& range, std::unique_ptr<RangeResult>* result) override {
    if (!stage_.SplitsInput()) return Status::OK();  // judged in order by Commit()
    std::unique_ptr<RecordProcessor> processor;
    CORPUS_RETURN_IF_ERROR(stage_.NewProcessor(input_, &processor));
    RangeEmitter out(name_);
    CORPUS_RETURN_IF_ERROR(Judge(range, *processor, out));
    CORPUS_RETURN_IF_ERROR(processor->Finish(out));
    auto r = std::make_unique<MapRangeResult>();
    CORPUS_RETURN_IF_ERROR(Seal(out, r.get()));
    if (sink_) r->processor = std::move(processor);
    *result = std::move(r);
    return Status::OK();
  }

  Status Commit(const RecordRange& range, std::unique_ptr<RangeResult> result) override {
    if (!stage_.SplitsInput()) {
      RangeEmitter out(name_);
      CORPUS_RETURN_IF_ERROR(Judge(range, *processor_, out));
      MapRangeResult r;
      CORPUS_RETURN_IF_ERROR(Seal(out, &r));
      return Write(r);
    }
    return Write(static_cast<MapRangeResult&>(*result));
  }

  // After the last range: the single processor's Finish(), then the sink's.
  Status Finish() {
    if (!processor_ && !sink_) return Status::OK();
    RangeEmitter out(name_);
    if (processor_) {
      CORPUS_RETURN_IF_ERROR(processor_->Finish(out));
      if (sink_) CORPUS_RETURN_IF_ERROR(sink_->Commit(*processor_));
    }
    if (sink_) CORPUS_RETURN_IF_ERROR(sink_->Finish(out));
    MapRangeResult r;
    CORPUS_RETURN_IF_ERROR(Seal(out, &r));
    return Write(r);
  }

  ShardWriter& kept() { return kept_; }
  ShardWriter& rejected() { return rejected_; }
  StageCounts counts;
  std::vector<OutputFile> extra_outputs;
  bool malformed = false;

 private:
  Status Judge(const RecordRange& range, RecordProcessor& processor, RangeEmitter& out) {
    Record record;
    for (size_t i = 0; i < range.size(); ++i) {
      if (StopRequested()) return Status::Aborted("stopped by signal");
      const std::string_view line = range.record(i);
      out.counts.records_in++;
      out.counts.bytes_in += line.size() + 1;
      const Status parsed = ParseInputRecord(line, stage_.RequiresId(), &record);
      if (!parsed.ok()) {
        out.RejectRaw("malformed", MalformedRecordJson(name_, parsed.message(), input_,
                                                        range.positions[i], line));
        continue;
      }
      CORPUS_RETURN_IF_ERROR(processor.Process(record, out));
    }
    return Status::OK();
  }

  Status Seal(RangeEmitter& out, MapRangeResult* r) const {
    CORPUS_RETURN_IF_ERROR(EncodeShardLines(kept_.path(), out.kept, zstd_level_, &r->kept));
    r->kept_records = out.kept_records;
    r->kept_bytes = out.kept.size();
    if (stage_.WritesRejected()) {
      CORPUS_RETURN_IF_ERROR(EncodeShardLines(rejected_.path(), out.rejected, zstd_level_, &r->rejected));
      r->rejected_records = out.rejected_records;
      r->rejected_bytes = out.rejected.size();
    }
    r->counts = std::move(out.counts);
    r->extra_outputs = std::move(out.extra_outputs);
    return Status::OK();
  }

  Status Write(MapRangeResult& r) {
    CORPUS_RETURN_IF_ERROR(kept_.WriteEncoded(r.kept, r.kept_records, r.kept_bytes));
    CORPUS_RETURN_IF_ERROR(rejected_.WriteEncoded(r.rejected, r.rejected_records, r.rejected_bytes));
    if (sink_ && r.processor) CORPUS_RETURN_IF_ERROR(sink_->Commit(*r.processor));
    if (r.counts.rejected_by_rule.count("malformed")) malformed = true;
    counts.Add(r.counts);
    for (auto& f : r.extra_outputs) extra_outputs.push_back(std::move(f));
    return Status::OK();
  }

  MapStage& stage_;
  const std::string name_;
  const std::string& input_;
  const std::string& unit_;
  const int zstd_level_;
  ShardWriter kept_;
  ShardWriter rejected_;
  std::unique_ptr<RecordProcessor> processor_;  // when the stage does not split inputs
  std::unique_ptr<InputSink> sink_;             // when the stage has files of its own
};

struct InputResult {
  Status status;  // fatal (I/O) errors only
  bool damaged = false;
};

InputResult RunOneInput(MapStage& stage, const StageDir& dir, const StageConfig& config,
                        const std::string& input, const std::string& unit, const RangeOptions& ranges,
                        int zstd_level, Progress& progress) {
  InputResult result;
  const auto start = std::chrono::steady_clock::now();
  std::unique_ptr<RecordSource> source;
  Status st = OpenRecordSource(input, &source);
  if (!st.ok()) {
    result.status = st.IsNotFound() ? Status::IOError(st.message()) : st;
    return result;
  }
  InputJob job(stage, dir, input, unit, zstd_level);
  RangeOptions opts = ranges;
  if (!stage.SplitsInput()) opts.threads = 1;
  st = job.Start();
  if (st.ok()) st = RunRecordRanges(*source, opts, job, &progress);
  if (st.ok()) st = job.Finish();
  if (!st.ok()) {
    result.status = st;
    return result;
  }
  result.damaged = job.malformed;

  DoneMarker marker;
  const Status src_status = source->status();
  if (!src_status.ok()) {
    if (!src_status.IsCorruption()) {
      result.status = src_status;
      return result;
    }
    marker.damage = src_status.message();
    result.damaged = true;
    spdlog::warn("{}; records before the damage were used", src_status.message());
  }
  for (const auto& [reason, n] : source->skipped()) job.counts.counters[reason] += n;

  st = job.kept().Finish();
  if (st.ok()) st = job.rejected().Finish();
  if (!st.ok()) {
    result.status = st;
    return result;
  }
  for (ShardWriter* w : {&job.kept(), &job.rejected()}) {
    if (!w->created()) continue;
    OutputFile f;
    f.path = dir.Relative(w->path());
    f.records = w->stats().records;
    f.bytes = w->stats().uncompressed_bytes;
    f.file_bytes = w->stats().file_bytes;
    f.sha256 = w->stats().sha256;
    marker.outputs.push_back(std::move(f));
  }
  for (auto& f : job.extra_outputs) marker.outputs.push_back(std::move(f));
  job.counts.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  marker.unit = unit;
  marker.input = input;
  marker.fingerprint = config.Fingerprint();
  marker.config = config.entries();
  marker.counts = job.counts;
  result.status = dir.WriteDone(marker);
  return result;
}

}  // namespace

StageOutcome RunMapStage(MapStage& stage, const CommonOptions& opts) {
  StageOutcome outcome;
  outcome.status = opts.Validate();
  if (!outcome.status.ok()) return outcome;

  std::vector<std::string> inputs;
  outcome.status = ResolveInputs(opts.inputs, &inputs);
  if (!outcome.status.ok()) return outcome;
  if (inputs.empty()) {
    outcome.status = Status::InvalidArgument("no input files found in --in");
    return outcome;
  }
  const std::vector<std::string> all_units = StageDir::UnitNames(inputs);
  std::map<std::string, std::string> input_of;
  for (size_t i = 0; i < inputs.size(); ++i) input_of[all_units[i]] = inputs[i];

  StageDir dir(opts.out_dir, stage.name());
  const StageConfig config = stage.config();
  const std::vector<std::string> my_units = TaskSlice(all_units, opts.task_index, opts.num_tasks);

  // Check resume markers before writing anything: a config mismatch is a
  // usage error with nothing written.
  std::vector<std::string> todo;
  if (IsDirectory(opts.out_dir)) {
    outcome.status = stage.Plan(dir, my_units, opts.force, &todo);
    if (!outcome.status.ok()) return outcome;
  } else {
    todo = my_units;
  }
  outcome.status = dir.Create();
  if (!outcome.status.ok()) return outcome;
  if (!todo.empty()) {
    outcome.status = dir.RemoveManifest();
    if (!outcome.status.ok()) return outcome;
  }
  if (todo.size() < my_units.size()) {
    spdlog::info("{}: {} of {} inputs already done, skipping them", stage.name(),
                 my_units.size() - todo.size(), my_units.size());
  }

  uint64_t total_bytes = 0;
  for (const auto& u : todo) {
    std::error_code ec;
    const auto sz = std::filesystem::file_size(input_of[u], ec);
    if (!ec) total_bytes += sz;
  }
  Progress progress(stage.name(), opts.progress, total_bytes, todo.size());

  // Inputs run side by side; the threads left over split each input into
  // ranges (never changing its output, which depends on the ranges only).
  const int threads = opts.EffectiveThreads();
  const int outer = std::max(1, std::min<int>(threads, static_cast<int>(todo.size())));
  RangeOptions ranges;
  ranges.range_bytes = opts.range_bytes;
  ranges.threads = std::max(1, threads / outer);
  std::atomic<bool> damaged{false};
  const Status first_error = ParallelFor(todo.size(), outer, [&](size_t i) {
    const std::string& unit = todo[i];
    InputResult r = RunOneInput(stage, dir, config, input_of[unit], unit, ranges, opts.zstd_level, progress);
    progress.units_done.fetch_add(1);
    if (r.damaged) damaged = true;
    return r.status;
  });
  progress.Stop();

  if (!first_error.ok()) {
    outcome.status = first_error;
    return outcome;
  }
  // Damage seen in earlier runs still counts: the inputs were malformed.
  for (const auto& u : my_units) {
    DoneMarker m;
    if (dir.ReadDone(u, &m).ok() &&
        (!m.damage.empty() || m.counts.rejected_by_rule.count("malformed"))) {
      damaged = true;
    }
  }
  outcome.input_damaged = damaged.load();
  if (!stage.WritesManifest()) return outcome;
  std::string extra;
  if (dir.AllDone(all_units, config)) {
    outcome.status = stage.ManifestExtra(dir, all_units, &extra);
    if (!outcome.status.ok()) return outcome;
  }
  outcome.status = dir.MaybeWriteManifest(all_units, config, extra, &outcome.manifest_written);
  return outcome;
}

}  // namespace corpus
