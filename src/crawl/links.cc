#include "corpus/crawl/links.h"

#include <cstdlib>
#include <optional>
#include <unordered_set>
#include <utility>

#include "corpus/crawl/html_tag_scanner.h"
#include "corpus/url/url.h"
#include "corpus/util/ascii.h"

namespace corpus {
namespace {

// Does the space-separated token list `value` (e.g. a rel attribute, HTML
// §2.3.7 "set of space-separated tokens") contain `token`, ASCII
// case-insensitively?
bool HasToken(std::string_view value, std::string_view token) {
  size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && IsAsciiWhitespace(value[i])) ++i;
    size_t start = i;
    while (i < value.size() && !IsAsciiWhitespace(value[i])) ++i;
    std::string_view t = value.substr(start, i - start);
    if (!t.empty() && EqualsIgnoreAsciiCase(t, token)) {
      return true;
    }
  }
  return false;
}

// The link a start tag contributes, if it is one the crawler follows: its
// attribute value goes to `target` (`rel` is scratch space).
bool LinkTarget(const HtmlStartTag& tag, std::string* target, std::string* rel) {
  const std::string_view name = tag.name();
  if (name == "a" || name == "area") {
    if (tag.Get("rel", rel) && HasToken(*rel, "nofollow")) return false;
    return tag.Get("href", target);
  }
  if (name == "link") {
    // Other versions of this page (translations, pagination), but not
    // alternate stylesheets.
    if (!tag.Get("rel", rel) || HasToken(*rel, "nofollow") || HasToken(*rel, "stylesheet")) {
      return false;
    }
    if (!HasToken(*rel, "alternate") && !HasToken(*rel, "next") && !HasToken(*rel, "prev")) {
      return false;
    }
    return tag.Get("href", target);
  }
  if (name == "frame" || name == "iframe") return tag.Get("src", target);
  return false;
}

void Merge(const PageDirectives& from, PageDirectives* into) {
  into->noindex = into->noindex || from.noindex;
  into->nofollow = into->nofollow || from.nofollow;
}

}  // namespace

PageDirectives ParseRobotsDirectives(std::string_view value, std::string_view product_token) {
  // Comma-separated directives, optionally scoped by a leading "agent:"
  // ("googlebot: noindex, nofollow" scopes both); the scope lasts until the
  // next "agent:" prefix. Unscoped directives apply to every crawler.
  PageDirectives d;
  bool applies = true;
  size_t i = 0;
  while (i <= value.size()) {
    size_t comma = value.find(',', i);
    if (comma == std::string_view::npos) comma = value.size();
    std::string tok = AsciiLowercase(StripAsciiWhitespace(value.substr(i, comma - i)));
    i = comma + 1;
    size_t colon = tok.find(':');
    if (colon != std::string::npos) {
      std::string name(StripAsciiWhitespace(std::string_view(tok).substr(0, colon)));
      // Directives with a value of their own are not agent prefixes.
      if (name != "unavailable_after" && name != "max-snippet" && name != "max-image-preview" &&
          name != "max-video-preview") {
        applies = name == AsciiLowercase(product_token);
        tok = std::string(StripAsciiWhitespace(std::string_view(tok).substr(colon + 1)));
      }
    }
    if (!applies) continue;
    if (tok == "noindex") d.noindex = true;
    if (tok == "nofollow") d.nofollow = true;
    if (tok == "none") d.noindex = d.nofollow = true;
  }
  return d;
}

PageLinks ExtractLinks(std::string_view html, std::string_view page_url,
                       std::string_view product_token) {
  PageLinks out;
  std::vector<std::string> raw;  // hrefs in document order, resolved at the end
  std::optional<std::string> base_href;
  const std::string token = AsciiLowercase(product_token);
  std::string value, rel;
  HtmlTagScanner scanner;
  scanner.Scan(html, [&](const HtmlStartTag& tag) {
    const std::string_view name = tag.name();
    // A <template>'s links are the site's URLs that a script (Vue, Alpine)
    // or a declarative shadow root renders, so they are followed; its <base>
    // and <meta> say nothing about this document.
    if (tag.in_template() && (name == "base" || name == "meta")) return;
    if (name == "base") {
      // HTML §4.2.3: the first <base> with an href sets the document base URL,
      // which applies to links before it as well.
      if (!base_href && tag.Get("href", &value)) base_href = value;
    } else if (name == "meta") {
      std::string content;
      if (tag.Get("name", &value) && tag.Get("content", &content)) {
        const std::string n = AsciiLowercase(StripAsciiWhitespace(value));
        if (n == "robots" || n == token) Merge(ParseRobotsDirectives(content, product_token), &out.meta);
      }
    } else if (LinkTarget(tag, &value, &rel)) {
      raw.push_back(value);
    }
  });

  // The page's URL is normalised once, by the resolver: normalising is
  // idempotent (tests/fuzz/url_fuzz.cc), so a resolver built on its result
  // would resolve the same.
  std::optional<UrlResolver> with_base;
  UrlResolver page_resolver(page_url);
  out.base = page_resolver.base().value_or(std::string(page_url));
  if (base_href) {
    if (std::optional<std::string> b = page_resolver.Resolve(*base_href)) {
      out.base = *b;
      with_base.emplace(out.base);
    }
  }
  const UrlResolver& resolver = with_base ? *with_base : page_resolver;
  std::unordered_set<std::string> seen;
  for (const std::string& href : raw) {
    std::optional<std::string> url = resolver.Resolve(href);
    if (url && seen.insert(*url).second) out.urls.push_back(std::move(*url));
  }
  return out;
}

std::vector<std::string> ParseSitemap(std::string_view xml) {
  std::vector<std::string> urls;
  auto add = [&urls](std::string_view s) {
    if (std::optional<std::string> u = NormalizeUrl(s)) urls.push_back(std::move(*u));
  };
  // sitemaps.org also allows a plain text sitemap: one URL per line.
  if (xml.find('<') == std::string_view::npos) {
    size_t i = 0;
    while (i < xml.size()) {
      size_t nl = xml.find('\n', i);
      if (nl == std::string_view::npos) nl = xml.size();
      add(StripAsciiWhitespace(xml.substr(i, nl - i)));
      i = nl + 1;
    }
    return urls;
  }
  // <urlset><url><loc> and <sitemapindex><sitemap><loc> both keep their URLs
  // in <loc> elements (sitemaps.org protocol); a linear scan for them needs no
  // XML tree and tolerates the namespace prefixes and junk real sitemaps have.
  std::string lower = AsciiLowercase(xml);
  size_t pos = 0;
  while (true) {
    size_t open = lower.find("<loc", pos);
    if (open == std::string::npos) break;
    size_t gt = lower.find('>', open);
    if (gt == std::string::npos) break;
    if (lower[open + 4] != '>' && !IsAsciiWhitespace(lower[open + 4])) {
      pos = open + 4;  // <location>, <locale>: not ours
      continue;
    }
    size_t close = lower.find("</loc", gt);
    if (close == std::string::npos) break;
    std::string_view text = StripAsciiWhitespace(xml.substr(gt + 1, close - gt - 1));
    if (text.starts_with("<![CDATA[") && text.ends_with("]]>")) {
      text = StripAsciiWhitespace(text.substr(9, text.size() - 12));
    }
    // XML predefined entities (XML 1.0 §4.6) and numeric character references
    // of ASCII characters; sitemaps must escape '&' in URLs.
    std::string value;
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] != '&') {
        value.push_back(text[i]);
        continue;
      }
      size_t semi = text.find(';', i);
      std::string_view ent = semi == std::string_view::npos ? std::string_view()
                                                            : text.substr(i + 1, semi - i - 1);
      char c = 0;
      if (ent == "amp") c = '&';
      else if (ent == "lt") c = '<';
      else if (ent == "gt") c = '>';
      else if (ent == "quot") c = '"';
      else if (ent == "apos") c = '\'';
      else if (ent.size() >= 2 && ent[0] == '#') {
        long v = ent[1] == 'x' || ent[1] == 'X'
                     ? std::strtol(std::string(ent.substr(2)).c_str(), nullptr, 16)
                     : std::strtol(std::string(ent.substr(1)).c_str(), nullptr, 10);
        if (v > 0 && v < 0x80) c = static_cast<char>(v);
      }
      if (c == 0) {
        value.push_back('&');
      } else {
        value.push_back(c);
        i = semi;
      }
    }
    add(value);
    pos = close + 5;
  }
  return urls;
}

}  // namespace corpus
