#ifndef CORPUS_UTIL_FS_H_
#define CORPUS_UTIL_FS_H_

#include <string>
#include <vector>

#include "corpus/util/status.h"

namespace corpus {

// Creates `dir` and its parents. OK if it exists.
Status MakeDirs(const std::string& dir);

// Writes `contents` to `path` atomically: `path.tmp`, fsync, rename. A reader
// never sees a half-written file under `path`.
Status WriteFileAtomic(const std::string& path, const std::string& contents);

Status ReadFile(const std::string& path, std::string* contents);

bool PathExists(const std::string& path);
bool IsDirectory(const std::string& path);

// Renames `from` to `to`, replacing `to`; fsyncs the parent folder so the
// rename survives a crash.
Status RenameDurable(const std::string& from, const std::string& to);

// Expands shell-style globs (`*`, `?`, `[...]`); a pattern that matches
// nothing is an error naming it.
Status ExpandGlob(const std::string& pattern, std::vector<std::string>* paths);

// The last path component ("a/b/c.jsonl.zst" -> "c.jsonl.zst").
std::string BaseName(const std::string& path);
std::string JoinPath(const std::string& a, const std::string& b);

}  // namespace corpus

#endif  // CORPUS_UTIL_FS_H_
