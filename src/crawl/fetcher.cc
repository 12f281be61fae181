#include "corpus/crawl/fetcher.h"

#include <curl/curl.h>
#include <sys/resource.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <mutex>
#include <string_view>

#include "corpus/crawl/address_policy.h"

namespace corpus {

const char* FetchErrorRule(FetchError e) {
  switch (e) {
    case FetchError::kNone: return "ok";
    case FetchError::kDns: return "dns";
    case FetchError::kConnect: return "connect";
    case FetchError::kTimeout: return "timeout";
    case FetchError::kPrivateAddress: return "private_address";
    case FetchError::kNotHtml: return "not_html";
    case FetchError::kTls: return "tls";
    case FetchError::kRedirectLimit: return "redirect_limit";
    case FetchError::kNetwork: return "network";
  }
  return "network";
}

// State of one request while curl runs it.
struct Fetcher::Transfer {
  CURL* easy = nullptr;
  curl_slist* headers = nullptr;
  FetchRequest request;
  FetchResult result;
  const Fetcher::Options* options = nullptr;
  bool refused_address = false;
  bool stopped_not_html = false;
  bool in_headers = true;
  HttpCapture capture;
};

namespace {

std::once_flag g_curl_init;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return true;
}

// HTML media types (WHATWG MIME sniffing: text/html, application/xhtml+xml).
// A response without Content-Type is kept and left to the charset detector.
bool IsHtmlContentType(std::string_view ct) {
  ct = Trim(ct);
  return ct.empty() || StartsWithNoCase(ct, "text/html") ||
         StartsWithNoCase(ct, "application/xhtml+xml");
}

size_t OnHeader(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<Fetcher::Transfer*>(user);
  const size_t len = size * n;
  std::string_view line(data, len);
  line = Trim(line);
  FetchResult& r = t->result;
  if (StartsWithNoCase(line, "http/")) {
    // A new response (after 100-continue or a redirect curl follows).
    const size_t sp = line.find(' ');
    r.status = sp == std::string_view::npos ? 0 : std::atoi(std::string(line.substr(sp + 1, 3)).c_str());
    r.content_type.clear();
    r.etag.clear();
    r.last_modified.clear();
    r.location.clear();
    r.retry_after.clear();
    r.x_robots_tag.clear();
    t->in_headers = true;
    return len;
  }
  if (line.empty()) {
    t->in_headers = false;
    // Stop early at the end of a final 2xx response that is not HTML.
    if (!t->request.auxiliary && r.status >= 200 && r.status < 300 &&
        !IsHtmlContentType(r.content_type)) {
      t->stopped_not_html = true;
      return 0;
    }
    return len;
  }
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos) return len;
  const std::string_view value = Trim(line.substr(colon + 1));
  const std::string_view name = line.substr(0, colon);
  auto is = [&](std::string_view want) {
    return name.size() == want.size() && StartsWithNoCase(name, want);
  };
  if (is("content-type")) r.content_type = std::string(value);
  else if (is("etag")) r.etag = std::string(value);
  else if (is("last-modified")) r.last_modified = std::string(value);
  else if (is("location")) r.location = std::string(value);
  else if (is("retry-after")) r.retry_after = std::string(value);
  else if (is("content-length")) {
    // Room for the body up front (capped: the header is the server's word),
    // so appending it chunk by chunk does not copy it as the string grows.
    const uint64_t length = std::strtoull(std::string(value).c_str(), nullptr, 10);
    r.body.reserve(static_cast<size_t>(std::min<uint64_t>(length, t->options->max_body_bytes)));
  }
  else if (is("x-robots-tag")) {
    if (!r.x_robots_tag.empty()) r.x_robots_tag += ", ";
    r.x_robots_tag += std::string(value);
  }
  return len;
}

size_t OnBody(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<Fetcher::Transfer*>(user);
  const size_t len = size * n;
  FetchResult& r = t->result;
  const uint64_t cap = t->options->max_body_bytes;
  if (r.body.size() + len > cap) {
    // Body cap: keep the first `cap` bytes, mark, and stop reading.
    // Counted after decoding, so a gzip bomb stops here too.
    r.body.append(data, cap - r.body.size());
    r.truncated = true;
    return 0;
  }
  r.body.append(data, len);
  return len;
}

curl_socket_t OnOpenSocket(void* user, curlsocktype purpose, curl_sockaddr* addr) {
  auto* t = static_cast<Fetcher::Transfer*>(user);
  if (!t->options->allow_private_networks &&
      !IsPublicAddress(&addr->addr, static_cast<socklen_t>(addr->addrlen))) {
    t->refused_address = true;
    return CURL_SOCKET_BAD;
  }
  return ::socket(addr->family, addr->socktype, addr->protocol);
}

FetchError MapError(CURLcode code, const Fetcher::Transfer& t) {
  if (t.refused_address) return FetchError::kPrivateAddress;
  switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST: return FetchError::kDns;
    case CURLE_COULDNT_CONNECT: return FetchError::kConnect;
    case CURLE_OPERATION_TIMEDOUT: return FetchError::kTimeout;
    case CURLE_TOO_MANY_REDIRECTS: return FetchError::kRedirectLimit;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE: return FetchError::kTls;
    default: return FetchError::kNetwork;
  }
}

// How many connections curl keeps open, busy and idle. A host holds one
// per request in flight there (up to `max_connections_per_host`), and the
// crawler cycles through its hosts, so the connections it goes back to are
// about (hosts in the cycle) x (per host). curl closes the least recently
// used one when the pool is full: a pool smaller than that working set
// closes, every time, the connection needed next, and each fetch pays a new
// TCP connection (16 hosts at 16 per host with a pool of 32: 4,000 connects
// for 4,800 pages; BENCHMARKS.md, "`corpus crawl` benchmarks"). Room for
// `max_connections` hosts at their per-host limit, capped by 1,024 and by a
// quarter of the descriptors the process may open, and never below twice
// the requests in flight.
long ConnectionPoolSize(const Fetcher::Options& o) {
  const long in_flight = std::max(1, o.max_connections);
  const long per_host = std::max(1, o.max_connections_per_host);
  long cap = 1024;
  rlimit files{};
  if (::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur != RLIM_INFINITY) {
    cap = std::min<long>(cap, static_cast<long>(files.rlim_cur / 4));
  }
  const long floor = std::max(8L, 2 * in_flight);
  return std::max(floor, std::min(in_flight * std::min(per_host, in_flight), cap));
}

}  // namespace

Fetcher::Fetcher(Options options) : options_(std::move(options)) {
  std::call_once(g_curl_init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  CURLM* m = curl_multi_init();
  curl_multi_setopt(m, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
  curl_multi_setopt(m, CURLMOPT_MAXCONNECTS, ConnectionPoolSize(options_));
  multi_ = m;
}

Fetcher::~Fetcher() {
  CURLM* m = static_cast<CURLM*>(multi_);
  for (Transfer* t : transfers_) {
    curl_multi_remove_handle(m, t->easy);
    curl_easy_cleanup(t->easy);
    curl_slist_free_all(t->headers);
    delete t;
  }
  for (void* e : idle_handles_) curl_easy_cleanup(static_cast<CURL*>(e));
  curl_multi_cleanup(m);
}

void Fetcher::Start(FetchRequest request) {
  auto* t = new Transfer;
  t->request = std::move(request);
  t->result.tag = t->request.tag;
  t->options = &options_;
  // A handle of an earlier fetch, reset, keeps its buffers: no allocation
  // and zeroing of a new one per page.
  CURL* e = nullptr;
  if (!idle_handles_.empty()) {
    e = static_cast<CURL*>(idle_handles_.back());
    idle_handles_.pop_back();
  } else {
    e = curl_easy_init();
  }
  t->easy = e;
  curl_easy_setopt(e, CURLOPT_URL, t->request.url.c_str());
  curl_easy_setopt(e, CURLOPT_PRIVATE, t);
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(e, CURLOPT_USERAGENT, options_.user_agent.c_str());
  curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");  // every encoding curl can decode
  curl_easy_setopt(e, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
  curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.timeout_ms));
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(std::min(options_.connect_timeout_ms, options_.timeout_ms)));
  curl_easy_setopt(e, CURLOPT_DNS_CACHE_TIMEOUT, 300L);
  curl_easy_setopt(e, CURLOPT_TCP_KEEPALIVE, 1L);
  // A typical page (tens of KB) in one read and one write callback, not in
  // 16 KB pieces.
  curl_easy_setopt(e, CURLOPT_BUFFERSIZE, 64L << 10);
  curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(e, CURLOPT_HEADERDATA, t);
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, t);
  curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, OnOpenSocket);
  curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, t);
  if (t->request.auxiliary) {
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(e, CURLOPT_MAXREDIRS, 5L);
  }
  if (!t->request.if_none_match.empty()) {
    t->headers = curl_slist_append(t->headers, ("If-None-Match: " + t->request.if_none_match).c_str());
  }
  if (!t->request.if_modified_since.empty()) {
    t->headers = curl_slist_append(
        t->headers, ("If-Modified-Since: " + t->request.if_modified_since).c_str());
  }
  if (t->headers) curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headers);
  if (options_.capture_exchanges) {
    // Room for the body cap plus the header block and chunk framing.
    t->capture.Attach(e, t->request.url, options_.max_body_bytes + (uint64_t{1} << 20));
  }
  curl_multi_add_handle(static_cast<CURLM*>(multi_), e);
  transfers_.insert(t);
  ++active_;
}

void Fetcher::Wakeup() { curl_multi_wakeup(static_cast<CURLM*>(multi_)); }

void Fetcher::Poll(int timeout_ms, std::vector<FetchResult>* done) {
  CURLM* m = static_cast<CURLM*>(multi_);
  int running = 0;
  curl_multi_perform(m, &running);
  // Wait only if every transfer is still running: one that finished in this
  // perform is reaped now, or the wait would sit out its whole timeout when
  // nothing else is in flight (one host at concurrency 1: 50 ms per page).
  if (timeout_ms > 0 && active_ > 0 && static_cast<size_t>(running) >= active_) {
    curl_multi_poll(m, nullptr, 0, timeout_ms, nullptr);
    curl_multi_perform(m, &running);
  }
  int left = 0;
  while (CURLMsg* msg = curl_multi_info_read(m, &left)) {
    if (msg->msg != CURLMSG_DONE) continue;
    CURL* e = msg->easy_handle;
    Transfer* t = nullptr;
    curl_easy_getinfo(e, CURLINFO_PRIVATE, &t);
    const CURLcode code = msg->data.result;
    FetchResult& r = t->result;
    long status = 0;
    curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &status);
    if (status > 0) r.status = static_cast<int>(status);
    char* eff = nullptr;
    curl_easy_getinfo(e, CURLINFO_EFFECTIVE_URL, &eff);
    if (eff) r.effective_url = eff;
    curl_off_t dl = 0;
    curl_easy_getinfo(e, CURLINFO_SIZE_DOWNLOAD_T, &dl);
    r.wire_bytes = static_cast<uint64_t>(dl);
    if (code != CURLE_OK) {
      if (code == CURLE_WRITE_ERROR && r.truncated) {
        // The body cap stopped the transfer: a usable, truncated response.
      } else if (code == CURLE_WRITE_ERROR && t->stopped_not_html) {
        r.error = FetchError::kNotHtml;
      } else {
        r.error = MapError(code, *t);
        r.error_text = curl_easy_strerror(code);
      }
    }
    if (t->capture.attached()) r.exchanges = t->capture.Take();
    curl_multi_remove_handle(m, e);
    if (idle_handles_.size() < static_cast<size_t>(options_.max_connections)) {
      curl_easy_reset(e);  // options cleared; connections stay in the multi's pool
      idle_handles_.push_back(e);
    } else {
      curl_easy_cleanup(e);
    }
    curl_slist_free_all(t->headers);
    done->push_back(std::move(r));
    transfers_.erase(t);
    delete t;
    --active_;
  }
}

}  // namespace corpus
