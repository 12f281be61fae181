#include "corpus/url/idna.h"

#include <utf8proc.h>

#include <cstdint>
#include <cstdlib>
#include <vector>

namespace corpus {
namespace {

// RFC 3492 §5 parameters of Punycode.
constexpr uint32_t kBase = 36, kTMin = 1, kTMax = 26, kSkew = 38, kDamp = 700;
constexpr uint32_t kInitialBias = 72, kInitialN = 128;

char EncodeDigit(uint32_t d) { return static_cast<char>(d < 26 ? 'a' + d : '0' + (d - 26)); }

// §6.1 bias adaptation.
uint32_t Adapt(uint32_t delta, uint32_t num_points, bool first_time) {
  delta = first_time ? delta / kDamp : delta / 2;
  delta += delta / num_points;
  uint32_t k = 0;
  while (delta > ((kBase - kTMin) * kTMax) / 2) {
    delta /= kBase - kTMin;
    k += kBase;
  }
  return k + (((kBase - kTMin + 1) * delta) / (delta + kSkew));
}

// §6.3 encoding procedure for one label of code points.
bool PunycodeEncode(const std::vector<uint32_t>& input, std::string* out) {
  uint32_t n = kInitialN, delta = 0, bias = kInitialBias;
  uint32_t basic = 0;
  for (uint32_t c : input) {
    if (c < 0x80) {
      out->push_back(static_cast<char>(c));
      ++basic;
    }
  }
  uint32_t handled = basic;
  if (basic > 0) out->push_back('-');
  while (handled < input.size()) {
    uint32_t m = UINT32_MAX;
    for (uint32_t c : input) {
      if (c >= n && c < m) m = c;
    }
    if (m - n > (UINT32_MAX - delta) / (handled + 1)) return false;  // overflow
    delta += (m - n) * (handled + 1);
    n = m;
    for (uint32_t c : input) {
      if (c < n && ++delta == 0) return false;
      if (c != n) continue;
      uint32_t q = delta;
      for (uint32_t k = kBase;; k += kBase) {
        uint32_t t = k <= bias ? kTMin : (k >= bias + kTMax ? kTMax : k - bias);
        if (q < t) break;
        out->push_back(EncodeDigit(t + (q - t) % (kBase - t)));
        q = (q - t) / (kBase - t);
      }
      out->push_back(EncodeDigit(q));
      bias = Adapt(delta, handled + 1, handled == basic);
      delta = 0;
      ++handled;
    }
    ++delta;
    ++n;
  }
  return true;
}

}  // namespace

bool HostToAscii(std::string_view utf8_host, std::string* ascii_host) {
  utf8proc_uint8_t* mapped = nullptr;
  utf8proc_ssize_t len = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(utf8_host.data()),
      static_cast<utf8proc_ssize_t>(utf8_host.size()), &mapped,
      static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                     UTF8PROC_IGNORE));
  if (len < 0) return false;
  std::string folded(reinterpret_cast<char*>(mapped), static_cast<size_t>(len));
  std::free(mapped);

  ascii_host->clear();
  size_t start = 0;
  while (start <= folded.size()) {
    size_t dot = folded.find('.', start);
    if (dot == std::string::npos) dot = folded.size();
    std::string_view label(folded.data() + start, dot - start);
    if (label.empty()) return false;
    std::vector<uint32_t> points;
    bool ascii = true;
    for (size_t i = 0; i < label.size();) {
      utf8proc_int32_t cp = 0;
      utf8proc_ssize_t n = utf8proc_iterate(
          reinterpret_cast<const utf8proc_uint8_t*>(label.data() + i),
          static_cast<utf8proc_ssize_t>(label.size() - i), &cp);
      if (n <= 0) return false;
      points.push_back(static_cast<uint32_t>(cp));
      if (cp >= 0x80) ascii = false;
      i += static_cast<size_t>(n);
    }
    if (!ascii_host->empty()) ascii_host->push_back('.');
    if (ascii) {
      ascii_host->append(label);
    } else {
      ascii_host->append("xn--");
      if (!PunycodeEncode(points, ascii_host)) return false;
    }
    start = dot + 1;
  }
  return true;
}

}  // namespace corpus
