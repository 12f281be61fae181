#ifndef CORPUS_CRAWL_ROBOTS_H_
#define CORPUS_CRAWL_ROBOTS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace corpus {

// RFC 9309 §2.5: crawlers MUST parse at least 500 KiB; we parse exactly that,
// so a huge file costs bounded memory and time.
inline constexpr size_t kMaxRobotsTxtBytes = 500 * 1024;

// The rules of one robots.txt (RFC 9309) that apply to one user agent.
// Immutable after construction and cheap to copy; the crawler caches one per
// origin. Matching follows RFC 9309 §2.2.2: the longest matching rule wins,
// Allow wins a tie, no matching rule means allowed.
class RobotsRules {
 public:
  // Parses up to 500 KiB of `body` (§2.5) and keeps the rules of the group(s)
  // for `product_token`: case-insensitive match of the product token, the most
  // specific group wins and groups naming the same agent are merged, `*` is the
  // fallback (§2.2.1). Unknown lines and malformed lines are ignored (§2.2).
  static RobotsRules Parse(std::string_view body, std::string_view product_token);
  // robots.txt "unavailable" (4xx): crawl anything (§2.3.1.3).
  static RobotsRules AllowAll();
  // robots.txt "unreachable" (5xx, network error): crawl nothing (§2.3.1.4).
  static RobotsRules DisallowAll();

  // `path_and_query` as sent on the wire ("/a?b"). `*` and `$` are supported
  // (§2.2.3), percent-encoding is compared canonically. "/robots.txt" is always
  // allowed (§2.2.2).
  bool IsAllowed(std::string_view path_and_query) const;

  // Non-standard Crawl-delay of the chosen group, in seconds.
  std::optional<double> crawl_delay_seconds() const { return crawl_delay_; }
  // Sitemap: lines of the whole file (they belong to no group), in file order.
  const std::vector<std::string>& sitemaps() const { return sitemaps_; }

 private:
  struct Rule {
    bool allow = false;
    std::string pattern;  // canonical percent-encoding, starts with "/" or "*"
  };

  std::vector<Rule> rules_;
  std::optional<double> crawl_delay_;
  std::vector<std::string> sitemaps_;
};

// The product token of a User-Agent header (RFC 9309 §2.2.1): the leading run
// of [A-Za-z_-]. "corpus/0.1 (+https://...)" -> "corpus".
std::string ProductToken(std::string_view user_agent);

}  // namespace corpus

#endif  // CORPUS_CRAWL_ROBOTS_H_
