#ifndef CORPUS_DEDUP_ACTIONS_H_
#define CORPUS_DEDUP_ACTIONS_H_

#include <cstdint>
#include <string>

#include "corpus/util/status.h"
#include "corpus/util/unique_file.h"

namespace corpus::dedup {

// What the apply phase does with one record, decided by the cluster phase.
// Records without an action are kept as they are (with dup_count 1 if they
// have text).
struct Action {
  enum Code : char {
    kKeep = 'K',         // kept; `dup_count` records collapsed into it
    kExactUrl = 'U',     // removed: an older fetch of the same URL
    kExactText = 'T',    // removed: same normalised text
    kNearDuplicate = 'N' // removed: MinHash near duplicate
  };
  uint64_t ordinal = 0;   // position among the input's records (see signatures phase)
  uint64_t id_hash = 0;   // XXH3-64 of the record's id, checked by apply
  Code code = kKeep;
  uint64_t dup_count = 1;
  double similarity = -1;   // estimated Jaccard; < 0 when unknown
  std::string duplicate_of; // id of the record it duplicates (removals)

  static const char* RuleName(Code code);  // "exact_url", ...
  // The reject value {"duplicate_of": ..., "similarity": ...}.
  std::string RejectValueJson() const;
};

// One action per line, tab-separated, the id JSON-quoted so it holds no tab
// or newline. Files are sorted by ordinal, so apply reads them alongside the
// input with constant memory.
std::string FormatAction(const Action& a);
Status ParseAction(const std::string& line, Action* a);

// Reads an actions file in order.
// Thread-safety: not thread-safe; owns an open file, so it is move-only.
class ActionReader {
 public:
  Status Open(const std::string& path);
  // False at the end; status() tells a parse error from the end.
  bool Next(Action* a);
  const Status& status() const { return status_; }

 private:
  std::string path_;
  UniqueFile file_;
  std::string line_;
  Status status_;
};

}  // namespace corpus::dedup

#endif  // CORPUS_DEDUP_ACTIONS_H_
