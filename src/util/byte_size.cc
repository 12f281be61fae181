#include "corpus/util/byte_size.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "corpus/util/ascii.h"

namespace corpus {
namespace {

// Splits "12.5 MiB" into 12.5 and "mib" (lowercased, spaces dropped).
bool SplitNumber(const std::string& text, double* number, std::string* unit) {
  size_t i = 0;
  while (i < text.size() && (IsAsciiDigit(text[i]) || text[i] == '.')) ++i;
  if (i == 0) return false;
  char* end = nullptr;
  const std::string digits = text.substr(0, i);
  *number = std::strtod(digits.c_str(), &end);
  if (end != digits.c_str() + digits.size()) return false;
  unit->clear();
  for (size_t k = i; k < text.size(); ++k) {
    if (text[k] != ' ') unit->push_back(AsciiLower(text[k]));
  }
  return true;
}

// A unit a number may carry and what it multiplies the number by.
struct Unit {
  std::string_view name;  // lowercase; "" for a bare number
  double factor;
};

constexpr Unit kSizeUnits[] = {
    {"", 1},          {"b", 1},
    {"k", 1024.0},    {"kib", 1024.0},
    {"m", 1024.0 * 1024},             {"mib", 1024.0 * 1024},
    {"g", 1024.0 * 1024 * 1024},      {"gib", 1024.0 * 1024 * 1024},
    {"t", 1024.0 * 1024 * 1024 * 1024}, {"tib", 1024.0 * 1024 * 1024 * 1024},
    {"kb", 1e3},      {"mb", 1e6},      {"gb", 1e9},      {"tb", 1e12},
};

constexpr Unit kDurationUnits[] = {
    {"", 1000}, {"s", 1000}, {"ms", 1}, {"m", 60000}, {"min", 60000}, {"h", 3600000},
};

// Parses "<number> <unit>" with one of `units`: the number times the unit's
// factor. `what` names the quantity and `hint` the units in error messages.
template <size_t N>
Status ParseWithUnit(const std::string& text, const Unit (&units)[N], const std::string& what,
                     const char* hint, double* value) {
  double number;
  std::string unit;
  if (!SplitNumber(text, &number, &unit)) return Status::InvalidArgument("not a " + what + ": '" + text + "'");
  for (const Unit& u : units) {
    if (unit == u.name) {
      *value = number * u.factor;
      return Status::OK();
    }
  }
  return Status::InvalidArgument("unknown " + what + " unit in '" + text + "' (use " + hint + ")");
}

}  // namespace

Status ParseByteSize(const std::string& text, uint64_t* bytes) {
  double v = 0;
  CORPUS_RETURN_IF_ERROR(ParseWithUnit(text, kSizeUnits, "size", "KiB, MiB, GiB, kB, MB, GB", &v));
  if (!(v >= 1) || v > 1.8e19) return Status::InvalidArgument("size out of range: '" + text + "'");
  *bytes = static_cast<uint64_t>(std::llround(v));
  return Status::OK();
}

Status ParseDurationMs(const std::string& text, int64_t* ms) {
  double v = 0;
  CORPUS_RETURN_IF_ERROR(ParseWithUnit(text, kDurationUnits, "duration", "ms, s, m, h", &v));
  *ms = std::llround(v);
  return Status::OK();
}

std::string FormatScaled(double v, const std::array<const char*, 4>& formats) {
  char buf[64];
  if (v >= 1e9) {
    std::snprintf(buf, sizeof(buf), formats[0], v / 1e9);
  } else if (v >= 1e6) {
    std::snprintf(buf, sizeof(buf), formats[1], v / 1e6);
  } else if (v >= 1e3) {
    std::snprintf(buf, sizeof(buf), formats[2], v / 1e3);
  } else {
    std::snprintf(buf, sizeof(buf), formats[3], v);
  }
  return buf;
}

}  // namespace corpus
