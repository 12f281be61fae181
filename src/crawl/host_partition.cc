// Host ownership of a crawl spread over tasks (README.md, "A crawl over many tasks").
#include "corpus/crawl/host_partition.h"

#include <xxhash.h>

#include "corpus/url/url.h"

namespace corpus {

bool ParsePartitionBy(const std::string& name, PartitionBy* by) {
  if (name == "host") {
    *by = PartitionBy::kHost;
  } else if (name == "domain") {
    *by = PartitionBy::kDomain;
  } else {
    return false;
  }
  return true;
}

const char* PartitionByName(PartitionBy by) { return by == PartitionBy::kDomain ? "domain" : "host"; }

HostPartition::HostPartition(int num_tasks, PartitionBy by) : num_tasks_(num_tasks), by_(by) {}

int HostPartition::OwnerOfHost(std::string_view host) const {
  if (num_tasks_ <= 1) return 0;
  std::string key = by_ == PartitionBy::kDomain ? RegistrableDomain(host) : std::string(host);
  const uint64_t h = XXH3_64bits(key.data(), key.size());
  // Slice i is [i * 2^64 / n, (i + 1) * 2^64 / n): the high half of h * n.
  return static_cast<int>((static_cast<unsigned __int128>(h) * static_cast<unsigned>(num_tasks_)) >> 64);
}

int HostPartition::OwnerOfUrl(std::string_view normalized_url) const {
  if (num_tasks_ <= 1) return 0;
  return OwnerOfHost(UrlHost(normalized_url));
}

}  // namespace corpus
