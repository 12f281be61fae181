#include "corpus/io/header_fields.h"


#include "corpus/util/ascii.h"

namespace corpus {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

void ParseHeaderFields(std::string_view text, HeaderFields* fields) {
  fields->clear();
  bool last_ignored = true;  // a continuation after an ignored line is ignored too
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if (line.front() == ' ' || line.front() == '\t') {
      if (!last_ignored) {
        std::string& value = fields->back().second;
        const std::string_view more = Trim(line);
        if (!more.empty()) {
          if (!value.empty()) value.push_back(' ');
          value.append(more);
        }
      }
      continue;
    }
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      last_ignored = true;
      continue;
    }
    fields->emplace_back(std::string(Trim(line.substr(0, colon))), std::string(Trim(line.substr(colon + 1))));
    last_ignored = false;
  }
}

std::string_view FindHeader(const HeaderFields& fields, std::string_view name) {
  for (const auto& [key, value] : fields) {
    if (EqualsIgnoreAsciiCase(key, name)) return value;
  }
  return {};
}

}  // namespace corpus
