#ifndef CORPUS_IO_RECORD_SOURCE_H_
#define CORPUS_IO_RECORD_SOURCE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/util/status.h"

namespace corpus {

// RecordSource yields the records of one input file as JSON text, one object
// per call, whatever the file holds: JSON Lines shards (.jsonl, .jsonl.zst,
// .jsonl.gz) pass their lines through untouched; WARC/WET archives are turned
// into page records (see warc_source.h).
//
// Contract: Next() returns false at the end or at damage; status() then says
// which (kCorruption with the byte offset). A line that is not valid JSON is
// still returned: judging records is the caller's job.
//
// Thread-safety: not thread-safe; one source is read by one thread.
class RecordSource {
 public:
  virtual ~RecordSource() = default;
  virtual bool Next(std::string_view* json) = 0;
  // 1-based line (or record) number of the last record returned.
  virtual uint64_t position() const = 0;
  virtual Status status() const = 0;
  // Progress: input bytes consumed and total input size, on disk.
  virtual uint64_t file_offset() const = 0;
  virtual uint64_t file_size() const = 0;
  // Sources that drop input on purpose (WARC request records, non-HTML
  // responses) count it here by reason, for the stage's stats.
  virtual std::vector<std::pair<std::string, uint64_t>> skipped() const { return {}; }
};

// Opens `path` with the right reader for its name.
Status OpenRecordSource(const std::string& path, std::unique_ptr<RecordSource>* out);

// True for names the WARC reader handles (*.warc, *.wet, *.wat; plain or .gz).
bool IsWarcPath(const std::string& path);

// Expands the --in arguments of a stage into a sorted, de-duplicated list of
// input files. An argument may be a file, a glob, or a stage folder (its
// *.jsonl[.zst|.gz] and WARC/WET files; never rejected/ or _done/).
Status ResolveInputs(const std::vector<std::string>& args, std::vector<std::string>* files);

// ResolveInputs for a stage that needs input: finding no file is an
// InvalidArgument error.
Status ResolveStageInputs(const std::vector<std::string>& args, std::vector<std::string>* files);

}  // namespace corpus

#endif  // CORPUS_IO_RECORD_SOURCE_H_
