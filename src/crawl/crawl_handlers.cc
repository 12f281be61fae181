// The crawler's handling of finished fetches: robots.txt, pages, sitemaps,
// redirects, retries and failing hosts.
#include <curl/curl.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>

#include "corpus/crawl/crawler.h"
#include "corpus/crawl/links.h"
#include "corpus/url/url.h"
#include "corpus/stage/progress.h"
#include "corpus/text/charset.h"
#include "corpus/util/json.h"
#include "corpus/util/rfc3339.h"

namespace corpus {
namespace {

constexpr int64_t kRobotsTtlMs = 24LL * 3600 * 1000;  // cached 24 h
constexpr int kMaxRedirects = 10;

int64_t UnixMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. -1 if absent
// or unreadable.
int64_t RetryAfterMs(const std::string& value) {
  if (value.empty()) return -1;
  char* end = nullptr;
  const long secs = std::strtol(value.c_str(), &end, 10);
  if (end != value.c_str() && *end == '\0') return secs < 0 ? -1 : secs * 1000LL;
  const time_t when = curl_getdate(value.c_str(), nullptr);
  if (when < 0) return -1;
  return std::max<int64_t>(0, (when - std::time(nullptr)) * 1000LL);
}

std::string StatusRule(int status) { return "status_" + std::to_string(status); }

}  // namespace

int64_t Crawler::BackoffMs(int attempt, const std::string& retry_after) const {
  int64_t ms = RetryAfterMs(retry_after);
  if (ms < 0) ms = 1000LL << std::min(attempt, 10);  // 1 s, 2 s, 4 s, ...
  return std::min<int64_t>(ms, config_.max_retry_after_ms);
}

void Crawler::ParkHost(const std::string& host, const std::string& rule) {
  if (!parked_.emplace(host, rule).second) return;
  host_log_->AddParkedHost({host, rule});  // a resumed crawl keeps it parked
  spdlog::warn("crawl: host {} parked ({}); its URLs are rejected", host, rule);
  output_->Count("hosts_parked");
  for (auto& e : hosts_->Drain(host)) Reject(e.url, e.depth, rule, JsonQuote(host));
  hosts_->SetBlocked(host, false);
}

void Crawler::NoteHostFailure(const std::string& host, const std::string& rule, int64_t now) {
  if (++failures_[host] >= config_.park_after_failures) ParkHost(host, rule);
}

void Crawler::HandleRobots(InFlight& job, FetchResult& r, int64_t now) {
  hosts_->Finish(job.host, now);
  RobotsState& rs = robots_[job.origin];
  rs.fetching = false;
  output_->Count("robots_fetches");
  spdlog::debug("crawl: {} -> {} {}", job.entry.url, r.status, FetchErrorRule(r.error));
  bool usable = false;
  bool allow_all = false;
  std::string fail;  // why robots.txt is unavailable, for the retry/park
  if (r.error == FetchError::kRedirectLimit) {
    rs.rules = RobotsRules::AllowAll();  // RFC 9309 §2.3.1.2: may be treated as unavailable
    usable = allow_all = true;
  } else if (r.error == FetchError::kDns || r.error == FetchError::kPrivateAddress) {
    // Every page of the host would fail the same way.
    ParkHost(job.host, FetchErrorRule(r.error));
    return;
  } else if (r.error != FetchError::kNone) {
    fail = FetchErrorRule(r.error);
  } else if (r.status >= 200 && r.status < 300) {
    rs.rules = RobotsRules::Parse(r.body, product_token_);
    usable = true;
  } else if (r.status >= 400 && r.status < 500 && r.status != 429) {
    rs.rules = RobotsRules::AllowAll();  // §2.3.1.3: unavailable means allowed
    usable = allow_all = true;
  } else {
    fail = StatusRule(r.status);  // §2.3.1.4: unreachable means disallowed
  }
  if (!usable) {
    // Disallowed for now: the host's URLs wait, robots.txt is asked again
    // after a backoff, and after max_retries the host is parked.
    if (++rs.attempts > config_.max_retries) {
      ParkHost(job.host, "robots_unavailable");
      return;
    }
    hosts_->DelayUntil(job.host, now + BackoffMs(rs.attempts - 1, r.retry_after));
    hosts_->SetBlocked(job.host, false);
    return;
  }
  RobotsLogEntry logged;
  logged.origin = job.origin;
  logged.fetched_unix_ms = UnixMs();
  logged.allow_all = allow_all;
  if (!allow_all) logged.body = r.body.substr(0, kMaxRobotsTxtBytes);  // all that is parsed
  host_log_->AddRobots(logged);
  UseRobots(job.host, rs, now + kRobotsTtlMs, config_.sitemaps);
  hosts_->SetBlocked(job.host, false);
}

void Crawler::UseRobots(const std::string& host, RobotsState& rs, int64_t expires, bool sitemaps) {
  rs.ready = true;
  rs.attempts = 0;
  rs.expires = expires;
  if (auto cd = rs.rules.crawl_delay_seconds()) {
    const int64_t want = std::min<int64_t>(static_cast<int64_t>(*cd * 1000.0), config_.max_crawl_delay_ms);
    if (want > config_.per_host_delay_ms) hosts_->SetDelay(host, want);
  }
  if (sitemaps) {
    for (const auto& sm : rs.rules.sitemaps()) {
      if (auto url = NormalizeUrl(sm)) Discover(*url, 0, 0, FrontierEntry::kSitemap);
    }
  }
}

void Crawler::RestoreHostState(const std::vector<RobotsLogEntry>& robots,
                               const std::vector<ParkedHostLogEntry>& parked) {
  const int64_t now_unix = UnixMs();
  const int64_t now = NowMs();
  size_t cached = 0;
  for (const RobotsLogEntry& e : robots) {
    // The wall clock carries the age across the restart; the loop's clock is
    // monotonic and starts anew.
    const int64_t left = e.fetched_unix_ms + kRobotsTtlMs - now_unix;
    if (left <= 0 || left > kRobotsTtlMs) continue;  // expired, or the clock went back
    RobotsState& rs = robots_[e.origin];
    rs.rules = e.allow_all ? RobotsRules::AllowAll() : RobotsRules::Parse(e.body, product_token_);
    // Its sitemaps were queued when it was fetched.
    UseRobots(UrlHost(e.origin), rs, now + left, /*sitemaps=*/false);
    ++cached;
  }
  for (const ParkedHostLogEntry& p : parked) parked_.emplace(p.host, p.rule);
  spdlog::info("crawl: {} robots.txt files still fresh, {} hosts parked", cached, parked_.size());
}

void Crawler::HandlePage(InFlight& job, FetchResult& r, int64_t now) {
  hosts_->Finish(job.host, now);
  if (job.job == Job::kPage) --pages_in_flight_;
  FrontierEntry& e = job.entry;
  if (r.error == FetchError::kNotHtml) {
    failures_[job.host] = 0;
    Reject(e.url, e.depth, "not_html", JsonQuote(r.content_type));
    return;
  }
  // Back to the front of the host's queue, the host waiting out a backoff.
  auto retry_later = [&] {
    hosts_->DelayUntil(job.host, now + BackoffMs(e.retries, r.retry_after));
    ++e.retries;
    output_->Count("retries");
    hosts_->Push(job.host, std::move(e), /*front=*/true);
  };
  if (r.error == FetchError::kTimeout && e.retries < std::min(1, config_.max_retries)) {
    // A timeout often passes (a busy server, a stalled connection): one more
    // try, after the backoff, before the URL is given up.
    retry_later();
    return;
  }
  if (r.error != FetchError::kNone) {
    Reject(e.url, e.depth, FetchErrorRule(r.error), JsonQuote(r.error_text));
    NoteHostFailure(job.host, FetchErrorRule(r.error), now);
    return;
  }
  const int status = r.status;
  if (status == 429 || status == 503) {
    if (e.retries < config_.max_retries) {
      retry_later();
      return;
    }
    Reject(e.url, e.depth, StatusRule(status), std::to_string(status));
    NoteHostFailure(job.host, StatusRule(status), now);
    return;
  }
  if (status == 304 && (!e.etag.empty() || !e.last_modified.empty())) {
    failures_[job.host] = 0;
    output_->Count("unchanged");  // --refresh: recorded, not re-emitted
    return;
  }
  if (status >= 300 && status < 400 && !r.location.empty()) {
    failures_[job.host] = 0;
    HandleRedirect(job, r);
    return;
  }
  if (status < 200 || status >= 300) {
    Reject(e.url, e.depth, StatusRule(status), std::to_string(status));
    if (status >= 500) {
      NoteHostFailure(job.host, StatusRule(status), now);
    } else {
      failures_[job.host] = 0;
    }
    return;
  }
  failures_[job.host] = 0;
  if (job.job == Job::kSitemap) {
    HandleSitemap(job, r);
  } else {
    EmitPage(job, r);
  }
}

void Crawler::HandleRedirect(InFlight& job, FetchResult& r) {
  const FrontierEntry& e = job.entry;
  auto target = ResolveUrl(e.url, r.location);
  if (!target) {
    Reject(e.url, e.depth, "redirect_invalid", JsonQuote(r.location));
    return;
  }
  if (e.hops + 1 > kMaxRedirects) {
    Reject(e.url, e.depth, "redirect_limit", JsonQuote(*target));
    return;
  }
  // The redirecting URL is no page; its line says where it led. The target
  // goes through the same checks as any link (seen set, scope, traps), and
  // robots.txt and the address policy when its turn comes.
  Reject(e.url, e.depth, "redirect",
         JsonObjectWriter().Int("status", r.status).String("location", *target).Finish());
  if (e.depth == 0) scope_->AddRedirectTarget(*target);
  Discover(*target, e.depth, e.hops + 1, e.kind);
}

void Crawler::HandleSitemap(InFlight& job, FetchResult& r) {
  output_->Count("sitemaps");
  for (const auto& url : ParseSitemap(r.body)) {
    // A sitemap index lists sitemaps; a urlset lists pages.
    const bool is_sitemap = url.size() > 4 && (url.compare(url.size() - 4, 4, ".xml") == 0 ||
                                                url.find(".xml.gz") != std::string::npos);
    if (is_sitemap) {
      Discover(url, job.entry.depth, 0, FrontierEntry::kSitemap);
    } else if (config_.max_depth < 0 || job.entry.depth + 1 <= config_.max_depth) {
      Discover(url, job.entry.depth + 1, 0, FrontierEntry::kPage);
    }
  }
}

void Crawler::EmitPage(InFlight& job, FetchResult& r) {
  // Decoding, parsing and escaping run on a worker; what they produce is
  // applied (links queued, record written) back on the loop thread.
  struct Page {
    InFlight job;
    FetchResult response;
    PageLinks links;
    bool noindex = false, noindex_header = false, nofollow = false;
    std::string json;
  };
  auto page = std::make_shared<Page>();
  page->job = std::move(job);
  page->response = std::move(r);
  workers_->Submit([this, page]() -> PageWorkers::Apply {
    const FrontierEntry& e = page->job.entry;
    FetchResult& resp = page->response;
    const PageDirectives header = ParseRobotsDirectives(resp.x_robots_tag);
    // A UTF-8 body becomes the record's html without a copy.
    DecodedHtml decoded = DecodeOwnedHtmlToUtf8(std::move(resp.body), resp.content_type);
    resp.body = std::string();
    page->links = ExtractLinks(decoded.utf8, e.url, product_token_);
    page->noindex_header = header.noindex;
    page->noindex = header.noindex || page->links.meta.noindex;
    page->nofollow = header.nofollow || page->links.meta.nofollow;
    if (!page->noindex) {
      PageFacts p;
      p.url = e.url;
      p.fetched_at = NowRfc3339();
      p.status = resp.status;
      p.content_type = resp.content_type;
      p.etag = resp.etag;
      p.last_modified = resp.last_modified;
      p.depth = e.depth;
      p.html = std::move(decoded.utf8);
      p.charset = decoded.charset;
      p.truncated = resp.truncated;
      page->json = PageRecordJson(p);
    }
    return [this, page] { ApplyPage(page->job, page->links, page->noindex, page->noindex_header,
                                    page->nofollow, page->response.truncated, page->json); };
  });
}

void Crawler::ApplyPage(const InFlight& job, const PageLinks& links, bool noindex,
                        bool noindex_header, bool nofollow, bool truncated, const std::string& json) {
  const FrontierEntry& e = job.entry;
  ++changes_;
  if (nofollow) {
    output_->Count("nofollow_pages");
  } else if (config_.max_depth < 0 || e.depth + 1 <= config_.max_depth) {
    traps_->BeginPage(e.url, links.urls);
    for (const auto& url : links.urls) Discover(url, e.depth + 1, 0, FrontierEntry::kPage, e.url);
  } else {
    output_->Count("links_beyond_max_depth", links.urls.size());
  }
  if (noindex) {
    // noindex keeps no text: the URL is logged in rejected/ without its html.
    Reject(e.url, e.depth, "noindex", JsonQuote(noindex_header ? "x-robots-tag" : "meta"));
    return;
  }
  if (truncated) output_->Count("truncated");
  Fail(output_->WritePage(json));
  traps_->CountHostPage(job.host);
  if (progress_) progress_->records = output_->counts().kept;
}

}  // namespace corpus
