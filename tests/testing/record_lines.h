#ifndef CORPUS_TESTS_TESTING_RECORD_LINES_H_
#define CORPUS_TESTS_TESTING_RECORD_LINES_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

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

}  // namespace corpus::testing

#endif  // CORPUS_TESTS_TESTING_RECORD_LINES_H_
