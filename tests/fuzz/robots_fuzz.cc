// libFuzzer target: arbitrary bytes as a robots.txt (RFC 9309), parsed for a
// product token and asked about a few paths. Built with
// -DCORPUS_BUILD_FUZZERS=ON and clang (scripts/fuzz.sh runs it).
// Invariants: no crash or sanitizer report; "/robots.txt" is always allowed
// (RFC 9309 §2.2.2); parsing is deterministic.

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "corpus/crawl/robots.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  // The last line of the input doubles as a path to ask about.
  const size_t nl = body.rfind('\n');
  const std::string_view tail = nl == std::string_view::npos ? body : body.substr(nl + 1);
  const corpus::RobotsRules a = corpus::RobotsRules::Parse(body, "corpus");
  const corpus::RobotsRules b = corpus::RobotsRules::Parse(body, "corpus");
  if (!a.IsAllowed("/robots.txt")) std::abort();
  for (std::string_view path : {std::string_view("/"), std::string_view("/a/b?c=d"), std::string_view("/%7Ex$"), tail}) {
    if (a.IsAllowed(path) != b.IsAllowed(path)) std::abort();
  }
  if (a.sitemaps().size() != b.sitemaps().size()) std::abort();
  return 0;
}
