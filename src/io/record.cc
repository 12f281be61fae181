#include "corpus/io/record.h"

#include <simdjson.h>

#include <charconv>
#include <cstdlib>
#include <cstring>

#include "corpus/util/json.h"

namespace corpus {
namespace {

// simdjson parsers are expensive to build; one per thread is reused.
simdjson::dom::parser& ThreadParser() {
  thread_local simdjson::dom::parser parser;
  return parser;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Skips a JSON value starting at s[i] (already validated) and returns the
// index just past it.
size_t SkipValue(std::string_view s, size_t i) {
  if (s[i] == '"') {
    // Jump from quote to quote with memchr; a quote is the end unless an odd
    // number of backslashes precedes it. Long text fields make this hot.
    size_t pos = i + 1;
    for (;;) {
      const void* q = pos < s.size() ? std::memchr(s.data() + pos, '"', s.size() - pos) : nullptr;
      if (!q) return s.size();
      const size_t at = static_cast<const char*>(q) - s.data();
      size_t backslashes = 0;
      while (at - backslashes > i + 1 && s[at - backslashes - 1] == '\\') ++backslashes;
      if (backslashes % 2 == 0) return at + 1;
      pos = at + 1;
    }
  }
  if (s[i] == '{' || s[i] == '[') {
    int depth = 0;
    while (i < s.size()) {
      const char c = s[i];
      if (c == '"') {
        i = SkipValue(s, i);
        continue;
      }
      if (c == '{' || c == '[') ++depth;
      if (c == '}' || c == ']') {
        --depth;
        if (depth == 0) return i + 1;
      }
      ++i;
    }
    return i;
  }
  while (i < s.size() && s[i] != ',' && s[i] != '}' && s[i] != ']' && !IsSpace(s[i])) ++i;
  return i;
}

}  // namespace

Status Record::Parse(std::string_view line) {
  // Room for simdjson's padding after the text, so that it parses the line
  // where it is instead of copying it into a padded buffer first.
  line_.reserve(line.size() + simdjson::SIMDJSON_PADDING);
  line_.assign(line);
  fields_.clear();
  edited_ = false;
  // Trim trailing whitespace (a "\r" from CRLF files).
  while (!line_.empty() && IsSpace(line_.back())) line_.pop_back();

  auto& parser = ThreadParser();
  simdjson::dom::element root;
  const auto err = parser.parse(line_).get(root);
  if (err) {
    if (err == simdjson::UTF8_ERROR) return Status::Corruption("invalid UTF-8");
    return Status::Corruption(std::string("invalid JSON: ") + simdjson::error_message(err));
  }
  if (!root.is_object()) return Status::Corruption("not a JSON object");

  // Index top-level fields by byte span; the text is known to be valid JSON.
  std::string_view s(line_);
  size_t i = 0;
  while (i < s.size() && IsSpace(s[i])) ++i;
  ++i;  // '{'
  for (;;) {
    while (i < s.size() && (IsSpace(s[i]) || s[i] == ',')) ++i;
    if (i >= s.size() || s[i] == '}') break;
    const size_t key_start = i;
    const size_t key_end = SkipValue(s, i);
    Field f;
    auto key = JsonUnquote(s.substr(key_start, key_end - key_start));
    f.key = key ? std::move(*key) : std::string();
    i = key_end;
    while (i < s.size() && (IsSpace(s[i]) || s[i] == ':')) ++i;
    const size_t value_start = i;
    const size_t value_end = SkipValue(s, i);
    f.value_begin = value_start;
    f.value_len = value_end - value_start;
    f.raw_begin = key_start;
    f.raw_len = value_end - key_start;
    for (const Field& other : fields_) {
      if (other.key == f.key) return Status::Corruption("duplicate key " + f.key);
    }
    fields_.push_back(std::move(f));
    i = value_end;
  }
  return Status::OK();
}

Record::Field* Record::Find(std::string_view key) {
  for (Field& f : fields_) {
    if (!f.removed && f.key == key) return &f;
  }
  return nullptr;
}

const Record::Field* Record::Find(std::string_view key) const {
  for (const Field& f : fields_) {
    if (!f.removed && f.key == key) return &f;
  }
  return nullptr;
}

bool Record::Has(std::string_view key) const { return Find(key) != nullptr; }

std::optional<std::string_view> Record::GetRaw(std::string_view key) const {
  const Field* f = Find(key);
  if (!f) return std::nullopt;
  if (!f->edited.empty()) {
    std::string_view e(f->edited);
    return e.substr(e.find(':', JsonQuote(f->key).size()) + 1);
  }
  return std::string_view(line_).substr(f->value_begin, f->value_len);
}

std::optional<std::string> Record::GetString(std::string_view key) const {
  auto raw = GetRaw(key);
  if (!raw || raw->empty() || raw->front() != '"') return std::nullopt;
  return JsonUnquote(*raw);
}

std::optional<int64_t> Record::GetInt(std::string_view key) const {
  auto raw = GetRaw(key);
  if (!raw) return std::nullopt;
  int64_t v = 0;
  const auto [ptr, ec] = std::from_chars(raw->data(), raw->data() + raw->size(), v);
  if (ec != std::errc() || ptr != raw->data() + raw->size()) return std::nullopt;
  return v;
}

std::optional<double> Record::GetDouble(std::string_view key) const {
  auto raw = GetRaw(key);
  if (!raw || raw->empty()) return std::nullopt;
  std::string tmp(*raw);
  char* end = nullptr;
  const double v = std::strtod(tmp.c_str(), &end);
  if (end != tmp.c_str() + tmp.size()) return std::nullopt;
  return v;
}

void Record::SetRaw(std::string_view key, std::string_view raw_json) {
  edited_ = true;
  std::string text = JsonQuote(key);
  text.push_back(':');
  text.append(raw_json);
  if (Field* f = Find(key)) {
    f->edited = std::move(text);
    return;
  }
  Field f;
  f.key.assign(key);
  f.edited = std::move(text);
  fields_.push_back(std::move(f));
}

void Record::SetString(std::string_view key, std::string_view value) {
  SetRaw(key, JsonQuote(value));
}

void Record::SetInt(std::string_view key, int64_t value) { SetRaw(key, std::to_string(value)); }

void Record::SetDouble(std::string_view key, double value) {
  SetRaw(key, FormatJsonDouble(value));
}

void Record::Remove(std::string_view key) {
  if (Field* f = Find(key)) {
    f->removed = true;
    edited_ = true;
  }
}

void Record::SerializeTo(std::string* out) const {
  if (!edited_) {
    out->append(line_);
    return;
  }
  out->push_back('{');
  bool first = true;
  for (const Field& f : fields_) {
    if (f.removed) continue;
    if (!first) out->push_back(',');
    first = false;
    if (!f.edited.empty()) {
      out->append(f.edited);
    } else {
      out->append(line_, f.raw_begin, f.raw_len);
    }
  }
  out->push_back('}');
}

std::string Record::Serialize() const {
  std::string out;
  SerializeTo(&out);
  return out;
}

std::vector<std::string> Record::Keys() const {
  std::vector<std::string> keys;
  for (const Field& f : fields_) {
    if (!f.removed) keys.push_back(f.key);
  }
  return keys;
}

std::string RejectJson(std::string_view stage, std::string_view rule, std::string_view value_json) {
  return JsonObjectWriter()
      .String("stage", stage)
      .String("rule", rule)
      .Raw("value", value_json.empty() ? std::string_view("null") : value_json)
      .Finish();
}

std::string MalformedRecordJson(std::string_view stage, std::string_view reason,
                                std::string_view file, uint64_t line_number,
                                std::string_view raw_line) {
  return JsonObjectWriter()
      .Raw("reject", RejectJson(stage, "malformed", JsonQuote(reason)))
      .String("file", file)
      .Uint("line", line_number)
      .String("raw", raw_line)
      .Finish();
}

}  // namespace corpus
