#ifndef CORPUS_TOKENIZE_REGEX_SPLITTER_H_
#define CORPUS_TOKENIZE_REGEX_SPLITTER_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "corpus/util/status.h"

struct pcre2_real_code_8;

namespace corpus {

// RegexSplitter cuts text into pieces with a BPE pre-tokenizer pattern
// (GPT-2, cl100k, o200k, Llama 3, Qwen 2 ...), compiled by PCRE2 with UTF and
// Unicode properties, and JIT-compiled where PCRE2 supports it.
//
// `\s` and `\S` are given the meaning they have in the references' engines
// (Rust regex and Oniguruma): the Unicode White_Space property, which
// PCRE2's own `\s` lacks U+0085 of (docs/tokenize.md).
//
// Thread-safety: const after Compile(); Split() may run on many threads.
class RegexSplitter {
 public:
  ~RegexSplitter();
  RegexSplitter(const RegexSplitter&) = delete;
  RegexSplitter& operator=(const RegexSplitter&) = delete;

  // kInvalidArgument with PCRE2's message and offset if `pattern` is bad.
  static Status Compile(std::string_view pattern, std::unique_ptr<RegexSplitter>* out);

  // Calls `piece` for every match in `text`, in order; with `with_gaps`, also
  // for the text between matches (Hugging Face's "Isolated" split); without,
  // text no match covers is skipped (tiktoken). REQUIRES: `text` valid UTF-8.
  void Split(std::string_view text, bool with_gaps,
             const std::function<void(std::string_view)>& piece) const;

  // The pattern as given to PCRE2, after the `\s` rewrite.
  const std::string& pcre2_pattern() const { return pattern_; }

 private:
  RegexSplitter() = default;
  pcre2_real_code_8* code_ = nullptr;
  std::string pattern_;
  bool jit_ = false;
};

// Rewrites `\s` / `\S` in a pattern to the White_Space set (see above).
std::string WithWhiteSpaceClass(std::string_view pattern);

}  // namespace corpus

#endif  // CORPUS_TOKENIZE_REGEX_SPLITTER_H_
