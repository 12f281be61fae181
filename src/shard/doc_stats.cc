#include "corpus/shard/doc_stats.h"

#include <vector>

#include "corpus/util/json.h"

namespace corpus {
namespace {

constexpr std::string_view kPrefix = "release.";

}  // namespace

std::string ReleaseStats::BinLabel(size_t bin) {
  const uint64_t lo = bin == 0 ? 0 : kLengthBins[bin - 1];
  if (bin >= kLengthBins.size()) return std::to_string(lo) + "+";
  return std::to_string(lo) + "-" + std::to_string(kLengthBins[bin] - 1);
}

void ReleaseStats::AddDocument(uint64_t w, uint64_t chars, std::string_view lang) {
  documents++;
  words += w;
  characters += chars;
  languages[lang.empty() ? "unknown" : std::string(lang)]++;
  size_t bin = 0;
  while (bin < kLengthBins.size() && w >= kLengthBins[bin]) ++bin;
  length_histogram[bin]++;
}

void ReleaseStats::Add(const ReleaseStats& o) {
  documents += o.documents;
  words += o.words;
  characters += o.characters;
  for (const auto& [k, v] : o.languages) languages[k] += v;
  for (size_t i = 0; i < length_histogram.size(); ++i) length_histogram[i] += o.length_histogram[i];
}

void ReleaseStats::ToCounters(StageCounts* counts) const {
  const std::string p(kPrefix);
  counts->counters[p + "documents"] += documents;
  counts->counters[p + "words"] += words;
  counts->counters[p + "characters"] += characters;
  for (const auto& [lang, n] : languages) counts->counters[p + "lang." + lang] += n;
  for (size_t i = 0; i < length_histogram.size(); ++i) {
    if (length_histogram[i]) counts->counters[p + "words_bin." + std::to_string(i)] += length_histogram[i];
  }
}

ReleaseStats ReleaseStats::TakeFromCounters(StageCounts* counts) {
  ReleaseStats s;
  for (auto it = counts->counters.begin(); it != counts->counters.end();) {
    const std::string& key = it->first;
    if (key.rfind(kPrefix, 0) != 0) {
      ++it;
      continue;
    }
    const std::string name = key.substr(kPrefix.size());
    const uint64_t v = it->second;
    if (name == "documents") {
      s.documents += v;
    } else if (name == "words") {
      s.words += v;
    } else if (name == "characters") {
      s.characters += v;
    } else if (name.rfind("lang.", 0) == 0) {
      s.languages[name.substr(5)] += v;
    } else if (name.rfind("words_bin.", 0) == 0) {
      const size_t bin = std::stoul(name.substr(10));
      if (bin < s.length_histogram.size()) s.length_histogram[bin] += v;
    }
    it = counts->counters.erase(it);
  }
  return s;
}

std::string ReleaseStats::ToJson() const {
  JsonObjectWriter langs;
  for (const auto& [k, v] : languages) langs.Uint(k, v);
  std::string hist = "[";
  for (size_t i = 0; i < length_histogram.size(); ++i) {
    if (i) hist += ",";
    hist += JsonObjectWriter().String("words", BinLabel(i)).Uint("documents", length_histogram[i]).Finish();
  }
  hist += "]";
  return JsonObjectWriter()
      .Uint("documents", documents)
      .Uint("words", words)
      .Uint("characters", characters)
      .Raw("languages", langs.Finish())
      .Raw("length_histogram", hist)
      .Finish();
}

}  // namespace corpus
