#ifndef CORPUS_UTIL_UNIQUE_FILE_H_
#define CORPUS_UTIL_UNIQUE_FILE_H_

#include <cstdio>
#include <memory>

namespace corpus {

// Closes a stdio file; the deleter of UniqueFile.
struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

// An open stdio file, closed when destroyed or reset (a close error is not
// reported: flush first where it matters). A class that owns its files holds
// them as UniqueFile, so it needs no destructor of its own and cannot be
// copied. Move-only; thread-safety is stdio's.
using UniqueFile = std::unique_ptr<std::FILE, FileCloser>;

}  // namespace corpus

#endif  // CORPUS_UTIL_UNIQUE_FILE_H_
