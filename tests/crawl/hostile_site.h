#ifndef CORPUS_TESTS_CRAWL_HOSTILE_SITE_H_
#define CORPUS_TESTS_CRAWL_HOSTILE_SITE_H_

// The hostile mix for crawler tests and bench_crawl_hostile: one ordinary
// site and hosts that each misbehave in one way, all on loopback addresses
// (docs/crawl-traps.md). Dynamic hosts are served by SiteServer; what HTTP
// libraries refuse to send (broken status lines, 1 MB headers, a reset in
// mid-body) comes from RawHttpServer, which writes bytes on a socket.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "corpus/site/site_server.h"
#include "corpus/util/status.h"

namespace corpus::testing {

// A loopback HTTP "server" answering each request path with canned bytes,
// one connection at a time, then closing it. Paths not in the script get a
// 404. Thread-compatible: Script() before Start().
class RawHttpServer {
 public:
  // What to send for a path; `reset` closes with RST after the bytes.
  struct Reply {
    std::string bytes;
    bool reset = false;
  };

  explicit RawHttpServer(std::string address) : address_(std::move(address)) {}
  ~RawHttpServer() { Stop(); }
  RawHttpServer(const RawHttpServer&) = delete;
  RawHttpServer& operator=(const RawHttpServer&) = delete;

  void Script(const std::string& path, Reply reply) { script_[path] = std::move(reply); }

  Status Start() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    sockaddr_in a{};
    a.sin_family = AF_INET;
    ::inet_pton(AF_INET, address_.c_str(), &a.sin_addr);
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof(a)) != 0 || ::listen(fd_, 16) != 0) {
      return Status::IOError("cannot listen on " + address_);
    }
    socklen_t len = sizeof(a);
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
    thread_ = std::thread([this] { Serve(); });
    return Status::OK();
  }

  void Stop() {
    if (!thread_.joinable()) return;
    stop_ = true;
    thread_.join();
    ::close(fd_);
  }

  std::string BaseUrl() const { return "http://" + address_ + ":" + std::to_string(port_); }
  // Request paths in the order they arrived.
  std::vector<std::string> Requests() const {
    std::lock_guard<std::mutex> lock(mu_);
    return requests_;
  }

 private:
  void Serve() {
    while (!stop_) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      const int c = ::accept(fd_, nullptr, nullptr);
      if (c < 0) continue;
      Answer(c);
    }
  }

  void Answer(int c) {
    std::string head;
    char buf[4096];
    while (head.find("\r\n\r\n") == std::string::npos && head.size() < 65536) {
      pollfd p{c, POLLIN, 0};
      if (stop_ || ::poll(&p, 1, 2000) <= 0) break;
      const ssize_t n = ::recv(c, buf, sizeof(buf), 0);
      if (n <= 0) break;
      head.append(buf, static_cast<size_t>(n));
    }
    const size_t sp = head.find(' ');
    const size_t sp2 = sp == std::string::npos ? sp : head.find(' ', sp + 1);
    const std::string path = sp2 == std::string::npos ? "" : head.substr(sp + 1, sp2 - sp - 1);
    {
      std::lock_guard<std::mutex> lock(mu_);
      requests_.push_back(path);
    }
    auto it = script_.find(path);
    const Reply reply = it != script_.end()
                            ? it->second
                            : Reply{"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"};
    size_t sent = 0;
    while (sent < reply.bytes.size()) {
      const ssize_t n = ::send(c, reply.bytes.data() + sent, reply.bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) break;
      sent += static_cast<size_t>(n);
    }
    if (reply.reset) {
      linger l{1, 0};  // close with RST, not FIN
      ::setsockopt(c, SOL_SOCKET, SO_LINGER, &l, sizeof(l));
    }
    ::close(c);
  }

  std::string address_;
  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
  std::map<std::string, Reply> script_;
  mutable std::mutex mu_;
  std::vector<std::string> requests_;
};

inline SiteResponse HostileHtml(const std::string& body) {
  SiteResponse r;
  r.body = "<!doctype html><html><head><title>t</title></head><body>" + body + "</body></html>";
  return r;
}

inline std::string HostileLink(const std::string& href) { return "<a href=\"" + href + "\">x</a>\n"; }

// Which misbehaviours HostileSite sets up, and how big the big ones are.
struct HostileSiteOptions {
  int ordinary_pages = 30;
  size_t bomb_bytes = 64ull << 20;   // gzip bomb, inflated
  size_t huge_page_bytes = 8 << 20;  // "50 MB page"
  size_t robots_bytes = 2 << 20;     // "10 MB robots.txt"
  size_t header_bytes = 1 << 20;     // one 1 MB response header
  int chain_hops = 50;               // redirect chain length
};

// Addresses 127.0.0.2 .. 127.0.0.15 on one SiteServer port, and 127.0.0.16
// as the raw server. `Seeds()` lists one entry URL per host.
class HostileSite {
 public:
  // Each host by its role.
  enum Host {
    kOrdinary, kCalendar, kPagination, kSessionIds, kSortOrders, kHang, kDrip, kBomb,
    kRedirects, kBigBodies, kRobotsHuge, kRobots500, kRobots404, kPrivateRedirect, kRaw, kHostCount
  };

  explicit HostileSite(HostileSiteOptions o = {}) : o_(o), raw_(Address(kRaw)) {}

  static std::string Address(Host h) { return "127.0.0." + std::to_string(2 + static_cast<int>(h)); }

  Status Start() {
    SiteServer::Options so;
    for (int h = 0; h < kRaw; ++h) so.addresses.push_back(Address(static_cast<Host>(h)));
    so.compress = false;
    so.threads_per_address = 4;
    server_ = std::make_unique<SiteServer>(so);
    Install();
    ScriptRaw();
    CORPUS_RETURN_IF_ERROR(server_->Start());
    return raw_.Start();
  }
  void Stop() {
    raw_.Stop();
    if (server_) server_->Stop();
  }

  SiteServer& server() { return *server_; }
  RawHttpServer& raw() { return raw_; }
  std::string Url(Host h, const std::string& path) const {
    return (h == kRaw ? raw_.BaseUrl() : server_->BaseUrl(Address(h))) + path;
  }
  // The entry page of a host.
  std::string Seed(Host h) const {
    switch (h) {
      case kCalendar: return Url(h, "/calendar/2024/05/");
      case kPagination: return Url(h, "/list?page=1");
      case kSessionIds: return Url(h, "/shop?sid=s0");
      case kSortOrders: return Url(h, "/catalog?sort=price&page=1");
      default: return Url(h, "/");
    }
  }
  std::vector<std::string> Seeds() const {
    std::vector<std::string> s;
    for (int h = 0; h < kHostCount; ++h) s.push_back(Seed(static_cast<Host>(h)));
    return s;
  }
  // The URLs of the ordinary site: every one must be kept.
  std::vector<std::string> OrdinaryUrls() const {
    std::vector<std::string> u = {Url(kOrdinary, "/"), Url(kOrdinary, "/about")};
    for (int i = 1; i <= o_.ordinary_pages; ++i) u.push_back(Url(kOrdinary, "/articles/" + std::to_string(i)));
    return u;
  }
  // Requests that went to the link-trap hosts.
  size_t TrapRequests() const {
    size_t n = 0;
    for (Host h : {kCalendar, kPagination, kSessionIds, kSortOrders}) {
      n += server_->RequestLogFor(Address(h)).size();
    }
    return n;
  }

 private:
  void Page(Host h, const std::string& path, SiteHandler f) { server_->Handle(Address(h), path, std::move(f)); }

  void Install() {
    const int n = o_.ordinary_pages;
    // An ordinary site: an index of numbered articles that link to each other.
    Page(kOrdinary, "/", [n](const SiteRequest&) {
      std::string b = HostileLink("/about");
      for (int i = 1; i <= n; ++i) b += HostileLink("/articles/" + std::to_string(i));
      return HostileHtml(b);
    });
    Page(kOrdinary, "/about", [](const SiteRequest&) { return HostileHtml(HostileLink("/")); });
    Page(kOrdinary, "/articles/*", [n](const SiteRequest& q) {
      const int i = std::atoi(q.path.c_str() + 10);
      return HostileHtml("<p>article " + std::to_string(i) + "</p>" + HostileLink("/") +
                         HostileLink("/articles/" + std::to_string(i % n + 1)));
    });
    // A month calendar: each month links the months before and after it and its days.
    Page(kCalendar, "/calendar/*", [](const SiteRequest& q) {
      int y = 0, m = 0, d = 0;
      const int parts = std::sscanf(q.path.c_str(), "/calendar/%d/%d/%d", &y, &m, &d);
      auto month = [](int yy, int mm) {
        while (mm < 1) mm += 12, --yy;
        while (mm > 12) mm -= 12, ++yy;
        char buf[64];
        std::snprintf(buf, sizeof(buf), "/calendar/%04d/%02d/", yy, mm);
        return std::string(buf);
      };
      std::string b = HostileLink(month(y, m - 1)) + HostileLink(month(y, m + 1));
      if (parts < 3) {
        for (int day = 1; day <= 28; ++day) b += HostileLink(month(y, m) + std::to_string(day));
      }
      return HostileHtml(b);
    });
    // Pagination that never ends; each page lists five items.
    Page(kPagination, "/list", [](const SiteRequest& q) {
      const int page = std::atoi(q.query.c_str() + 5);
      std::string b = HostileLink("/list?page=" + std::to_string(page + 1));
      if (page > 1) b += HostileLink("/list?page=" + std::to_string(page - 1));
      for (int k = 0; k < 5; ++k) b += HostileLink("/item/" + std::to_string(page * 5 + k));
      return HostileHtml(b);
    });
    Page(kPagination, "/item/*", [](const SiteRequest&) { return HostileHtml(HostileLink("/list?page=1")); });
    // A new session id in every link.
    auto next_sid = std::make_shared<std::atomic<int>>(1);
    Page(kSessionIds, "/shop", [next_sid](const SiteRequest&) {
      const std::string sid = "s" + std::to_string(next_sid->fetch_add(1)) + "x";
      return HostileHtml(HostileLink("/shop?sid=" + sid) + HostileLink("/cart?sid=" + sid));
    });
    Page(kSessionIds, "/cart", [next_sid](const SiteRequest&) {
      return HostileHtml(HostileLink("/shop?sid=c" + std::to_string(next_sid->fetch_add(1))));
    });
    // Sort orders times pages.
    Page(kSortOrders, "/catalog", [](const SiteRequest& q) {
      const size_t p = q.query.find("page=");
      const int page = p == std::string::npos ? 1 : std::atoi(q.query.c_str() + p + 5);
      std::string b;
      for (const char* s : {"price", "name", "date", "rating", "reviews"}) {
        b += HostileLink(std::string("/catalog?sort=") + s + "&page=" + std::to_string(page));
        b += HostileLink(std::string("/catalog?sort=") + s + "&page=" + std::to_string(page + 1));
      }
      return HostileHtml(b);
    });
    // Never answers.
    Page(kHang, "/", [](const SiteRequest&) {
      SiteResponse r;
      r.hang = true;
      return r;
    });
    // One byte a second.
    Page(kDrip, "/", [](const SiteRequest&) {
      SiteResponse r;
      r.generated_body_bytes = 1 << 20;
      r.chunk_delay = std::chrono::milliseconds(1000);
      return r;
    });
    // A gzip bomb.
    auto bomb = std::make_shared<std::string>(SiteServer::GzipBomb(o_.bomb_bytes));
    Page(kBomb, "/", [bomb](const SiteRequest&) {
      SiteResponse r;
      r.body = *bomb;
      r.headers = {{"Content-Encoding", "gzip"}};
      return r;
    });
    // A redirect loop and a long redirect chain.
    const int hops = o_.chain_hops;
    Page(kRedirects, "/", [](const SiteRequest&) {
      return HostileHtml(HostileLink("/loop/a") + HostileLink("/chain/0"));
    });
    Page(kRedirects, "/loop/*", [](const SiteRequest& q) {
      SiteResponse r;
      r.status = 302;
      r.headers = {{"Location", q.path == "/loop/a" ? "/loop/b" : "/loop/a"}};
      return r;
    });
    Page(kRedirects, "/chain/*", [hops](const SiteRequest& q) {
      const int i = std::atoi(q.path.c_str() + 7);
      if (i >= hops) return HostileHtml("end of the chain");
      SiteResponse r;
      r.status = 301;
      r.headers = {{"Location", "/chain/" + std::to_string(i + 1)}};
      return r;
    });
    // A binary body and a huge page.
    Page(kBigBodies, "/", [](const SiteRequest&) {
      return HostileHtml(HostileLink("/blob.bin") + HostileLink("/huge.html"));
    });
    Page(kBigBodies, "/blob.bin", [](const SiteRequest&) {
      SiteResponse r;
      r.content_type = "application/octet-stream";
      for (int i = 0; i < 100000; ++i) r.body.push_back(static_cast<char>((i * 7919) & 0xFF));
      return r;
    });
    const size_t huge = o_.huge_page_bytes;
    Page(kBigBodies, "/huge.html", [huge](const SiteRequest&) {
      SiteResponse r;
      r.generated_body_bytes = huge;
      return r;
    });
    // robots.txt: huge, 500, 404 (the default of every other host).
    const size_t robots = o_.robots_bytes;
    Page(kRobotsHuge, "/robots.txt", [robots](const SiteRequest&) {
      SiteResponse r;
      r.content_type = "text/plain";
      r.body = "User-agent: *\nDisallow: /private/\n";
      while (r.body.size() < robots) r.body += "# filler line of a very long robots.txt\n";
      return r;
    });
    Page(kRobotsHuge, "/", [](const SiteRequest&) { return HostileHtml(HostileLink("/private/x")); });
    Page(kRobots500, "/robots.txt", [](const SiteRequest&) {
      SiteResponse r;
      r.status = 500;
      return r;
    });
    Page(kRobots500, "/", [](const SiteRequest&) { return HostileHtml("never fetched"); });
    Page(kRobots404, "/", [](const SiteRequest&) { return HostileHtml("robots.txt is 404"); });
    // Links that redirect to the metadata address, in two spellings.
    Page(kPrivateRedirect, "/", [](const SiteRequest&) {
      return HostileHtml(HostileLink("/meta") + HostileLink("/meta-decimal"));
    });
    Page(kPrivateRedirect, "/meta", [](const SiteRequest&) {
      SiteResponse r;
      r.status = 302;
      r.headers = {{"Location", "http://169.254.169.254/latest/meta-data/"}};
      return r;
    });
    Page(kPrivateRedirect, "/meta-decimal", [](const SiteRequest&) {
      SiteResponse r;
      r.status = 302;
      r.headers = {{"Location", "http://2852039166/latest/meta-data/"}};
      return r;
    });
  }

  void ScriptRaw() {
    raw_.Script("/", {"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n"
                      "<a href=\"/bad-status\">x</a><a href=\"/garbage\">x</a>"
                      "<a href=\"/huge-header\">x</a><a href=\"/reset\">x</a>"});
    raw_.Script("/bad-status", {"HTTP/1.1 twohundred OK\r\nContent-Type: text/html\r\n\r\n<p>x</p>"});
    static const char kGarbage[] = "\x16\x03\x01\x00\xff garbage, no HTTP here\r\n\r\n";
    raw_.Script("/garbage", {std::string(kGarbage, sizeof(kGarbage) - 1)});
    raw_.Script("/huge-header", {"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Filler: " +
                                 std::string(o_.header_bytes, 'a') +
                                 "\r\nContent-Length: 8\r\nConnection: close\r\n\r\n<p>x</p>"});
    raw_.Script("/reset", {"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n" +
                               std::string(1000, 'x'),
                           /*reset=*/true});
  }

  HostileSiteOptions o_;
  std::unique_ptr<SiteServer> server_;
  RawHttpServer raw_;
};

}  // namespace corpus::testing

#endif  // CORPUS_TESTS_CRAWL_HOSTILE_SITE_H_
