#ifndef CORPUS_STAGE_SIGNAL_HISTOGRAM_H_
#define CORPUS_STAGE_SIGNAL_HISTOGRAM_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace corpus {

// Distributions of quality signals in bounded memory: each value falls in a
// fixed bin, and a stage counts documents per (signal, bin) in its counters
// ("signal.<name>#<bin>"), which the stage's markers and manifest already
// sum over files and tasks. The bins are 0 and below; 100 bins of 0.01 over
// (0, 1]; then quarter octaves above 1 (2^(k/4)), so fractions are exact to
// 0.01 and counts to 19%, whatever the number of documents.

// The counter a stage adds 1 to for `value` of signal `name`.
std::string SignalCounterName(std::string_view name, double value);

// Text table of every signal counted in `counters` (others are ignored):
// documents, quantiles p1 p10 p50 p90 p99 (bin upper edges: an upper bound
// within 0.01 for fractions, within 19% above 1) and a histogram
// line from the smallest to the largest value seen. Empty if none.
std::string FormatSignalDistributions(const std::map<std::string, uint64_t>& counters);

// Whether `counter` is one of SignalCounterName's.
bool IsSignalCounter(std::string_view counter);

}  // namespace corpus

#endif  // CORPUS_STAGE_SIGNAL_HISTOGRAM_H_
