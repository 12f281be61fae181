#include "corpus/dedup/dedup_options.h"

#include "corpus/dedup/text_normalizer.h"

namespace corpus::dedup {

bool ParsePhase(const std::string& name, Phase* phase) {
  if (name == "signatures") *phase = Phase::kSignatures;
  else if (name == "pairs") *phase = Phase::kPairs;
  else if (name == "cluster") *phase = Phase::kCluster;
  else if (name == "apply") *phase = Phase::kApply;
  else if (name == "all") *phase = Phase::kAll;
  else return false;
  return true;
}

Status DedupOptions::Validate() const {
  if (minhash.ngram < 1 || minhash.ngram > 64) return Status::InvalidArgument("--ngram must be 1..64");
  if (minhash.bands < 1 || minhash.bands > 1024) return Status::InvalidArgument("--bands must be 1..1024");
  if (minhash.rows < 1 || minhash.rows > 64) return Status::InvalidArgument("--rows must be 1..64");
  if (threshold < 0 || threshold > 1) return Status::InvalidArgument("--threshold must be in [0, 1]");
  if (lines < 0) return Status::InvalidArgument("--lines must be >= 0");
  if (partitions < 1 || partitions > 4096) return Status::InvalidArgument("--partitions must be 1..4096");
  if (memory_mb < 16) return Status::InvalidArgument("--memory-mb must be at least 16");
  return Status::OK();
}

StageConfig DedupOptions::ToStageConfig() const {
  StageConfig c;
  c.Set("ngram", minhash.ngram);
  c.Set("bands", minhash.bands);
  c.Set("rows", minhash.rows);
  c.Set("seed", static_cast<unsigned long long>(minhash.seed));
  c.Set("exact_url", exact_url);
  c.Set("exact_text", exact_text);
  c.Set("near", near);
  c.Set("verify", verify);
  c.Set("threshold", threshold);
  c.Set("lines", lines);
  c.Set("index", index_dir);
  c.Set("normalizer", std::string(kDedupNormalizerVersion));
  return c;
}

}  // namespace corpus::dedup
