#ifndef CORPUS_IO_HTTP_RESPONSE_H_
#define CORPUS_IO_HTTP_RESPONSE_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "corpus/io/header_fields.h"
#include "corpus/util/status.h"

namespace corpus {

// The head of an HTTP/1.x response as archived in a WARC `response` record
// (WARC 1.1 §6.3): status line and header fields. The body follows at
// `body_offset` in the parsed block, still in its transfer and content
// codings; DecodeHttpBody() removes them.
struct HttpResponseHead {
  std::string version;  // "HTTP/1.1"
  int status = 0;
  std::string reason;
  HeaderFields headers;
  size_t body_offset = 0;
};

// Parses the status line and header fields at the start of `message`. A
// message without the blank line that ends the head is all head and has an
// empty body. InvalidArgument when the start line is not "HTTP/x.y NNN ...".
Status ParseHttpResponseHead(std::string_view message, HttpResponseHead* head);

// Recovers the payload a client would see from a raw body: undoes
// "Transfer-Encoding: chunked" (RFC 9112 §7.1), then each coding of
// Content-Encoding in reverse order (gzip/x-gzip, deflate, br, zstd; RFC 9110
// §8.4). Archives disagree on whether they store the wire bytes or the
// decoded payload:
//   - Common Crawl decodes the body and renames the headers to
//     X-Crawler-Transfer-Encoding / X-Crawler-Content-Encoding, so renamed
//     headers are informational and ignored here;
//   - some writers keep "chunked" but store the body de-chunked: a body that
//     does not parse as chunks is taken as it is (as warcio does);
//   - likewise a body declared gzip that is not gzip but already looks like
//     markup (starts with '<' after whitespace) is taken as it is.
// A compressed body cut short (a writer's length limit, a truncated file)
// yields what decodes, as a browser shows it, with *truncated set. Other
// decoding failures give Corruption; a payload over `max_size` bytes gives
// Aborted (the caller counts it as too large). Decompression stops at the
// cap, so a compression bomb costs at most `max_size` bytes of memory.
Status DecodeHttpBody(const HttpResponseHead& head, std::string_view raw, size_t max_size,
                      std::string* payload, bool* truncated = nullptr);

// The chunked transfer coding alone. Corruption when `in` is not well-formed
// chunks (a missing last chunk counts as truncation).
Status DecodeChunked(std::string_view in, size_t max_size, std::string* out);

// One content coding: "gzip", "x-gzip", "deflate" (zlib or, as some servers
// send it, raw), "br", "zstd", "identity". InvalidArgument for others.
Status DecodeContentCoding(std::string_view coding, std::string_view in, size_t max_size,
                           std::string* out);

}  // namespace corpus

#endif  // CORPUS_IO_HTTP_RESPONSE_H_
