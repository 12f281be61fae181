#ifndef CORPUS_FILTER_PII_H_
#define CORPUS_FILTER_PII_H_

#include <re2/re2.h>

#include <memory>
#include <string>

#include "corpus/filter/document_filter.h"

namespace corpus {

struct PiiOptions {
  bool enabled = true;
  bool email = true;  // -> <EMAIL>
  bool ip = true;     // IPv4 and IPv6 -> <IP>
  bool phone = true;  // -> <PHONE>
  bool card = true;   // payment-card-like numbers passing the Luhn check -> <CARD>
};

// Counts of what Redact() replaced.
struct PiiCounts {
  size_t email = 0, ipv4 = 0, ipv6 = 0, phone = 0, card = 0;
};

// PiiRedactor replaces personal data in text by placeholders, as FineWeb
// does for e-mail and IP addresses before release (Penedo et al. 2024,
// section 3.6) and extends it to phone and card numbers. One RE2 scan finds
// candidates; each is then checked:
//  - e-mail: local@domain.tld (tld of 2+ letters);
//  - IPv4: four 0-255 octets, not inside a longer dotted or word token;
//  - IPv6: any form inet_pton accepts ("::1", "fe80::1", embedded IPv4),
//    not inside a word or a "std::string"-like token;
//  - card: 13-19 digits, optionally in groups split by ' ' or '-', that pass
//    the Luhn checksum (ISO/IEC 7812), so random long numbers mostly pass;
//  - phone: "+<country> ..." with 8-15 digits, or North American
//    "(555) 123-4567" / "555-123-4567" / "555.123.4567".
// Thread-safe (RE2 is).
class PiiRedactor {
 public:
  explicit PiiRedactor(PiiOptions opts);
  // Returns whether anything was replaced; `counts` gets what.
  bool Redact(std::string_view text, std::string* out, PiiCounts* counts) const;

 private:
  PiiOptions opts_;
  std::unique_ptr<RE2> re_;
};

// The pipeline step: redacts kept text and counts "pii_email", "pii_ipv4",
// "pii_ipv6", "pii_phone", "pii_card". Never rejects.
class PiiFilter : public DocumentFilter {
 public:
  explicit PiiFilter(PiiOptions opts) : redactor_(opts) {}
  std::string_view name() const override { return "pii"; }
  FilterVerdict Apply(Document& doc) const override;
  // Redacts as Apply does; PII is no quality signal and no rule.
  void Measure(Document& doc, QualitySignals* signals) const override { Apply(doc); }
  void Rules(std::vector<SignalRule>* out) const override {}

 private:
  PiiRedactor redactor_;
};

// The Luhn checksum over the digits of `s` (other characters skipped).
bool LuhnValid(std::string_view s);

}  // namespace corpus

#endif  // CORPUS_FILTER_PII_H_
