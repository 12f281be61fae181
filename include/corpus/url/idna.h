#ifndef CORPUS_URL_IDNA_H_
#define CORPUS_URL_IDNA_H_

#include <string>
#include <string_view>

namespace corpus {

// Converts an internationalised host name (UTF-8, e.g. "bücher.de") to the
// ASCII form DNS and HTTP use ("xn--bcher-kva.de"): each label is NFKC
// case-folded (a simplification of the UTS #46 mapping) and, when not ASCII,
// Punycode-encoded (RFC 3492) with the "xn--" prefix (RFC 5890). False for
// invalid UTF-8 or empty labels.
bool HostToAscii(std::string_view utf8_host, std::string* ascii_host);

}  // namespace corpus

#endif  // CORPUS_URL_IDNA_H_
