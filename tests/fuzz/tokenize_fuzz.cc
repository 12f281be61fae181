// libFuzzer target: arbitrary bytes as document text through every kind of
// tokenizer: byte-level BPE from a tokenizer.json, tiktoken ranks
// (cl100k_base) and SentencePiece. Built with -DCORPUS_BUILD_FUZZERS=ON and
// clang; scripts/fuzz.sh runs it from the repository root, where the test
// tokenizers live (tests/tokenize/testdata/, docs/tokenize.md).
// Invariants: no crash or sanitizer report; every id is inside the
// vocabulary; at most one id per byte (three per byte where invalid UTF-8
// becomes U+FFFD), plus the pieces SentencePiece adds for spaces.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/tokenize/tokenizer.h"

namespace {

std::vector<std::unique_ptr<corpus::Tokenizer>> LoadAll() {
  std::vector<std::unique_ptr<corpus::Tokenizer>> all;
  for (const char* name : {"gpt2_style.tokenizer.json", "cl100k_base.tiktoken.zst", "spm_unigram.model"}) {
    const std::string path = std::string("tests/tokenize/testdata/") + name;
    std::unique_ptr<corpus::Tokenizer> t;
    const corpus::Status st = corpus::LoadTokenizer(path, {}, &t);
    if (!st.ok()) {
      std::fprintf(stderr, "tokenize_fuzz: run from the repository root: %s\n", st.ToString().c_str());
      std::abort();
    }
    all.push_back(std::move(t));
  }
  return all;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::vector<std::unique_ptr<corpus::Tokenizer>> tokenizers = LoadAll();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<uint32_t> ids;
  for (const auto& t : tokenizers) {
    ids.clear();
    t->Encode(text, &ids);
    if (ids.size() > 3 * size + 2) std::abort();
    for (uint32_t id : ids) {
      if (id >= t->vocab_size()) std::abort();
    }
  }
  return 0;
}
