#include "corpus/decon/benchmark_index.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <limits>

#include "corpus/text/text_units.h"

namespace corpus {
namespace {

constexpr size_t kExcerptChars = 80;

std::string Excerpt(std::string_view text) {
  text = TrimSpace(text);
  size_t i = 0;
  for (size_t chars = 0; i < text.size() && chars < kExcerptChars; ++chars) NextCodePoint(text, &i);
  std::string out(text.substr(0, i));
  for (char& c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  if (i < text.size()) out += "...";
  return out;
}

}  // namespace

Status NgramMatchOptions::Validate() const {
  if (ngram < 1 || static_cast<size_t>(ngram) > kMaxDeconNgram) {
    return Status::InvalidArgument("--ngram must be between 1 and " + std::to_string(kMaxDeconNgram));
  }
  if (min_ngram < 1 || min_ngram > ngram) {
    return Status::InvalidArgument("--min-ngram must be between 1 and --ngram (" + std::to_string(ngram) + ")");
  }
  if (max_matches < 1) return Status::InvalidArgument("--max-matches must be at least 1");
  return Status::OK();
}

Status BenchmarkIndex::Build(const std::vector<BenchmarkFile>& files, const NgramMatchOptions& options,
                             std::unique_ptr<BenchmarkIndex>* out) {
  CORPUS_RETURN_IF_ERROR(options.Validate());
  std::unique_ptr<BenchmarkIndex> index(new BenchmarkIndex());
  index->options_ = options;
  DeconWords words;
  std::vector<std::pair<uint64_t, uint32_t>> keys;  // (key, first word) per item, then all
  std::vector<uint64_t> starts;                     // keys of their first min_ngram words
  for (size_t b = 0; b < files.size(); ++b) {
    BenchmarkStats stats;
    stats.name = files[b].name;
    stats.path = files[b].path;
    index->benchmarks_.push_back(stats);
    const size_t keys_before = keys.size();
    bool too_big = false;
    CORPUS_RETURN_IF_ERROR(ReadBenchmarkItems(
        files[b], options.fields,
        [&](uint64_t line, std::string_view text) {
          if (index->store_.size() + text.size() * 4 >= std::numeric_limits<uint32_t>::max()) {
            too_big = true;
            return;
          }
          index->AddItem(static_cast<uint32_t>(b), line, text, &words, &keys, &starts);
        },
        &index->benchmarks_[b].sha256));
    if (too_big) return Status::InvalidArgument("the benchmarks hold more than 4 GB of words; split the run");
    index->benchmarks_[b].ngrams = keys.size() - keys_before;
    const BenchmarkStats& s = index->benchmarks_[b];
    if (s.items_indexed == 0) {
      spdlog::warn("decon: benchmark {} ({}) has no item of at least {} words; it cannot match", s.name, s.path,
                   options.min_ngram);
    }
  }
  if (keys.empty()) {
    return Status::InvalidArgument("no benchmark item has at least --min-ngram (" +
                                   std::to_string(options.min_ngram) + ") words; nothing to match");
  }
  index->table_.Reset(keys.size());
  uint64_t lengths_mask = 0;
  for (const BenchmarkItem& it : index->items_) {
    lengths_mask |= uint64_t{1} << std::min<uint32_t>(it.words, static_cast<uint32_t>(options.ngram));
  }
  for (size_t k = 1; k <= static_cast<size_t>(options.ngram); ++k) {
    if (lengths_mask >> k & 1) index->lengths_.push_back(static_cast<uint32_t>(k));
  }
  index->starts_.Reset(keys.size());
  for (const uint64_t start : starts) index->starts_.Set(start);
  index->keys_.Reset(keys.size());
  for (const auto& [key, first] : keys) {
    index->keys_.Set(key);
    const size_t slot = index->table_.Insert(key, first);
    if (index->table_.entry(slot).count == static_cast<uint32_t>(options.max_matches) + 1) ++index->too_common_;
  }
  *out = std::move(index);
  return Status::OK();
}

void BenchmarkIndex::Bitmap::Reset(size_t keys) {
  size_t bits = 64;
  while (bits < 8 * keys) bits <<= 1;
  words.assign(bits / 64, 0);
  mask = bits - 1;
}

void BenchmarkIndex::AddItem(uint32_t benchmark, uint64_t line, std::string_view text, DeconWords* words,
                             std::vector<std::pair<uint64_t, uint32_t>>* keys, std::vector<uint64_t>* starts) {
  BenchmarkStats& stats = benchmarks_[benchmark];
  ++stats.items;
  words->Assign(text);
  const size_t n = words->size();
  const size_t ngram = static_cast<size_t>(options_.ngram);
  if (n < static_cast<size_t>(options_.min_ngram)) return;
  ++stats.items_indexed;
  BenchmarkItem item;
  item.benchmark = benchmark;
  item.line = static_cast<uint32_t>(line);
  item.first_word = static_cast<uint32_t>(word_off_.size() - 1);
  item.words = static_cast<uint32_t>(n);
  item.excerpt = Excerpt(text);
  for (size_t i = 0; i < n; ++i) {
    store_.append(words->norm(i));
    word_off_.push_back(static_cast<uint32_t>(store_.size()));
  }
  // One key per distinct n-gram of the item, so an entry's count is the
  // number of items that hold it.
  const size_t begin = keys->size();
  const size_t min_ngram = static_cast<size_t>(options_.min_ngram);
  if (n < ngram) {
    ++stats.items_whole;
    keys->emplace_back(words->NgramKey(0, n), item.first_word);
    starts->push_back(words->NgramKey(0, min_ngram));
  } else {
    for (size_t i = 0; i + ngram <= n; ++i) {
      keys->emplace_back(words->NgramKey(i, ngram), item.first_word + static_cast<uint32_t>(i));
      starts->push_back(words->NgramKey(i, min_ngram));
    }
  }
  std::sort(keys->begin() + static_cast<std::ptrdiff_t>(begin), keys->end());
  keys->erase(std::unique(keys->begin() + static_cast<std::ptrdiff_t>(begin), keys->end(),
                          [](const auto& a, const auto& b) { return a.first == b.first; }),
              keys->end());
  items_.push_back(std::move(item));
}

uint32_t BenchmarkIndex::ItemOfWord(uint32_t w) const {
  auto it = std::upper_bound(items_.begin(), items_.end(), w,
                             [](uint32_t word, const BenchmarkItem& item) { return word < item.first_word; });
  return static_cast<uint32_t>(it - items_.begin() - 1);
}

bool BenchmarkIndex::SameWords(const DeconWords& doc, size_t i, size_t k, uint32_t first) const {
  if (static_cast<size_t>(first) + k > word_off_.size() - 1) return false;
  for (size_t j = 0; j < k; ++j) {
    if (doc.norm(i + j) != StoredWord(first + static_cast<uint32_t>(j))) return false;
  }
  return true;
}

void BenchmarkIndex::FindMatches(const DeconWords& doc, std::vector<NgramMatch>* matches) const {
  matches->clear();
  const size_t n = doc.size();
  const uint32_t max_items = static_cast<uint32_t>(options_.max_matches);
  const size_t min_ngram = static_cast<size_t>(options_.min_ngram);
  for (size_t i = 0; i + min_ngram <= n; ++i) {
    if (!starts_.MayHold(doc.NgramKey(i, min_ngram))) continue;
    for (const uint32_t k : lengths_) {
      if (i + k > n) break;
      const uint64_t key = doc.NgramKey(i, k);
      if (!keys_.MayHold(key)) continue;
      const HashCounter::Entry* e = table_.Find(key);
      if (e == nullptr || e->count > max_items) continue;
      const uint32_t item = ItemOfWord(e->first);
      // A whole-item key must cover the item whole; an n-gram key, n words.
      if (k < static_cast<uint32_t>(options_.ngram) && items_[item].words != k) continue;
      if (!SameWords(doc, i, k, e->first)) continue;
      matches->push_back(NgramMatch{static_cast<uint32_t>(i), k, item});
    }
  }
}

}  // namespace corpus
