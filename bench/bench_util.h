#ifndef CORPUS_BENCH_BENCH_UTIL_H_
#define CORPUS_BENCH_BENCH_UTIL_H_

#include <cstdio>
#include <cstdlib>
#include <ctime>

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

#endif  // CORPUS_BENCH_BENCH_UTIL_H_
