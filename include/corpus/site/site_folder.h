#ifndef CORPUS_SITE_SITE_FOLDER_H_
#define CORPUS_SITE_SITE_FOLDER_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "corpus/util/status.h"

namespace corpus {

// The static half of SiteServer: a site folder (layout in site_server.h:
// hosts.txt, redirects.txt, headers.txt, one folder per host) answering GET
// requests, with no sockets involved. Immutable after Load(), so any number of
// server threads may call Get() at once.
class SiteFolder {
 public:
  struct Reply {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string content_type = "text/html; charset=utf-8";
    std::string body;
  };

  // Reads the tables of `dir`; an empty `dir` serves no files. `extra_hosts`
  // (name -> address) are added to those of hosts.txt.
  Status Load(const std::string& dir, const std::map<std::string, std::string>& extra_hosts);

  // Host name -> address, from hosts.txt and the extra hosts.
  const std::map<std::string, std::string>& hosts() const { return host_to_address_; }
  // The address of a host name; anything else is returned as is.
  std::string AddressOf(const std::string& address_or_host) const;
  // The host name of an address; the address itself when it has none.
  std::string HostOf(const std::string& address) const;

  // Answers GET `path` (percent-decoded, without query) on `host`: a redirect
  // of redirects.txt, a file (with ETag and Last-Modified, 304 when
  // `if_none_match` / `if_modified_since` match, RFC 9110 §13.1), a folder
  // redirect, or 404. "{{host:NAME}}" in text files becomes "ADDRESS:port".
  Reply Get(const std::string& host, const std::string& path, const std::string& if_none_match,
            const std::string& if_modified_since, int port) const;

 private:
  std::string Expand(std::string text, int port) const;

  std::string dir_;
  std::map<std::string, std::string> host_to_address_, address_to_host_;
  // (host, path) -> (status, target)
  std::map<std::pair<std::string, std::string>, std::pair<int, std::string>> redirects_;
  // (host, path) -> response headers that replace the defaults
  std::map<std::pair<std::string, std::string>, std::vector<std::pair<std::string, std::string>>>
      headers_;
};

}  // namespace corpus

#endif  // CORPUS_SITE_SITE_FOLDER_H_
