#ifndef CORPUS_UTIL_JSON_H_
#define CORPUS_UTIL_JSON_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace corpus {

// Appends `s` to `out` as a JSON string literal (with quotes). Invalid UTF-8
// sequences are replaced by U+FFFD so the output is always valid JSON.
void AppendJsonString(std::string* out, std::string_view s);
std::string JsonQuote(std::string_view s);

// Decodes the body of a JSON string literal (`raw` includes the quotes).
// Returns nullopt if `raw` is not a well-formed string literal.
std::optional<std::string> JsonUnquote(std::string_view raw);

// Replaces invalid UTF-8 sequences with U+FFFD. Returns true if `s` changed.
bool SanitizeUtf8(std::string* s);
bool IsValidUtf8(std::string_view s);

// JsonObjectWriter builds one JSON object with fields in insertion order.
// It does not validate `raw` values: callers pass well-formed JSON.
class JsonObjectWriter {
 public:
  JsonObjectWriter& String(std::string_view key, std::string_view value);
  JsonObjectWriter& Int(std::string_view key, int64_t value);
  JsonObjectWriter& Uint(std::string_view key, uint64_t value);
  JsonObjectWriter& Double(std::string_view key, double value);
  JsonObjectWriter& Bool(std::string_view key, bool value);
  JsonObjectWriter& Raw(std::string_view key, std::string_view raw_json);
  JsonObjectWriter& Null(std::string_view key);
  std::string Finish() const { return body_ + "}"; }

 private:
  void Key(std::string_view key);
  std::string body_ = "{";
};

// Formats a double compactly and losslessly enough for stats (up to 6
// significant decimals, no exponent for ordinary values).
std::string FormatJsonDouble(double v);

}  // namespace corpus

#endif  // CORPUS_UTIL_JSON_H_
