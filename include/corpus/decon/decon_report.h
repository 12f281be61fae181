#ifndef CORPUS_DECON_DECON_REPORT_H_
#define CORPUS_DECON_DECON_REPORT_H_

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/decon/benchmark_index.h"
#include "corpus/decon/decon_words.h"
#include "corpus/util/status.h"

namespace corpus {

// The JSON object describing one match: {"benchmark", "item": {"line",
// "excerpt"}, "ngram"} (the matched words, normalised).
std::string MatchJson(const BenchmarkIndex& index, const DeconWords& words, const NgramMatch& match);

// DeconReport is what the documents of one input matched, per benchmark:
// contaminated documents, the items hit (by line), and the first few
// examples. Each input's report is saved beside its `_done` marker;
// MergeReports sums them into the stage's `_manifest.json` (per benchmark,
// and items hit as `summary_counters`, which `corpus stats` prints).
//
// Thread-safety: not thread-safe; one per input.
class DeconReport {
 public:
  // Examples kept per benchmark.
  static constexpr size_t kExamples = 3;

  explicit DeconReport(const BenchmarkIndex& index);

  // Adds a document with at least one match. REQUIRES: !matches.empty().
  void AddDocument(std::string_view doc_id, const DeconWords& words, const std::vector<NgramMatch>& matches);

  // {"benchmarks":{"<name>":{"contaminated_docs":n,"items_hit":[lines],"examples":[...]}}}
  std::string ToJson() const;

  // Merges per-input reports (ToJson texts) into the manifest's extra
  // fields: "decon" (settings and, per benchmark, its file, sha256, items,
  // n-grams, contaminated documents, items hit and examples) and
  // "summary_counters" ({"items_hit:<name>": n}). kCorruption names a
  // report that cannot be read.
  static Status MergeReports(const BenchmarkIndex& index, const std::string& mode,
                             const std::vector<std::string>& reports, std::string* extra_json);

 private:
  struct PerBenchmark {
    uint64_t docs = 0;
    std::set<uint32_t> lines;
    std::vector<std::string> examples;  // JSON objects
  };
  const BenchmarkIndex& index_;
  std::vector<PerBenchmark> per_;
};

}  // namespace corpus

#endif  // CORPUS_DECON_DECON_REPORT_H_
