// NgramRepetition against a direct reading of the Gopher n-gram rules
// (Rae et al. 2021, table A1; datatrove's GopherRepetitionFilter): every
// n-gram joined into a string and counted, and the left-to-right walk of
// find_all_duplicate over all positions. The candidate pruning must give
// exactly the same numbers on texts with heavy, overlapping repetition.
#include "corpus/filter/ngram_repetition.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace corpus {
namespace {

std::string Join(const std::vector<Word>& words, size_t i, size_t n) {
  std::string out;
  for (size_t k = i; k < i + n; ++k) {
    if (k > i) out += ' ';
    out.append(words[k].text);
  }
  return out;
}

// Characters of the most frequent n-gram times its count (the earliest
// first on ties), 0 if none occurs twice.
uint64_t ReferenceTop(const std::vector<Word>& words, size_t n) {
  std::map<std::string, std::pair<uint64_t, size_t>> counts;  // gram -> (count, first)
  for (size_t i = 0; i + n <= words.size(); ++i) {
    auto [it, inserted] = counts.try_emplace(Join(words, i, n), 0, i);
    ++it->second.first;
  }
  uint64_t best = 0, best_chars = 0;
  size_t best_first = 0;
  for (const auto& [gram, cf] : counts) {
    if (cf.first > best || (cf.first == best && cf.second < best_first)) {
      best = cf.first;
      best_first = cf.second;
      best_chars = CountCodePoints(gram);
    }
  }
  return best >= 2 ? best * best_chars : 0;
}

uint64_t ReferenceDuplicates(const std::vector<Word>& words, size_t n) {
  std::set<std::string> seen;
  uint64_t repeated = 0;
  for (size_t i = 0; i + n <= words.size();) {
    const std::string gram = Join(words, i, n);
    if (seen.count(gram)) {
      repeated += CountCodePoints(gram);
      i += n;
    } else {
      seen.insert(gram);
      ++i;
    }
  }
  return repeated;
}

// Texts from a tiny vocabulary with copied runs, so long n-grams repeat
// and overlap.
std::string RepetitiveText(std::mt19937& rng) {
  static const char* const kWords[] = {"a", "bb", "ccc", "déjà", "the", "of", "x1", "東京", "zz", "q"};
  std::vector<std::string> words;
  const size_t len = 1 + rng() % 120;
  const size_t vocab = 2 + rng() % 9;
  while (words.size() < len) {
    if (words.size() > 4 && rng() % 4 == 0) {  // copy an earlier run
      const size_t from = rng() % words.size();
      const size_t run = 1 + rng() % 12;
      for (size_t k = 0; k < run && from + k < words.size() && words.size() < len; ++k) {
        words.push_back(words[from + k]);
      }
    } else {
      words.push_back(kWords[rng() % vocab]);
    }
  }
  std::string text;
  for (const std::string& w : words) text += (text.empty() ? "" : " ") + w;
  return text;
}

TEST(NgramRepetitionTest, MatchesCountingEveryNgram) {
  std::mt19937 rng(7);
  NgramRepetition ngrams;
  std::vector<Word> words;
  for (int doc = 0; doc < 400; ++doc) {
    const std::string text = RepetitiveText(rng);
    TokenizeWords(text, &words);
    ngrams.Reset(text, words);
    bool repeats = true;
    for (size_t n = 2; n <= 12 && n <= words.size(); ++n) {
      ASSERT_TRUE(ngrams.Next());
      ASSERT_EQ(ngrams.n(), n);
      const uint64_t top = ReferenceTop(words, n);
      const uint64_t dup = ReferenceDuplicates(words, n);
      ASSERT_EQ(ngrams.TopGramChars(), top) << text << " n=" << n;
      ASSERT_EQ(ngrams.DuplicateGramChars(), dup) << text << " n=" << n;
      // Once nothing repeats, nothing longer does.
      if (!repeats) {
        ASSERT_EQ(top, 0u);
      }
      repeats = ngrams.AnyRepeats();
      ASSERT_EQ(repeats, top > 0) << text << " n=" << n;
    }
    EXPECT_FALSE(words.size() >= 1 && words.size() < 13 && ngrams.Next());
  }
}

TEST(NgramRepetitionTest, NoWordsNoRounds) {
  NgramRepetition ngrams;
  std::vector<Word> words;
  ngrams.Reset("", words);
  EXPECT_FALSE(ngrams.Next());
  TokenizeWords("one", &words);
  ngrams.Reset("one", words);
  EXPECT_FALSE(ngrams.Next());
}

}  // namespace
}  // namespace corpus
