#include "corpus/util/byte_size.h"

#include <cmath>
#include <cstdlib>

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

}  // namespace

Status ParseByteSize(const std::string& text, uint64_t* bytes) {
  double number;
  std::string unit;
  if (!SplitNumber(text, &number, &unit)) return Status::InvalidArgument("not a size: '" + text + "'");
  double mult = 0;
  if (unit.empty() || unit == "b") mult = 1;
  else if (unit == "k" || unit == "kib") mult = 1024.0;
  else if (unit == "m" || unit == "mib") mult = 1024.0 * 1024;
  else if (unit == "g" || unit == "gib") mult = 1024.0 * 1024 * 1024;
  else if (unit == "t" || unit == "tib") mult = 1024.0 * 1024 * 1024 * 1024;
  else if (unit == "kb") mult = 1e3;
  else if (unit == "mb") mult = 1e6;
  else if (unit == "gb") mult = 1e9;
  else if (unit == "tb") mult = 1e12;
  else return Status::InvalidArgument("unknown size unit in '" + text + "' (use KiB, MiB, GiB, kB, MB, GB)");
  const double v = number * mult;
  if (!(v >= 1) || v > 1.8e19) return Status::InvalidArgument("size out of range: '" + text + "'");
  *bytes = static_cast<uint64_t>(std::llround(v));
  return Status::OK();
}

Status ParseDurationMs(const std::string& text, int64_t* ms) {
  double number;
  std::string unit;
  if (!SplitNumber(text, &number, &unit)) return Status::InvalidArgument("not a duration: '" + text + "'");
  double mult = 0;
  if (unit.empty() || unit == "s") mult = 1000;
  else if (unit == "ms") mult = 1;
  else if (unit == "m" || unit == "min") mult = 60000;
  else if (unit == "h") mult = 3600000;
  else return Status::InvalidArgument("unknown duration unit in '" + text + "' (use ms, s, m, h)");
  *ms = std::llround(number * mult);
  return Status::OK();
}

}  // namespace corpus
