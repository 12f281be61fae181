#include "corpus/util/rfc3339.h"

#include <cstdio>

namespace corpus {

std::string FormatRfc3339(std::time_t t) {
  std::tm tm;
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string NowRfc3339() { return FormatRfc3339(std::time(nullptr)); }

bool ParseRfc3339(std::string_view text, int64_t* seconds) {
  const std::string s(text);  // sscanf needs a terminated string
  std::tm tm{};
  int consumed = 0;
  bool parsed = false;
  for (const char* format : {"%4d-%2d-%2dT%2d:%2d:%2d%n", "%4d-%2d-%2dt%2d:%2d:%2d%n",
                             "%4d-%2d-%2d %2d:%2d:%2d%n"}) {
    if (std::sscanf(s.c_str(), format, &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
                    &tm.tm_min, &tm.tm_sec, &consumed) == 6) {
      parsed = true;
      break;
    }
  }
  if (!parsed || tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 || tm.tm_mday > 31 ||
      tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 60) {
    return false;
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  int64_t t = static_cast<int64_t>(timegm(&tm));
  size_t i = static_cast<size_t>(consumed);
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  }
  // §5.6 time-numoffset: local time = UTC + offset, so UTC = local - offset.
  if (i + 6 <= s.size() && (s[i] == '+' || s[i] == '-')) {
    int hh = 0, mm = 0;
    if (std::sscanf(s.c_str() + i + 1, "%2d:%2d", &hh, &mm) == 2) {
      const int64_t offset = hh * 3600 + mm * 60;
      t += s[i] == '+' ? -offset : offset;
    }
  }
  *seconds = t;
  return true;
}

}  // namespace corpus
