#include "corpus/url/url_host.h"

#include <arpa/inet.h>

#include <cstdint>
#include <optional>
#include <vector>

#include "corpus/url/idna.h"
#include "corpus/util/ascii.h"

namespace corpus {
namespace {

bool IsHexDigit(char c) {
  return IsAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
int HexValue(char c) { return IsAsciiDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10; }

std::vector<std::string_view> SplitLabels(std::string_view host) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (;;) {
    const size_t dot = host.find('.', start);
    parts.push_back(host.substr(start, dot == std::string_view::npos ? dot : dot - start));
    if (dot == std::string_view::npos) return parts;
    start = dot + 1;
  }
}

// WHATWG URL §3.5 "IPv4 number parser": "0x"/"0X" starts hex (an empty rest
// is 0), a further leading "0" octal, otherwise decimal. nullopt when a
// character is not a digit of the radix or the value passes 2^32 (every
// larger value fails the range check that follows anyway).
std::optional<uint64_t> ParseIpv4Number(std::string_view s) {
  if (s.empty()) return std::nullopt;
  int radix = 10;
  if (s.size() >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    radix = 16;
    s.remove_prefix(2);
  } else if (s.size() >= 2 && s[0] == '0') {
    radix = 8;
    s.remove_prefix(1);
  }
  uint64_t v = 0;
  for (char c : s) {
    int d;
    if (radix == 16 && IsHexDigit(c)) d = HexValue(c);
    else if (IsAsciiDigit(c) && c - '0' < radix) d = c - '0';
    else return std::nullopt;
    v = v * static_cast<uint64_t>(radix) + static_cast<uint64_t>(d);
    if (v > 0xFFFFFFFFull) return std::nullopt;
  }
  return v;
}

// §3.5 "ends in a number checker": the last label is all digits, or "0x"
// followed by hex digits (trailing dots are already gone).
bool EndsInNumber(std::string_view host) {
  const size_t dot = host.rfind('.');
  const std::string_view last = dot == std::string_view::npos ? host : host.substr(dot + 1);
  if (last.empty()) return false;
  bool digits = true;
  for (char c : last) digits = digits && IsAsciiDigit(c);
  if (digits) return true;
  if (last.size() < 2 || last[0] != '0' || (last[1] != 'x' && last[1] != 'X')) return false;
  for (char c : last.substr(2)) {
    if (!IsHexDigit(c)) return false;
  }
  return true;
}

// §3.5 "IPv4 parser": up to four numbers; all but the last must be below
// 256, the last fills the remaining bytes.
bool ParseIpv4(std::string_view host, std::string* out) {
  const std::vector<std::string_view> parts = SplitLabels(host);
  if (parts.size() > 4) return false;
  std::vector<uint64_t> numbers;
  for (std::string_view p : parts) {
    std::optional<uint64_t> n = ParseIpv4Number(p);
    if (!n) return false;
    numbers.push_back(*n);
  }
  for (size_t i = 0; i + 1 < numbers.size(); ++i) {
    if (numbers[i] > 255) return false;
  }
  const uint64_t limit = 1ull << (8 * (5 - numbers.size()));
  if (numbers.back() >= limit) return false;
  uint64_t address = numbers.back();
  for (size_t i = 0; i + 1 < numbers.size(); ++i) address += numbers[i] << (8 * (3 - i));
  out->clear();
  for (int shift = 24; shift >= 0; shift -= 8) {
    if (shift != 24) out->push_back('.');
    *out += std::to_string((address >> shift) & 0xFF);
  }
  return true;
}

// §3.7 "IPv6 serializer": pieces in lowercase hex without leading zeros, the
// first longest run of two or more zero pieces written "::".
bool NormalizeIpv6(std::string_view literal, std::string* out) {
  const std::string text(literal);
  uint8_t bytes[16];
  if (::inet_pton(AF_INET6, text.c_str(), bytes) != 1) return false;
  uint16_t pieces[8];
  for (int i = 0; i < 8; ++i) pieces[i] = static_cast<uint16_t>(bytes[2 * i] << 8 | bytes[2 * i + 1]);
  int best = -1, best_len = 1;
  for (int i = 0; i < 8;) {
    if (pieces[i] != 0) {
      ++i;
      continue;
    }
    int j = i;
    while (j < 8 && pieces[j] == 0) ++j;
    if (j - i > best_len) {
      best = i;
      best_len = j - i;
    }
    i = j;
  }
  static const char kHex[] = "0123456789abcdef";
  out->assign("[");
  for (int i = 0; i < 8; ++i) {
    if (i == best) {
      out->append(i == 0 ? "::" : ":");
      i += best_len - 1;
      continue;
    }
    bool started = false;
    for (int shift = 12; shift >= 0; shift -= 4) {
      const int d = (pieces[i] >> shift) & 15;
      if (d != 0 || started || shift == 0) {
        out->push_back(kHex[d]);
        started = true;
      }
    }
    if (i != 7) out->push_back(':');
  }
  out->push_back(']');
  return true;
}

// The full stops UTS #46 maps to '.': U+3002, U+FF0E, U+FF61 (UTF-8).
std::string MapIdeographicDots(std::string_view s) {
  static const std::string_view kDots[] = {"\xE3\x80\x82", "\xEF\xBC\x8E", "\xEF\xBD\xA1"};
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    bool mapped = false;
    for (std::string_view d : kDots) {
      if (s.substr(i, d.size()) == d) {
        out.push_back('.');
        i += d.size();
        mapped = true;
        break;
      }
    }
    if (!mapped) out.push_back(s[i++]);
  }
  return out;
}

}  // namespace

bool IsIpv4Host(std::string_view host) {
  const std::vector<std::string_view> parts = SplitLabels(host);
  if (parts.size() != 4) return false;
  for (std::string_view p : parts) {
    if (p.empty() || p.size() > 3) return false;
    for (char c : p) {
      if (!IsAsciiDigit(c)) return false;
    }
  }
  return true;
}

bool IsNormalizedHost(std::string_view host) {
  if (host.empty() || host.front() == '.' || host.back() == '.') return false;
  char prev = 0;
  for (char c : host) {
    const bool allowed = (c >= 'a' && c <= 'z') || IsAsciiDigit(c) || c == '-' || c == '_' || c == '.';
    if (!allowed || (c == '.' && prev == '.')) return false;
    prev = c;
  }
  if (!EndsInNumber(host)) return true;
  // An address is in its serialised form only as four decimal numbers below
  // 256 without leading zeros.
  size_t labels = 0;
  size_t start = 0;
  for (;;) {
    size_t dot = host.find('.', start);
    std::string_view label = host.substr(start, dot == std::string_view::npos ? dot : dot - start);
    ++labels;
    if (label.empty() || label.size() > 3 || (label.size() > 1 && label[0] == '0')) return false;
    int value = 0;
    for (char c : label) {
      if (!IsAsciiDigit(c)) return false;
      value = value * 10 + (c - '0');
    }
    if (value > 255) return false;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return labels == 4;
}

bool NormalizeHost(std::string_view host, std::string* out) {
  // Most hosts of links are already in their normal form: kept as they are.
  if (IsNormalizedHost(host)) {
    out->assign(host);
    return true;
  }
  if (host.starts_with("[")) {
    if (host.size() < 3 || host.back() != ']') return false;
    return NormalizeIpv6(host.substr(1, host.size() - 2), out);
  }
  std::string decoded;
  decoded.reserve(host.size());
  for (size_t i = 0; i < host.size(); ++i) {
    if (host[i] == '%' && i + 2 < host.size() && IsHexDigit(host[i + 1]) && IsHexDigit(host[i + 2])) {
      decoded.push_back(static_cast<char>(HexValue(host[i + 1]) * 16 + HexValue(host[i + 2])));
      i += 2;
    } else {
      decoded.push_back(host[i]);
    }
  }
  bool ascii = true;
  for (char c : decoded) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (!ascii) decoded = MapIdeographicDots(decoded);
  while (!decoded.empty() && decoded.back() == '.') decoded.pop_back();
  if (decoded.empty()) return false;
  if (!ascii && !HostToAscii(decoded, &decoded)) return false;
  out->clear();
  out->reserve(decoded.size());
  for (char c : decoded) {
    const char l = AsciiLower(c);
    // Letters, digits, hyphen, dot and underscore (seen in real DNS names).
    if (!IsAsciiAlnum(l) && l != '-' && l != '.' && l != '_') return false;
    out->push_back(l);
  }
  if (out->find("..") != std::string::npos || (*out)[0] == '.' || out->back() == '.') return false;
  if (EndsInNumber(*out)) {
    const std::string name = *out;
    return ParseIpv4(name, out);
  }
  return true;
}

}  // namespace corpus
