#include "corpus/url/url.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "corpus/url/url_host.h"
#include "corpus/util/ascii.h"

namespace corpus {
namespace {

// The five components of a URI reference (RFC 3986 §3, split as by the
// regular expression of Appendix B). `has_*` distinguishes "absent" from
// "empty", which §5.2.2 needs.
struct UriParts {
  bool has_scheme = false, has_authority = false, has_query = false;
  std::string_view scheme, authority, path, query;
};

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
int HexValue(char c) {
  if (IsDigit(c)) return c - '0';
  return (c | 0x20) - 'a' + 10;
}

// unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~"  (RFC 3986 §2.3)
bool IsUnreserved(unsigned char c) {
  return IsAlpha(c) || IsDigit(c) || c == '-' || c == '.' || c == '_' || c == '~';
}
// gen-delims and sub-delims (§2.2): allowed raw, never decoded or encoded.
bool IsReserved(unsigned char c) {
  switch (c) {
    case ':': case '/': case '?': case '[': case ']': case '@':
    case '!': case '$': case '&': case '\'': case '(': case ')':
    case '*': case '+': case ',': case ';': case '=':
      return true;
    default:
      return false;
  }
}

void AppendPercent(unsigned char c, std::string* out) {
  static const char kHex[] = "0123456789ABCDEF";
  out->push_back('%');
  out->push_back(kHex[c >> 4]);
  out->push_back(kHex[c & 15]);
}

// Removes what browsers strip before parsing (WHATWG URL "basic URL parser"):
// leading/trailing C0 controls and spaces, and tabs and newlines anywhere.
// Links in HTML attributes often carry them.
std::string CleanInput(std::string_view in) {
  size_t b = 0, e = in.size();
  while (b < e && static_cast<unsigned char>(in[b]) <= 0x20) ++b;
  while (e > b && static_cast<unsigned char>(in[e - 1]) <= 0x20) --e;
  std::string out;
  out.reserve(e - b);
  for (size_t i = b; i < e; ++i) {
    char c = in[i];
    if (c == '\t' || c == '\n' || c == '\r') continue;
    out.push_back(c);
  }
  return out;
}

// RFC 3986 Appendix B: ^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?
// A scheme must also match ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) (§3.1);
// otherwise the colon belongs to a relative path. The fragment is dropped.
UriParts SplitUri(std::string_view s) {
  UriParts p;
  size_t delim = s.find_first_of(":/?#");
  if (delim != std::string_view::npos && delim > 0 && s[delim] == ':' && IsAlpha(s[0])) {
    bool valid = true;
    for (size_t i = 1; i < delim; ++i) {
      char c = s[i];
      if (!IsAlpha(c) && !IsDigit(c) && c != '+' && c != '-' && c != '.') valid = false;
    }
    if (valid) {
      p.has_scheme = true;
      p.scheme = s.substr(0, delim);
      s.remove_prefix(delim + 1);
    }
  }
  size_t hash = s.find('#');
  if (hash != std::string_view::npos) s = s.substr(0, hash);
  if (s.size() >= 2 && s[0] == '/' && s[1] == '/') {
    s.remove_prefix(2);
    size_t end = s.find_first_of("/?");
    p.has_authority = true;
    p.authority = s.substr(0, end);
    s.remove_prefix(end == std::string_view::npos ? s.size() : end);
  }
  size_t q = s.find('?');
  if (q != std::string_view::npos) {
    p.has_query = true;
    p.query = s.substr(q + 1);
    s = s.substr(0, q);
  }
  p.path = s;
  return p;
}

// RFC 3986 §5.2.4 remove_dot_segments, on an absolute path.
std::string RemoveDotSegments(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  while (!in.empty()) {
    if (in.starts_with("../")) {
      in.remove_prefix(3);
    } else if (in.starts_with("./")) {
      in.remove_prefix(2);
    } else if (in.starts_with("/./")) {
      in.remove_prefix(2);
    } else if (in == "/.") {
      in = "/";
    } else if (in.starts_with("/../") || in == "/..") {
      in = in.size() == 3 ? std::string_view("/") : in.substr(3);
      size_t slash = out.rfind('/');
      out.resize(slash == std::string::npos ? 0 : slash);
    } else if (in == "." || in == "..") {
      in = {};
    } else {
      size_t next = in.find('/', in[0] == '/' ? 1 : 0);
      if (next == std::string_view::npos) next = in.size();
      out.append(in.substr(0, next));
      in.remove_prefix(next);
    }
  }
  return out;
}

// §5.2.3 merge: the reference path replaces the last segment of the base path.
std::string MergePaths(bool base_has_authority, std::string_view base_path,
                       std::string_view ref_path) {
  if (base_has_authority && base_path.empty()) return "/" + std::string(ref_path);
  size_t slash = base_path.rfind('/');
  if (slash == std::string_view::npos) return std::string(ref_path);
  return std::string(base_path.substr(0, slash + 1)) + std::string(ref_path);
}

// Parses and normalises the host and port of an authority (§3.2). The
// userinfo is dropped: the crawler never sends credentials found in links.
bool NormalizeAuthority(std::string_view authority, std::string* host, int* port) {
  size_t at = authority.rfind('@');
  if (at != std::string_view::npos) authority.remove_prefix(at + 1);
  std::string_view host_part = authority, port_part;
  if (!authority.empty() && authority[0] == '[') {
    size_t close = authority.find(']');
    if (close == std::string_view::npos) return false;
    host_part = authority.substr(0, close + 1);
    std::string_view rest = authority.substr(close + 1);
    if (!rest.empty()) {
      if (rest[0] != ':') return false;
      port_part = rest.substr(1);
    }
  } else {
    size_t colon = authority.rfind(':');
    if (colon != std::string_view::npos) {
      host_part = authority.substr(0, colon);
      port_part = authority.substr(colon + 1);
    }
  }
  // WHATWG URL §4.4 "port state": digits only, leading zeros allowed.
  *port = 0;
  for (char c : port_part) {
    if (!IsDigit(c)) return false;
    *port = *port * 10 + (c - '0');
    if (*port > 65535) return false;
  }
  return NormalizeHost(host_part, host);
}

int DefaultPort(std::string_view scheme) { return scheme == "https" ? 443 : 80; }

// Builds the normalised URL from its parts; `path` must be absolute.
std::optional<std::string> Assemble(std::string_view scheme_in, std::string_view authority,
                                    std::string_view path, bool has_query,
                                    std::string_view query) {
  std::string scheme;
  for (char c : scheme_in) scheme.push_back(AsciiLower(c));
  if (scheme != "http" && scheme != "https") return std::nullopt;
  std::string host;
  int port = 0;
  if (!NormalizeAuthority(authority, &host, &port)) return std::nullopt;
  std::string out = scheme + "://" + host;
  if (port != 0 && port != DefaultPort(scheme)) out += ":" + std::to_string(port);
  // Percent-normalise first, so %2E%2E counts as a dot segment (§6.2.2.3).
  std::string p = RemoveDotSegments(CanonicalPercentEncoding(path));
  if (p.empty() || p[0] != '/') p.insert(0, "/");
  out += p;
  if (has_query) {
    out += '?';
    out += CanonicalPercentEncoding(query);
  }
  return out;
}

// Backslashes act as slashes in http(s) URLs for every browser (WHATWG URL
// standard, "special" schemes); links written with them mean the same page.
std::string SlashBackslashes(std::string s) {
  size_t end = s.find_first_of("?#");
  for (size_t i = 0; i < std::min(end, s.size()); ++i) {
    if (s[i] == '\\') s[i] = '/';
  }
  return s;
}

}  // namespace

std::string CanonicalPercentEncoding(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '%' && i + 2 < s.size() && IsHex(s[i + 1]) && IsHex(s[i + 2])) {
      unsigned char v = static_cast<unsigned char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]));
      if (IsUnreserved(v)) {
        out.push_back(static_cast<char>(v));
      } else {
        AppendPercent(v, &out);
      }
      i += 2;
    } else if (IsUnreserved(c) || IsReserved(c)) {
      out.push_back(static_cast<char>(c));
    } else {
      AppendPercent(c, &out);
    }
  }
  return out;
}

std::optional<std::string> NormalizeUrl(std::string_view absolute_url) {
  std::string clean = CleanInput(absolute_url);
  UriParts p = SplitUri(clean);
  if (!p.has_scheme) return std::nullopt;
  std::string fixed;
  if (p.scheme.size() == 4 || p.scheme.size() == 5) {
    fixed = SlashBackslashes(clean);
    p = SplitUri(fixed);
  }
  if (!p.has_authority) return std::nullopt;
  return Assemble(p.scheme, p.authority, p.path, p.has_query, p.query);
}

UrlResolver::UrlResolver(std::string_view base) : base_(NormalizeUrl(base)) {}

std::optional<std::string> UrlResolver::Resolve(std::string_view ref) const {
  if (!base_) return NormalizeUrl(ref);  // only an absolute reference can resolve
  UriParts b = SplitUri(*base_);
  std::string clean_ref = SlashBackslashes(CleanInput(ref));
  UriParts r = SplitUri(clean_ref);
  // §5.2.2, with the "non-strict" option: a reference with the base's scheme
  // and no authority ("http:page.html") is relative, as browsers treat it.
  if (r.has_scheme && !r.has_authority) {
    std::string rs;
    for (char c : r.scheme) rs.push_back(AsciiLower(c));
    if (rs == b.scheme) r.has_scheme = false;
  }
  if (r.has_scheme) {
    if (!r.has_authority) return std::nullopt;  // mailto:, javascript:, data:, ...
    return Assemble(r.scheme, r.authority, r.path, r.has_query, r.query);
  }
  if (r.has_authority) return Assemble(b.scheme, r.authority, r.path, r.has_query, r.query);
  if (r.path.empty()) {
    return r.has_query ? Assemble(b.scheme, b.authority, b.path, true, r.query)
                       : Assemble(b.scheme, b.authority, b.path, b.has_query, b.query);
  }
  std::string path = r.path[0] == '/' ? std::string(r.path)
                                      : MergePaths(b.has_authority, b.path, r.path);
  return Assemble(b.scheme, b.authority, path, r.has_query, r.query);
}

std::optional<std::string> ResolveUrl(std::string_view base, std::string_view ref) {
  return UrlResolver(base).Resolve(ref);
}

std::optional<Url> ParseUrl(std::string_view normalized_url) {
  std::optional<std::string> n = NormalizeUrl(normalized_url);
  if (!n) return std::nullopt;
  UriParts p = SplitUri(*n);
  Url url;
  url.scheme = std::string(p.scheme);
  NormalizeAuthority(p.authority, &url.host, &url.port);
  url.path = std::string(p.path);
  url.query = std::string(p.query);
  return url;
}

namespace {
// The origin ("scheme://host[:port]") and host of `url` when the URL is
// already in NormalizeUrl's form up to its path, as every URL the crawler
// passes around is; found without normalising the URL again (the crawl loop
// asks for the host of every link and fetch). False otherwise: the caller
// then normalises.
bool SplitNormalizedOrigin(std::string_view url, std::string_view* origin, std::string_view* host) {
  size_t scheme_end;
  if (url.starts_with("http://")) {
    scheme_end = 7;
  } else if (url.starts_with("https://")) {
    scheme_end = 8;
  } else {
    return false;
  }
  // NormalizeUrl drops the fragment; a URL with one is not in its form.
  if (url.find('#', scheme_end) != std::string_view::npos) return false;
  const size_t end = std::min(url.find_first_of("/?", scheme_end), url.size());
  const std::string_view authority = url.substr(scheme_end, end - scheme_end);
  std::string_view name = authority;
  const size_t colon = authority.find(':');
  if (colon != std::string_view::npos) {
    // Only a port the normalised form keeps: digits without a leading zero,
    // below 65536, not the scheme's default.
    const std::string_view digits = authority.substr(colon + 1);
    if (digits.empty() || digits.size() > 5 || digits[0] == '0') return false;
    int port = 0;
    for (char c : digits) {
      if (c < '0' || c > '9') return false;
      port = port * 10 + (c - '0');
    }
    if (port > 65535 || port == (scheme_end == 8 ? 443 : 80)) return false;
    name = authority.substr(0, colon);
  }
  if (!IsNormalizedHost(name)) return false;
  *origin = url.substr(0, end);
  *host = name;
  return true;
}
}  // namespace

std::string UrlHost(std::string_view normalized_url) {
  std::string_view origin, host;
  if (SplitNormalizedOrigin(normalized_url, &origin, &host)) return std::string(host);
  std::optional<Url> u = ParseUrl(normalized_url);
  return u ? u->host : std::string();
}

std::string UrlOrigin(std::string_view normalized_url) {
  std::string_view origin, host;
  if (SplitNormalizedOrigin(normalized_url, &origin, &host)) return std::string(origin);
  std::optional<Url> u = ParseUrl(normalized_url);
  if (!u) return std::string();
  std::string out = u->scheme + "://" + u->host;
  if (u->port != 0) out += ":" + std::to_string(u->port);
  return out;
}

std::string UrlPathAndQuery(std::string_view normalized_url) {
  std::optional<std::string> n = NormalizeUrl(normalized_url);
  if (!n) return std::string();
  // A normalised URL keeps "?" with an empty query ("/a?"); so does the wire.
  const UriParts p = SplitUri(*n);
  std::string out(p.path);
  if (p.has_query) {
    out += '?';
    out += p.query;
  }
  return out;
}

std::string RegistrableDomain(std::string_view host_in) {
  std::string host;
  for (char c : host_in) host.push_back(AsciiLower(c));
  if (host.starts_with("[") || IsIpv4Host(host)) return host;
  std::vector<std::string_view> labels;
  std::string_view rest = host;
  while (!rest.empty()) {
    size_t dot = rest.find('.');
    labels.push_back(rest.substr(0, dot));
    if (dot == std::string_view::npos) break;
    rest.remove_prefix(dot + 1);
  }
  if (labels.size() <= 2) return host;
  // Second-level labels that country registries sell names under
  // (example.co.uk, example.com.au, example.ac.jp); the Public Suffix List has
  // the full set, this covers the common ones.
  static const char* const kSecondLevel[] = {
      "ac", "co", "com", "edu", "gov", "gob", "go", "govt", "lg", "ltd", "mil", "ne",
      "net", "nhs", "nic", "or", "org", "plc", "sch", "police", "gv", "nom", "web"};
  size_t n = labels.size();
  size_t keep = 2;
  if (labels[n - 1].size() == 2) {
    for (const char* s : kSecondLevel) {
      if (labels[n - 2] == s) keep = 3;
    }
  }
  size_t start = 0;
  for (size_t i = 0; i < n - keep; ++i) start += labels[i].size() + 1;
  return host.substr(start);
}

bool LooksLikeTrap(std::string_view normalized_url, size_t max_length, int max_path_depth) {
  if (normalized_url.size() > max_length) return true;
  std::optional<Url> u = ParseUrl(normalized_url);
  if (!u) return false;
  std::vector<std::string_view> segs;
  std::string_view rest = u->path;
  while (!rest.empty()) {
    rest.remove_prefix(1);  // the '/'
    size_t slash = rest.find('/');
    std::string_view seg = rest.substr(0, slash);
    if (!seg.empty()) segs.push_back(seg);
    rest.remove_prefix(slash == std::string_view::npos ? rest.size() : slash);
  }
  if (static_cast<int>(segs.size()) > max_path_depth) return true;
  // A run of `period` segments repeated three times in a row: the signature
  // of relative links that append to themselves (calendar and session traps).
  const size_t n = segs.size();
  for (size_t period = 1; period * 3 <= n; ++period) {
    for (size_t i = 0; i + period * 3 <= n; ++i) {
      bool repeated = true;
      for (size_t k = 0; k < period * 2 && repeated; ++k) {
        repeated = segs[i + k] == segs[i + k + period];
      }
      if (repeated) return true;
    }
  }
  return false;
}

}  // namespace corpus
