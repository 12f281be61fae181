// libFuzzer target: arbitrary bytes as a URL, and as a reference resolved
// against a base, through the crawler's normaliser (url/url.h) and the URL
// families of its trap budget. Built with -DCORPUS_BUILD_FUZZERS=ON and clang:
//   ./url_fuzz -max_total_time=300 -max_len=512 tests/fuzz/seeds/url/
// The input is split at its first newline: before it the base, after it the
// reference (no newline: the input is both). Invariants checked (abort):
//   - normalising is idempotent: NormalizeUrl(NormalizeUrl(u)) == NormalizeUrl(u);
//   - a resolved URL is normalised, resolving against the normalised base
//     gives the same URL, and resolving the result again changes nothing;
//   - ParseUrl's host re-normalises to itself, and a normalised URL has families.

#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "corpus/url/url.h"
#include "corpus/crawl/url_family.h"
#include "corpus/url/url_host.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const size_t nl = in.find('\n');
  const std::string_view base = in.substr(0, nl);
  const std::string_view ref = nl == std::string_view::npos ? in : in.substr(nl + 1);

  const std::optional<std::string> n = corpus::NormalizeUrl(base);
  if (n) {
    Check(corpus::NormalizeUrl(*n) == n);
    const std::optional<corpus::Url> u = corpus::ParseUrl(*n);
    Check(u.has_value());
    std::string host;
    Check(corpus::NormalizeHost(u->host, &host) && host == u->host);
    Check(!corpus::UrlFamilies(*n).empty());
  }
  // The accessors' shortcut for hosts already normalised agrees with the
  // full normaliser, on any input.
  if (corpus::IsNormalizedHost(base)) {
    std::string host;
    Check(corpus::NormalizeHost(base, &host) && host == base);
  }
  if (const std::optional<corpus::Url> any = corpus::ParseUrl(base)) {
    Check(corpus::UrlHost(base) == any->host);
  } else {
    Check(corpus::UrlHost(base).empty());
  }
  const std::optional<std::string> r = corpus::ResolveUrl(base, ref);
  if (r) {
    Check(corpus::NormalizeUrl(*r) == r);
    Check(corpus::ResolveUrl(*r, *r) == r);
  }
  if (n) {
    Check(corpus::ResolveUrl(*n, ref) == r);
    if (r) Check(corpus::ResolveUrl(*n, *r) == r);
  }
  return 0;
}
