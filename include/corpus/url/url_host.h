#ifndef CORPUS_URL_URL_HOST_H_
#define CORPUS_URL_URL_HOST_H_

#include <string>
#include <string_view>

namespace corpus {

// Host parsing for http(s) URLs after the WHATWG URL standard ("host
// parsing", §3.5), so that every spelling of one host is one string in the
// seen set, the robots cache and the politeness queues:
//
//   - percent-decoding, then IDNA to ASCII (idna.h) for non-ASCII names,
//     with the ideographic full stops (U+3002, U+FF0E, U+FF61) as dots;
//   - ASCII lowercase;
//   - a name whose last label is a number is an IPv4 address in any of the
//     standard's number forms (decimal "2852039166", octal "0251.0376.0251.0376",
//     hex "0xa9.0xfe.0xa9.0xfe", short dotted "169.254.43518"), serialised as
//     dotted decimal; one that does not parse as an address is invalid
//     (§3.5 "ends in a number");
//   - an IPv6 literal "[...]" is parsed and serialised in the standard's
//     compressed form (§3.7: lowercase hex, longest zero run as "::");
//   - deviation for crawling: every trailing dot is removed ("a.", "a..",
//     "a.%2e" are "a"), as DNS resolves them to one host; empty labels
//     elsewhere ("a..b", ".a") and characters outside letters, digits, '-',
//     '_' and '.' make the host invalid.
//
// Idempotent: NormalizeHost of a result returns it unchanged. Thread-safe.
// False when the host is invalid; `*out` is then unspecified.
bool NormalizeHost(std::string_view host, std::string* out);

// True when `host` is already what NormalizeHost makes of it, found without
// normalising it: a lowercase ASCII name, or a dotted-decimal IPv4 address.
// False for the forms it does not check (IPv6 literals, percent-encoding,
// other number forms, anything invalid): NormalizeHost decides those.
// Thread-safe.
bool IsNormalizedHost(std::string_view host);

// True when `host` (normalised) is a dotted-decimal IPv4 address.
bool IsIpv4Host(std::string_view host);

}  // namespace corpus

#endif  // CORPUS_URL_URL_HOST_H_
