#include "corpus/filter/pii.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "filter/filter_test_util.h"

namespace corpus {
namespace {

std::string Redacted(const std::string& text, PiiCounts* counts = nullptr, PiiOptions opts = PiiOptions()) {
  PiiCounts local;
  std::string out;
  if (!PiiRedactor(opts).Redact(text, &out, counts ? counts : &local)) return text;
  return out;
}

TEST(PiiTest, EmailAddresses) {
  PiiCounts c;
  EXPECT_EQ(Redacted("Write to john.doe+news@mail.example.co.uk or a_b@x.io.", &c),
            "Write to <EMAIL> or <EMAIL>.");
  EXPECT_EQ(c.email, 2u);
  EXPECT_EQ(Redacted("user@localhost and @handle and a@b.c"), "user@localhost and @handle and a@b.c");
}

TEST(PiiTest, Ipv4Addresses) {
  PiiCounts c;
  EXPECT_EQ(Redacted("Server 192.168.0.1 and 8.8.8.8, not 256.1.1.1.", &c), "Server <IP> and <IP>, not 256.1.1.1.");
  EXPECT_EQ(c.ipv4, 2u);
  EXPECT_EQ(Redacted("OID 1.3.6.1.4.1 and v1.2.3.4"), "OID 1.3.6.1.4.1 and v1.2.3.4");
}

TEST(PiiTest, Ipv6Forms) {
  PiiCounts c;
  EXPECT_EQ(Redacted("full 2001:0db8:85a3:0000:0000:8a2e:0370:7334 here", &c), "full <IP> here");
  EXPECT_EQ(Redacted("short 2001:db8::8a2e:370:7334, loopback ::1, link fe80::1.", &c),
            "short <IP>, loopback <IP>, link <IP>.");
  EXPECT_EQ(Redacted("mapped ::ffff:192.0.2.128 ok", &c), "mapped <IP> ok");
  EXPECT_EQ(c.ipv6, 5u);
  // Not addresses: C++ scopes, clock times, MAC addresses, ratios, "::" separators.
  const std::string not_ips =
      "std::vector<int> at 12:30:45, MAC 00:1a:2b:3c:4d:5e, ratio 3:2, Programming Language :: Python";
  EXPECT_EQ(Redacted(not_ips), not_ips);
}

TEST(PiiTest, CardNumbersMustPassLuhn) {
  PiiCounts c;
  EXPECT_EQ(Redacted("Visa 4111 1111 1111 1111, Amex 3782-822463-10005.", &c), "Visa <CARD>, Amex <CARD>.");
  EXPECT_EQ(c.card, 2u);
  const std::string invalid = "Order 4111 1111 1111 1112 and 1234567890123.";
  EXPECT_EQ(Redacted(invalid), invalid);
  EXPECT_TRUE(LuhnValid("79927398713"));
  EXPECT_FALSE(LuhnValid("79927398710"));
}

TEST(PiiTest, PhoneNumbers) {
  PiiCounts c;
  EXPECT_EQ(Redacted("Call +1 415 555 2671, (415) 555-2671 or 415.555.2671.", &c),
            "Call <PHONE>, <PHONE> or <PHONE>.");
  EXPECT_EQ(c.phone, 3u);
  EXPECT_EQ(Redacted("In Paris: +33 1 42 68 53 00."), "In Paris: <PHONE>.");
  const std::string not_phones = "Born 2024-01-15, population 8,336,817, ISBN 978-3-16-148410-0.";
  EXPECT_EQ(Redacted(not_phones), not_phones);
}

TEST(PiiTest, KindsCanBeSwitchedOff) {
  PiiOptions opts;
  opts.email = false;
  EXPECT_EQ(Redacted("a@example.com 10.0.0.1", nullptr, opts), "a@example.com <IP>");
  opts.enabled = false;
  EXPECT_EQ(Redacted("a@example.com 10.0.0.1", nullptr, opts), "a@example.com 10.0.0.1");
}

TEST(PiiTest, FilterCountsAndRewrites) {
  Document doc = testing::MakeDoc("Mail me at me@example.org from 10.0.0.1.");
  EXPECT_TRUE(PiiFilter(PiiOptions()).Apply(doc).keep);
  EXPECT_EQ(doc.text(), "Mail me at <EMAIL> from <IP>.");
  ASSERT_EQ(doc.counts().size(), 2u);
  EXPECT_EQ(doc.counts()[0].first, "pii_email");
  EXPECT_EQ(doc.counts()[1].first, "pii_ipv4");
}

TEST(PiiTest, NonAsciiTextIsUntouched) {
  const std::string text = "Привет, мир! 你好，世界。 مرحبا بالعالم";
  EXPECT_EQ(Redacted(text), text);
}

TEST(PiiTest, FindsMatchesOnAnyLineAndAtLineEnds) {
  PiiRedactor r{PiiOptions()};
  std::string out;
  PiiCounts counts;
  ASSERT_TRUE(r.Redact("Write to a@b.org\nno digits on this line\n\nserver 10.0.0.1\ncall (555) 123-4567",
                       &out, &counts));
  EXPECT_EQ(out, "Write to <EMAIL>\nno digits on this line\n\nserver <IP>\ncall <PHONE>");
  EXPECT_EQ(counts.email + counts.ipv4 + counts.phone, 3u);
  // The context across the line break still counts: "1.2.3.4" followed by
  // ".5" on the same line is a version, on the next line it is an address.
  out.clear();
  EXPECT_FALSE(r.Redact("version 1.2.3.4.5 here", &out, &counts));
  ASSERT_TRUE(r.Redact("address 1.2.3.4\n.5 here", &out, &counts));
  EXPECT_EQ(out, "address <IP>\n.5 here");
}

TEST(PiiTest, FindsEachTriggerAtEveryOffsetOfALongLine) {
  // Lines are searched only when they hold a digit, '@' or ':', looked for
  // sixteen bytes at a time: each must be seen wherever it sits, after ASCII
  // or after other scripts, and bytes just beside them ('/', ';', '?', and
  // bytes past 0x80) must not count.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"a@b.org", "<EMAIL>"}, {"10.0.0.1", "<IP>"}, {"fe80::1", "<IP>"}, {"(555) 123-4567", "<PHONE>"}};
  for (const std::string filler : {"x", "\u00e9", "\u4e2d"}) {
    for (int chars = 0; chars < 40; ++chars) {
      std::string before;
      for (int k = 0; k < chars; ++k) before += filler;
      for (const auto& [pii, placeholder] : cases) {
        const std::string line = "no such lines /;?\u00b0\n" + before + " " + pii + " ";
        EXPECT_EQ(Redacted(line), "no such lines /;?\u00b0\n" + before + " " + placeholder + " ")
            << chars << " characters of " << filler << " before " << pii;
      }
    }
  }
}

}  // namespace
}  // namespace corpus
