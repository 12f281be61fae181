#include "corpus/shard/shuffle_buckets.h"

#include <charconv>
#include <cstdio>
#include <filesystem>

#include "corpus/util/fs.h"

namespace corpus {
namespace {

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

template <typename T>
bool ParseNumber(std::string_view s, int base, T* out) {
  if (s.empty()) return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), *out, base);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

}  // namespace

std::string ShuffleBuckets::WorkDir(const std::string& root) { return JoinPath(root, "_work"); }

std::string ShuffleBuckets::UnitDir(const std::string& root, const std::string& unit) {
  return JoinPath(root, "_work/buckets/" + unit);
}

std::string ShuffleBuckets::RelativePath(const std::string& unit, int split, uint32_t bucket) {
  char name[64];
  std::snprintf(name, sizeof(name), "%s-%05u.tsv.zst", kSplits[split], bucket);
  return "_work/buckets/" + unit + "/" + name;
}

std::string ShuffleBuckets::Path(const std::string& root, const std::string& unit, int split,
                                 uint32_t bucket) {
  return JoinPath(root, RelativePath(unit, split, bucket));
}

bool ShuffleBuckets::ParseRelativePath(std::string_view path, int* split, uint32_t* bucket) {
  const size_t slash = path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  constexpr std::string_view kExt = ".tsv.zst";
  if (name.size() <= kExt.size() || name.substr(name.size() - kExt.size()) != kExt) return false;
  name.remove_suffix(kExt.size());
  const size_t dash = name.rfind('-');
  if (dash == std::string_view::npos) return false;
  for (int s = 0; s < kNumSplits; ++s) {
    if (name.substr(0, dash) == kSplits[s]) {
      *split = s;
      return ParseNumber(name.substr(dash + 1), 10, bucket);
    }
  }
  return false;
}

void ShuffleBuckets::EncodeLine(const BucketEntry& e, std::string* out) {
  char head[64];
  const int n = std::snprintf(head, sizeof(head), "%016llx\t%llu\t%llu\t",
                              static_cast<unsigned long long>(e.key),
                              static_cast<unsigned long long>(e.words),
                              static_cast<unsigned long long>(e.characters));
  out->assign(head, static_cast<size_t>(n));
  out->append(e.json);
}

bool ShuffleBuckets::DecodeLine(std::string_view line, BucketEntry* e) {
  std::string_view fields[3];
  for (auto& f : fields) {
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) return false;
    f = line.substr(0, tab);
    line.remove_prefix(tab + 1);
  }
  e->json = line;
  return fields[0].size() == 16 && ParseNumber(fields[0], 16, &e->key) &&
         ParseNumber(fields[1], 10, &e->words) && ParseNumber(fields[2], 10, &e->characters);
}

uint32_t ShuffleBuckets::ChooseCount(const std::vector<std::string>& inputs, uint64_t bucket_bytes) {
  double estimate = 0;
  for (const auto& in : inputs) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(in, ec);
    if (ec) continue;
    const bool compressed = EndsWith(in, ".zst") || EndsWith(in, ".gz");
    estimate += static_cast<double>(size) * (compressed ? 5.0 : 1.0);
  }
  const double n = estimate / static_cast<double>(bucket_bytes);
  if (n <= 1) return 1;
  if (n >= kMaxBuckets) return kMaxBuckets;
  return static_cast<uint32_t>(n) + 1;
}

}  // namespace corpus
