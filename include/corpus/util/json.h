#ifndef CORPUS_UTIL_JSON_H_
#define CORPUS_UTIL_JSON_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
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
// The number of leading bytes of `s` below 0x80 (plain ASCII); s.size() when
// `s` is all ASCII. Looks at eight bytes at a time.
size_t AsciiPrefixLength(std::string_view s);

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
  // Makes room for `raw_size` more bytes of output, so a large value (a
  // page's HTML) goes in without the buffer growing and copying itself.
  JsonObjectWriter& Reserve(size_t raw_size) {
    body_.reserve(body_.size() + raw_size);
    return *this;
  }
  std::string Finish() const& { return body_ + "}"; }
  // The object without copying it: `std::move(writer).Finish()`.
  std::string Finish() && {
    body_.push_back('}');
    return std::move(body_);
  }

 private:
  void Key(std::string_view key);
  std::string body_ = "{";
};

// Formats a double compactly and losslessly enough for stats (up to 6
// significant decimals, no exponent for ordinary values).
std::string FormatJsonDouble(double v);

}  // namespace corpus

#endif  // CORPUS_UTIL_JSON_H_
