#ifndef CORPUS_URL_URL_H_
#define CORPUS_URL_URL_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace corpus {

// URL handling for the crawler (RFC 3986). Every URL the crawler stores, compares
// or fetches goes through NormalizeUrl first, so two spellings of one resource
// ("HTTP://Example.com:80/a/./b/../c#x" and "http://example.com/a/c") are one
// entry in the seen set. Only http and https are ever produced.

// Parsed absolute http(s) URL (components of a normalised URL).
struct Url {
  std::string scheme;  // "http" or "https"
  std::string host;    // lowercased; IPv6 literals keep their brackets
  int port = 0;        // 0 = the scheme's default
  std::string path;    // starts with "/"
  std::string query;   // without the "?"; empty when absent
};

// Normalises an absolute URL for the seen check: scheme lowercased, host
// normalised as the WHATWG URL standard parses it (url_host.h: IPv4 number
// forms, IPv6, IDNA, case, trailing dots), default port and fragment dropped, dot segments resolved (RFC 3986 §5.2.4),
// percent-encoding normalised (unreserved decoded, others' hex uppercased,
// §6.2.2.2), characters that may not appear raw (space, controls, non-ASCII)
// percent-encoded, empty path -> "/". Returns nullopt for non-http(s) schemes
// (file:, ftp:, javascript:, mailto:, data:), a missing host, or garbage.
std::optional<std::string> NormalizeUrl(std::string_view absolute_url);

// Resolves `ref` against `base` (RFC 3986 §5.2) and normalises the result;
// nullopt if the result is not a fetchable http(s) URL.
std::optional<std::string> ResolveUrl(std::string_view base, std::string_view ref);

// ResolveUrl for many references against one base (the links of a page): the
// base is normalised once.
class UrlResolver {
 public:
  explicit UrlResolver(std::string_view base);
  // The normalised base; nullopt when `base` is not a fetchable URL (then only
  // absolute references resolve).
  const std::optional<std::string>& base() const { return base_; }
  std::optional<std::string> Resolve(std::string_view ref) const;

 private:
  std::optional<std::string> base_;
};

// Splits a URL (normalised or not: it is normalised first); nullopt as NormalizeUrl.
std::optional<Url> ParseUrl(std::string_view normalized_url);

// Accessors for normalised URLs; empty string when the URL does not parse.
std::string UrlHost(std::string_view normalized_url);          // "example.com"
std::string UrlOrigin(std::string_view normalized_url);        // "https://example.com:8080"
std::string UrlPathAndQuery(std::string_view normalized_url);  // "/a/b?x=1"

// Registrable domain for --scope domain. A heuristic, not the Public Suffix
// List: the last two labels, or three when the second-level label is a common
// public-suffix part (co.uk, com.au, ac.jp, ...). IP addresses are returned as is.
std::string RegistrableDomain(std::string_view host);

// Canonical percent-encoding of a path or query (RFC 3986 §6.2.2.1, §6.2.2.2):
// %XX of unreserved characters decoded, other %XX with uppercase hex, and
// octets that may not appear raw (controls, space, '"', '<', '>', '\\', '^', '`',
// '{', '|', '}', '#', non-ASCII, a '%' not starting a triplet) encoded. Reserved
// characters are left as they are, since encoding them changes the meaning.
std::string CanonicalPercentEncoding(std::string_view s);

// Crawler-trap heuristics: the URL is longer than `max_length`, has more than
// `max_path_depth` path segments, or a sequence of path segments repeats three or
// more times in a row (/a/b/a/b/a/b, /x/x/x).
bool LooksLikeTrap(std::string_view normalized_url, size_t max_length = 2048,
                   int max_path_depth = 16);

}  // namespace corpus

#endif  // CORPUS_URL_URL_H_
