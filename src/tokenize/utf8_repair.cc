#include "corpus/tokenize/utf8_repair.h"

#include "corpus/util/json.h"

namespace corpus {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Length of the well-formed sequence at `i`, or 0; `*consumed` is then the
// maximal subpart to replace (at least 1).
size_t SequenceAt(std::string_view s, size_t i, size_t* consumed) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  size_t need;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c < 0x80) {
    return 1;
  } else if (c >= 0xC2 && c <= 0xDF) {
    need = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    *consumed = 1;
    return 0;
  }
  size_t k = 1;
  for (; k < need && i + k < s.size(); ++k) {
    const unsigned char b = byte(i + k);
    const bool ok = k == 1 ? (b >= lo && b <= hi) : (b >= 0x80 && b <= 0xBF);
    if (!ok) break;
  }
  if (k == need) return need;
  *consumed = k;
  return 0;
}

}  // namespace

bool RepairUtf8(std::string_view text, std::string* out) {
  if (IsValidUtf8(text)) return false;
  std::string r;
  r.reserve(text.size() + 16);
  size_t i = 0;
  while (i < text.size()) {
    size_t consumed = 0;
    const size_t len = SequenceAt(text, i, &consumed);
    if (len > 0) {
      r.append(text.substr(i, len));
      i += len;
    } else {
      r += kReplacement;
      i += consumed;
    }
  }
  *out = std::move(r);
  return true;
}

}  // namespace corpus
