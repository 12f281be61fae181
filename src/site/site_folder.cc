#include "corpus/site/site_folder.h"

#include <sys/stat.h>
#include <xxhash.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <sstream>

#include "corpus/util/ascii.h"
#include "corpus/util/fs.h"

namespace corpus {
namespace {

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

Status SiteFolder::Load(const std::string& dir,
                        const std::map<std::string, std::string>& extra_hosts) {
  dir_ = dir;
  for (const auto& [host, address] : extra_hosts) {
    host_to_address_[host] = address;
    address_to_host_[address] = host;
  }
  if (dir.empty()) return Status::OK();
  if (!IsDirectory(dir)) return Status::InvalidArgument("site folder " + dir + " does not exist");
  std::vector<std::vector<std::string>> rows;
  CORPUS_RETURN_IF_ERROR(ReadTable(JoinPath(dir, "hosts.txt"), 2, &rows));
  for (const auto& row : rows) {
    host_to_address_[row[0]] = row[1];
    address_to_host_[row[1]] = row[0];
  }
  CORPUS_RETURN_IF_ERROR(ReadTable(JoinPath(dir, "redirects.txt"), 4, &rows));
  for (const auto& row : rows) {
    int status = std::atoi(row[2].c_str());
    if (status < 300 || status > 399) {
      return Status::InvalidArgument("redirects.txt: bad status " + row[2]);
    }
    redirects_[{row[0], row[1]}] = {status, row[3]};
  }
  CORPUS_RETURN_IF_ERROR(ReadTable(JoinPath(dir, "headers.txt"), 4, &rows));
  for (const auto& row : rows) headers_[{row[0], row[1]}].push_back({row[2], row[3]});
  return Status::OK();
}

std::string SiteFolder::AddressOf(const std::string& address_or_host) const {
  auto it = host_to_address_.find(address_or_host);
  return it == host_to_address_.end() ? address_or_host : it->second;
}

std::string SiteFolder::HostOf(const std::string& address) const {
  auto it = address_to_host_.find(address);
  return it == address_to_host_.end() ? address : it->second;
}

std::string SiteFolder::Expand(std::string text, int port) const {
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
    std::string repl = it->second + ":" + std::to_string(port);
    text.replace(pos, close + 2 - pos, repl);
    pos += repl.size();
  }
  return text;
}

SiteFolder::Reply SiteFolder::Get(const std::string& host, const std::string& path,
                                  const std::string& if_none_match,
                                  const std::string& if_modified_since, int port) const {
  Reply reply;
  auto redirect = redirects_.find({host, path});
  if (redirect != redirects_.end()) {
    reply.status = redirect->second.first;
    reply.headers.push_back({"Location", Expand(redirect->second.second, port)});
    reply.body = "<!doctype html><title>Moved</title><p>Moved.</p>\n";
    return reply;
  }
  Reply not_found;
  not_found.status = 404;
  not_found.body = kNotFoundPage;
  if (dir_.empty() || path.empty() || path[0] != '/' || path.find('\0') != std::string::npos ||
      path.find("/..") != std::string::npos || host.find('/') != std::string::npos ||
      !host_to_address_.count(host)) {
    return not_found;
  }
  std::string file = dir_ + "/" + host + path;
  if (IsDirectory(file)) {
    if (!path.ends_with("/")) {
      reply.status = 301;
      reply.headers.push_back({"Location", path + "/"});
      return reply;
    }
    file += "index.html";
  }
  struct stat st;
  if (stat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return not_found;
  std::string body;
  if (!ReadFile(file, &body).ok()) return not_found;
  reply.content_type = ContentTypeFor(file);
  if (IsTextType(reply.content_type)) body = Expand(std::move(body), port);

  // Validators (RFC 9110 §8.8) for conditional requests (§13.1): a strong
  // ETag from the bytes served, Last-Modified from the file. The hash need
  // not resist attacks, only tell versions apart, and a cryptographic one
  // was half of the server's CPU in the crawl benchmark.
  char etag_buf[24];
  std::snprintf(etag_buf, sizeof(etag_buf), "\"%016llx\"",
                static_cast<unsigned long long>(XXH3_64bits(body.data(), body.size())));
  std::string etag = etag_buf;
  reply.headers.push_back({"ETag", etag});
  reply.headers.push_back({"Last-Modified", HttpDate(st.st_mtime)});
  bool not_modified = false;
  if (!if_none_match.empty()) {
    // §13.1.2: If-None-Match takes precedence over If-Modified-Since.
    not_modified = if_none_match == "*" || if_none_match.find(etag) != std::string::npos;
  } else if (!if_modified_since.empty()) {
    time_t since;
    not_modified = ParseHttpDate(if_modified_since, &since) && st.st_mtime <= since;
  }
  if (not_modified) {
    reply.status = 304;
    return reply;
  }
  auto extra = headers_.find({host, path});
  if (extra != headers_.end()) {
    for (const auto& [name, value] : extra->second) {
      if (EqualsIgnoreAsciiCase(name, "Content-Type")) {
        reply.content_type = value;
      } else {
        reply.headers.push_back({name, value});
      }
    }
  }
  reply.body = std::move(body);
  return reply;
}

}  // namespace corpus
