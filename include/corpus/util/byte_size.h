#ifndef CORPUS_UTIL_BYTE_SIZE_H_
#define CORPUS_UTIL_BYTE_SIZE_H_

#include <cstdint>
#include <string>

#include "corpus/util/status.h"

namespace corpus {

// Parses sizes as users write them in flags: "256MiB", "10 MiB", "1.5GB",
// "4096". Binary units: K/KiB, M/MiB, G/GiB, T/TiB; decimal: kB, MB, GB, TB.
Status ParseByteSize(const std::string& text, uint64_t* bytes);

// Parses durations: "30s", "500ms", "2m"; a bare number is seconds.
Status ParseDurationMs(const std::string& text, int64_t* ms);

}  // namespace corpus

#endif  // CORPUS_UTIL_BYTE_SIZE_H_
