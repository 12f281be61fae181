#include "corpus/crawl/http_capture.h"

#include <curl/curl.h>

#include <ctime>

#include "corpus/io/http_response.h"

namespace corpus {
namespace {

int DebugCallback(CURL* easy, curl_infotype type, char* data, size_t size, void* user) {
  static_cast<HttpCapture*>(user)->OnDebug(static_cast<int>(type), data, size);
  return 0;
}

// Where a redirect response sends the client next (RFC 9110 §10.2.2), as
// curl resolves it; "" when it is no redirect.
std::string RedirectTarget(const HttpExchange& x) {
  HttpResponseHead head;
  if (!ParseHttpResponseHead(x.response, &head).ok() || head.status < 300 || head.status >= 400) return "";
  const std::string location(FindHeader(head.headers, "Location"));
  if (location.empty()) return "";
  CURLU* u = curl_url();
  std::string out;
  char* resolved = nullptr;
  if (curl_url_set(u, CURLUPART_URL, x.target_uri.c_str(), 0) == CURLUE_OK &&
      curl_url_set(u, CURLUPART_URL, location.c_str(), 0) == CURLUE_OK &&
      curl_url_get(u, CURLUPART_URL, &resolved, 0) == CURLUE_OK) {
    out = resolved;
  }
  curl_free(resolved);
  curl_url_cleanup(u);
  return out;
}

}  // namespace

void HttpCapture::Attach(void* easy, std::string url, uint64_t max_response_bytes) {
  easy_ = easy;
  max_response_bytes_ = max_response_bytes;
  current_ = HttpExchange();
  current_.target_uri = std::move(url);
  curl_easy_setopt(static_cast<CURL*>(easy), CURLOPT_DEBUGFUNCTION, DebugCallback);
  curl_easy_setopt(static_cast<CURL*>(easy), CURLOPT_DEBUGDATA, this);
  // The debug callback is only called in verbose mode; with a callback set,
  // nothing goes to stderr.
  curl_easy_setopt(static_cast<CURL*>(easy), CURLOPT_VERBOSE, 1L);
}

void HttpCapture::FinishCurrent() {
  if (!open_) return;
  open_ = false;
  if (current_.response.empty()) return;  // no answer: curl retries, or it failed
  std::string next = RedirectTarget(current_);
  if (next.empty()) next = current_.target_uri;
  done_.push_back(std::move(current_));
  current_ = HttpExchange();
  current_.target_uri = std::move(next);
}

void HttpCapture::OnDebug(int type, const char* data, size_t size) {
  switch (type) {
    case CURLINFO_HEADER_OUT: {
      // A request header block ends with an empty line; more header bytes
      // after a complete block are the next request.
      const bool complete = current_.request.size() >= 4 &&
                            current_.request.compare(current_.request.size() - 4, 4, "\r\n\r\n") == 0;
      if (open_ && !complete && current_.response.empty()) {
        current_.request.append(data, size);
        return;
      }
      FinishCurrent();
      open_ = true;
      current_.request.assign(data, size);
      current_.response.clear();
      current_.cut = false;
      current_.unix_seconds = static_cast<int64_t>(std::time(nullptr));
      char* ip = nullptr;
      if (curl_easy_getinfo(static_cast<CURL*>(easy_), CURLINFO_PRIMARY_IP, &ip) == CURLE_OK && ip) {
        current_.ip_address = ip;
      }
      return;
    }
    case CURLINFO_HEADER_IN:
    case CURLINFO_DATA_IN: {
      if (!open_) return;
      if (current_.response.size() + size > max_response_bytes_) {
        size = max_response_bytes_ - std::min<uint64_t>(max_response_bytes_, current_.response.size());
        current_.cut = true;
      }
      current_.response.append(data, size);
      return;
    }
    default:
      return;
  }
}

std::vector<HttpExchange> HttpCapture::Take() {
  FinishCurrent();
  std::vector<HttpExchange> out = std::move(done_);
  done_.clear();
  return out;
}

}  // namespace corpus
