#include "corpus/filter/pii.h"

#include <arpa/inet.h>

#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace corpus {
namespace {

// One alternative per kind; the capture group says which one matched.
// Order matters where candidates could start at the same place: cards
// (long digit groups) before phones.
constexpr const char* kPattern =
    // 1: e-mail
    R"(([A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}))"
    // 2: IPv4
    R"(|(\b(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\b))"
    // 3: IPv6 candidate (validated with inet_pton)
    R"(|([0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,8}(?:\.[0-9]{1,3}){0,3}))"
    // 4: card candidate (validated with Luhn)
    R"(|(\b[0-9](?:[ \-]?[0-9]){12,18}\b))"
    // 5: phone, international or North American
    R"(|(\+[1-9][0-9]{0,2}[ .\-]?(?:\([0-9]{1,4}\)[ .\-]?)?[0-9]{1,4}(?:[ .\-]?[0-9]{2,4}){1,4}\b)"
    R"(|(?:\([0-9]{3}\)[ ]?|\b[0-9]{3}[.\-])[0-9]{3}[.\-][0-9]{4}\b))";

constexpr int kGroups = 5;

bool IsTokenChar(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

size_t CountDigits(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += c >= '0' && c <= '9';
  return n;
}

bool ValidIpv6(std::string_view text, std::string_view m) {
  const size_t begin = static_cast<size_t>(m.data() - text.data());
  const size_t end = begin + m.size();
  // Not part of a longer token ("std::vector", "a1:b2:c3d").
  if (begin > 0 && (IsTokenChar(text[begin - 1]) || text[begin - 1] == ':' || text[begin - 1] == '.')) return false;
  if (end < text.size() && (IsTokenChar(text[end]) || text[end] == ':')) return false;
  if (m.size() < 3 || m.size() > 45) return false;  // "::" alone is valid but is a separator in prose
  std::string s(m);
  in6_addr addr;
  return inet_pton(AF_INET6, s.c_str(), &addr) == 1;
}

bool ValidIpv4Context(std::string_view text, std::string_view m) {
  // "1.2.3.4.5" is a version or an OID, not an address.
  const size_t begin = static_cast<size_t>(m.data() - text.data());
  const size_t end = begin + m.size();
  if (begin > 0 && text[begin - 1] == '.') return false;
  if (end + 1 < text.size() && text[end] == '.' && text[end + 1] >= '0' && text[end + 1] <= '9') return false;
  return true;
}

// Whether `s` holds a character every match needs: a digit (IPv4, card,
// phone), '@' (e-mail) or ':' (IPv6). Most lines have none, so they are read
// to the end: sixteen bytes a step.
bool HasPiiTrigger(std::string_view s) {
  const char* p = s.data();
  const size_t n = s.size();
  size_t i = 0;
#if defined(__SSE2__)
  const __m128i zero = _mm_set1_epi8('0');
  const __m128i nine = _mm_set1_epi8('9');
  const __m128i at = _mm_set1_epi8('@');
  const __m128i colon = _mm_set1_epi8(':');
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    // '0' <= v <= '9' unsigned: max(v, '0') == v and min(v, '9') == v.
    const __m128i digit =
        _mm_and_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, zero), v), _mm_cmpeq_epi8(_mm_min_epu8(v, nine), v));
    const __m128i hit = _mm_or_si128(digit, _mm_or_si128(_mm_cmpeq_epi8(v, at), _mm_cmpeq_epi8(v, colon)));
    if (_mm_movemask_epi8(hit) != 0) return true;
  }
#endif
  for (; i < n; ++i) {
    const auto c = static_cast<uint8_t>(p[i]);
    if (static_cast<uint8_t>(c - '0') < 10 || c == '@' || c == ':') return true;
  }
  return false;
}

bool ValidPhone(std::string_view m) {
  const size_t digits = CountDigits(m);
  if (m[0] == '+') return digits >= 8 && digits <= 15;
  return digits == 10;
}

}  // namespace

bool LuhnValid(std::string_view s) {
  int sum = 0;
  bool twice = false;
  size_t digits = 0;
  for (size_t i = s.size(); i-- > 0;) {
    const char c = s[i];
    if (c < '0' || c > '9') continue;
    int d = c - '0';
    if (twice) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    twice = !twice;
    ++digits;
  }
  return digits > 0 && sum % 10 == 0;
}

PiiRedactor::PiiRedactor(PiiOptions opts) : opts_(opts) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  re_ = std::make_unique<RE2>(kPattern, options);
}

bool PiiRedactor::Redact(std::string_view text, std::string* out, PiiCounts* counts) const {
  if (!opts_.enabled || !re_->ok()) return false;
  out->clear();
  size_t copied = 0, pos = 0;
  re2::StringPiece groups[kGroups + 1];
  bool changed = false;
  // The line being searched: [.., line_end), and whether it holds a trigger.
  // Kept across the matches of one line, so a long line with many matches
  // is scanned for its end and its triggers once.
  size_t line_end = 0;
  bool line_has_trigger = false;
  while (pos < text.size()) {
    // No kind of match spans a line break, and each contains a digit, '@'
    // or ':' (see kPattern), so only the lines with one of those need the
    // regex. The search still sees the whole text around the line, so \b
    // at the line's ends is judged as before.
    if (pos >= line_end) {
      const size_t nl = text.find('\n', pos);
      line_end = nl == std::string_view::npos ? text.size() : nl;
      line_has_trigger = HasPiiTrigger(text.substr(pos, line_end - pos));
    }
    if (!line_has_trigger ||
        !re_->Match(re2::StringPiece(text.data(), text.size()), pos, line_end, RE2::UNANCHORED, groups,
                    kGroups + 1)) {
      pos = line_end + 1;
      continue;
    }
    const re2::StringPiece whole = groups[0];
    const size_t begin = static_cast<size_t>(whole.data() - text.data());
    const size_t end = begin + whole.size();
    const char* placeholder = nullptr;
    const std::string_view m(whole.data(), whole.size());
    if (groups[1].data() && opts_.email) {
      placeholder = "<EMAIL>";
      ++counts->email;
    } else if (groups[2].data() && opts_.ip && ValidIpv4Context(text, m)) {
      placeholder = "<IP>";
      ++counts->ipv4;
    } else if (groups[3].data() && opts_.ip && ValidIpv6(text, m)) {
      placeholder = "<IP>";
      ++counts->ipv6;
    } else if (groups[4].data() && opts_.card && CountDigits(m) >= 13 && LuhnValid(m)) {
      placeholder = "<CARD>";
      ++counts->card;
    } else if (groups[5].data() && opts_.phone && ValidPhone(m)) {
      placeholder = "<PHONE>";
      ++counts->phone;
    }
    if (placeholder) {
      out->append(text.substr(copied, begin - copied));
      out->append(placeholder);
      copied = end;
      changed = true;
    }
    pos = end > begin ? end : begin + 1;  // empty matches must still advance
  }
  if (changed) out->append(text.substr(copied));
  return changed;
}

FilterVerdict PiiFilter::Apply(Document& doc) const {
  std::string redacted;
  PiiCounts counts;
  if (redactor_.Redact(doc.text(), &redacted, &counts)) doc.set_text(std::move(redacted));
  if (counts.email) doc.Count("pii_email", counts.email);
  if (counts.ipv4) doc.Count("pii_ipv4", counts.ipv4);
  if (counts.ipv6) doc.Count("pii_ipv6", counts.ipv6);
  if (counts.phone) doc.Count("pii_phone", counts.phone);
  if (counts.card) doc.Count("pii_card", counts.card);
  return FilterVerdict::Keep();
}

}  // namespace corpus
