#ifndef CORPUS_UTIL_PARALLEL_FOR_H_
#define CORPUS_UTIL_PARALLEL_FOR_H_

#include <cstddef>
#include <functional>

#include "corpus/util/status.h"

namespace corpus {

// Runs fn(0) .. fn(n-1) on up to `threads` threads (the caller's among them),
// handing out indexes in order. After the first error no new index starts;
// that error is returned.
Status ParallelFor(size_t n, int threads, const std::function<Status(size_t)>& fn);

}  // namespace corpus

#endif  // CORPUS_UTIL_PARALLEL_FOR_H_
