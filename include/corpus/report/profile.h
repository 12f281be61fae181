#ifndef CORPUS_REPORT_PROFILE_H_
#define CORPUS_REPORT_PROFILE_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/report/histogram.h"
#include "corpus/report/top_k.h"

namespace corpus {

// One document shown as an example in the report.
struct Sample {
  uint64_t key = 0;     // hash of the id: the samples shown are those with the smallest keys
  std::string id;
  std::string url;
  std::string excerpt;  // first lines of the text (or of what the record has instead)
  std::string value;    // reject.value as JSON, on removed documents
  std::string note;     // words and language, on kept documents
};

// SampleSet keeps the `k` samples with the smallest keys among those offered:
// a deterministic sample (the same documents whatever the order, threads or
// file split) in memory bounded by k. Not thread-safe; copyable.
class SampleSet {
 public:
  explicit SampleSet(size_t k = 3) : k_(k) {}
  // Whether a sample with `key` would be kept; lets callers skip building it.
  bool Wants(uint64_t key) const;
  void Offer(Sample s);
  void Merge(const SampleSet& other);
  const std::vector<Sample>& samples() const { return samples_; }  // by key

 private:
  size_t k_;
  std::vector<Sample> samples_;
};

// Limits that keep a profile's memory bounded whatever the input.
struct ProfileLimits {
  size_t examples = 3;          // samples per rule and of kept documents
  size_t max_rules = 64;        // reject rules with samples; more are counted only
  size_t max_signals = 64;      // `signals` keys with a histogram
  size_t hosts = 1 << 16;       // FrequentItems capacity for hosts
  size_t domains = 1 << 14;     // for registrable domains
  size_t categories = 1024;     // for languages, TLDs, content types, statuses
};

// StageProfile is what one pass over a stage folder's records found: the
// distributions of its kept records and examples of kept and removed ones
// (docs/report.md). Profiles of parts of a folder merge into the folder's.
// Not thread-safe: one per thread, merged under the caller's lock.
class StageProfile {
 public:
  explicit StageProfile(const ProfileLimits& limits = ProfileLimits());

  // REQUIRES: `json` is one record line. Lines that are not JSON objects are
  // counted in unreadable(), not used.
  void AddKept(std::string_view json);
  void AddRejected(std::string_view json);
  void Merge(const StageProfile& other);

  uint64_t kept() const { return kept_; }
  uint64_t rejected() const { return rejected_; }
  uint64_t unreadable() const { return unreadable_; }

  // Kept records: distributions. Histograms stay empty when no record had
  // the field.
  Histogram words, chars_per_word, lines, text_bytes, html_bytes, dup_count, token_count, lang_score;
  std::map<std::string, Histogram, std::less<>> signals;  // numeric fields of `signals`
  uint64_t signals_not_shown = 0;  // values of keys past max_signals
  FrequentItems languages, scripts, domains, tlds, hosts, statuses, content_types;

  // Examples: kept documents, and removed ones by reject rule.
  SampleSet kept_samples;
  std::map<std::string, SampleSet, std::less<>> rejected_samples;

 private:
  ProfileLimits limits_;
  uint64_t kept_ = 0;
  uint64_t rejected_ = 0;
  uint64_t unreadable_ = 0;
};

}  // namespace corpus

#endif  // CORPUS_REPORT_PROFILE_H_
