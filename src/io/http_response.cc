#include "corpus/io/http_response.h"

#include <brotli/decode.h>
#include <zlib.h>
#include <zstd.h>

#include <cctype>
#include <cstring>
#include <vector>

#include "corpus/util/ascii.h"

namespace corpus {
namespace {

constexpr size_t kOutChunk = 64 * 1024;

Status TooLarge(size_t max_size) {
  return Status::Aborted("decoded body exceeds " + std::to_string(max_size) + " bytes");
}

// Appends room for the next piece of decoded output: up to kOutChunk bytes,
// fewer near `max_size`; sets *chunk to where it starts and *room to its size.
// kAborted (TooLarge) when `out` already holds `max_size` bytes. The caller
// shrinks `out` by what the decoder left unused.
Status NextOutChunk(std::string* out, size_t max_size, char** chunk, size_t* room) {
  const size_t old = out->size();
  if (old >= max_size) return TooLarge(max_size);
  *room = std::min(kOutChunk, max_size - old);
  out->resize(old + *room);
  *chunk = out->data() + old;
  return Status::OK();
}

// Inflates `in` with zlib; `window_bits` selects the wrapper (see inflateInit2).
// `*cut` is set, and OK returned, when the input ends before the stream does.
Status Inflate(std::string_view in, int window_bits, size_t max_size, std::string* out, bool* cut) {
  z_stream zs;
  std::memset(&zs, 0, sizeof(zs));
  if (inflateInit2(&zs, window_bits) != Z_OK) return Status::Internal("inflateInit2 failed");
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  Status st;
  for (;;) {
    char* chunk = nullptr;
    size_t room = 0;
    if (!(st = NextOutChunk(out, max_size, &chunk, &room)).ok()) break;
    zs.next_out = reinterpret_cast<Bytef*>(chunk);
    zs.avail_out = static_cast<uInt>(room);
    const int rc = inflate(&zs, Z_NO_FLUSH);
    out->resize(out->size() - zs.avail_out);
    if (rc == Z_STREAM_END) {
      // Gzip may carry several members; zlib/raw deflate streams end here,
      // and so does gzip followed by padding that is not another member.
      if (zs.avail_in < 2 || window_bits <= 15 || zs.next_in[0] != 0x1f || zs.next_in[1] != 0x8b) break;
      inflateReset(&zs);
      continue;
    }
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) {
      *cut = true;
      break;
    }
    if (rc != Z_OK && rc != Z_BUF_ERROR) {
      st = Status::Corruption(std::string("bad compressed body: ") + (zs.msg ? zs.msg : "inflate error"));
      break;
    }
  }
  inflateEnd(&zs);
  return st;
}

Status Brotli(std::string_view in, size_t max_size, std::string* out, bool* cut) {
  BrotliDecoderState* s = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
  if (!s) return Status::Internal("BrotliDecoderCreateInstance failed");
  const uint8_t* next_in = reinterpret_cast<const uint8_t*>(in.data());
  size_t avail_in = in.size();
  Status st;
  for (;;) {
    char* chunk = nullptr;
    size_t avail_out = 0;
    if (!(st = NextOutChunk(out, max_size, &chunk, &avail_out)).ok()) break;
    uint8_t* next_out = reinterpret_cast<uint8_t*>(chunk);
    const BrotliDecoderResult rc =
        BrotliDecoderDecompressStream(s, &avail_in, &next_in, &avail_out, &next_out, nullptr);
    out->resize(out->size() - avail_out);
    if (rc == BROTLI_DECODER_RESULT_SUCCESS) break;
    if (rc == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) continue;
    if (rc == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT) {
      *cut = true;
    } else {
      st = Status::Corruption(std::string("bad brotli body: ") +
                              BrotliDecoderErrorString(BrotliDecoderGetErrorCode(s)));
    }
    break;
  }
  BrotliDecoderDestroyInstance(s);
  return st;
}

Status Zstd(std::string_view in, size_t max_size, std::string* out, bool* cut) {
  ZSTD_DCtx* dctx = ZSTD_createDCtx();
  if (!dctx) return Status::Internal("ZSTD_createDCtx failed");
  ZSTD_inBuffer zin{in.data(), in.size(), 0};
  Status st;
  size_t rc = 1;
  while (rc != 0) {
    char* chunk = nullptr;
    size_t room = 0;
    if (!(st = NextOutChunk(out, max_size, &chunk, &room)).ok()) break;
    ZSTD_outBuffer zout{chunk, room, 0};
    rc = ZSTD_decompressStream(dctx, &zout, &zin);
    out->resize(out->size() - (room - zout.pos));
    if (ZSTD_isError(rc)) {
      st = Status::Corruption(std::string("bad zstd body: ") + ZSTD_getErrorName(rc));
      break;
    }
    if (rc != 0 && zin.pos == zin.size && zout.pos < room) {
      *cut = true;
      break;
    }
  }
  ZSTD_freeDCtx(dctx);
  return st;
}

// Optional whitespace of HTTP (RFC 9110 §5.6.3: SP and HTAB).
std::string_view TrimSpace(std::string_view s) { return StripChars(s, " \t"); }

bool LooksLikeMarkup(std::string_view s) {
  const size_t i = s.find_first_not_of(" \t\r\n\f");
  return i != std::string_view::npos && s[i] == '<';
}

// True if the comma-separated `list` names the coding `name`.
bool ListHas(std::string_view list, std::string_view name) {
  while (!list.empty()) {
    const size_t comma = list.find(',');
    if (EqualsIgnoreAsciiCase(TrimSpace(list.substr(0, comma)), name)) return true;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return false;
}

Status DecodeCoding(std::string_view coding, std::string_view in, size_t max_size, std::string* out,
                    bool* cut) {
  out->clear();
  if (coding.empty() || EqualsIgnoreAsciiCase(coding, "identity")) {
    if (in.size() > max_size) return TooLarge(max_size);
    out->assign(in);
    return Status::OK();
  }
  if (EqualsIgnoreAsciiCase(coding, "gzip") || EqualsIgnoreAsciiCase(coding, "x-gzip")) {
    return Inflate(in, 15 + 16, max_size, out, cut);
  }
  if (EqualsIgnoreAsciiCase(coding, "deflate")) {
    // RFC 9110 says zlib-wrapped; many servers send raw deflate instead.
    Status st = Inflate(in, 15, max_size, out, cut);
    if (st.IsCorruption()) {
      out->clear();
      st = Inflate(in, -15, max_size, out, cut);
    }
    return st;
  }
  if (EqualsIgnoreAsciiCase(coding, "br")) return Brotli(in, max_size, out, cut);
  if (EqualsIgnoreAsciiCase(coding, "zstd")) return Zstd(in, max_size, out, cut);
  return Status::InvalidArgument("unsupported content coding: " + std::string(coding));
}

}  // namespace

Status ParseHttpResponseHead(std::string_view message, HttpResponseHead* head) {
  *head = HttpResponseHead();
  size_t eol = message.find('\n');
  std::string_view line = message.substr(0, eol);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  // "HTTP/1.1 200 OK": version, a three-digit status, an optional reason
  // (browser-based archivers write "HTTP/2 200" too).
  if (line.size() < 10 || line.compare(0, 5, "HTTP/") != 0) {
    return Status::InvalidArgument("not an HTTP response status line");
  }
  const size_t sp = line.find(' ');
  if (sp == std::string_view::npos || line.size() < sp + 4) {
    return Status::InvalidArgument("not an HTTP response status line");
  }
  int status = 0;
  for (size_t i = sp + 1; i < sp + 4; ++i) {
    if (!IsAsciiDigit(line[i])) {
      return Status::InvalidArgument("bad HTTP status code");
    }
    status = status * 10 + (line[i] - '0');
  }
  if (line.size() > sp + 4 && line[sp + 4] != ' ') return Status::InvalidArgument("bad HTTP status code");
  head->version = std::string(line.substr(0, sp));
  head->status = status;
  head->reason = std::string(TrimSpace(line.size() > sp + 4 ? line.substr(sp + 5) : std::string_view()));
  if (eol == std::string_view::npos) {
    head->body_offset = message.size();
    return Status::OK();
  }
  // The head ends at the first empty line (CRLF CRLF, or LF LF from lax writers).
  size_t pos = eol + 1;
  size_t end = message.size();
  size_t body = message.size();
  while (pos < message.size()) {
    const size_t nl = message.find('\n', pos);
    if (nl == std::string_view::npos) break;
    const size_t len = nl - pos;
    if (len == 0 || (len == 1 && message[pos] == '\r')) {
      end = pos;
      body = nl + 1;
      break;
    }
    pos = nl + 1;
  }
  ParseHeaderFields(message.substr(eol + 1, end - (eol + 1)), &head->headers);
  head->body_offset = body;
  return Status::OK();
}

Status DecodeChunked(std::string_view in, size_t max_size, std::string* out) {
  out->clear();
  size_t pos = 0;
  for (;;) {
    const size_t nl = in.find('\n', pos);
    if (nl == std::string_view::npos) return Status::Corruption("chunked body is truncated");
    std::string_view size_line = in.substr(pos, nl - pos);
    if (const size_t semi = size_line.find(';'); semi != std::string_view::npos) {
      size_line = size_line.substr(0, semi);  // chunk extensions carry nothing we need
    }
    size_line = TrimSpace(size_line);
    if (!size_line.empty() && size_line.back() == '\r') size_line = TrimSpace(size_line.substr(0, size_line.size() - 1));
    if (size_line.empty() || size_line.size() > 15) return Status::Corruption("bad chunk size line");
    uint64_t size = 0;
    for (char c : size_line) {
      const int digit = IsAsciiDigit(c)                           ? c - '0'
                        : (c >= 'a' && c <= 'f')                   ? c - 'a' + 10
                        : (c >= 'A' && c <= 'F')                   ? c - 'A' + 10
                                                                   : -1;
      if (digit < 0) return Status::Corruption("bad chunk size line");
      size = size * 16 + static_cast<uint64_t>(digit);
    }
    pos = nl + 1;
    if (size == 0) return Status::OK();  // trailer fields, if any, are not needed
    if (size > in.size() - pos) return Status::Corruption("chunked body is truncated");
    if (out->size() + size > max_size) return TooLarge(max_size);
    out->append(in.substr(pos, size));
    pos += size;
    // Each chunk's data ends with CRLF (tolerate a bare LF).
    if (in.compare(pos, 2, "\r\n") == 0) {
      pos += 2;
    } else if (pos < in.size() && in[pos] == '\n') {
      pos += 1;
    } else {
      return Status::Corruption("chunk data not followed by CRLF");
    }
  }
}

Status DecodeContentCoding(std::string_view coding, std::string_view in, size_t max_size,
                           std::string* out) {
  bool cut = false;
  CORPUS_RETURN_IF_ERROR(DecodeCoding(coding, in, max_size, out, &cut));
  if (cut) return Status::Corruption(std::string(coding) + " body is truncated");
  return Status::OK();
}

Status DecodeHttpBody(const HttpResponseHead& head, std::string_view raw, size_t max_size,
                      std::string* payload, bool* truncated) {
  bool cut = false;
  std::string dechunked;
  if (ListHas(FindHeader(head.headers, "Transfer-Encoding"), "chunked")) {
    Status st = DecodeChunked(raw, max_size, &dechunked);
    if (st.code() == Status::Code::kAborted) return st;
    if (st.ok()) raw = dechunked;  // else: stored de-chunked already (see header)
  }
  if (raw.size() > max_size) return TooLarge(max_size);

  std::string_view codings = FindHeader(head.headers, "Content-Encoding");
  std::vector<std::string_view> list;
  while (!codings.empty()) {
    const size_t comma = codings.find(',');
    const std::string_view c = TrimSpace(codings.substr(0, comma));
    if (!c.empty() && !EqualsIgnoreAsciiCase(c, "identity")) list.push_back(c);
    if (comma == std::string_view::npos) break;
    codings.remove_prefix(comma + 1);
  }
  if (list.empty()) {
    payload->assign(raw);
    return Status::OK();
  }
  std::string current(raw);
  std::string next;
  // Codings were applied in the order listed, so they are undone in reverse.
  for (auto it = list.rbegin(); it != list.rend(); ++it) {
    Status st = DecodeCoding(*it, current, max_size, &next, &cut);
    if (!st.ok()) {
      // A declared coding over bytes that are plainly markup: decoded already.
      const bool undecoded = it == list.rbegin();
      if (undecoded && st.code() != Status::Code::kAborted && LooksLikeMarkup(raw)) break;
      return st;
    }
    current.swap(next);
  }
  *payload = std::move(current);
  if (truncated) *truncated = cut;
  return Status::OK();
}

}  // namespace corpus
