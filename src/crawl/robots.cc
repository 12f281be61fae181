#include "corpus/crawl/robots.h"

#include <cstdlib>

#include "corpus/url/url.h"
#include "corpus/util/ascii.h"

namespace corpus {
namespace {

// robots.txt (RFC 9309 §2.2) allows spaces and tabs around keys and values.
std::string_view Trim(std::string_view s) { return StripChars(s, " \t"); }

bool IsTokenChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-';
}

enum class Key { kUserAgent, kAllow, kDisallow, kCrawlDelay, kSitemap, kUnknown };

Key ParseKey(std::string_view k) {
  if (EqualsIgnoreAsciiCase(k, "user-agent")) return Key::kUserAgent;
  if (EqualsIgnoreAsciiCase(k, "allow")) return Key::kAllow;
  if (EqualsIgnoreAsciiCase(k, "disallow")) return Key::kDisallow;
  if (EqualsIgnoreAsciiCase(k, "crawl-delay")) return Key::kCrawlDelay;
  if (EqualsIgnoreAsciiCase(k, "sitemap")) return Key::kSitemap;
  return Key::kUnknown;
}

// Splits "key: value # comment" (§2.2: rule = *WS key *WS ":" *WS value EOL).
// A line with no colon is accepted when it is a known key, whitespace and a
// value ("Disallow /x"): a common typo, and reading it as a rule errs on the
// side of the site owner.
bool SplitLine(std::string_view line, Key* key, std::string_view* value) {
  size_t hash = line.find('#');
  if (hash != std::string_view::npos) line = line.substr(0, hash);
  line = Trim(line);
  if (line.empty()) return false;
  size_t colon = line.find(':');
  std::string_view k;
  if (colon != std::string_view::npos) {
    k = Trim(line.substr(0, colon));
    *value = Trim(line.substr(colon + 1));
  } else {
    size_t ws = line.find_first_of(" \t");
    if (ws == std::string_view::npos) return false;
    k = line.substr(0, ws);
    *value = Trim(line.substr(ws));
  }
  *key = ParseKey(k);
  return *key != Key::kUnknown;
}

// The product token a user-agent line names: its leading [A-Za-z_-] run
// (§2.2.1), which also reads "FooBot/1.2" and "Foo Bar" as their first token.
std::string_view AgentToken(std::string_view value) {
  size_t n = 0;
  while (n < value.size() && IsTokenChar(value[n])) ++n;
  return value.substr(0, n);
}

// Does `pattern` (with `*` = any run of octets and a trailing `$` = end,
// §2.2.3) match a prefix of `path`? Tracks the set of path positions the
// pattern prefix can end at, so it is O(|pattern| * |path|) with no backtracking.
bool PatternMatches(std::string_view pattern, std::string_view path) {
  std::vector<size_t> pos{0}, next;
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '$' && i + 1 == pattern.size()) {
      for (size_t p : pos) {
        if (p == path.size()) return true;
      }
      return false;
    }
    next.clear();
    if (c == '*') {
      // Every position from the smallest reachable one onwards.
      for (size_t p = pos.front(); p <= path.size(); ++p) next.push_back(p);
    } else {
      for (size_t p : pos) {
        if (p < path.size() && path[p] == c) next.push_back(p + 1);
      }
    }
    if (next.empty()) return false;
    pos.swap(next);
  }
  return true;
}

// Canonical form used on both sides of the comparison (§2.2.2): non-ASCII and
// unsafe octets percent-encoded, %XX of unreserved characters decoded, hex
// uppercased; so "/ツ", "/%e3%83%84" and "/%E3%83%84" compare equal.
std::string CanonicalPath(std::string_view path) { return CanonicalPercentEncoding(path); }

}  // namespace

RobotsRules RobotsRules::Parse(std::string_view body, std::string_view product_token) {
  if (body.size() > kMaxRobotsTxtBytes) body = body.substr(0, kMaxRobotsTxtBytes);
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);  // UTF-8 BOM

  // Groups (§2.1): one or more user-agent lines followed by rules. A
  // user-agent line after a rule starts a new group; Sitemap and unknown lines
  // do not end the list of agents. Rules of every group that names our token
  // are merged; if none does, the `*` groups apply (§2.2.1).
  RobotsRules specific, global;
  bool any_specific = false;
  bool in_agent_list = false;  // the previous group line was a user-agent line
  bool group_specific = false, group_global = false;
  bool seen_agent = false;
  std::vector<std::string> sitemaps;

  size_t start = 0;
  while (start < body.size()) {
    size_t end = body.find_first_of("\r\n", start);
    if (end == std::string_view::npos) end = body.size();
    std::string_view line = body.substr(start, end - start);
    start = end + 1;
    if (end + 1 < body.size() && body[end] == '\r' && body[end + 1] == '\n') ++start;

    Key key;
    std::string_view value;
    if (!SplitLine(line, &key, &value)) continue;
    switch (key) {
      case Key::kUserAgent: {
        if (!in_agent_list) group_specific = group_global = false;
        in_agent_list = true;
        seen_agent = true;
        if (value.starts_with("*")) {
          group_global = true;
        } else {
          std::string_view token = AgentToken(value);
          if (!token.empty() && EqualsIgnoreAsciiCase(token, product_token)) {
            group_specific = true;
            any_specific = true;
          }
        }
        break;
      }
      case Key::kAllow:
      case Key::kDisallow:
      case Key::kCrawlDelay: {
        in_agent_list = false;
        if (!seen_agent) break;  // rules before any group belong to none
        RobotsRules* targets[2] = {group_specific ? &specific : nullptr,
                                   group_global ? &global : nullptr};
        for (RobotsRules* t : targets) {
          if (t == nullptr) continue;
          if (key == Key::kCrawlDelay) {
            char* endp = nullptr;
            std::string v(value);
            double d = std::strtod(v.c_str(), &endp);
            if (endp != v.c_str() && d >= 0 && d < 1e9 && !t->crawl_delay_) t->crawl_delay_ = d;
            continue;
          }
          // An empty value matches nothing (§2.2.2 "Disallow:" = allow all).
          if (value.empty()) continue;
          std::string pattern = CanonicalPath(value);
          if (pattern[0] != '/' && pattern[0] != '*') pattern.insert(0, "/");
          t->rules_.push_back(Rule{key == Key::kAllow, std::move(pattern)});
        }
        break;
      }
      case Key::kSitemap: {
        // Sitemaps are not tied to a group (§2.2.4 lists them as "other records").
        if (std::optional<std::string> u = NormalizeUrl(value)) sitemaps.push_back(*u);
        break;
      }
      case Key::kUnknown:
        break;
    }
  }
  RobotsRules out = any_specific ? std::move(specific) : std::move(global);
  out.sitemaps_ = std::move(sitemaps);
  return out;
}

RobotsRules RobotsRules::AllowAll() { return RobotsRules(); }

RobotsRules RobotsRules::DisallowAll() {
  RobotsRules r;
  r.rules_.push_back(Rule{false, "/"});
  return r;
}

bool RobotsRules::IsAllowed(std::string_view path_and_query) const {
  std::string path = CanonicalPath(path_and_query);
  if (path.empty()) path = "/";
  // §2.2.2: "/robots.txt" is implicitly allowed.
  if (path == "/robots.txt") return true;
  // §2.2.2: the most specific (longest, in octets) matching rule wins; Allow
  // wins a tie; no match means allowed.
  size_t best_len = 0;
  bool matched = false, allowed = true;
  for (const Rule& rule : rules_) {
    if (matched && rule.pattern.size() < best_len) continue;
    if (!PatternMatches(rule.pattern, path)) continue;
    if (!matched || rule.pattern.size() > best_len) {
      allowed = rule.allow;
    } else {
      allowed = allowed || rule.allow;
    }
    matched = true;
    best_len = rule.pattern.size();
  }
  return allowed;
}

std::string ProductToken(std::string_view user_agent) {
  user_agent = Trim(user_agent);
  return std::string(AgentToken(user_agent));
}

}  // namespace corpus
