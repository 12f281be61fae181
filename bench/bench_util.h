#ifndef CORPUS_BENCH_BENCH_UTIL_H_
#define CORPUS_BENCH_BENCH_UTIL_H_

#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "corpus/io/record.h"
#include "corpus/io/record_source.h"
#include "corpus/util/status.h"

// A benchmark that cannot set up its input has nothing to measure: it says
// why and stops.
inline void CheckOk(const corpus::Status& s) {
  if (s.ok()) return;
  std::fprintf(stderr, "benchmark setup failed: %s\n", s.ToString().c_str());
  std::exit(1);
}

// CPU seconds used by the calling thread: the inner-loop figure the
// benchmarks report beside wall time.
inline double ThreadCpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// The decompressed bytes of the gzip file at `path` in `*out`; false when the
// file cannot be opened or is damaged.
inline bool ReadGzipFile(const std::string& path, std::string* out) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) return false;
  char buf[1 << 16];
  int n;
  out->clear();
  while ((n = gzread(f, buf, sizeof(buf))) > 0) out->append(buf, static_cast<size_t>(n));
  gzclose(f);
  return n == 0;
}

// The distinct non-empty "text" fields of the records of the shard at
// `path`, in order, at most `max` of them.
inline std::vector<std::string> DistinctTexts(const std::string& path, size_t max) {
  std::unique_ptr<corpus::RecordSource> src;
  CheckOk(corpus::OpenRecordSource(path, &src));
  std::vector<std::string> texts;
  std::unordered_set<std::string> seen;
  std::string_view line;
  corpus::Record record;
  while (texts.size() < max && src->Next(&line)) {
    if (!record.Parse(line).ok()) continue;
    std::optional<std::string> text = record.GetString("text");
    if (text && !text->empty() && seen.insert(*text).second) texts.push_back(std::move(*text));
  }
  CheckOk(src->status());
  return texts;
}

#endif  // CORPUS_BENCH_BENCH_UTIL_H_
