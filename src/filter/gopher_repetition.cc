#include "corpus/filter/gopher_repetition.h"

#include <algorithm>
#include <string>

#include "corpus/filter/hash_counter.h"

namespace corpus {
namespace {

// Per-thread scratch: the filter is shared by all workers.
struct Scratch {
  HashCounter counter;
  std::vector<uint64_t> word_hash;
  std::vector<uint64_t> gram_hash;
  std::vector<uint32_t> gram_chars;
};

Scratch& ThreadScratch() {
  thread_local Scratch scratch;
  return scratch;
}

}  // namespace

DuplicateStats FindDuplicates(const std::vector<std::string_view>& items) {
  DuplicateStats stats;
  HashCounter& seen = ThreadScratch().counter;
  seen.Reset(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    if (seen.Add(HashBytes(items[i]), static_cast<uint32_t>(i)) > 1) {
      ++stats.elements;
      stats.chars += CountCodePoints(items[i]);
    }
  }
  return stats;
}

FilterVerdict GopherRepetitionFilter::Apply(Document& doc) const {
  if (!opts_.enabled) return FilterVerdict::Keep();
  const auto total_chars = static_cast<double>(doc.char_count());
  if (total_chars == 0) return FilterVerdict::Keep();

  // Paragraphs: datatrove splits text.strip() on "\n{2,}".
  const std::vector<std::string_view> paragraphs = Paragraphs(doc.text());
  if (!paragraphs.empty()) {
    const DuplicateStats d = FindDuplicates(paragraphs);
    const double frac = static_cast<double>(d.elements) / static_cast<double>(paragraphs.size());
    if (opts_.max_dup_para_frac >= 0 && frac > opts_.max_dup_para_frac) {
      return FilterVerdict::Reject("dup_para_frac", frac);
    }
    const double char_frac = static_cast<double>(d.chars) / total_chars;
    if (opts_.max_dup_para_char_frac >= 0 && char_frac > opts_.max_dup_para_char_frac) {
      return FilterVerdict::Reject("dup_para_char_frac", char_frac);
    }
  }

  // Lines: the non-blank ones. Blank lines are paragraph separators in this
  // text format and would otherwise all count as duplicates of each other.
  const std::vector<std::string_view> lines = NonBlankLines(doc.text());
  if (!lines.empty()) {
    const DuplicateStats d = FindDuplicates(lines);
    const double frac = static_cast<double>(d.elements) / static_cast<double>(lines.size());
    if (opts_.max_dup_line_frac >= 0 && frac > opts_.max_dup_line_frac) {
      return FilterVerdict::Reject("dup_line_frac", frac);
    }
    const double char_frac = static_cast<double>(d.chars) / total_chars;
    if (opts_.max_dup_line_char_frac >= 0 && char_frac > opts_.max_dup_line_char_frac) {
      return FilterVerdict::Reject("dup_line_char_frac", char_frac);
    }
  }

  if (!doc.UsesSpaces()) return FilterVerdict::Keep();
  return ApplyNgramRules(doc);
}

FilterVerdict GopherRepetitionFilter::ApplyNgramRules(const Document& doc) const {
  const std::vector<Word>& words = doc.words();
  const size_t n_words = words.size();
  const auto total_chars = static_cast<double>(doc.char_count());
  Scratch& s = ThreadScratch();

  // gram_hash[i] / gram_chars[i] describe the n-gram starting at word i; they
  // grow by one word per round, so every n costs one pass. An n-gram's length
  // is that of its words joined by single spaces (" ".join in datatrove).
  s.word_hash.resize(n_words);
  s.gram_hash.resize(n_words);
  s.gram_chars.resize(n_words);
  for (size_t i = 0; i < n_words; ++i) {
    s.word_hash[i] = HashBytes(words[i].text);
    s.gram_hash[i] = s.word_hash[i];
    s.gram_chars[i] = words[i].chars;
  }
  const size_t top_rules = opts_.max_top_ngram_frac.size();
  const size_t dup_rules = opts_.max_dup_ngram_frac.size();
  const size_t max_n = std::max(1 + top_rules, 4 + dup_rules);
  // Once no n-gram occurs twice, no longer one can (its n-word prefix would
  // repeat too): top fractions are 0 from then on (see below) and duplicate
  // fractions are 0, so the remaining passes can be skipped. On clean text
  // this skips most of the ten passes.
  bool top_repeats = true, dup_repeats = true;
  for (size_t n = 2; n <= max_n && n <= n_words && (top_repeats || dup_repeats); ++n) {
    const size_t grams = n_words - n + 1;
    for (size_t i = 0; i < grams; ++i) {
      s.gram_hash[i] = MixHash(s.gram_hash[i], s.word_hash[i + n - 1]);
      s.gram_chars[i] += 1 + words[i + n - 1].chars;
    }
    if (n - 2 < top_rules && top_repeats && opts_.max_top_ngram_frac[n - 2] >= 0) {
      // "Top n-gram character fraction" (n = 2..4): characters of the most
      // frequent n-gram times its count. Ties go to the earliest n-gram, as
      // Counter.most_common in datatrove. Unlike datatrove, an n-gram seen
      // once is no repetition and scores 0: otherwise every short text fails
      // here ("A page with" is 26% of a 10-word page) before the word-count
      // rule can name the real reason.
      s.counter.Reset(grams);
      for (size_t i = 0; i < grams; ++i) s.counter.Add(s.gram_hash[i], static_cast<uint32_t>(i));
      uint32_t best_count = 0, best_first = 0;
      for (const HashCounter::Entry& e : s.counter.entries()) {
        if (e.count > best_count || (e.count == best_count && e.count > 0 && e.first < best_first)) {
          best_count = e.count;
          best_first = e.first;
        }
      }
      top_repeats = best_count >= 2;
      if (!top_repeats) dup_repeats = false;
      const double frac =
          top_repeats ? static_cast<double>(best_count) * s.gram_chars[best_first] / total_chars : 0.0;
      if (frac > opts_.max_top_ngram_frac[n - 2]) {
        return FilterVerdict::Reject("top_" + std::to_string(n) + "_gram", frac);
      }
    }
    if (n >= 5 && n - 5 < dup_rules && dup_repeats && opts_.max_dup_ngram_frac[n - 5] >= 0) {
      // "Duplicate n-gram character fraction" (n = 5..10): walking left to
      // right, an n-gram seen before adds its characters and the walk jumps
      // past it, so overlapping repeats are not counted twice. This is the
      // algorithm datatrove's find_all_duplicate intends; its call site
      // passes the list of n-grams instead of the words, which joins n
      // consecutive n-grams, so its numbers differ from this definition.
      s.counter.Reset(grams);
      size_t repeated = 0;
      for (size_t i = 0; i < grams;) {
        if (s.counter.Add(s.gram_hash[i], static_cast<uint32_t>(i)) > 1) {
          repeated += s.gram_chars[i];
          i += n;
        } else {
          ++i;
        }
      }
      // Every position was visited only if nothing repeated (the walk jumps
      // after a repeat), which is what makes the skip above exact.
      dup_repeats = repeated > 0;
      const double frac = static_cast<double>(repeated) / total_chars;
      if (frac > opts_.max_dup_ngram_frac[n - 5]) {
        return FilterVerdict::Reject("dup_" + std::to_string(n) + "_gram", frac);
      }
    }
    if (!dup_repeats && n - 1 >= top_rules) break;  // no rule left that can fire
  }
  return FilterVerdict::Keep();
}

}  // namespace corpus
