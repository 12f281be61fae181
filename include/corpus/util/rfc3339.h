#ifndef CORPUS_UTIL_RFC3339_H_
#define CORPUS_UTIL_RFC3339_H_

#include <cstdint>
#include <ctime>
#include <string>
#include <string_view>

namespace corpus {

// Timestamps in records and manifests (docs/ARCHITECTURE.md, "Records": `fetched_at`, `finished_at`)
// are RFC 3339 UTC with second precision: "2026-11-26T08:29:02Z".
std::string FormatRfc3339(std::time_t t);
std::string NowRfc3339();

// Parses RFC 3339 §5.6 date-times ("2024-05-01T12:00:00Z", with a fraction
// or a numeric offset, or a space instead of "T" as §5.6 NOTE allows) into
// seconds since the epoch. Returns false when the text is not one.
bool ParseRfc3339(std::string_view text, int64_t* seconds);

}  // namespace corpus

#endif  // CORPUS_UTIL_RFC3339_H_
