#ifndef CORPUS_DECON_BENCHMARK_READER_H_
#define CORPUS_DECON_BENCHMARK_READER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/util/status.h"

namespace corpus {

// One benchmark (evaluation set) file a user gave to `corpus decon`.
struct BenchmarkFile {
  std::string name;  // BenchmarkName(path)
  std::string path;
};

// The benchmark's name: the file name without its compression suffix
// (.gz, .zst) and then without one format suffix (.jsonl, .ndjson, .json,
// .txt): "evals/mmlu.test.jsonl.gz" -> "mmlu.test", "arc" -> "arc".
std::string BenchmarkName(const std::string& path);

// Expands the --benchmarks arguments: a file is one benchmark; a folder
// means every regular file directly in it whose name does not start with
// '.' or '_', in name order. Missing paths, empty folders and two files with
// the same benchmark name are kInvalidArgument naming the path.
Status ListBenchmarkFiles(const std::vector<std::string>& args, std::vector<BenchmarkFile>* out);

// Calls `item(line, text)` for each item of a benchmark file, in order
// (`line` is the 1-based line number; `text` is valid until the call
// returns), and sets *sha256 to the digest of the file's decompressed bytes.
//
// The format comes from the name: *.jsonl, *.ndjson and *.json (before
// .gz/.zst) are JSON Lines, one item per object, anything else plain text,
// one item per non-blank line. A JSON item's text is its string values
// joined by newlines, in document order: with `fields` empty every string
// anywhere in the object (nested objects and arrays too); otherwise the
// named fields ("question", or a dotted path into nested objects,
// "question.stem"), each contributing every string inside it. Blank lines
// are skipped.
//
// Errors (kInvalidArgument, naming the file and line): unreadable or
// corrupt file, a line that is not a JSON object, and `fields` given but
// found on no line of the file.
Status ReadBenchmarkItems(const BenchmarkFile& file, const std::vector<std::string>& fields,
                          const std::function<void(uint64_t line, std::string_view text)>& item,
                          std::string* sha256);

}  // namespace corpus

#endif  // CORPUS_DECON_BENCHMARK_READER_H_
