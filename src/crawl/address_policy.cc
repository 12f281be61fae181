#include "corpus/crawl/address_policy.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <cstdint>
#include <cstring>
#include <string>

namespace corpus {
namespace {

bool IsPublicV4(uint32_t a) {  // host byte order
  const uint32_t b0 = a >> 24;
  const uint32_t b1 = (a >> 16) & 0xff;
  if (b0 == 0 || b0 == 10 || b0 == 127) return false;
  if (b0 == 100 && (b1 & 0xc0) == 64) return false;  // 100.64/10
  if (b0 == 169 && b1 == 254) return false;
  if (b0 == 172 && (b1 & 0xf0) == 16) return false;
  if (b0 == 192 && b1 == 168) return false;
  if (b0 == 192 && b1 == 0 && ((a >> 8) & 0xff) == 0) return false;  // 192.0.0/24 IETF
  if (b0 >= 224) return false;  // multicast, reserved, broadcast
  return true;
}

bool IsPublicV6(const uint8_t* b) {
  static const uint8_t kZero[16] = {0};
  if (std::memcmp(b, kZero, 16) == 0) return false;                      // ::
  if (std::memcmp(b, kZero, 15) == 0 && b[15] == 1) return false;        // ::1
  if (b[0] == 0xff) return false;                                        // multicast
  if ((b[0] & 0xfe) == 0xfc) return false;                               // fc00::/7
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return false;               // fe80::/10
  static const uint8_t kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::memcmp(b, kMapped, 12) == 0 || std::memcmp(b, kZero, 12) == 0) {
    // IPv4-mapped (::ffff:a.b.c.d) and the deprecated IPv4-compatible form.
    const uint32_t v4 = (uint32_t{b[12]} << 24) | (uint32_t{b[13]} << 16) |
                        (uint32_t{b[14]} << 8) | uint32_t{b[15]};
    return IsPublicV4(v4);
  }
  return true;
}

}  // namespace

bool IsPublicAddress(const sockaddr* addr, socklen_t len) {
  if (addr->sa_family == AF_INET && len >= static_cast<socklen_t>(sizeof(sockaddr_in))) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(addr);
    return IsPublicV4(ntohl(in->sin_addr.s_addr));
  }
  if (addr->sa_family == AF_INET6 && len >= static_cast<socklen_t>(sizeof(sockaddr_in6))) {
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(addr);
    return IsPublicV6(in6->sin6_addr.s6_addr);
  }
  return false;  // unix sockets and anything else
}

bool IsPublicAddressText(std::string_view ip) {
  const std::string s(ip);
  in_addr v4;
  if (inet_pton(AF_INET, s.c_str(), &v4) == 1) return IsPublicV4(ntohl(v4.s_addr));
  in6_addr v6;
  if (inet_pton(AF_INET6, s.c_str(), &v6) == 1) return IsPublicV6(v6.s6_addr);
  return false;
}

}  // namespace corpus
