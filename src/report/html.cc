#include "corpus/report/html.h"

#include <cmath>
#include <cstdio>

#include "corpus/text/text_units.h"

namespace corpus {

namespace {

// The entity that stands for `c` in HTML text and attribute values, or
// nullptr when `c` needs none.
const char* HtmlEntity(char32_t c) {
  switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&#39;";
    default: return nullptr;
  }
}

}  // namespace

void AppendEscapedHtml(std::string* out, std::string_view text) {
  out->reserve(out->size() + text.size());
  size_t i = 0;
  while (i < text.size()) {
    const size_t start = i;
    const char32_t c = NextCodePoint(text, &i);
    if (const char* entity = HtmlEntity(c)) {
      *out += entity;
      continue;
    }
    if (c == '\t' || c == '\n') {
      out->push_back(static_cast<char>(c));
      continue;
    }
    // NextCodePoint yields U+FFFD for an invalid sequence; a real U+FFFD in
    // the text is three bytes, which are copied as they are.
    const bool invalid = c == 0xFFFD && i - start != 3;
    const bool control = c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0);
    if (invalid || control) {
      *out += "\xEF\xBF\xBD";
    } else {
      out->append(text.substr(start, i - start));
    }
  }
}

std::string EscapeHtml(std::string_view text) {
  std::string out;
  AppendEscapedHtml(&out, text);
  return out;
}

std::string GroupedNumber(uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string ShortDouble(double v, int digits) {
  if (!std::isfinite(v)) return "n/a";
  if (v == std::floor(v) && std::fabs(v) < 1e15) {
    char buf[32];
    std::snprintf(buf, sizeof(buf), "%.0f", v);
    return buf;
  }
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.*g", digits, v);
  return buf;
}

std::string CompactNumber(double v) {
  const double a = std::fabs(v);
  const char* suffix = "";
  double scaled = v;
  if (a >= 1e9) {
    scaled = v / 1e9;
    suffix = "G";
  } else if (a >= 1e6) {
    scaled = v / 1e6;
    suffix = "M";
  } else if (a >= 1e4) {
    scaled = v / 1e3;
    suffix = "k";
  }
  return ShortDouble(scaled, 3) + suffix;
}

std::string PercentOf(double part, double whole) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.1f%%", whole > 0 ? 100.0 * part / whole : 0.0);
  return buf;
}

}  // namespace corpus
