// Fetcher's keep-alive connections, against in-process HTTP servers.
#include "corpus/crawl/fetcher.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace corpus {
namespace {

// One HTTP/1.1 server on 127.0.0.1 that notes the client end of every
// connection a request came over.
class CountingServer {
 public:
  CountingServer() {
    server_.set_keep_alive_max_count(100000);
    server_.Get("/page", [this](const httplib::Request& req, httplib::Response& res) {
      {
        std::lock_guard<std::mutex> lock(mu_);
        connections_.insert({req.remote_addr, req.remote_port});
      }
      res.set_content(std::string(2000, 'x'), "text/html");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    // The socket listens from here on: a connection waits in its backlog
    // until the loop below accepts it.
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  ~CountingServer() {
    server_.stop();
    thread_.join();
  }
  CountingServer(const CountingServer&) = delete;
  CountingServer& operator=(const CountingServer&) = delete;

  std::string Url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/page"; }
  size_t connections() {
    std::lock_guard<std::mutex> lock(mu_);
    return connections_.size();
  }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::mutex mu_;
  std::set<std::pair<std::string, int>> connections_;
};

// The crawler's pattern with several requests per host: a batch to one host,
// then the next host, round after round. Each host needs `per_host`
// connections; once open, every later request finds one idle.
TEST(FetcherTest, KeepsAConnectionForEveryRequestInFlightOnEveryHost) {
  constexpr int kHosts = 4;
  constexpr int kPerHost = 4;
  constexpr int kRounds = 5;
  std::vector<std::unique_ptr<CountingServer>> hosts;
  for (int h = 0; h < kHosts; ++h) hosts.push_back(std::make_unique<CountingServer>());

  Fetcher::Options o;
  o.user_agent = "test";
  o.allow_private_networks = true;
  o.timeout_ms = 30000;
  o.max_connections = kPerHost;
  o.max_connections_per_host = kPerHost;
  Fetcher fetcher(o);
  int fetched = 0;
  for (int round = 0; round < kRounds; ++round) {
    for (int h = 0; h < kHosts; ++h) {
      for (int i = 0; i < kPerHost; ++i) {
        FetchRequest req;
        req.url = hosts[h]->Url();
        fetcher.Start(std::move(req));
      }
      std::vector<FetchResult> done;
      // The fetches end by themselves (response or their timeout).
      while (done.size() < static_cast<size_t>(kPerHost)) fetcher.Poll(50, &done);
      for (const auto& r : done) {
        EXPECT_EQ(r.error, FetchError::kNone) << r.error_text;
        EXPECT_EQ(r.status, 200);
        EXPECT_EQ(r.body.size(), 2000u);
      }
      fetched += static_cast<int>(done.size());
    }
  }
  EXPECT_EQ(fetched, kHosts * kPerHost * kRounds);
  // A pool smaller than the 16 connections in use closes the one needed next
  // on every batch: 80 connections for 80 fetches.
  size_t connections = 0;
  for (auto& h : hosts) {
    EXPECT_LE(h->connections(), static_cast<size_t>(kPerHost));
    connections += h->connections();
  }
  EXPECT_LE(connections, static_cast<size_t>(kHosts * kPerHost));
}

}  // namespace
}  // namespace corpus
