#ifndef CORPUS_CRAWL_FETCHER_H_
#define CORPUS_CRAWL_FETCHER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "corpus/crawl/http_capture.h"

namespace corpus {

// Why a fetch produced no usable response. The names are the crawl's reject
// rules.
enum class FetchError {
  kNone,
  kDns,             // "dns": the name did not resolve
  kConnect,         // "connect": refused or unreachable
  kTimeout,         // "timeout": connect or total timeout
  kPrivateAddress,  // "private_address": resolved to a refused address
  kNotHtml,         // "not_html": stopped after the headers
  kTls,             // "tls"
  kRedirectLimit,   // "redirect_limit" (robots.txt, whose redirects curl follows)
  kNetwork,         // "network": anything else
};
const char* FetchErrorRule(FetchError e);

struct FetchRequest {
  uint64_t tag = 0;  // the caller's handle, returned in the result
  std::string url;
  // robots.txt and sitemaps: any content type, curl follows up to 5 redirects
  // (RFC 9309 §2.3.1.2). Pages: no automatic redirects, HTML only.
  bool auxiliary = false;
  std::string if_none_match;
  std::string if_modified_since;
};

struct FetchResult {
  uint64_t tag = 0;
  FetchError error = FetchError::kNone;
  std::string error_text;  // curl's message
  int status = 0;
  std::string effective_url;  // after curl's redirects (auxiliary fetches)
  std::string content_type;
  std::string etag;
  std::string last_modified;
  std::string location;
  std::string retry_after;
  std::string x_robots_tag;
  std::string body;  // decoded (gzip/brotli) bytes, at most max_body
  bool truncated = false;
  uint64_t wire_bytes = 0;  // bytes received before decoding
  // With Options::capture_exchanges: the requests and responses as they
  // crossed the wire (several when curl followed redirects).
  std::vector<HttpExchange> exchanges;
};

// Fetcher runs HTTP requests concurrently on one libcurl multi handle
//: keep-alive connections and the DNS cache are shared
// by all requests, HTTP/2 is negotiated over TLS where offered, gzip/brotli
// are decoded (so the body cap counts decoded bytes and stops a gzip bomb),
// every connection's resolved address is checked against the private-address
// policy. It does no scheduling: the crawler decides what to start and when.
// Not thread-safe; used from the crawler's loop thread, except Wakeup().
class Fetcher {
 public:
  struct Options {
    std::string user_agent;
    uint64_t max_body_bytes = 10ull << 20;
    int timeout_ms = 30000;
    int connect_timeout_ms = 10000;
    bool allow_private_networks = false;
    int max_connections = 64;
    // Requests the crawler may have in flight to one host: with
    // `max_connections`, how many keep-alive connections are worth keeping
    // open (see Fetcher::Fetcher).
    int max_connections_per_host = 1;
    // Keep each fetch's raw request and response bytes (for `--warc`).
    bool capture_exchanges = false;
  };

  explicit Fetcher(Options options);
  ~Fetcher();
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  void Start(FetchRequest request);
  // Drives transfers, waiting up to `timeout_ms` for activity, and appends
  // finished fetches to `done`.
  void Poll(int timeout_ms, std::vector<FetchResult>* done);
  // Ends the wait of a Poll() running now or the next one, at once.
  // Thread-safe: for other threads with news for the loop.
  void Wakeup();
  size_t active() const { return active_; }

  struct Transfer;

 private:
  Options options_;
  void* multi_ = nullptr;  // CURLM*
  size_t active_ = 0;
  std::unordered_set<Transfer*> transfers_;
  std::vector<void*> idle_handles_;  // CURL* of finished fetches, reset, for reuse
};

}  // namespace corpus

#endif  // CORPUS_CRAWL_FETCHER_H_
