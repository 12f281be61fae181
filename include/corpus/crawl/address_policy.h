#ifndef CORPUS_CRAWL_ADDRESS_POLICY_H_
#define CORPUS_CRAWL_ADDRESS_POLICY_H_

#include <sys/socket.h>

#include <string_view>

namespace corpus {

// Whether the crawler may connect to an address. By
// default it refuses what a public crawler must never reach: loopback
// (127/8, ::1), private (10/8, 172.16/12, 192.168/16, fc00::/7), carrier-grade
// NAT (100.64/10, RFC 6598), link-local (169.254/16, fe80::/10), multicast
// (224/4, ff00::/8), "this network" (0/8, ::), broadcast and reserved (240/4),
// and IPv4-mapped IPv6 forms of all of these. The check is made on the
// resolved address of every connection, so neither a public name resolving to
// 10.0.0.1 nor a redirect to 127.0.0.1 gets through.
bool IsPublicAddress(const sockaddr* addr, socklen_t len);
// The same for a textual IPv4/IPv6 address; false if it does not parse.
bool IsPublicAddressText(std::string_view ip);

}  // namespace corpus

#endif  // CORPUS_CRAWL_ADDRESS_POLICY_H_
