#ifndef CORPUS_TESTS_TESTING_LINKED_SITE_H_
#define CORPUS_TESTS_TESTING_LINKED_SITE_H_

#include <functional>
#include <string>
#include <vector>

#include "corpus/site/site_server.h"

namespace corpus::testing {

// Serves /p0 .. /p{pages-1} on each of `hosts` from `server`: each page
// links to the next three pages on every host, so a crawl from the /p0s
// reaches all of them; /pN past the last is 404. `extra(n, host)`, when
// given, adds HTML to page n's body. Returns the seeds (each host's /p0).
inline std::string ServeLinkedPages(SiteServer* server, const std::vector<std::string>& hosts, int pages,
                                    std::function<std::string(int, const std::string&)> extra = nullptr) {
  std::string seeds;
  for (const auto& h : hosts) {
    server->Handle(h, "/p*", [server, hosts, pages, extra, h](const SiteRequest& q) {
      const int n = std::stoi(q.path.substr(2));
      SiteResponse r;
      if (n >= pages) {
        r.status = 404;
        return r;
      }
      r.body = "<html><head><title>Page " + std::to_string(n) + "</title></head><body><p>page " +
               std::to_string(n) + " of " + h + "</p>";
      if (extra) r.body += extra(n, h);
      for (int k = n + 1; k <= n + 3 && k < pages; ++k) {
        for (const auto& other : hosts) {
          r.body += "<a href=\"" + server->BaseUrl(other) + "/p" + std::to_string(k) + "\">l</a>";
        }
      }
      r.body += "</body></html>";
      return r;
    });
    seeds += server->BaseUrl(h) + "/p0\n";
  }
  return seeds;
}

}  // namespace corpus::testing

#endif  // CORPUS_TESTS_TESTING_LINKED_SITE_H_
