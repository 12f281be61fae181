#ifndef CORPUS_BENCH_BENCH_UTIL_H_
#define CORPUS_BENCH_BENCH_UTIL_H_

#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

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

#endif  // CORPUS_BENCH_BENCH_UTIL_H_
