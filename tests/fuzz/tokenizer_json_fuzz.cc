// libFuzzer target: arbitrary bytes as a user's tokenizer.json, through the
// loader (JSON, model, merges, normalizer, pre-tokenizer regexes, added
// tokens), then, when it loads, an encode. Built with
// -DCORPUS_BUILD_FUZZERS=ON and clang (scripts/fuzz.sh runs it).
// Invariants: no crash or sanitizer report; a file the loader accepts
// encodes text into ids inside its vocabulary.

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "corpus/tokenize/tokenizer.h"
#include "corpus/util/fs.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The loader reads a file by name: one scratch file per process.
  static const std::string path = "/tmp/tokenizer_json_fuzz." + std::to_string(::getpid()) + ".json";
  if (!corpus::WriteFileAtomic(path, std::string(reinterpret_cast<const char*>(data), size)).ok()) std::abort();
  std::unique_ptr<corpus::Tokenizer> t;
  if (!corpus::LoadTokenizer(path, {}, &t).ok()) return 0;
  std::vector<uint32_t> ids;
  t->Encode("Hello, world! Grüße 東京 \xff\xfe  code();\n<|endoftext|>", &ids);
  for (uint32_t id : ids) {
    if (id >= t->vocab_size()) std::abort();
  }
  return 0;
}
