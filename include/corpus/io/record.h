#ifndef CORPUS_IO_RECORD_H_
#define CORPUS_IO_RECORD_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/util/status.h"

namespace corpus {

// Record is one JSON object from a shard line, indexed by top-level field.
//
// Contract: fields a stage does not touch are passed through byte for byte.
// Parse() validates the whole line (JSON syntax and UTF-8, through simdjson)
// and remembers where each top-level field's bytes are; Set/Remove record
// edits; Serialize() splices the edits into the original bytes. A record with
// no edits serializes to exactly its input line.
//
// The line passed to Parse() is copied, so the Record owns its bytes and can
// be copied. Not thread-safe; use one Record (and one RecordParser) per thread.
class Record {
 public:
  Record() = default;

  // Builds a record from scratch or re-parses; "malformed" reasons are
  // returned as kCorruption with a short message ("invalid JSON: ...",
  // "invalid UTF-8", "not an object", "duplicate key id").
  Status Parse(std::string_view line);

  bool Has(std::string_view key) const;
  // Raw JSON text of a field's value, e.g. "\"abc\"", "42", "{...}".
  std::optional<std::string_view> GetRaw(std::string_view key) const;
  // The unescaped value of a string field; nullopt if missing or not a string.
  std::optional<std::string> GetString(std::string_view key) const;
  std::optional<int64_t> GetInt(std::string_view key) const;
  std::optional<double> GetDouble(std::string_view key) const;

  // Sets `key` to `raw_json` (replacing in place, or appending at the end).
  void SetRaw(std::string_view key, std::string_view raw_json);
  void SetString(std::string_view key, std::string_view value);
  void SetInt(std::string_view key, int64_t value);
  void SetDouble(std::string_view key, double value);
  void Remove(std::string_view key);

  // The record as one JSON line (no trailing newline).
  std::string Serialize() const;
  void SerializeTo(std::string* out) const;

  // Top-level keys in order (after edits).
  std::vector<std::string> Keys() const;

 private:
  // Spans are offsets into line_, so a copied Record stays valid.
  struct Field {
    std::string key;          // unescaped
    size_t raw_begin = 0;     // "key":value as in the source
    size_t raw_len = 0;
    size_t value_begin = 0;   // the value's raw text in the source
    size_t value_len = 0;
    std::string edited;       // replacement "key":value text when edited
    bool removed = false;
  };
  Field* Find(std::string_view key);
  const Field* Find(std::string_view key) const;

  std::string line_;
  std::vector<Field> fields_;
  bool edited_ = false;
};

// Builds the JSON for a rejected malformed line: the reason, the file and line
// number, and the original text as a string so nothing is lost.
std::string MalformedRecordJson(std::string_view stage, std::string_view reason,
                                std::string_view file, uint64_t line_number,
                                std::string_view raw_line);

// Builds the "reject" value: {"stage":..,"rule":..,"value":..}. `value_json`
// is raw JSON (a number, a string literal, an object).
std::string RejectJson(std::string_view stage, std::string_view rule, std::string_view value_json);

}  // namespace corpus

#endif  // CORPUS_IO_RECORD_H_
