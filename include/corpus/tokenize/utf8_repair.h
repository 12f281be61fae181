#ifndef CORPUS_TOKENIZE_UTF8_REPAIR_H_
#define CORPUS_TOKENIZE_UTF8_REPAIR_H_

#include <string>
#include <string_view>

namespace corpus {

// Returns `text` with each maximal invalid UTF-8 subpart replaced by one
// U+FFFD: the "substitution of maximal subparts" practice of the Unicode
// standard (chapter 3) that the WHATWG decoder, Python's errors="replace" and
// the references used for the tokenizer goldens follow. util/json.h's
// SanitizeUtf8 replaces every bad byte instead, which would give other ids.
// Returns false, leaving `out` untouched, when `text` is already valid.
bool RepairUtf8(std::string_view text, std::string* out);

}  // namespace corpus

#endif  // CORPUS_TOKENIZE_UTF8_REPAIR_H_
