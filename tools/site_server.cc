// corpus-site-server: serves the built-in website (site/) on loopback
// addresses, one per host name of site/hosts.txt, all on one port, so that
// `make demo` and the benchmarks crawl a multi-host site with no internet.
//
//   corpus-site-server --site site --port 8080 [--bind-all-hosts] [--address A]...
//
// Prints one "listening" line per address, then serves until SIGINT/SIGTERM.

#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "corpus/site/site_server.h"

namespace {

void Usage(FILE* out) {
  std::fprintf(out,
               "usage: corpus-site-server --site DIR [--port N] [--bind-all-hosts] "
               "[--address ADDR]... [--threads N] [--no-compress]\n"
               "  --site DIR         site folder: hosts.txt, redirects.txt, one folder per host\n"
               "  --port N           port on every address (default 8080; 0 = any free port)\n"
               "  --bind-all-hosts   listen on the address of every host in hosts.txt\n"
               "                     (the default when no --address is given)\n"
               "  --address ADDR     listen on ADDR only (repeatable)\n"
               "  --threads N        worker threads per address (default 8)\n"
               "  --no-compress      send bodies as they are, even to clients accepting gzip/br\n");
}

}  // namespace

int main(int argc, char** argv) {
  corpus::SiteServer::Options opts;
  opts.port = 8080;
  opts.keep_request_log = false;
  bool all_hosts = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "corpus-site-server: %s needs a value\n", a.c_str());
        std::exit(1);
      }
      return argv[++i];
    };
    if (a == "--site") {
      opts.site_dir = value();
    } else if (a == "--port") {
      opts.port = std::atoi(value().c_str());
    } else if (a == "--address") {
      opts.addresses.push_back(value());
    } else if (a == "--threads") {
      opts.threads_per_address = static_cast<size_t>(std::atoi(value().c_str()));
    } else if (a == "--no-compress") {
      opts.compress = false;
    } else if (a == "--bind-all-hosts") {
      all_hosts = true;
    } else if (a == "-h" || a == "--help") {
      Usage(stdout);
      return 0;
    } else {
      std::fprintf(stderr, "corpus-site-server: unknown argument %s\n", a.c_str());
      Usage(stderr);
      return 1;
    }
  }
  if (opts.site_dir.empty() || opts.port < 0 || opts.port > 65535) {
    Usage(stderr);
    return 1;
  }
  if (all_hosts && !opts.addresses.empty()) {
    std::fprintf(stderr, "corpus-site-server: --bind-all-hosts and --address exclude each other\n");
    return 1;
  }

  // Block the stop signals before any server thread starts, so only sigwait
  // below sees them.
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);

  corpus::SiteServer server(opts);
  corpus::Status st = server.Start();
  if (!st.ok()) {
    std::fprintf(stderr, "corpus-site-server: %s\n", st.ToString().c_str());
    return 2;
  }
  for (const std::string& address : server.addresses()) {
    std::printf("listening on %s (%s)\n", server.BaseUrl(address).c_str(),
                server.HostName(address).c_str());
  }
  std::fflush(stdout);

  int sig = 0;
  sigwait(&stop, &sig);
  server.Stop();
  std::printf("stopped (%zu requests served)\n", server.requests_served());
  return 0;
}
