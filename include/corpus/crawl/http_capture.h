#ifndef CORPUS_CRAWL_HTTP_CAPTURE_H_
#define CORPUS_CRAWL_HTTP_CAPTURE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace corpus {

// One HTTP request and its response as they crossed the wire, for a WARC
// `request` / `response` pair (WARC 1.1 §6.5, §6.3).
struct HttpExchange {
  std::string target_uri;
  std::string ip_address;  // of the server, as connected to; "" if unknown
  int64_t unix_seconds = 0;  // when the request was sent
  std::string request;     // request line and header fields, as sent
  // Status line, header fields and body as received: still in their transfer
  // coding (chunked) and content coding (gzip, br, ...). For HTTP/2, curl's
  // HTTP/1-style rendering of the header fields.
  std::string response;
  bool cut = false;  // response bytes past the capture limit were dropped
};

// HttpCapture records the exchanges of one libcurl transfer through its
// debug callback (CURLOPT_DEBUGFUNCTION), which sees the request header
// block as sent (CURLINFO_HEADER_OUT), the response header lines
// (CURLINFO_HEADER_IN) and the body bytes before curl undoes the chunked and
// content codings (CURLINFO_DATA_IN); what the write callback gets stays
// decoded. Redirects curl follows, and a request curl repeats on a fresh
// connection, make one exchange per request that got a response.
//
// Not thread-safe; owned by the transfer it is attached to.
class HttpCapture {
 public:
  HttpCapture() = default;
  HttpCapture(const HttpCapture&) = delete;
  HttpCapture& operator=(const HttpCapture&) = delete;

  // Installs the callback on `easy` (a CURL*). `url` is the first request's
  // target; response bytes beyond `max_response_bytes` per exchange are
  // dropped (the crawler caps bodies anyway). REQUIRES: called before the
  // transfer starts; `this` outlives it.
  void Attach(void* easy, std::string url, uint64_t max_response_bytes);
  bool attached() const { return easy_ != nullptr; }

  // The exchanges that got (part of) a response, in order.
  std::vector<HttpExchange> Take();

  // The libcurl debug callback; public for the C linkage of the setopt.
  void OnDebug(int type, const char* data, size_t size);

 private:
  void FinishCurrent();

  void* easy_ = nullptr;
  uint64_t max_response_bytes_ = 0;
  bool open_ = false;  // `current_` holds a request
  HttpExchange current_;
  std::vector<HttpExchange> done_;
};

}  // namespace corpus

#endif  // CORPUS_CRAWL_HTTP_CAPTURE_H_
