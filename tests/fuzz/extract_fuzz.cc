// libFuzzer target: arbitrary bytes as an HTML page through the whole
// extractor (prescan, gumbo, DOM index, boilerplate, selection, rendering,
// JSON-LD), in both output formats. Built with -DCORPUS_BUILD_FUZZERS=ON and
// clang:
//   ./extract_fuzz -max_total_time=300 -max_len=65536 corpus_dir/
// Invariants: no crash or sanitizer report; the text is no larger than a
// small multiple of the input (markup only ever adds a few bytes per block).

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "corpus/extract/extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view html(reinterpret_cast<const char*>(data), size);
  for (bool markdown : {false, true}) {
    corpus::ExtractOptions options;
    options.markdown = markdown;
    const corpus::ExtractResult r = corpus::ExtractMainContent(html, "https://fuzz.example/", options);
    // U+FFFD replacements can triple a byte; markdown adds a fence or
    // marker per element. Anything beyond is a bug.
    if (r.text.size() > 16 * size + 64) std::abort();
  }
  return 0;
}
