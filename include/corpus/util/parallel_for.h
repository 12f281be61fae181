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

// The number of CPUs this process was given, the default thread count of
// every stage: the CPUs its affinity mask allows (a cpuset, `taskset`), and
// no more than $SLURM_CPUS_PER_TASK when a Slurm job sets it, since a Slurm
// without CPU binding leaves the mask at the whole machine. At least 1.
// Thread-safe.
int AvailableCpus();

}  // namespace corpus

#endif  // CORPUS_UTIL_PARALLEL_FOR_H_
