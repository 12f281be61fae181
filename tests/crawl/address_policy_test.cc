#include "corpus/crawl/address_policy.h"

#include <gtest/gtest.h>

namespace corpus {
namespace {

TEST(AddressPolicyTest, RefusesNonPublicAddresses) {
  for (const char* ip : {"127.0.0.1", "127.0.0.2", "10.0.0.1", "172.16.5.4", "172.31.255.255",
                         "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1",
                         "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12::3", "ff02::1",
                         "::ffff:127.0.0.1", "::ffff:10.1.2.3"}) {
    EXPECT_FALSE(IsPublicAddressText(ip)) << ip;
  }
}

TEST(AddressPolicyTest, AllowsPublicAddresses) {
  for (const char* ip : {"8.8.8.8", "93.184.216.34", "172.32.0.1", "100.128.0.1",
                         "2606:4700::1111", "::ffff:8.8.4.4"}) {
    EXPECT_TRUE(IsPublicAddressText(ip)) << ip;
  }
  EXPECT_FALSE(IsPublicAddressText("not an address"));
}

}  // namespace
}  // namespace corpus
