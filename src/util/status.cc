#include "corpus/util/status.h"

namespace corpus {

std::string Status::ToString() const {
  const char* prefix = "OK";
  switch (code_) {
    case Code::kOk: return "OK";
    case Code::kInvalidArgument: prefix = "invalid argument"; break;
    case Code::kNotFound: prefix = "not found"; break;
    case Code::kIOError: prefix = "IO error"; break;
    case Code::kCorruption: prefix = "corruption"; break;
    case Code::kAborted: prefix = "aborted"; break;
    case Code::kInternal: prefix = "internal error"; break;
  }
  return std::string(prefix) + ": " + message_;
}

}  // namespace corpus
