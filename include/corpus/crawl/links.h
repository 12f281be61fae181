#ifndef CORPUS_CRAWL_LINKS_H_
#define CORPUS_CRAWL_LINKS_H_

#include <string>
#include <string_view>
#include <vector>

namespace corpus {

// Link discovery for the crawler: what to follow from a fetched page and what
// the page says about itself (robots meta directives, <base href>).

// Indexing directives from `<meta name="robots">` or an `X-Robots-Tag` header.
struct PageDirectives {
  bool noindex = false;   // keep no page text
  bool nofollow = false;  // follow no links
};

struct PageLinks {
  // Resolved against `base` and normalised (NormalizeUrl), de-duplicated, in
  // document order. From <a href>, <area href>, <link rel=alternate|next|prev>
  // and <frame|iframe src>, also inside <template>; links with rel=nofollow
  // are skipped, and so is markup in comments and raw text (script, style...).
  std::vector<std::string> urls;
  // From <meta name=robots> and <meta name=PRODUCT_TOKEN> (not inside a
  // <template>); the page's links
  // are still listed when nofollow is set, the caller decides.
  PageDirectives meta;
  // The base URL links were resolved against: <base href> or the page URL.
  std::string base;
};

// One HtmlTagScanner pass over `html` (no tree, no recursion). `product_token`
// names the crawler for <meta name="corpus" content="..."> (case-insensitive).
PageLinks ExtractLinks(std::string_view html, std::string_view page_url,
                       std::string_view product_token = "corpus");

// Parses an X-Robots-Tag header or meta robots content: "noindex, nofollow",
// "none" (= both), "all". Directives scoped to an agent ("otherbot: noindex")
// apply only when it is `product_token` (case-insensitive); unknown tokens are
// ignored.
PageDirectives ParseRobotsDirectives(std::string_view value,
                                     std::string_view product_token = "corpus");

// Sitemap XML (<urlset><url><loc>, <sitemapindex><sitemap><loc>) -> normalised
// URLs in document order; invalid and non-http(s) locations are dropped.
std::vector<std::string> ParseSitemap(std::string_view xml);

}  // namespace corpus

#endif  // CORPUS_CRAWL_LINKS_H_
