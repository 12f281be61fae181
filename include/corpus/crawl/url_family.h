#ifndef CORPUS_CRAWL_URL_FAMILY_H_
#define CORPUS_CRAWL_URL_FAMILY_H_

#include <string>
#include <string_view>
#include <vector>

namespace corpus {

// The URL families a normalised URL belongs to, for the crawler's trap
// budget (docs/crawl-traps.md). A family is the URL's host, port, path and
// query with what typically varies inside a trap blanked out:
//
//   - every run of decimal digits becomes '#' ("/calendar/2024/05/" ->
//     "/calendar/#/#/", "?page=17" -> "?page=#"): calendars, dates, page
//     numbers, numeric ids;
//   - additionally, for each of the first 8 query parameters, a family with
//     that parameter's whole value as '*' ("?sid=8f3a" -> "?sid=*",
//     "?sort=price" -> "?sort=*"): session ids, sort orders, filters.
//
// So two URLs share a family when they differ only in numbers, or only in
// one query parameter's value. The scheme is left out (http and https of one
// site are one family). Families are returned in a fixed order, the digit
// family first, without duplicates. REQUIRES: `normalized_url` is an output
// of NormalizeUrl (url/url.h); other strings give an empty or meaningless
// result. Thread-safe.
std::vector<std::string> UrlFamilies(std::string_view normalized_url);

}  // namespace corpus

#endif  // CORPUS_CRAWL_URL_FAMILY_H_
