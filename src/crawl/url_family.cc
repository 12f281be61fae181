#include "corpus/crawl/url_family.h"

#include <algorithm>

#include "corpus/util/ascii.h"

namespace corpus {
namespace {

constexpr size_t kMaxParamFamilies = 8;

void AppendDigitShape(std::string_view s, std::string* out) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (!IsAsciiDigit(s[i])) {
      out->push_back(s[i]);
      continue;
    }
    out->push_back('#');
    while (i + 1 < s.size() && IsAsciiDigit(s[i + 1])) ++i;
  }
}

}  // namespace

std::vector<std::string> UrlFamilies(std::string_view normalized_url) {
  std::vector<std::string> families;
  // A normalised URL splits without parsing: "scheme://authority/path?query"
  // (no fragment, no userinfo, the default port dropped).
  const size_t scheme_end = normalized_url.find("://");
  if (scheme_end == std::string_view::npos) return families;
  std::string_view rest = normalized_url.substr(scheme_end + 3);
  const size_t path_start = rest.find('/');
  if (path_start == std::string_view::npos || path_start == 0) return families;
  std::string prefix(rest.substr(0, path_start));
  rest.remove_prefix(path_start);
  const size_t q = rest.find('?');
  AppendDigitShape(rest.substr(0, q), &prefix);
  if (q == std::string_view::npos) {
    families.push_back(std::move(prefix));
    return families;
  }
  const std::string_view query = rest.substr(q + 1);
  prefix.push_back('?');
  std::vector<std::string_view> params;
  std::string_view params_left = query;
  for (;;) {
    const size_t amp = params_left.find('&');
    params.push_back(params_left.substr(0, amp));
    if (amp == std::string_view::npos) break;
    params_left.remove_prefix(amp + 1);
  }
  // Parameter `blank`'s value as '*' (none when blank >= params.size()),
  // the other parameters in digit shape.
  auto family = [&](size_t blank) {
    std::string f = prefix;
    for (size_t i = 0; i < params.size(); ++i) {
      if (i) f.push_back('&');
      if (i == blank) {
        f.append(params[i].substr(0, params[i].find('=')));
        f.append("=*");
      } else {
        AppendDigitShape(params[i], &f);
      }
    }
    if (std::find(families.begin(), families.end(), f) == families.end()) families.push_back(std::move(f));
  };
  family(params.size());
  for (size_t i = 0; i < std::min(params.size(), kMaxParamFamilies); ++i) family(i);
  return families;
}

}  // namespace corpus
