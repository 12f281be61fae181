#include "corpus/crawl/site_server.h"

#include <httplib.h>
#include <strings.h>
#include <sys/stat.h>
#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstring>
#include <ctime>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "corpus/util/fs.h"
#include "corpus/util/sha256.h"

namespace corpus {
namespace {

using Clock = std::chrono::steady_clock;

// Reads a whitespace-separated table file: one record per line, '#' starts a
// comment, the last of `columns` fields takes the rest of the line. A missing
// file is an empty table.
Status ReadTable(const std::string& path, size_t columns,
                 std::vector<std::vector<std::string>>* rows) {
  rows->clear();
  if (!PathExists(path)) return Status::OK();
  std::string text;
  CORPUS_RETURN_IF_ERROR(ReadFile(path, &text));
  std::istringstream in(text);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    size_t hash = line.find('#');
    if (hash != std::string::npos) line.resize(hash);
    std::istringstream fields(line);
    std::vector<std::string> row;
    std::string f;
    while (row.size() + 1 < columns && fields >> f) row.push_back(f);
    if (row.empty()) continue;
    std::getline(fields >> std::ws, f);
    while (!f.empty() && (f.back() == ' ' || f.back() == '\t' || f.back() == '\r')) f.pop_back();
    if (!f.empty()) row.push_back(f);
    if (row.size() != columns) {
      return Status::InvalidArgument(path + ":" + std::to_string(number) + ": expected " +
                                     std::to_string(columns) + " fields");
    }
    rows->push_back(std::move(row));
  }
  return Status::OK();
}

// RFC 9110 §5.6.7 IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT".
std::string HttpDate(time_t t) {
  struct tm tm;
  gmtime_r(&t, &tm);
  char buf[64];
  strftime(buf, sizeof(buf), "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return buf;
}

bool ParseHttpDate(const std::string& s, time_t* t) {
  struct tm tm;
  std::memset(&tm, 0, sizeof(tm));
  const char* end = strptime(s.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
  if (end == nullptr) return false;
  *t = timegm(&tm);
  return true;
}

std::string ContentTypeFor(const std::string& path) {
  auto ends = [&path](const char* ext) {
    size_t n = std::strlen(ext);
    return path.size() >= n && path.compare(path.size() - n, n, ext) == 0;
  };
  if (ends(".html") || ends(".htm")) return "text/html; charset=utf-8";
  if (ends(".txt")) return "text/plain; charset=utf-8";
  if (ends(".xml")) return "application/xml";
  if (ends(".css")) return "text/css";
  if (ends(".json")) return "application/json";
  if (ends(".pdf")) return "application/pdf";
  if (ends(".png")) return "image/png";
  if (ends(".jpg") || ends(".jpeg")) return "image/jpeg";
  return "application/octet-stream";
}

bool IsTextType(const std::string& content_type) {
  return content_type.starts_with("text/") || content_type == "application/xml";
}

const std::string kNotFoundPage =
    "<!doctype html><html><head><title>Not found</title></head>"
    "<body><h1>Not found</h1><p>There is no page at this address.</p></body></html>\n";

}  // namespace

class SiteServer::Impl {
 public:
  explicit Impl(Options options) : options_(std::move(options)) {}

  const Options& options() const { return options_; }
  Status Load();
  Status Bind(std::vector<std::string>* addresses, int* port);
  void Stop();

  std::string AddressOf(const std::string& address_or_host) const {
    auto it = host_to_address_.find(address_or_host);
    return it == host_to_address_.end() ? address_or_host : it->second;
  }
  std::string HostOf(const std::string& address) const {
    auto it = address_to_host_.find(address);
    return it == address_to_host_.end() ? address : it->second;
  }

  void AddHandler(const std::string& where, const std::string& path, SiteHandler handler) {
    std::lock_guard<std::mutex> lock(mu_);
    // Kept as given: hosts.txt is only read by Start(), which may come later.
    handlers_.push_back({where, path, std::move(handler)});
  }

  std::vector<SiteLogEntry> Log() const {
    std::lock_guard<std::mutex> lock(mu_);
    return log_;
  }
  size_t served() const { return served_.load(); }
  void ClearLog() {
    std::lock_guard<std::mutex> lock(mu_);
    log_.clear();
    unwritten_.clear();
  }

 private:
  struct HandlerEntry {
    std::string where;    // address or host name; empty = all
    std::string path;     // exact, or prefix when it ends with '*'
    SiteHandler handler;
  };

  void Serve(const httplib::Request& req, httplib::Response& res);
  bool ServeDynamic(const SiteRequest& sreq, httplib::Response& res);
  void ServeStatic(const httplib::Request& req, const std::string& host, httplib::Response& res);
  void Respond(SiteResponse r, httplib::Response& res);
  void Route(const httplib::Request& req, httplib::Response& res);
  void Record(const httplib::Request& req, const httplib::Response& res, Clock::time_point start);
  void MarkWritten(const httplib::Request& req);
  std::string Expand(std::string text) const;
  // Sleeps up to `d`; false when the server is stopping.
  bool Wait(std::chrono::milliseconds d) {
    std::unique_lock<std::mutex> lock(stop_mu_);
    return !stop_cv_.wait_for(lock, d, [this] { return stopping_.load(); });
  }

  Options options_;
  int port_ = 0;
  std::map<std::string, std::string> host_to_address_, address_to_host_;
  std::map<std::pair<std::string, std::string>, std::pair<int, std::string>> redirects_;
  // (host, path) -> response headers that replace the defaults (headers.txt).
  std::map<std::pair<std::string, std::string>, std::vector<std::pair<std::string, std::string>>>
      headers_;

  mutable std::mutex mu_;  // guards handlers_, log_, unwritten_
  std::vector<HandlerEntry> handlers_;
  std::vector<SiteLogEntry> log_;
  std::atomic<size_t> served_{0};
  // Requests whose response is being written -> their index in log_.
  std::map<const httplib::Request*, size_t> unwritten_;

  std::mutex stop_mu_;
  std::condition_variable stop_cv_;
  std::atomic<bool> stopping_{false};

  std::vector<std::unique_ptr<httplib::Server>> servers_;
  std::vector<std::thread> threads_;
};

Status SiteServer::Impl::Load() {
  for (const auto& [host, address] : options_.hosts) {
    host_to_address_[host] = address;
    address_to_host_[address] = host;
  }
  if (options_.site_dir.empty()) return Status::OK();
  if (!IsDirectory(options_.site_dir)) {
    return Status::InvalidArgument("site folder " + options_.site_dir + " does not exist");
  }
  std::vector<std::vector<std::string>> rows;
  CORPUS_RETURN_IF_ERROR(ReadTable(JoinPath(options_.site_dir, "hosts.txt"), 2, &rows));
  for (const auto& row : rows) {
    host_to_address_[row[0]] = row[1];
    address_to_host_[row[1]] = row[0];
  }
  CORPUS_RETURN_IF_ERROR(ReadTable(JoinPath(options_.site_dir, "redirects.txt"), 4, &rows));
  for (const auto& row : rows) {
    int status = std::atoi(row[2].c_str());
    if (status < 300 || status > 399) {
      return Status::InvalidArgument("redirects.txt: bad status " + row[2]);
    }
    redirects_[{row[0], row[1]}] = {status, row[3]};
  }
  CORPUS_RETURN_IF_ERROR(ReadTable(JoinPath(options_.site_dir, "headers.txt"), 4, &rows));
  for (const auto& row : rows) headers_[{row[0], row[1]}].push_back({row[2], row[3]});
  return Status::OK();
}

Status SiteServer::Impl::Bind(std::vector<std::string>* addresses, int* port) {
  if (addresses->empty()) {
    for (const auto& [address, host] : address_to_host_) addresses->push_back(address);
    if (addresses->empty()) addresses->push_back("127.0.0.2");
  }
  // With port 0 the first address picks a free port and the others must get
  // the same one; another process can take it in between, so retry a few times.
  for (int attempt = 0; attempt < 20; ++attempt) {
    servers_.clear();
    int chosen = options_.port;
    bool ok = true;
    for (const std::string& address : *addresses) {
      auto svr = std::make_unique<httplib::Server>();
      size_t threads = std::max<size_t>(1, options_.threads_per_address);
      svr->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
      svr->set_keep_alive_max_count(1000);
      svr->set_keep_alive_timeout(5);
      svr->set_tcp_nodelay(true);
      // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, which would let
      // a second server silently share (and split) a port already in use.
      svr->set_socket_options([](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
      });
      svr->Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
        Serve(req, res);
      });
      svr->set_logger([this](const httplib::Request& req, const httplib::Response& res) {
        MarkWritten(req);
      });
      if (chosen == 0) {
        chosen = svr->bind_to_any_port(address);
        ok = chosen > 0;
      } else {
        ok = svr->bind_to_port(address, chosen);
      }
      if (!ok) break;
      servers_.push_back(std::move(svr));
    }
    if (ok) {
      *port = port_ = chosen;
      for (auto& svr : servers_) {
        httplib::Server* s = svr.get();
        threads_.emplace_back([s] { s->listen_after_bind(); });
      }
      return Status::OK();
    }
    if (options_.port != 0) break;
  }
  servers_.clear();
  return Status::IOError("cannot listen on port " + std::to_string(options_.port) +
                         " of every address (is one in use, or not a local address?)");
}

void SiteServer::Impl::Stop() {
  {
    std::lock_guard<std::mutex> lock(stop_mu_);
    stopping_ = true;
  }
  stop_cv_.notify_all();
  for (auto& svr : servers_) svr->stop();
  for (auto& t : threads_) t.join();
  threads_.clear();
  servers_.clear();
}

std::string SiteServer::Impl::Expand(std::string text) const {
  // "{{host:blog.test}}" -> "127.0.0.3:PORT", so pages link across hosts by
  // address (no DNS needed) on whatever port the server runs.
  const std::string open = "{{host:";
  size_t pos = 0;
  while ((pos = text.find(open, pos)) != std::string::npos) {
    size_t close = text.find("}}", pos);
    if (close == std::string::npos) break;
    std::string name = text.substr(pos + open.size(), close - pos - open.size());
    auto it = host_to_address_.find(name);
    if (it == host_to_address_.end()) {
      pos = close;
      continue;
    }
    std::string repl = it->second + ":" + std::to_string(port_);
    text.replace(pos, close + 2 - pos, repl);
    pos += repl.size();
  }
  return text;
}

void SiteServer::Impl::Serve(const httplib::Request& req, httplib::Response& res) {
  Clock::time_point start = Clock::now();
  Route(req, res);
  Record(req, res, start);
}

void SiteServer::Impl::Route(const httplib::Request& req, httplib::Response& res) {
  SiteRequest sreq;
  sreq.address = req.local_addr;
  sreq.host = HostOf(req.local_addr);
  sreq.method = req.method;
  size_t q = req.target.find('?');
  sreq.path = req.target.substr(0, q);
  if (q != std::string::npos) sreq.query = req.target.substr(q + 1);
  for (const auto& [name, value] : req.headers) {
    std::string lower = name;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    sreq.headers[lower] = value;
  }
  if (ServeDynamic(sreq, res)) return;

  // Static files: the folder is named after the Host header when it names a
  // known host (so "curl -H 'Host: news.test'" works), else after the address.
  std::string host = sreq.host;
  std::string header_host = req.get_header_value("Host");
  header_host = header_host.substr(0, header_host.rfind(':'));
  if (host_to_address_.count(header_host)) host = header_host;
  auto redirect = redirects_.find({host, req.path});
  if (redirect != redirects_.end()) {
    res.status = redirect->second.first;
    res.set_header("Location", Expand(redirect->second.second));
    res.set_content("<!doctype html><title>Moved</title><p>Moved.</p>\n",
                    "text/html; charset=utf-8");
    return;
  }
  ServeStatic(req, host, res);
}

bool SiteServer::Impl::ServeDynamic(const SiteRequest& sreq, httplib::Response& res) {
  SiteHandler handler;
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto it = handlers_.rbegin(); it != handlers_.rend(); ++it) {
      if (!it->where.empty() && it->where != sreq.address && it->where != sreq.host) {
        continue;
      }
      bool match = it->path.ends_with("*")
                       ? sreq.path.starts_with(std::string_view(it->path).substr(0, it->path.size() - 1))
                       : sreq.path == it->path;
      if (match) {
        handler = it->handler;
        break;
      }
    }
  }
  if (!handler) return false;
  Respond(handler(sreq), res);
  return true;
}

void SiteServer::Impl::Respond(SiteResponse r, httplib::Response& res) {
  if (r.hang) {
    Wait(std::chrono::hours(24 * 365));
    res.status = 503;
    return;
  }
  if (r.delay.count() > 0 && !Wait(r.delay)) {
    res.status = 503;
    return;
  }
  res.status = r.status;
  bool encoded = false;
  for (const auto& [name, value] : r.headers) {
    res.set_header(name, value);
    if (strcasecmp(name.c_str(), "Content-Encoding") == 0) encoded = true;
  }
  if (r.generated_body_bytes > 0) {
    // A provider with a known length is sent as is (never re-compressed),
    // chunk by chunk, so a huge body costs no memory here.
    auto chunk_delay = r.chunk_delay;
    res.set_content_provider(
        r.generated_body_bytes, r.content_type,
        [this, chunk_delay](size_t offset, size_t length, httplib::DataSink& sink) {
          if (chunk_delay.count() > 0 && !Wait(chunk_delay)) return false;
          static const std::string kFiller = [] {
            std::string s;
            while (s.size() < 16384) s += "<p>filler text for a very large page.</p>\n";
            return s.substr(0, 16384);
          }();
          size_t n = std::min(length, kFiller.size());
          return sink.write(kFiller.data(), n);
        });
  } else if (encoded) {
    // Pre-encoded bytes (a gzip bomb): a fixed-length provider keeps httplib
    // from compressing them a second time.
    auto body = std::make_shared<std::string>(std::move(r.body));
    res.set_content_provider(body->size(), r.content_type,
                             [body](size_t offset, size_t length, httplib::DataSink& sink) {
                               return sink.write(body->data() + offset,
                                                 std::min<size_t>(length, 1 << 16));
                             });
  } else {
    res.set_content(std::move(r.body), r.content_type);
  }
}

void SiteServer::Impl::ServeStatic(const httplib::Request& req, const std::string& host,
                                   httplib::Response& res) {
  auto not_found = [&res] {
    res.status = 404;
    res.set_content(kNotFoundPage, "text/html; charset=utf-8");
  };
  const std::string& path = req.path;  // percent-decoded by httplib
  if (options_.site_dir.empty() || path.empty() || path[0] != '/' ||
      path.find('\0') != std::string::npos || path.find("/..") != std::string::npos ||
      host.find('/') != std::string::npos || !host_to_address_.count(host)) {
    return not_found();
  }
  std::string file = options_.site_dir + "/" + host + path;
  if (IsDirectory(file)) {
    if (!path.ends_with("/")) {
      res.status = 301;
      res.set_header("Location", path + "/");
      return;
    }
    file += "index.html";
  }
  struct stat st;
  if (stat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return not_found();
  std::string body;
  if (!ReadFile(file, &body).ok()) return not_found();
  std::string content_type = ContentTypeFor(file);
  if (IsTextType(content_type)) body = Expand(std::move(body));

  // Validators (RFC 9110 §8.8) for conditional requests (§13.1): a strong
  // ETag from the bytes served, Last-Modified from the file.
  std::string etag = "\"" + Sha256Hex(body).substr(0, 16) + "\"";
  res.set_header("ETag", etag);
  res.set_header("Last-Modified", HttpDate(st.st_mtime));
  std::string inm = req.get_header_value("If-None-Match");
  bool not_modified = false;
  if (!inm.empty()) {
    // §13.1.2: If-None-Match takes precedence over If-Modified-Since.
    not_modified = inm == "*" || inm.find(etag) != std::string::npos;
  } else if (req.has_header("If-Modified-Since")) {
    time_t since;
    not_modified =
        ParseHttpDate(req.get_header_value("If-Modified-Since"), &since) && st.st_mtime <= since;
  }
  if (not_modified) {
    res.status = 304;
    return;
  }
  res.status = 200;
  auto extra = headers_.find({host, path});
  if (extra != headers_.end()) {
    for (const auto& [name, value] : extra->second) {
      if (strcasecmp(name.c_str(), "Content-Type") == 0) {
        content_type = value;
      } else {
        res.set_header(name, value);
      }
    }
  }
  res.set_content(std::move(body), content_type);
}

// The entry is added before the response is sent, so a client holding its
// response always finds it in the log; `end` is moved to the moment the
// response was written once httplib has written it (MarkWritten).
void SiteServer::Impl::Record(const httplib::Request& req, const httplib::Response& res,
                              Clock::time_point start) {
  ++served_;
  if (!options_.keep_request_log) return;
  SiteLogEntry e;
  e.start = start;
  e.end = Clock::now();
  e.address = req.local_addr;
  e.host = HostOf(req.local_addr);
  e.method = req.method;
  e.target = req.target;
  e.status = res.status;
  for (const auto& [name, value] : req.headers) {
    std::string lower = name;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    e.headers[lower] = value;
  }
  std::lock_guard<std::mutex> lock(mu_);
  unwritten_[&req] = log_.size();
  log_.push_back(std::move(e));
}

void SiteServer::Impl::MarkWritten(const httplib::Request& req) {
  Clock::time_point now = Clock::now();
  std::lock_guard<std::mutex> lock(mu_);
  auto it = unwritten_.find(&req);
  if (it == unwritten_.end()) return;
  if (it->second < log_.size()) log_[it->second].end = now;
  unwritten_.erase(it);
}

SiteServer::SiteServer(Options options) : impl_(std::make_unique<Impl>(std::move(options))) {}

SiteServer::~SiteServer() { Stop(); }

Status SiteServer::Start() {
  CORPUS_RETURN_IF_ERROR(impl_->Load());
  addresses_ = impl_->options().addresses;
  return impl_->Bind(&addresses_, &port_);
}

void SiteServer::Stop() {
  if (impl_) impl_->Stop();
}

std::string SiteServer::BaseUrl(const std::string& address_or_host) const {
  return "http://" + impl_->AddressOf(address_or_host) + ":" + std::to_string(port_);
}

std::string SiteServer::HostName(const std::string& address) const {
  return impl_->HostOf(address);
}

void SiteServer::Handle(const std::string& address_or_host, const std::string& path,
                        SiteHandler handler) {
  impl_->AddHandler(address_or_host, path, std::move(handler));
}

std::vector<SiteLogEntry> SiteServer::RequestLog() const { return impl_->Log(); }

std::vector<SiteLogEntry> SiteServer::RequestLogFor(const std::string& address_or_host,
                                                    const std::string& target) const {
  std::string address = impl_->AddressOf(address_or_host);
  std::vector<SiteLogEntry> out;
  for (SiteLogEntry& e : impl_->Log()) {
    if (e.address == address && (target.empty() || e.target == target)) out.push_back(std::move(e));
  }
  return out;
}

void SiteServer::ClearLog() { impl_->ClearLog(); }

size_t SiteServer::requests_served() const { return impl_->served(); }

std::string SiteServer::GzipBomb(size_t uncompressed_bytes) {
  z_stream z;
  std::memset(&z, 0, sizeof(z));
  // windowBits 15 + 16: a gzip wrapper (RFC 1952), as Content-Encoding: gzip needs.
  deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
  static const std::string kZeros(1 << 16, '\0');
  std::string out;
  char buf[1 << 14];
  size_t left = uncompressed_bytes;
  int flush = Z_NO_FLUSH;
  do {
    if (z.avail_in == 0 && flush == Z_NO_FLUSH) {
      size_t n = std::min(left, kZeros.size());
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(kZeros.data()));
      z.avail_in = static_cast<uInt>(n);
      left -= n;
      if (left == 0) flush = Z_FINISH;
    }
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof(buf);
    int rc = deflate(&z, flush);
    out.append(buf, sizeof(buf) - z.avail_out);
    if (rc == Z_STREAM_END) break;
  } while (true);
  deflateEnd(&z);
  return out;
}

}  // namespace corpus
