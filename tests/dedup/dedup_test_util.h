#ifndef CORPUS_TESTS_DEDUP_DEDUP_TEST_UTIL_H_
#define CORPUS_TESTS_DEDUP_DEDUP_TEST_UTIL_H_

#include <xxhash.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "corpus/dedup/text_normalizer.h"
#include "corpus/io/record.h"
#include "corpus/io/record_source.h"
#include "corpus/io/shard_writer.h"
#include "corpus/util/json.h"
#include "testing/record_lines.h"

namespace corpus::dedup::testing {

// Exact Jaccard similarity of the word n-gram sets of two texts, shingled
// like MinHasher (normalised text; fewer than n words is one shingle).
inline std::vector<uint64_t> Shingles(const std::string& text, int n) {
  const std::string norm = NormalizeDedupText(text);
  std::vector<std::string> words;
  size_t start = 0;
  while (start < norm.size()) {
    size_t end = norm.find(' ', start);
    if (end == std::string::npos) end = norm.size();
    words.push_back(norm.substr(start, end - start));
    start = end + 1;
  }
  std::vector<uint64_t> out;
  const size_t count = words.size() >= static_cast<size_t>(n) ? words.size() - n + 1 : (words.empty() ? 0 : 1);
  for (size_t i = 0; i < count; ++i) {
    std::string s;
    for (size_t j = i; j < std::min(words.size(), i + n); ++j) s += words[j] + " ";
    out.push_back(XXH3_64bits(s.data(), s.size()));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

inline double ExactJaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  size_t i = 0, j = 0, both = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) { ++both; ++i; ++j; }
    else if (a[i] < b[j]) ++i;
    else ++j;
  }
  const size_t uni = a.size() + b.size() - both;
  return uni ? static_cast<double>(both) / uni : 1.0;
}

// A document of the generated corpus.
struct GenDoc {
  std::string id;
  std::string text;
  std::string url;
  std::string fetched_at;
  int group = -1;  // planted duplicate group, -1 for unrelated
};

// Generates texts of random words from a fixed vocabulary, and variants of a
// text at a chosen Jaccard similarity (by replacing words until the exact
// 5-gram Jaccard falls to the target).
class CorpusGenerator {
 public:
  explicit CorpusGenerator(uint32_t seed) : rng_(seed) {
    std::uniform_int_distribution<int> len(3, 9), letter(0, 25);
    for (int i = 0; i < 5000; ++i) {
      std::string w;
      const int n = len(rng_);
      for (int k = 0; k < n; ++k) w.push_back(static_cast<char>('a' + letter(rng_)));
      vocab_.push_back(w);
    }
  }

  std::vector<std::string> Words(size_t n) {
    std::uniform_int_distribution<size_t> pick(0, vocab_.size() - 1);
    std::vector<std::string> w(n);
    for (auto& x : w) x = vocab_[pick(rng_)];
    return w;
  }

  static std::string Join(const std::vector<std::string>& words) {
    std::string out;
    for (size_t i = 0; i < words.size(); ++i) {
      if (i) out += (i % 40 == 0) ? "\n\n" : " ";
      out += words[i];
    }
    return out;
  }

  // A variant of `words` whose exact Jaccard with the original is just at or
  // below `target`.
  std::vector<std::string> Variant(const std::vector<std::string>& words, double target) {
    const auto base = Shingles(Join(words), 5);
    std::vector<std::string> v = words;
    std::uniform_int_distribution<size_t> pos(0, words.size() - 1);
    while (ExactJaccard(base, Shingles(Join(v), 5)) > target) {
      v[pos(rng_)] = Words(1)[0];
    }
    return v;
  }

 private:
  std::mt19937 rng_;
  std::vector<std::string> vocab_;
};

inline std::string DocJson(const GenDoc& d) {
  JsonObjectWriter w;
  w.String("id", d.id);
  if (!d.url.empty()) w.String("url", d.url);
  if (!d.fetched_at.empty()) w.String("fetched_at", d.fetched_at);
  w.String("text", d.text);
  return w.Finish();
}

// Writes `docs` round-robin into `files` shards under `dir`.
inline void WriteShards(const std::string& dir, const std::vector<GenDoc>& docs, int files) {
  std::vector<std::unique_ptr<ShardWriter>> w;
  for (int f = 0; f < files; ++f) {
    w.push_back(std::make_unique<ShardWriter>(dir + "/part-" + std::to_string(f) + ".jsonl.zst"));
  }
  for (size_t i = 0; i < docs.size(); ++i) (void)w[i % files]->Write(DocJson(docs[i]));
  for (auto& x : w) (void)x->Finish();
}

// Every record of the shards found under `path` (a folder, file or glob).
inline std::vector<std::string> ReadRecords(const std::string& path) {
  std::vector<std::string> out = corpus::testing::ReadRecordLines(path);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace corpus::dedup::testing

#endif  // CORPUS_TESTS_DEDUP_DEDUP_TEST_UTIL_H_
