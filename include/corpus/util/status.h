#ifndef CORPUS_UTIL_STATUS_H_
#define CORPUS_UTIL_STATUS_H_

#include <string>
#include <string_view>
#include <utility>

namespace corpus {

// Status is the result of an operation that can fail: either OK, or an error
// code with a message that names what failed (a path, a byte offset, a flag).
// Functions return Status instead of throwing; the CLI maps codes to exit codes
// (kInvalidArgument -> 1, kCorruption -> 3 after finishing, others -> 2).
// [[nodiscard]]: a Status is checked or explicitly dropped with IgnoreError().
// Thread-safety: a Status is a value; distinct objects may be used from
// distinct threads.
class [[nodiscard]] Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,  // bad usage or configuration: nothing was written
    kNotFound,
    kIOError,          // the file system refused: unwritable, disk full
    kCorruption,       // input damaged: read up to the damage
    kAborted,          // stopped on request (signal)
    kInternal,
  };

  Status() = default;
  static Status OK() { return Status(); }
  static Status InvalidArgument(std::string msg) { return Status(Code::kInvalidArgument, std::move(msg)); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status IOError(std::string msg) { return Status(Code::kIOError, std::move(msg)); }
  static Status Corruption(std::string msg) { return Status(Code::kCorruption, std::move(msg)); }
  static Status Aborted(std::string msg) { return Status(Code::kAborted, std::move(msg)); }
  static Status Internal(std::string msg) { return Status(Code::kInternal, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  bool IsInvalidArgument() const { return code_ == Code::kInvalidArgument; }
  bool IsCorruption() const { return code_ == Code::kCorruption; }
  bool IsIOError() const { return code_ == Code::kIOError; }
  bool IsNotFound() const { return code_ == Code::kNotFound; }

  // Drops an error on purpose (best-effort clean-up after another failure).
  void IgnoreError() const {}

  // "IO error: cannot open out/part-0.jsonl.zst.tmp: Permission denied"
  std::string ToString() const;

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}

  Code code_ = Code::kOk;
  std::string message_;
};

}  // namespace corpus

// Returns from the enclosing function when `expr` yields a non-OK Status.
#define CORPUS_RETURN_IF_ERROR(expr)          \
  do {                                        \
    ::corpus::Status _corpus_st = (expr);     \
    if (!_corpus_st.ok()) return _corpus_st;  \
  } while (0)

#endif  // CORPUS_UTIL_STATUS_H_
