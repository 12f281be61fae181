#ifndef CORPUS_BENCH_BENCH_UTIL_H_
#define CORPUS_BENCH_BENCH_UTIL_H_

#include <cstdio>
#include <cstdlib>

#include "corpus/util/status.h"

// A benchmark that cannot set up its input has nothing to measure: it says
// why and stops.
inline void CheckOk(const corpus::Status& s) {
  if (s.ok()) return;
  std::fprintf(stderr, "benchmark setup failed: %s\n", s.ToString().c_str());
  std::exit(1);
}

#endif  // CORPUS_BENCH_BENCH_UTIL_H_
