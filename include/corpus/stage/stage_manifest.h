#ifndef CORPUS_STAGE_STAGE_MANIFEST_H_
#define CORPUS_STAGE_STAGE_MANIFEST_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "corpus/stage/stage_stats.h"
#include "corpus/util/status.h"

namespace corpus {

// An input read up to damage (a truncated or corrupt file) and where it broke.
struct DamagedInput {
  std::string input;
  std::string damage;
};

// StageManifest is a finished stage folder's `_manifest.json` (docs/
// ARCHITECTURE.md, "Output folders"): the one type every stage writes it
// with (StageDir, the shard release) and every reader parses it with
// (`corpus stats`, `corpus report`, the release's lineage walk). A plain
// value: not synchronized.
//
// ToJson writes the fields in this order, which FromJson keeps:
//   stage, version, config_fingerprint, config, counts, inputs, outputs,
//   output_file_bytes, damaged_inputs, <fields>, finished_at, <trailing_fields>
struct StageManifest {
  // A field a stage adds of its own: name and raw JSON value.
  using Field = std::pair<std::string, std::string>;

  std::string stage;
  std::string version;
  std::string config_fingerprint;
  std::string config_json = "{}";  // the StageConfig object, raw
  StageCounts counts;
  std::vector<std::string> inputs;
  // One JSON object per output file: OutputFileToJson's, or a richer one
  // (the release adds split, words, characters).
  std::vector<std::string> outputs;
  uint64_t output_file_bytes = 0;
  std::vector<DamagedInput> damaged_inputs;
  std::vector<Field> fields;           // before finished_at (the release's splits, ...)
  std::string finished_at;             // RFC 3339 UTC
  std::vector<Field> trailing_fields;  // after it (what a map stage's ManifestExtra adds)

  // One line of JSON, without a newline.
  std::string ToJson() const;

  // Parses what ToJson wrote (fields it does not know are kept, raw, in
  // `fields` or `trailing_fields`). kCorruption when `json` is not an object
  // or a known field has the wrong type.
  static Status FromJson(std::string_view json, StageManifest* out);

  // The raw JSON value of a stage's own field, or nullptr.
  const std::string* FindField(std::string_view name) const;

  // Reads and parses DIR/_manifest.json; kNotFound when it does not exist.
  static Status Read(const std::string& dir, StageManifest* out);
};

// The fields of the JSON object `json`, in order, each value as written
// (raw JSON, surrounding whitespace dropped). kCorruption if `json` is not
// a JSON object or a field is malformed.
Status SplitJsonObject(std::string_view json, std::vector<StageManifest::Field>* out);

// DIR/_manifest.json.
std::string StageManifestPath(const std::string& dir);

}  // namespace corpus

#endif  // CORPUS_STAGE_STAGE_MANIFEST_H_
