#include "corpus/shard/shard_config.h"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <set>

namespace corpus {

Status ShardConfig::Validate() const {
  if ((target_bytes == 0) == (docs_per_shard == 0)) {
    return Status::InvalidArgument("give one of --target-size and --docs-per-shard");
  }
  if (!(val_fraction >= 0 && val_fraction < 1)) {
    return Status::InvalidArgument("--val-fraction must be in [0, 1)");
  }
  if (fields.empty()) return Status::InvalidArgument("--fields must name at least one field");
  std::set<std::string> seen;
  for (const auto& f : fields) {
    if (f.empty()) return Status::InvalidArgument("--fields has an empty name");
    if (!seen.insert(f).second) return Status::InvalidArgument("--fields names " + f + " twice");
  }
  if (bucket_bytes < 4096) return Status::InvalidArgument("--bucket-size must be at least 4KiB");
  return Status::OK();
}

StageConfig ShardConfig::ToStageConfig() const {
  StageConfig c;
  c.Set("target_bytes", static_cast<unsigned long long>(target_bytes));
  c.Set("docs_per_shard", static_cast<unsigned long long>(docs_per_shard));
  c.Set("seed", static_cast<unsigned long long>(seed));
  c.Set("val_fraction", val_fraction);
  c.Set("fields", fields);
  return c;
}

}  // namespace corpus
