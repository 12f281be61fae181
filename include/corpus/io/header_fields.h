#ifndef CORPUS_IO_HEADER_FIELDS_H_
#define CORPUS_IO_HEADER_FIELDS_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace corpus {

// Named fields ("Name: value" lines) as WARC record headers and HTTP
// messages share them (WARC 1.1 §4 defers to the HTTP/1.1 field syntax).
// Names keep their case as written; lookups ignore case.
using HeaderFields = std::vector<std::pair<std::string, std::string>>;

// Parses `text`, the lines after a start line and before the blank line.
// Lines end in CRLF or a bare LF; a line starting with a space or tab
// continues the previous value (obsolete line folding, RFC 9112 §5.2);
// values are trimmed; a line without ':' is ignored, as lenient readers do.
void ParseHeaderFields(std::string_view text, HeaderFields* fields);

// The first value of field `name` (case-insensitive), or "" if absent.
std::string_view FindHeader(const HeaderFields& fields, std::string_view name);

}  // namespace corpus

#endif  // CORPUS_IO_HEADER_FIELDS_H_
