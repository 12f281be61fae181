#include "corpus/filter/gopher_repetition.h"

#include <algorithm>
#include <string>

#include "corpus/filter/hash_counter.h"
#include "corpus/filter/ngram_repetition.h"

namespace corpus {
namespace {

// Per-thread scratch: the filter is shared by all workers.
struct Scratch {
  HashCounter counter;
  NgramRepetition ngrams;
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
  const std::vector<std::string_view>& paragraphs = doc.paragraphs();
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
  const std::vector<std::string_view>& lines = doc.non_blank_lines();
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

  return ApplyNgramRules(doc);
}

FilterVerdict GopherRepetitionFilter::ApplyNgramRules(const Document& doc) const {
  const auto total_chars = static_cast<double>(doc.char_count());
  NgramRepetition& ngrams = ThreadScratch().ngrams;
  ngrams.Reset(doc.text(), doc.words());
  const size_t top_rules = opts_.max_top_ngram_frac.size();
  const size_t dup_rules = opts_.max_dup_ngram_frac.size();
  const size_t max_n = std::max(1 + top_rules, 4 + dup_rules);
  // Once no n-gram occurs twice, no longer one can (its n-word prefix would
  // repeat too), so every fraction left is 0 and no rule can fire.
  while (ngrams.n() < max_n && ngrams.Next() && ngrams.AnyRepeats()) {
    const size_t n = ngrams.n();
    if (n - 2 < top_rules && opts_.max_top_ngram_frac[n - 2] >= 0) {
      // "Top n-gram character fraction" (n = 2..4): characters of the most
      // frequent n-gram times its count. Ties go to the earliest n-gram, as
      // Counter.most_common in datatrove. Unlike datatrove, an n-gram seen
      // once is no repetition and scores 0: otherwise every short text fails
      // here ("A page with" is 26% of a 10-word page) before the word-count
      // rule can name the real reason.
      const double frac = static_cast<double>(ngrams.TopGramChars()) / total_chars;
      if (frac > opts_.max_top_ngram_frac[n - 2]) {
        return FilterVerdict::Reject("top_" + std::to_string(n) + "_gram", frac);
      }
    }
    if (n >= 5 && n - 5 < dup_rules && opts_.max_dup_ngram_frac[n - 5] >= 0) {
      // "Duplicate n-gram character fraction" (n = 5..10): walking left to
      // right, an n-gram seen before adds its characters and the walk jumps
      // past it, so overlapping repeats are not counted twice. This is the
      // algorithm datatrove's find_all_duplicate intends; its call site
      // passes the list of n-grams instead of the words, which joins n
      // consecutive n-grams, so its numbers differ from this definition.
      const double frac = static_cast<double>(ngrams.DuplicateGramChars()) / total_chars;
      if (frac > opts_.max_dup_ngram_frac[n - 5]) {
        return FilterVerdict::Reject("dup_" + std::to_string(n) + "_gram", frac);
      }
    }
  }
  return FilterVerdict::Keep();
}

}  // namespace corpus
