#ifndef CORPUS_UTIL_BYTE_SIZE_H_
#define CORPUS_UTIL_BYTE_SIZE_H_

#include <array>
#include <cstdint>
#include <string>

#include "corpus/util/status.h"

namespace corpus {

// Parses sizes as users write them in flags: "256MiB", "10 MiB", "1.5GB",
// "4096". Binary units: K/KiB, M/MiB, G/GiB, T/TiB; decimal: kB, MB, GB, TB.
Status ParseByteSize(const std::string& text, uint64_t* bytes);

// Parses durations: "30s", "500ms", "2m"; a bare number is seconds.
Status ParseDurationMs(const std::string& text, int64_t* ms);

// `v` in decimal thousands for people: divided by 1e9, 1e6 or 1e3 (the largest
// it reaches) and printed with formats[0], [1] or [2], else printed as is with
// formats[3]; each format takes one double ("%.1f kB").
std::string FormatScaled(double v, const std::array<const char*, 4>& formats);

}  // namespace corpus

#endif  // CORPUS_UTIL_BYTE_SIZE_H_
