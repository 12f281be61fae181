#include "corpus/site/site_server.h"

#include <httplib.h>
#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <set>
#include <thread>

#include "corpus/site/site_folder.h"
#include "corpus/util/ascii.h"

namespace corpus {
namespace {

using Clock = std::chrono::steady_clock;

// Sets the response body. With `may_compress` httplib compresses it for
// clients that accept brotli or gzip; it never compresses a provider of
// known length, which sends the bytes as they are.
void SetBody(std::string body, const std::string& content_type, bool may_compress,
             httplib::Response& res) {
  if (may_compress || body.empty()) {
    res.set_content(std::move(body), content_type);
    return;
  }
  auto shared = std::make_shared<std::string>(std::move(body));
  res.set_content_provider(shared->size(), content_type,
                           [shared](size_t offset, size_t length, httplib::DataSink& sink) {
                             return sink.write(shared->data() + offset,
                                               std::min<size_t>(length, 1 << 16));
                           });
}

}  // namespace

class SiteServer::Impl {
 public:
  explicit Impl(Options options) : options_(std::move(options)) {}

  const Options& options() const { return options_; }
  Status Load();
  Status Bind(std::vector<std::string>* addresses, int* port);
  void Stop();

  std::string AddressOf(const std::string& address_or_host) const {
    return folder_.AddressOf(address_or_host);
  }
  std::string HostOf(const std::string& address) const { return folder_.HostOf(address); }

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
  void Respond(SiteResponse r, httplib::Response& res);
  void Route(const httplib::Request& req, httplib::Response& res);
  void Record(const httplib::Request& req, const httplib::Response& res, Clock::time_point start);
  void MarkWritten(const httplib::Request& req);
  // Sleeps up to `d`; false when the server is stopping.
  bool Wait(std::chrono::milliseconds d) {
    std::unique_lock<std::mutex> lock(stop_mu_);
    return !stop_cv_.wait_for(lock, d, [this] { return stopping_.load(); });
  }

  Options options_;
  int port_ = 0;
  SiteFolder folder_;

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

Status SiteServer::Impl::Load() { return folder_.Load(options_.site_dir, options_.hosts); }

Status SiteServer::Impl::Bind(std::vector<std::string>* addresses, int* port) {
  if (addresses->empty()) {
    std::set<std::string> unique;
    for (const auto& [host, address] : folder_.hosts()) unique.insert(address);
    addresses->assign(unique.begin(), unique.end());
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
      // httplib's stop() does nothing to a server whose thread has not yet
      // entered its accept loop, and joining that thread would then hang:
      // return only once every server runs.
      for (auto& svr : servers_) {
        while (!svr->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
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
    sreq.headers[AsciiLowercase(name)] = value;
  }
  if (ServeDynamic(sreq, res)) return;

  // Static files: the folder is named after the Host header when it names a
  // known host (so "curl -H 'Host: news.test'" works), else after the address.
  std::string host = sreq.host;
  std::string header_host = req.get_header_value("Host");
  header_host = header_host.substr(0, header_host.rfind(':'));
  if (folder_.hosts().count(header_host)) host = header_host;
  SiteFolder::Reply reply =
      folder_.Get(host, req.path /* percent-decoded */, req.get_header_value("If-None-Match"),
                  req.get_header_value("If-Modified-Since"), port_);
  res.status = reply.status;
  for (const auto& [name, value] : reply.headers) res.set_header(name, value);
  if (!reply.body.empty()) SetBody(std::move(reply.body), reply.content_type, options_.compress, res);
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
    if (EqualsIgnoreAsciiCase(name, "Content-Encoding")) encoded = true;
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
  } else {
    // Pre-encoded bytes (a gzip bomb) must not be compressed a second time.
    SetBody(std::move(r.body), r.content_type, options_.compress && !encoded, res);
  }
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
    e.headers[AsciiLowercase(name)] = value;
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
