#include "corpus/crawl/url_family.h"

#include <algorithm>
#include <optional>

#include "corpus/crawl/url.h"
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
  const std::optional<Url> u = ParseUrl(normalized_url);
  if (!u) return families;
  std::string prefix = u->host;
  if (u->port != 0) prefix += ":" + std::to_string(u->port);
  AppendDigitShape(u->path, &prefix);
  const std::string path_and_query = UrlPathAndQuery(normalized_url);
  if (path_and_query.find('?') == std::string::npos) {
    families.push_back(std::move(prefix));
    return families;
  }
  prefix.push_back('?');
  std::vector<std::string_view> params;
  std::string_view rest = u->query;
  for (;;) {
    const size_t amp = rest.find('&');
    params.push_back(rest.substr(0, amp));
    if (amp == std::string_view::npos) break;
    rest.remove_prefix(amp + 1);
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
