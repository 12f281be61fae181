#ifndef CORPUS_STAGE_MAP_STAGE_H_
#define CORPUS_STAGE_MAP_STAGE_H_

#include <memory>
#include <string>
#include <string_view>

#include "corpus/io/record.h"
#include "corpus/stage/options.h"
#include "corpus/stage/stage_config.h"
#include "corpus/stage/stage_stats.h"

#include "corpus/stage/stage_dir.h"
#include "corpus/util/status.h"

namespace corpus {

// Emitter receives a processor's verdict on each record. Every record a
// processor is given must be kept or rejected exactly once (or it may emit
// several records, e.g. a split); nothing is dropped silently.
class Emitter {
 public:
  virtual ~Emitter() = default;
  virtual Status Keep(const Record& record) = 0;
  virtual Status KeepJson(std::string_view json) = 0;
  // Adds {"reject":{"stage","rule","value"}} to the record and sets it aside.
  // `value_json` is raw JSON (a number, a quoted string, an object).
  virtual Status Reject(Record& record, std::string_view rule, std::string_view value_json) = 0;
  // Adds `n` to a stage-specific counter shown by `corpus stats`.
  virtual void Count(std::string_view counter, uint64_t n = 1) = 0;
  // The record went into a stage-specific output instead of the kept shard
  // (tokenize's token files, shard's buckets); it counts as kept, with
  // `bytes_out` output bytes.
  virtual void KeepElsewhere(uint64_t bytes_out = 0) = 0;
  // Lists a stage-specific output file (path relative to the stage folder)
  // in this input's `_done` marker and so in the manifest.
  virtual void AddOutput(const OutputFile& file) = 0;
};

// RecordProcessor turns the records of one input file into verdicts. One is
// made per input file (per range of it, for a stage that splits its inputs)
// and used from one thread, so it may keep state.
class RecordProcessor {
 public:
  virtual ~RecordProcessor() = default;
  virtual Status Process(Record& record, Emitter& out) = 0;
  // Called after the last record of the input (of the range).
  virtual Status Finish(Emitter& out) { return Status::OK(); }
};

// InputSink writes a stage's own files for one input (dedup's signature
// store) from what the processors of its ranges gathered, in input order.
// Made per input; Commit() and Finish() are called from one thread at a time.
class InputSink {
 public:
  virtual ~InputSink() = default;
  // Called once per range, in input order, with the range's processor after
  // its Finish() (once, with the input's one processor after its Finish(),
  // when the stage does not split inputs).
  virtual Status Commit(RecordProcessor& processor) = 0;
  // Called after the last range: completes the files and lists those that
  // belong in the `_done` marker with out.AddOutput().
  virtual Status Finish(Emitter& out) = 0;
};

// MapStage is a stage that handles each input file on its own (extract,
// filter, the signature and apply phases of dedup). RunMapStage gives it parallelism,
// atomic outputs, resume, task slicing, progress and error handling.
class MapStage {
 public:
  virtual ~MapStage() = default;
  virtual std::string name() const = 0;
  // Everything that changes the output; part of the resume fingerprint.
  virtual StageConfig config() const = 0;
  // Makes the processor of `input_path` (of one range of it, when the stage
  // splits inputs). An error (a side file that cannot be read) is a fatal
  // error of the input. Called from worker threads; must be thread-safe.
  virtual Status NewProcessor(const std::string& input_path, std::unique_ptr<RecordProcessor>* out) = 0;
  // Makes the sink of `input_path` (unit `unit`), or leaves *out empty when
  // the stage has no files of its own (the default). Called once per input,
  // before its first range, from a worker thread; must be thread-safe.
  virtual Status NewInputSink(const std::string& input_path, const std::string& unit,
                              std::unique_ptr<InputSink>* out) {
    return Status::OK();
  }
  // Whether records without an "id" string are malformed (true by default).
  // Which lines are malformed is decided by ParseInputRecord()
  // (record_ranges.h) alone. Numbering contract between dedup's signature
  // and apply phases, both MapStages with RequiresId(): the n-th record any
  // processor of an input is given (counting from 0, ranges in input order)
  // is the input's n-th line that rule accepts; that n is the record's
  // ordinal in the signature store and in the apply phase's action list.
  virtual bool RequiresId() const { return true; }
  // Whether each record is judged on its own, so one input can be split into
  // ranges (record_ranges.h) handled on several threads, each range with its
  // own processor. False by default: one processor sees the whole input in
  // order. Either way the output does not depend on --threads.
  virtual bool SplitsInput() const { return false; }
  // Whether each input gets a kept shard even when no record is kept (true
  // by default; false for stages whose output is their own files).
  virtual bool WritesKeptShard() const { return true; }
  // Whether malformed lines are written to rejected/ (true by default). A
  // phase whose input a later phase reads again leaves that to the later
  // phase; the lines are counted (rule "malformed") either way.
  virtual bool WritesRejected() const { return true; }
  // Whether RunMapStage writes `_manifest.json` once every unit is done
  // (true by default; false when a later phase of the stage writes it into
  // the same folder, as shard's pack phase does).
  virtual bool WritesManifest() const { return true; }
  // Sets *todo to the `units` of this task that need work. By default a unit
  // is done when its marker has config()'s fingerprint, and a marker made
  // with another config is an error unless `force` (StageDir::Plan).
  virtual Status Plan(const StageDir& dir, const std::vector<std::string>& units, bool force,
                      std::vector<std::string>* todo) {
    return dir.Plan(units, config(), force, todo);
  }

  // Called once every unit of the stage (`all_units`, over all tasks) is
  // done, before `_manifest.json` is written: sets *extra_json to an object
  // whose fields are added to the manifest (a report over the whole stage),
  // or leaves it empty.
  virtual Status ManifestExtra(const StageDir& dir, const std::vector<std::string>& all_units,
                               std::string* extra_json) {
    return Status::OK();
  }
};

// Runs `stage` over its inputs into `opts.out_dir` (docs/ARCHITECTURE.md, "Output folders").
StageOutcome RunMapStage(MapStage& stage, const CommonOptions& opts);

}  // namespace corpus

#endif  // CORPUS_STAGE_MAP_STAGE_H_
