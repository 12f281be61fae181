// The word segmenter on real text: its own Han/Kana engine (CjkDictionary)
// against ICU's iterator alone, words and speed.
//
// Usage: bench_segmenter SHARD.jsonl.zst [ROUNDS] [own|icu]
// (bench/filter_whole.py builds such shards: English pages, and Chinese +
// Japanese manual pages.) For each distinct text of the shard, on one thread:
//   - the words of WordSegmenter and of WordSegmenter(icu_only) must be the
//     same (same bytes of the text, same character counts and letter flags);
//     every difference is printed and the exit status is 1;
//   - the CPU time of each over all texts, best of ROUNDS (default 3); with
//     "own" or "icu", only that one is timed (for a profiler).
// BENCHMARKS.md ("Chinese and Japanese") records the results.

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "bench_util.h"
#include "corpus/text/word_segmenter.h"

namespace {

// CPU seconds of segmenting every text with `seg`, best of `rounds`; the
// word count into *words.
double TimeSegment(corpus::WordSegmenter& seg, const std::vector<std::string>& texts, int rounds, size_t* words) {
  std::vector<corpus::Word> out;
  double best = 1e30;
  for (int r = 0; r < rounds; ++r) {
    *words = 0;
    const double start = ThreadCpuSeconds();
    for (const std::string& t : texts) {
      seg.Segment(t, &out);
      *words += out.size();
    }
    best = std::min(best, ThreadCpuSeconds() - start);
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s SHARD.jsonl.zst [ROUNDS]\n", argv[0]);
    return 2;
  }
  const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
  std::vector<std::string> texts = DistinctTexts(argv[1], SIZE_MAX);
  size_t bytes = 0;
  for (const std::string& t : texts) bytes += t.size();

  corpus::WordSegmenter own;
  corpus::WordSegmenter icu(/*icu_only=*/true);
  std::vector<corpus::Word> a, b;
  size_t compared = 0, differing = 0;
  for (const std::string& t : texts) {
    own.Segment(t, &a);
    icu.Segment(t, &b);
    compared += b.size();
    bool same = a.size() == b.size();
    for (size_t i = 0; same && i < a.size(); ++i) {
      same = a[i].text.data() == b[i].text.data() && a[i].text.size() == b[i].text.size() &&
             a[i].chars == b[i].chars && a[i].has_letter == b[i].has_letter;
    }
    if (!same) {
      ++differing;
      std::printf("DIFFERENT words (%zu own, %zu ICU) in: %.200s\n", a.size(), b.size(), t.c_str());
    }
  }
  std::printf("%zu distinct texts, %.1f MB, %zu words compared, %zu texts with different words\n", texts.size(),
              static_cast<double>(bytes) / 1e6, compared, differing);
  const std::string only = argc > 3 ? argv[3] : "";
  size_t own_words = 0, icu_words = 0;
  const double own_s = only == "icu" ? 0 : TimeSegment(own, texts, rounds, &own_words);
  const double icu_s = only == "own" ? 0 : TimeSegment(icu, texts, rounds, &icu_words);
  std::printf("own engine: %.3f s CPU, %.1f MB/s; ICU only: %.3f s CPU, %.1f MB/s; ratio %.2f (best of %d)\n", own_s,
              static_cast<double>(bytes) / 1e6 / own_s, icu_s, static_cast<double>(bytes) / 1e6 / icu_s, icu_s / own_s,
              rounds);
  return differing == 0 ? 0 : 1;
}
