#ifndef CORPUS_REPORT_HTML_H_
#define CORPUS_REPORT_HTML_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace corpus {

// Text made safe to put into HTML element content or a quoted attribute
// value (HTML Living Standard, 13.1.2.6 and 13.1.3): & < > " ' become
// character references, invalid UTF-8 becomes U+FFFD, and control
// characters other than tab and newline (which no HTML document may hold raw)
// become U+FFFD too. Thread-safe (pure functions).
void AppendEscapedHtml(std::string* out, std::string_view text);
std::string EscapeHtml(std::string_view text);

// Numbers as the report prints them: "1,234,567"; "12.3k", "4.5M" (three
// significant digits); a double with up to `digits` significant digits.
std::string GroupedNumber(uint64_t n);
std::string CompactNumber(double v);
std::string ShortDouble(double v, int digits = 3);
// "12.5%" of part / whole ("0.0%" when whole is 0).
std::string PercentOf(double part, double whole);

}  // namespace corpus

#endif  // CORPUS_REPORT_HTML_H_
