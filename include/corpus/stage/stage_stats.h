#ifndef CORPUS_STAGE_STAGE_STATS_H_
#define CORPUS_STAGE_STAGE_STATS_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "corpus/util/status.h"

namespace corpus {

// One output file of a stage, as recorded in markers and manifests.
struct OutputFile {
  std::string path;  // relative to the stage folder
  uint64_t records = 0;
  uint64_t bytes = 0;       // uncompressed JSON bytes
  uint64_t file_bytes = 0;  // on disk
  std::string sha256;
};

// Counts for one input (or, summed, for a whole stage): the funnel numbers
// `corpus stats` prints. Every record in is either kept or rejected.
struct StageCounts {
  uint64_t records_in = 0;
  uint64_t bytes_in = 0;  // uncompressed bytes read
  uint64_t kept = 0;
  uint64_t bytes_out = 0;
  uint64_t rejected = 0;  // includes malformed
  std::map<std::string, uint64_t> rejected_by_rule;
  // Stage-specific counters ("pii_email_redacted", "warc_skipped_not_html").
  std::map<std::string, uint64_t> counters;
  double seconds = 0;

  void Add(const StageCounts& other);
  std::string ToJson() const;
  // Reads what ToJson() wrote.
  static Status FromJson(const std::string& json, StageCounts* out);
};

std::string OutputFileToJson(const OutputFile& f);

}  // namespace corpus

#endif  // CORPUS_STAGE_STAGE_STATS_H_
