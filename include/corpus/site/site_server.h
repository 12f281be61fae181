#ifndef CORPUS_SITE_SITE_SERVER_H_
#define CORPUS_SITE_SITE_SERVER_H_

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "corpus/util/status.h"

namespace corpus {

// A small HTTP/1.1 server (cpp-httplib) that serves a site folder on loopback
// addresses, one address per host name, all on one port. It is the built-in
// website of `make demo` (tools/site_server.cc) and, in process, the fixture of
// the crawler tests: tests add dynamic handlers (slow, hanging, huge bodies,
// 429/503, charsets) and read the request log to check politeness.
//
// Site folder layout:
//   hosts.txt      "news.test 127.0.0.2" per line (# comments): host -> address
//   redirects.txt  "news.test /old-path 301 /new-path" per line: host, path,
//                  status (301/302/307/308), target (a path or an absolute URL)
//   headers.txt    "news.test /page.html Content-Type text/html; charset=x" per
//                  line: host, path, header name, value (rest of the line);
//                  replaces or adds a response header of that static file
//   <host>/...     static files of that host; "/dir/" serves "dir/index.html"
// Absolute links inside pages may write "{{host:blog.test}}" which is served as
// "127.0.0.3:PORT", so the pages work on any port.
// Static files get ETag and Last-Modified and honour If-None-Match /
// If-Modified-Since with 304. The folder part is SiteFolder (site_folder.h).

// One request as seen by a dynamic handler.
struct SiteRequest {
  std::string address;  // local address it arrived on: "127.0.0.2"
  std::string host;     // host name of that address from hosts.txt, else the address
  std::string method;
  std::string path;     // raw request path without the query: "/a%20b"
  std::string query;    // raw query without "?"; empty when absent
  std::map<std::string, std::string> headers;  // names lowercased
};

// What a dynamic handler answers.
struct SiteResponse {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;  // e.g. {"Retry-After", "2"}
  std::string content_type = "text/html; charset=utf-8";
  std::string body;  // sent as is (may be pre-compressed; set Content-Encoding then)
  // Wait this long before sending anything (slow server).
  std::chrono::milliseconds delay{0};
  // Never answer: the connection stays open until the server stops.
  bool hang = false;
  // When > 0, the body is instead `generated_body_bytes` bytes of filler HTML
  // streamed in chunks (a huge body that costs the server no memory); each
  // chunk waits `chunk_delay` first (a slow drip).
  size_t generated_body_bytes = 0;
  std::chrono::milliseconds chunk_delay{0};
};

using SiteHandler = std::function<SiteResponse(const SiteRequest&)>;

// One line of the request log. An entry is added when the response is ready,
// before it is sent, so a client that has its response always finds it.
struct SiteLogEntry {
  // Request parsed and routed: after its headers arrived, so it can lag the
  // client's send by the server's scheduling latency.
  std::chrono::steady_clock::time_point start;
  // Response written to the socket (until then: when the handler finished).
  std::chrono::steady_clock::time_point end;
  std::string address;                          // "127.0.0.2"
  std::string host;                             // "news.test" or the address
  std::string method;
  std::string target;  // path and query as requested: "/a?b=1"
  int status = 0;
  std::map<std::string, std::string> headers;  // request headers, names lowercased
};

class SiteServer {
 public:
  struct Options {
    // Site folder as described above; empty = dynamic handlers only.
    std::string site_dir;
    // Addresses to listen on; empty = every address of hosts.txt, or
    // {"127.0.0.2"} without a site folder.
    std::vector<std::string> addresses;
    // 0 = pick a free port (the same one on every address).
    int port = 0;
    // Extra host-name -> address pairs (used with dynamic handlers).
    std::map<std::string, std::string> hosts;
    // Worker threads per address; each open keep-alive connection or
    // hanging request holds one.
    size_t threads_per_address = 8;
    // Keep the request log (tests); a long-running server turns it off so
    // memory stays flat, and only counts requests.
    bool keep_request_log = true;
    // Let httplib compress text responses (brotli at its default quality 11,
    // else gzip) for clients that send Accept-Encoding. Off, every body goes
    // out as is, so a benchmark's server costs little CPU and every crawler
    // gets the same bytes whatever it accepts.
    bool compress = true;
  };

  explicit SiteServer(Options options);
  ~SiteServer();  // stops
  SiteServer(const SiteServer&) = delete;
  SiteServer& operator=(const SiteServer&) = delete;

  // Reads hosts.txt and redirects.txt, binds every address and starts serving
  // in background threads. Error when an address cannot be bound.
  Status Start();
  // Stops listening, wakes hanging handlers, joins the threads. Idempotent.
  void Stop();

  int port() const { return port_; }
  const std::vector<std::string>& addresses() const { return addresses_; }
  // "http://127.0.0.2:PORT" for an address or a host name of hosts.txt.
  std::string BaseUrl(const std::string& address_or_host) const;
  // The host name of an address from hosts.txt / Options::hosts, else the address.
  std::string HostName(const std::string& address) const;

  // Dynamic handlers, checked before static files. `address_or_host` empty
  // matches every address; `path` is matched exactly against the request path
  // (without query), or as a prefix when it ends with '*'. Later additions win.
  void Handle(const std::string& address_or_host, const std::string& path, SiteHandler handler);

  // A copy of the log so far, in the order responses became ready.
  std::vector<SiteLogEntry> RequestLog() const;
  // Only the entries of one address or host name, optionally one target.
  std::vector<SiteLogEntry> RequestLogFor(const std::string& address_or_host,
                                          const std::string& target = "") const;
  void ClearLog();
  // Requests answered so far (counted whether or not the log is kept).
  size_t requests_served() const;

  // A gzip stream that inflates to `uncompressed_bytes` zero bytes (a gzip bomb
  // for body-cap tests; compresses about 1000:1). Serve with Content-Encoding: gzip.
  static std::string GzipBomb(size_t uncompressed_bytes);

  class Impl;

 private:
  std::unique_ptr<Impl> impl_;
  int port_ = 0;
  std::vector<std::string> addresses_;
};

}  // namespace corpus

#endif  // CORPUS_SITE_SITE_SERVER_H_
