#include "corpus/stage/map_stage.h"

#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <filesystem>
#include <map>

#include "corpus/io/record_source.h"
#include "corpus/io/shard_writer.h"
#include "corpus/stage/progress.h"
#include "corpus/stage/signals.h"
#include "corpus/stage/stage_dir.h"
#include "corpus/util/fs.h"
#include "corpus/util/json.h"

namespace corpus {
namespace {

// Writes one input's verdicts to its kept and rejected shards.
class FileEmitter : public Emitter {
 public:
  FileEmitter(const StageDir& dir, const std::string& unit, const std::string& stage, int level,
              bool kept_shard)
      : stage_(stage),
        kept_(dir.KeptPath(unit), level, /*create_empty=*/kept_shard),
        rejected_(dir.RejectedPath(unit), level, /*create_empty=*/false) {}

  Status Keep(const Record& record) override {
    buf_.clear();
    record.SerializeTo(&buf_);
    return KeepJson(buf_);
  }
  Status KeepJson(std::string_view json) override {
    counts.kept++;
    counts.bytes_out += json.size() + 1;
    return kept_.Write(json);
  }
  Status Reject(Record& record, std::string_view rule, std::string_view value_json) override {
    record.SetRaw("reject", RejectJson(stage_, rule, value_json));
    buf_.clear();
    record.SerializeTo(&buf_);
    return RejectRaw(rule, buf_);
  }
  Status RejectRaw(std::string_view rule, std::string_view json) {
    counts.rejected++;
    counts.rejected_by_rule[std::string(rule)]++;
    return rejected_.Write(json);
  }
  void Count(std::string_view counter, uint64_t n) override {
    counts.counters[std::string(counter)] += n;
  }
  void KeepElsewhere() override { counts.kept++; }
  void AddOutput(const OutputFile& file) override { extra_outputs.push_back(file); }

  ShardWriter& kept() { return kept_; }
  ShardWriter& rejected() { return rejected_; }
  StageCounts counts;
  std::vector<OutputFile> extra_outputs;

 private:
  std::string stage_;
  ShardWriter kept_;
  ShardWriter rejected_;
  std::string buf_;
};

struct InputResult {
  Status status;  // fatal (I/O) errors only
  bool damaged = false;
};

InputResult RunOneInput(MapStage& stage, const StageDir& dir, const StageConfig& config,
                        const std::string& input, const std::string& unit, int zstd_level,
                        Progress& progress) {
  InputResult result;
  const auto start = std::chrono::steady_clock::now();
  std::unique_ptr<RecordSource> source;
  Status st = OpenRecordSource(input, &source);
  if (!st.ok()) {
    result.status = st.IsNotFound() ? Status::IOError(st.message()) : st;
    return result;
  }
  FileEmitter emitter(dir, unit, stage.name(), zstd_level, stage.WritesKeptShard());
  std::unique_ptr<RecordProcessor> processor = stage.NewProcessor(input);
  Record record;
  std::string_view line;
  uint64_t last_offset = 0;
  while (source->Next(&line)) {
    if (StopRequested()) {
      result.status = Status::Aborted("stopped by signal");
      return result;
    }
    emitter.counts.records_in++;
    emitter.counts.bytes_in += line.size() + 1;
    progress.records.fetch_add(1, std::memory_order_relaxed);
    const uint64_t off = source->file_offset();
    progress.bytes.fetch_add(off - last_offset, std::memory_order_relaxed);
    last_offset = off;

    Status parsed = record.Parse(line);
    if (parsed.ok() && stage.RequiresId()) {
      auto id = record.GetRaw("id");
      if (!id) {
        parsed = Status::Corruption("missing id");
      } else if (id->empty() || id->front() != '"') {
        parsed = Status::Corruption("id is not a string");
      }
    }
    if (!parsed.ok()) {
      st = emitter.RejectRaw("malformed", MalformedRecordJson(stage.name(), parsed.message(), input,
                                                               source->position(), line));
      if (!st.ok()) {
        result.status = st;
        return result;
      }
      result.damaged = true;
      continue;
    }
    st = processor->Process(record, emitter);
    if (!st.ok()) {
      result.status = st;
      return result;
    }
  }
  st = processor->Finish(emitter);
  if (!st.ok()) {
    result.status = st;
    return result;
  }
  progress.bytes.fetch_add(source->file_size() > last_offset ? source->file_size() - last_offset : 0);

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
  for (const auto& [reason, n] : source->skipped()) emitter.Count(reason, n);

  st = emitter.kept().Finish();
  if (st.ok()) st = emitter.rejected().Finish();
  if (!st.ok()) {
    result.status = st;
    return result;
  }
  for (ShardWriter* w : {&emitter.kept(), &emitter.rejected()}) {
    if (!w->created()) continue;
    OutputFile f;
    f.path = dir.Relative(w->path());
    f.records = w->stats().records;
    f.bytes = w->stats().uncompressed_bytes;
    f.file_bytes = w->stats().file_bytes;
    f.sha256 = w->stats().sha256;
    marker.outputs.push_back(std::move(f));
  }
  for (auto& f : emitter.extra_outputs) marker.outputs.push_back(std::move(f));
  emitter.counts.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  marker.unit = unit;
  marker.input = input;
  marker.fingerprint = config.Fingerprint();
  marker.config = config.entries();
  marker.counts = emitter.counts;
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
    outcome.status = dir.Plan(my_units, config, opts.force, &todo);
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

  std::atomic<size_t> next{0};
  std::mutex mu;
  Status first_error;
  bool damaged = false;
  auto worker = [&] {
    for (;;) {
      const size_t i = next.fetch_add(1);
      if (i >= todo.size()) return;
      {
        std::lock_guard<std::mutex> lock(mu);
        if (!first_error.ok()) return;
      }
      const std::string& unit = todo[i];
      InputResult r = RunOneInput(stage, dir, config, input_of[unit], unit, opts.zstd_level, progress);
      progress.units_done.fetch_add(1);
      std::lock_guard<std::mutex> lock(mu);
      if (!r.status.ok() && first_error.ok()) first_error = r.status;
      damaged = damaged || r.damaged;
    }
  };
  const int nthreads = std::max(1, std::min<int>(opts.EffectiveThreads(), static_cast<int>(todo.size())));
  std::vector<std::thread> threads;
  for (int t = 0; t < nthreads; ++t) threads.emplace_back(worker);
  for (auto& t : threads) t.join();
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
  outcome.input_damaged = damaged;
  std::string extra;
  if (dir.AllDone(all_units, config)) {
    outcome.status = stage.ManifestExtra(dir, all_units, &extra);
    if (!outcome.status.ok()) return outcome;
  }
  outcome.status = dir.MaybeWriteManifest(all_units, config, extra, &outcome.manifest_written);
  return outcome;
}

}  // namespace corpus
