#ifndef CORPUS_FILTER_WORD_LIST_H_
#define CORPUS_FILTER_WORD_LIST_H_

#include <string>
#include <string_view>
#include <vector>

#include "corpus/util/status.h"

namespace corpus {

// A list file: one entry per line, trimmed; empty lines and lines starting
// with '#' are skipped. Used for every list the filters take (domains, URL
// substrings and patterns, banned words, bad words).
struct ListFile {
  std::string path;
  std::vector<std::string> entries;
  std::string sha256;  // of the file bytes; goes into the stage fingerprint
};

Status LoadListFile(const std::string& path, ListFile* out);

// `s` in lower case, code point by code point (utf8proc's simple lower-case
// mapping; invalid bytes become U+FFFD), for matching list entries.
std::string LowerUtf8(std::string_view s);

// Collects the files named `name` under `dir` (any depth, iteratively),
// sorted: a UT1 blocklist folder holds <category>/domains and <category>/urls.
Status FindNamedFiles(const std::string& dir, const std::string& name, std::vector<std::string>* out);

}  // namespace corpus

#endif  // CORPUS_FILTER_WORD_LIST_H_
