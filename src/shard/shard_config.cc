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

Status ParseByteSize(const std::string& text, uint64_t* bytes) {
  size_t i = 0;
  while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.')) ++i;
  if (i == 0) return Status::InvalidArgument("not a size: '" + text + "'");
  const double number = std::strtod(text.substr(0, i).c_str(), nullptr);
  std::string unit = text.substr(i);
  while (!unit.empty() && unit.front() == ' ') unit.erase(unit.begin());
  for (auto& ch : unit) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  double mult = 0;
  if (unit.empty() || unit == "b") mult = 1;
  else if (unit == "k" || unit == "kib") mult = 1024.0;
  else if (unit == "m" || unit == "mib") mult = 1024.0 * 1024;
  else if (unit == "g" || unit == "gib") mult = 1024.0 * 1024 * 1024;
  else if (unit == "t" || unit == "tib") mult = 1024.0 * 1024 * 1024 * 1024;
  else if (unit == "kb") mult = 1e3;
  else if (unit == "mb") mult = 1e6;
  else if (unit == "gb") mult = 1e9;
  else if (unit == "tb") mult = 1e12;
  else return Status::InvalidArgument("unknown size unit in '" + text + "' (use KiB, MiB, GiB, kB, MB, GB)");
  const double v = number * mult;
  if (!(v >= 1) || v > 1.8e19) return Status::InvalidArgument("size out of range: '" + text + "'");
  *bytes = static_cast<uint64_t>(std::llround(v));
  return Status::OK();
}

}  // namespace corpus
