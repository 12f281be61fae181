#ifndef CORPUS_EXTRACT_HTML_PRESCAN_H_
#define CORPUS_EXTRACT_HTML_PRESCAN_H_

#include <string>
#include <string_view>
#include <vector>

namespace corpus {

// What PrescanHtml keeps from a page.
struct PrescanResult {
  std::string html;                    // the page without raw-text blocks and unread attributes
  std::vector<std::string> json_ld;    // bodies of <script type="application/ld+json">
};

// Removes, in one linear byte scan before parsing, the parts of a page that
// never hold visible main text: <script>, <style>, <template>,
// <svg>, <iframe> and <object> elements and HTML comments. (<noscript> stays:
// without JavaScript, which is how we read pages, its content is the page;
// some forums serve their posts only there.)
//
// Why: on real pages most of the bytes are there (about 59% on the WCXB pages),
// and they are the slowest part of a full HTML5 parse, so dropping
// them first roughly doubles extraction throughput. The scan follows the
// HTML5 tokenizer's rules for where these elements end (a raw-text element
// ends at the first case-insensitive `</name`, a comment at `-->`), so the
// tree gumbo then builds is the tree it would have built, minus those nodes.
// Unterminated blocks run to the end of the input, as in the tokenizer.
// JSON-LD bodies are kept aside: product pages often carry their description
// only there. A formula left for MathJax (<script type="math/tex">) is
// written in its place as MathML with a TeX annotation, the one script whose
// text is shown (docs/LANGUAGES.md, "Text the page shows").
//
// Start tags lose the attributes the extractor never reads (data-*, srcset,
// src, alt, onclick, ...; the kept ones are listed in html_prescan.cc): on
// the WCXB pages attributes are two thirds of what is left after the raw-text
// blocks go, and gumbo copies every byte of them. Attributes are split as
// the HTML5 tokenizer splits them (NextHtmlAttribute, text/html_attributes.h),
// so the tree is unchanged but for the dropped attributes. `href` values are
// cut to the little the extractor reads of them (whether a link points inside
// the page, to an e-mail address or phone number, or to a site's profile on
// a social network: SocialProfileDomain; see ShortHref in html_prescan.cc),
// which leaves every extraction byte-identical.
//
// It also caps element nesting at kMaxPrescanDepth: deeper start tags (and
// their end tags) are dropped, their text kept. HTML5 tree construction scans
// the stack of open elements for most tags, so a page nested 100,000 deep
// costs gumbo O(n * depth) — minutes — while no real page nests beyond a few
// hundred levels. Void elements and those whose end tag is usually implied
// (<p>, <li>, table cells) do not count.
void PrescanHtml(std::string_view html, PrescanResult* out);

constexpr size_t kMaxPrescanDepth = 400;

// The domain of the social network or messaging app ([social_hosts] of
// configs/extract/names.txt: its last two labels) whose profile `href`
// links to: an absolute http(s) URL whose path is one segment at most
// ("https://www.facebook.com/CityNews/" gives "facebook.com"; a post,
// "…/CityNews/posts/123", gives nothing). PrescanHtml cuts such an href to
// this domain. Empty otherwise.
std::string_view SocialProfileDomain(std::string_view href);

}  // namespace corpus

#endif  // CORPUS_EXTRACT_HTML_PRESCAN_H_
