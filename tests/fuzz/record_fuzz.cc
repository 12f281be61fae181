// libFuzzer target: arbitrary bytes as one JSON Lines record, through the
// parser every stage reads records with, then edited and serialized again.
// Built with -DCORPUS_BUILD_FUZZERS=ON and clang (scripts/fuzz.sh runs it).
// Invariants: no crash or sanitizer report; a record with no edits
// serializes to exactly its input less trailing white space (a CRLF's "\r") (fields pass
// through byte for byte, see
// docs/ARCHITECTURE.md, "Records"); an edited record parses again.

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "corpus/io/record.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  corpus::Record record;
  if (!record.Parse(line).ok()) return 0;
  size_t e = line.size();
  while (e > 0 && (line[e - 1] == ' ' || line[e - 1] == '\t' || line[e - 1] == '\r' || line[e - 1] == '\n')) --e;
  if (record.Serialize() != line.substr(0, e)) std::abort();
  for (const std::string& key : record.Keys()) {
    (void)record.GetString(key);
    (void)record.GetInt(key);
    (void)record.GetDouble(key);
  }
  record.SetString("id", line.substr(0, 16));
  record.SetInt("n", static_cast<int64_t>(size));
  record.Remove("text");
  const std::string edited = record.Serialize();
  corpus::Record again;
  if (!again.Parse(edited).ok()) std::abort();
  if (again.Has("text") || !again.GetInt("n").has_value()) std::abort();
  return 0;
}
