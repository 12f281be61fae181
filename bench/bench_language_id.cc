// Language identification cost: what CLD2 costs per call and per byte, and
// how often the filter's first, sampled look decides (LanguageFilter in
// filter/language.h reads a 768-byte sample and, when that is not
// confident, the first 2 KB).
//
// Usage: bench_language_id SHARD.jsonl.zst [ROUNDS]
// (bench/filter_whole.py builds such shards: English pages, and Chinese +
// Japanese manual pages.) For each distinct text of the shard (the first
// 2,000), on one thread, best of ROUNDS (default 5) by thread CPU time:
//   - IdentifyLanguage on the first 16, 64, 256, 768 and 2048 bytes: the
//     per-call cost at each size, so the fixed part and the part per byte;
//   - LanguageFilter::Apply with the defaults, as `corpus filter` runs it,
//     and how many texts the sample decided (score >= 0.9) and how many
//     needed the second read.
// BENCHMARKS.md ("Languages") records the results.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "bench_util.h"
#include "corpus/filter/document.h"
#include "corpus/filter/language.h"
#include "corpus/io/record.h"
#include "corpus/io/record_source.h"
#include "corpus/text/language_id.h"

namespace {

// The first `n` bytes of `text`, cut back to a code point boundary.
std::string_view Prefix(std::string_view text, size_t n) {
  if (text.size() <= n) return text;
  while (n > 0 && (static_cast<uint8_t>(text[n]) & 0xC0) == 0x80) --n;
  return text.substr(0, n);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s SHARD.jsonl.zst [ROUNDS]\n", argv[0]);
    return 2;
  }
  const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  std::vector<std::string> texts = DistinctTexts(argv[1], 2000);
  if (texts.empty()) {
    std::fprintf(stderr, "no texts in %s\n", argv[1]);
    return 1;
  }
  size_t bytes = 0;
  for (const std::string& t : texts) bytes += t.size();
  std::printf("%zu distinct texts, mean %.0f bytes; best of %d rounds, thread CPU\n", texts.size(),
              static_cast<double>(bytes) / static_cast<double>(texts.size()), rounds);

  // A checksum of the answers keeps the calls from being optimised away.
  double checksum = 0;
  std::printf("%-28s %12s %12s\n", "IdentifyLanguage on", "us/call", "ns/byte");
  for (const size_t n : {size_t{16}, size_t{64}, size_t{256}, size_t{768}, size_t{2048}}) {
    double best = 1e30;
    size_t read = 0;
    for (int r = 0; r < rounds; ++r) {
      read = 0;
      const double start = ThreadCpuSeconds();
      for (const std::string& t : texts) {
        const std::string_view p = Prefix(t, n);
        read += p.size();
        checksum += corpus::IdentifyLanguage(p, p.size()).score;
      }
      best = std::min(best, ThreadCpuSeconds() - start);
    }
    std::printf("first %-22zu %12.2f %12.1f\n", n, best * 1e6 / static_cast<double>(texts.size()),
                best * 1e9 / static_cast<double>(read));
  }

  // The filter's own call, with its defaults (sample, then the first 2 KB).
  corpus::LanguageOptions opts;
  opts.languages.clear();
  opts.min_score = -1;
  const corpus::LanguageFilter filter(opts);
  double best = 1e30;
  size_t decided_by_sample = 0, sampled = 0;
  for (int r = 0; r < rounds; ++r) {
    const double start = ThreadCpuSeconds();
    for (const std::string& t : texts) {
      corpus::Document doc(t, "");
      (void)filter.Apply(doc);
      checksum += doc.lang_score();
    }
    best = std::min(best, ThreadCpuSeconds() - start);
  }
  // Counted apart from the timed loop: whether the sample alone decides.
  std::string buffer;
  for (const std::string& t : texts) {
    if (t.size() <= opts.sample_bytes) continue;
    ++sampled;
    const std::string_view sample = corpus::LanguageSample(t, opts.sample_bytes, &buffer);
    decided_by_sample += corpus::IdentifyLanguage(sample, sample.size()).score >= corpus::kConfidentLanguageScore;
  }
  std::printf("LanguageFilter::Apply        %12.2f us/doc; of %zu texts longer than the sample, %zu decided by it "
              "(%.0f%%), %zu read again\n",
              best * 1e6 / static_cast<double>(texts.size()), sampled, decided_by_sample,
              sampled ? 100.0 * static_cast<double>(decided_by_sample) / static_cast<double>(sampled) : 0.0,
              sampled - decided_by_sample);
  std::printf("(checksum %.3f)\n", checksum);
  return 0;
}
