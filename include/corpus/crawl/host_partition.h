#ifndef CORPUS_CRAWL_HOST_PARTITION_H_
#define CORPUS_CRAWL_HOST_PARTITION_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace corpus {

// What a crawl task's share of the web is keyed by (--partition-by).
enum class PartitionBy { kHost, kDomain };

// "host" or "domain"; false otherwise.
bool ParsePartitionBy(const std::string& name, PartitionBy* by);
const char* PartitionByName(PartitionBy by);

// HostPartition assigns every host to one of `num_tasks` crawl tasks
// (README.md, "A crawl over many tasks"), as Nutch's host
// partitioner and BUbiNG's agents do: the 64-bit XXH3 hash of the host name
// (or, with PartitionBy::kDomain, of its registrable domain, so a site's
// subdomains share one task and one politeness schedule) is cut into
// `num_tasks` equal ranges of the hash space; task i owns the i-th range.
// The hash is stable across runs, machines and builds, so every task agrees
// on every owner without talking. Immutable, so thread-safe.
class HostPartition {
 public:
  // REQUIRES: num_tasks >= 1.
  HostPartition(int num_tasks, PartitionBy by);

  // The task owning a host name ("example.com", lowercased as UrlHost gives it).
  int OwnerOfHost(std::string_view host) const;
  // The task owning a normalised URL's host.
  int OwnerOfUrl(std::string_view normalized_url) const;
  int num_tasks() const { return num_tasks_; }

 private:
  int num_tasks_;
  PartitionBy by_;
};

}  // namespace corpus

#endif  // CORPUS_CRAWL_HOST_PARTITION_H_
