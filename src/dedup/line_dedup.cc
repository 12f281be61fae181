#include "corpus/dedup/line_dedup.h"

#include <xxhash.h>

#include <algorithm>

#include "corpus/util/ascii.h"

namespace corpus::dedup {
namespace {

std::string_view Trim(std::string_view s) { return StripChars(s, " \t\r"); }

// Calls fn(line) for each line of `text`, without the '\n'.
template <typename Fn>
void ForEachLine(std::string_view text, Fn fn) {
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    fn(text.substr(start, end - start));
    start = end + 1;
  }
}

}  // namespace

void DistinctLineHashes(std::string_view text, std::vector<uint64_t>* hashes) {
  hashes->clear();
  ForEachLine(text, [&](std::string_view line) {
    const std::string_view t = Trim(line);
    if (!t.empty()) hashes->push_back(XXH3_64bits(t.data(), t.size()));
  });
  std::sort(hashes->begin(), hashes->end());
  hashes->erase(std::unique(hashes->begin(), hashes->end()), hashes->end());
}

std::string RemoveFrequentLines(std::string_view text, const std::unordered_set<uint64_t>& frequent,
                                uint64_t* removed) {
  *removed = 0;
  std::string out;
  out.reserve(text.size());
  int blank_run = 0;  // blank lines written since the last non-blank line
  ForEachLine(text, [&](std::string_view line) {
    const std::string_view t = Trim(line);
    if (t.empty()) {
      if (!out.empty() && blank_run == 0) {
        out.push_back('\n');
        blank_run = 1;
      }
      return;
    }
    if (frequent.count(XXH3_64bits(t.data(), t.size()))) {
      ++*removed;
      return;
    }
    out.append(line);
    out.push_back('\n');
    blank_run = 0;
  });
  // "a\n\nb\n" style: drop the trailing newline(s) added after the last line.
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace corpus::dedup
