#ifndef CORPUS_TESTS_TESTING_RECORD_LINES_H_
#define CORPUS_TESTS_TESTING_RECORD_LINES_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/io/record.h"
#include "corpus/io/record_source.h"

namespace corpus::testing {

// Every record line of a shard, or of every shard under a stage folder
// (kept and rejected/), in ResolveInputs order. Unreadable files add nothing.
inline std::vector<std::string> ReadRecordLines(const std::string& path_or_dir) {
  std::vector<std::string> files, out;
  if (!ResolveInputs({path_or_dir}, &files).ok()) return out;
  for (const auto& f : files) {
    std::unique_ptr<RecordSource> src;
    if (!OpenRecordSource(f, &src).ok()) continue;
    std::string_view line;
    while (src->Next(&line)) out.emplace_back(line);
  }
  return out;
}

// The same lines keyed by their records' "id" (lines that do not parse are left out).
inline std::map<std::string, std::string> RecordLinesById(const std::string& path_or_dir) {
  std::map<std::string, std::string> out;
  for (std::string& line : ReadRecordLines(path_or_dir)) {
    Record r;
    if (r.Parse(line).ok()) out[r.GetString("id").value_or("")] = std::move(line);
  }
  return out;
}

}  // namespace corpus::testing

#endif  // CORPUS_TESTS_TESTING_RECORD_LINES_H_
