#include "corpus/tokenize/regex_splitter.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

namespace corpus {
namespace {

// Unicode White_Space: what `\s` means in the reference engines. PCRE2's UCP
// `\s` is tab..CR plus the Z categories, which leaves out U+0085 (NEL).
constexpr std::string_view kWhiteSpaceMembers = "\\t-\\r\\x{85}\\p{Z}";

// Per-thread PCRE2 scratch: match data and a JIT stack large enough for long
// runs matched by patterns with look-ahead.
struct MatchScratch {
  pcre2_match_data* data = nullptr;
  pcre2_match_context* context = nullptr;
  pcre2_jit_stack* stack = nullptr;
  MatchScratch() {
    data = pcre2_match_data_create(1, nullptr);
    context = pcre2_match_context_create(nullptr);
    stack = pcre2_jit_stack_create(64 * 1024, 8 * 1024 * 1024, nullptr);
    if (stack != nullptr) pcre2_jit_stack_assign(context, nullptr, stack);
  }
  ~MatchScratch() {
    pcre2_match_data_free(data);
    pcre2_match_context_free(context);
    pcre2_jit_stack_free(stack);
  }
  MatchScratch(const MatchScratch&) = delete;
  MatchScratch& operator=(const MatchScratch&) = delete;
};

}  // namespace

std::string WithWhiteSpaceClass(std::string_view p) {
  std::string out;
  out.reserve(p.size() + 32);
  bool in_class = false;
  for (size_t i = 0; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '\\' && i + 1 < p.size()) {
      const char e = p[i + 1];
      if (e == 's') {
        if (in_class) {
          out += kWhiteSpaceMembers;
        } else {
          out += "[";
          out += kWhiteSpaceMembers;
          out += "]";
        }
        ++i;
        continue;
      }
      if (e == 'S' && !in_class) {
        out += "[^";
        out += kWhiteSpaceMembers;
        out += "]";
        ++i;
        continue;
      }
      out += c;
      out += e;
      ++i;
      continue;
    }
    if (c == '[' && !in_class) {
      in_class = true;
      out += c;
      // A ']' right after '[' or '[^' is a literal member.
      if (i + 1 < p.size() && p[i + 1] == '^') {
        out += '^';
        ++i;
      }
      if (i + 1 < p.size() && p[i + 1] == ']') {
        out += ']';
        ++i;
      }
      continue;
    }
    if (c == ']' && in_class) in_class = false;
    out += c;
  }
  return out;
}

RegexSplitter::~RegexSplitter() { pcre2_code_free(code_); }

Status RegexSplitter::Compile(std::string_view pattern, std::unique_ptr<RegexSplitter>* out) {
  std::unique_ptr<RegexSplitter> s(new RegexSplitter());
  s->pattern_ = WithWhiteSpaceClass(pattern);
  int error = 0;
  PCRE2_SIZE offset = 0;
  s->code_ = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(s->pattern_.data()), s->pattern_.size(),
                           PCRE2_UTF | PCRE2_UCP, &error, &offset, nullptr);
  if (s->code_ == nullptr) {
    PCRE2_UCHAR msg[256];
    pcre2_get_error_message(error, msg, sizeof(msg));
    return Status::InvalidArgument("pre-tokenizer pattern does not compile at offset " +
                                   std::to_string(offset) + ": " +
                                   reinterpret_cast<const char*>(msg));
  }
  s->jit_ = pcre2_jit_compile(s->code_, PCRE2_JIT_COMPLETE) == 0;
  *out = std::move(s);
  return Status::OK();
}

void RegexSplitter::Split(std::string_view text, bool with_gaps,
                          const std::function<void(std::string_view)>& piece) const {
  thread_local MatchScratch scratch;
  const auto* subject = reinterpret_cast<PCRE2_SPTR>(text.data());
  size_t pos = 0;
  size_t gap_start = 0;
  while (pos < text.size()) {
    const int rc = jit_ ? pcre2_jit_match(code_, subject, text.size(), pos, 0, scratch.data,
                                          scratch.context)
                        : pcre2_match(code_, subject, text.size(), pos, PCRE2_NO_UTF_CHECK,
                                      scratch.data, scratch.context);
    if (rc < 0) break;  // no further match (or a resource limit: the rest is a gap)
    const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(scratch.data);
    size_t start = ov[0];
    size_t end = ov[1];
    if (end == start) {
      // An empty match: step over one character and search again.
      size_t next = start + 1;
      while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
      pos = next;
      continue;
    }
    if (with_gaps && start > gap_start) piece(text.substr(gap_start, start - gap_start));
    piece(text.substr(start, end - start));
    pos = end;
    gap_start = end;
  }
  if (with_gaps && gap_start < text.size()) piece(text.substr(gap_start));
}

}  // namespace corpus
