#include "corpus/filter/gopher_repetition.h"

#include <algorithm>
#include <string>

#include <xxhash.h>

#include "corpus/util/hash_counter.h"
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
    // XXH3: lines and paragraphs run to hundreds of bytes, where it is
    // several times faster than HashBytes (whose speed is on short words).
    if (seen.Add(XXH3_64bits(items[i].data(), items[i].size()), static_cast<uint32_t>(i)) > 1) {
      ++stats.elements;
      stats.chars += CountCodePoints(items[i]);
    }
  }
  return stats;
}

namespace {

// Gopher's two rules over one kind of unit (paragraphs or lines): the share
// of repeated units, then the share of the text's characters inside them.
struct UnitRules {
  const char* count_signal;
  const char* count_rule;
  double max_count_frac;
  const char* char_signal;
  const char* char_rule;
  double max_char_frac;
};

// Checks `r` over `units`; returns whether the check says to stop.
bool CheckRepeatedUnits(const std::vector<std::string_view>& units, double total_chars, const UnitRules& r,
                        RuleCheck* check) {
  if (units.empty()) return false;
  const DuplicateStats d = FindDuplicates(units);
  const double frac = static_cast<double>(d.elements) / static_cast<double>(units.size());
  if (check->Check(r.count_signal, frac, r.max_count_frac >= 0 && frac > r.max_count_frac, r.count_rule)) {
    return true;
  }
  const double char_frac = static_cast<double>(d.chars) / total_chars;
  return check->Check(r.char_signal, char_frac, r.max_char_frac >= 0 && char_frac > r.max_char_frac, r.char_rule);
}

}  // namespace

void GopherRepetitionFilter::EnabledRules(std::vector<SignalRule>* out) const {
  const auto max = [out](const std::string& rule, const std::string& signal, double t) {
    AddThresholdRule(out, rule, signal, SignalRule::Op::kGreater, t);
  };
  max("dup_para_frac", "gopher_dup_para_frac", opts_.max_dup_para_frac);
  max("dup_para_char_frac", "gopher_dup_para_char_frac", opts_.max_dup_para_char_frac);
  max("dup_line_frac", "gopher_dup_line_frac", opts_.max_dup_line_frac);
  max("dup_line_char_frac", "gopher_dup_line_char_frac", opts_.max_dup_line_char_frac);
  // Apply walks n = 2, 3, ... and checks the top rule, then the dup rule, of each n.
  const size_t top_rules = opts_.max_top_ngram_frac.size();
  const size_t dup_rules = opts_.max_dup_ngram_frac.size();
  for (size_t n = 2; n < std::max(2 + top_rules, 5 + dup_rules); ++n) {
    const std::string g = std::to_string(n);
    if (n - 2 < top_rules) max("top_" + g + "_gram", "rps_doc_frac_chars_top_" + g + "gram", opts_.max_top_ngram_frac[n - 2]);
    if (n >= 5 && n - 5 < dup_rules) {
      max("dup_" + g + "_gram", "rps_doc_frac_chars_dupe_" + g + "grams", opts_.max_dup_ngram_frac[n - 5]);
    }
  }
}

FilterVerdict GopherRepetitionFilter::Judge(Document& doc, QualitySignals* signals) const {
  const auto total_chars = static_cast<double>(doc.char_count());
  if (total_chars == 0) return FilterVerdict::Keep();
  RuleCheck check(signals);

  // Paragraphs: datatrove splits text.strip() on "\n{2,}".
  const UnitRules paragraph_rules = {"gopher_dup_para_frac",      "dup_para_frac",      opts_.max_dup_para_frac,
                                     "gopher_dup_para_char_frac", "dup_para_char_frac", opts_.max_dup_para_char_frac};
  if (CheckRepeatedUnits(doc.paragraphs(), total_chars, paragraph_rules, &check)) return check.verdict();
  // Lines: the non-blank ones. Blank lines are paragraph separators in this
  // text format and would otherwise all count as duplicates of each other.
  const UnitRules line_rules = {"gopher_dup_line_frac",      "dup_line_frac",      opts_.max_dup_line_frac,
                                "gopher_dup_line_char_frac", "dup_line_char_frac", opts_.max_dup_line_char_frac};
  if (CheckRepeatedUnits(doc.non_blank_lines(), total_chars, line_rules, &check)) return check.verdict();
  ApplyNgramRules(doc, &check);
  return check.verdict();
}

void GopherRepetitionFilter::ApplyNgramRules(const Document& doc, RuleCheck* check) const {
  const auto total_chars = static_cast<double>(doc.char_count());
  NgramRepetition& ngrams = ThreadScratch().ngrams;
  ngrams.Reset(doc.text(), doc.words());
  const size_t top_rules = opts_.max_top_ngram_frac.size();
  const size_t dup_rules = opts_.max_dup_ngram_frac.size();
  const size_t max_n = std::max(1 + top_rules, 4 + dup_rules);
  // Once no n-gram occurs twice, no longer one can (its n-word prefix would
  // repeat too), so every fraction left is 0 and no rule can fire.
  while (ngrams.n() < max_n) {
    const size_t before = ngrams.n();
    if (!ngrams.Next() || !ngrams.AnyRepeats()) {
      // Measuring: the fractions left are 0; record them so every document
      // has the same signals.
      for (size_t m = before + 1; check->measuring() && m <= max_n; ++m) {
        const std::string g = std::to_string(m);
        if (m - 2 < top_rules) check->Record("rps_doc_frac_chars_top_" + g + "gram", 0);
        if (m >= 5 && m - 5 < dup_rules) check->Record("rps_doc_frac_chars_dupe_" + g + "grams", 0);
      }
      return;
    }
    const size_t n = ngrams.n();
    if (n - 2 < top_rules) {
      // "Top n-gram character fraction" (n = 2..4): characters of the most
      // frequent n-gram times its count. Ties go to the earliest n-gram, as
      // Counter.most_common in datatrove. Unlike datatrove, an n-gram seen
      // once is no repetition and scores 0: otherwise every short text fails
      // here ("A page with" is 26% of a 10-word page) before the word-count
      // rule can name the real reason.
      const double t = opts_.max_top_ngram_frac[n - 2];
      const double frac = static_cast<double>(ngrams.TopGramChars()) / total_chars;
      if (check->Check("rps_doc_frac_chars_top_" + std::to_string(n) + "gram", frac, t >= 0 && frac > t,
                       "top_" + std::to_string(n) + "_gram")) {
        return;
      }
    }
    if (n >= 5 && n - 5 < dup_rules) {
      // "Duplicate n-gram character fraction" (n = 5..10): walking left to
      // right, an n-gram seen before adds its characters and the walk jumps
      // past it, so overlapping repeats are not counted twice. This is the
      // algorithm datatrove's find_all_duplicate intends; its call site
      // passes the list of n-grams instead of the words, which joins n
      // consecutive n-grams, so its numbers differ from this definition.
      const double t = opts_.max_dup_ngram_frac[n - 5];
      const double frac = static_cast<double>(ngrams.DuplicateGramChars()) / total_chars;
      if (check->Check("rps_doc_frac_chars_dupe_" + std::to_string(n) + "grams", frac, t >= 0 && frac > t,
                       "dup_" + std::to_string(n) + "_gram")) {
        return;
      }
    }
  }
}

}  // namespace corpus
