// Throughput of `corpus filter`'s default rule set (FineWeb's, plus PII
// redaction) on English-like web text, single-threaded: MB/s per core
// (bytes of text over the thread's CPU time, so a shared machine does not
// distort the figure).
// Also times each step alone on the same documents, so a slow rule shows.
//
// Usage: bench_filter [MB of text, default 32] [file.jsonl[.zst] with "text"]
//                     [decisions.jsonl]
// Without a file (or with "-"), pages are generated: paragraphs of varied
// sentences, some list items, navigation and cookie lines, e-mails and phone
// numbers.
//
// It also prints a digest of every decision of the default rule set (keep or
// rule and value, language and score, counters, SHA-256 of the output text),
// and with a third argument writes them one JSON line per document, so a
// change meant to be a pure speed-up can be shown to leave every decision
// as it was: run before and after, compare the digests, diff the files.
#include <time.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "bench_util.h"
#include "corpus/filter/filter_pipeline.h"
#include "corpus/io/record.h"
#include "corpus/io/record_source.h"
#include "corpus/util/json.h"
#include "corpus/util/sha256.h"

namespace {

using corpus::Document;
using corpus::FilterOptions;
using corpus::FilterPipeline;

class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint32_t Next(uint32_t n) {
    s_ ^= s_ << 13;
    s_ ^= s_ >> 7;
    s_ ^= s_ << 17;
    return static_cast<uint32_t>(s_ % n);
  }

 private:
  uint64_t s_;
};

// Zipf-like draw: common words far more often than rare ones.
const char* const kCommon[] = {"the", "of", "and", "to", "a", "in", "is", "that", "for", "it",
                               "with", "as", "was", "on", "be", "by", "this", "are", "from", "at"};
const char* const kContent[] = {
    "system",   "people",   "city",      "report",   "market",   "energy",  "water",    "research", "design",
    "history",  "students", "company",   "policy",   "results",  "health",  "children", "process",  "music",
    "software", "season",   "community", "building", "language", "network", "evidence", "council",  "garden",
    "journey",  "problem",  "science",   "material", "village",  "weather", "customer", "teacher",  "museum",
    "increase", "develop",  "provide",   "consider", "support",  "include", "describe", "improve",  "announce",
    "recent",   "local",    "national",  "public",   "important", "several", "different", "early",   "small"};

std::string Sentence(Rng& rng) {
  std::string s;
  const uint32_t len = 6 + rng.Next(18);
  for (uint32_t i = 0; i < len; ++i) {
    std::string w = rng.Next(100) < 45 ? kCommon[rng.Next(20)] : kContent[rng.Next(54)];
    if (i == 0) w[0] = static_cast<char>(w[0] - 32);
    if (i) s += rng.Next(100) < 6 ? ", " : " ";
    s += w;
  }
  s += rng.Next(100) < 8 ? "?" : ".";
  return s;
}

std::string Page(Rng& rng) {
  std::string page;
  const uint32_t paragraphs = 3 + rng.Next(12);
  for (uint32_t p = 0; p < paragraphs; ++p) {
    if (p) page += "\n\n";
    const uint32_t kind = rng.Next(100);
    if (kind < 8) {
      page += "Home\nAbout us\nContact";  // navigation residue
    } else if (kind < 16) {
      for (int i = 0; i < 4; ++i) page += std::string(i ? "\n" : "") + "- " + Sentence(rng);
    } else if (kind < 19) {
      page += "This website uses cookies to improve your experience.";
    } else if (kind < 22) {
      page += "For questions write to editor" + std::to_string(rng.Next(100)) + "@news.example.com or call (415) 555-" +
              std::to_string(1000 + rng.Next(9000)) + ".";
    } else {
      const uint32_t sentences = 2 + rng.Next(6);
      for (uint32_t s = 0; s < sentences; ++s) page += (s ? " " : "") + Sentence(rng);
    }
  }
  return page;
}

std::vector<std::string> LoadTexts(const char* path, size_t max_bytes) {
  std::vector<std::string> texts;
  std::unique_ptr<corpus::RecordSource> src;
  if (!corpus::OpenRecordSource(path, &src).ok()) return texts;
  std::string_view line;
  size_t total = 0;
  corpus::Record r;
  while (total < max_bytes && src->Next(&line)) {
    if (!r.Parse(line).ok()) continue;
    auto t = r.GetString("text");
    if (!t) continue;
    total += t->size();
    texts.push_back(std::move(*t));
  }
  return texts;
}

// CPU time of this thread: "per core" even on a busy machine.
// Runs `pipeline` over all texts; returns seconds and counts kept documents.
double RunAll(const FilterPipeline& pipeline, const std::vector<std::string>& texts, size_t* kept) {
  const double start = ThreadCpuSeconds();
  *kept = 0;
  for (const std::string& t : texts) {
    Document doc(t, "https://news.example.com/article");
    *kept += pipeline.Run(doc).keep;
  }
  return ThreadCpuSeconds() - start;
}

// One document's decision by the default rule set, as a JSON line.
std::string DecisionLine(size_t index, const FilterPipeline& pipeline, const std::string& text) {
  Document doc(text, "https://news.example.com/article");
  const corpus::FilterVerdict v = pipeline.Run(doc);
  corpus::JsonObjectWriter w;
  w.Uint("doc", index);
  w.Bool("keep", v.keep);
  if (!v.keep) {
    w.String("rule", v.rule);
    w.Raw("value", v.value_json);
  }
  w.String("lang", doc.lang());
  w.Double("lang_score", doc.lang_score());
  for (const auto& [counter, n] : doc.counts()) w.Uint(counter, n);
  if (v.keep) w.String("text_sha256", corpus::Sha256Hex(doc.text()).substr(0, 16));
  return w.Finish();
}

}  // namespace

int main(int argc, char** argv) {
  const size_t mb = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 32;
  std::vector<std::string> texts;
  const bool generated = argc <= 2 || std::string_view(argv[2]) == "-";
  if (!generated) texts = LoadTexts(argv[2], mb << 20);
  if (texts.empty()) {
    Rng rng(42);
    size_t total = 0;
    while (total < (mb << 20)) {
      texts.push_back(Page(rng));
      total += texts.back().size();
    }
  }
  size_t bytes = 0;
  for (const auto& t : texts) bytes += t.size();
  const double mbytes = static_cast<double>(bytes) / (1 << 20);
  std::printf("bench_filter: %zu documents, %.1f MB of text (%s)\n", texts.size(), mbytes,
              generated ? "generated English-like pages" : argv[2]);

  std::unique_ptr<FilterPipeline> full;
  if (!FilterPipeline::Create(FilterOptions(), &full).ok()) return 1;
  size_t kept = 0;
  const double secs = RunAll(*full, texts, &kept);
  std::printf("%-22s %8.1f MB/s per core  (kept %zu of %zu)\n", "default rule set", mbytes / secs, kept,
              texts.size());

  // The same without the language sample (CLD2 reads the first 2 KB, as
  // before --lang-id-sample-bytes): every other step is exact, so this
  // line's decisions are those of the original implementation.
  {
    FilterOptions o;
    o.language.sample_bytes = 0;
    std::unique_ptr<FilterPipeline> p;
    if (!FilterPipeline::Create(o, &p).ok()) return 1;
    size_t kept_no_sample = 0;
    const double s = RunAll(*p, texts, &kept_no_sample);
    std::printf("%-22s %8.1f MB/s per core  (kept %zu)\n", "  without lang sample", mbytes / s, kept_no_sample);
  }

  // Every decision, outside the timed loop.
  corpus::Sha256 digest;
  std::FILE* dump = argc > 3 ? std::fopen(argv[3], "w") : nullptr;
  if (argc > 3 && !dump) return 1;
  for (size_t i = 0; i < texts.size(); ++i) {
    const std::string line = DecisionLine(i, *full, texts[i]) + "\n";
    digest.Update(line);
    if (dump) std::fputs(line.c_str(), dump);
  }
  if (dump) std::fclose(dump);
  std::printf("decisions digest       %s\n", digest.HexDigest().c_str());

  // Each step alone: everything else switched off (language identification
  // always runs, so it is measured alone first and is part of every line).
  struct Variant {
    const char* name;
    void (*apply)(FilterOptions*);
  };
  auto none = [](FilterOptions* o) {
    o->language.languages.clear();
    o->language.min_score = -1;
    o->gopher_repetition.enabled = o->gopher_quality.enabled = o->c4.enabled = false;
    o->fineweb.enabled = o->pii.enabled = false;
  };
  const Variant variants[] = {
      {"language id only", [](FilterOptions*) {}},
      {"+ gopher_repetition", [](FilterOptions* o) { o->gopher_repetition.enabled = true; }},
      {"+ gopher_quality", [](FilterOptions* o) { o->gopher_quality.enabled = true; }},
      {"+ c4", [](FilterOptions* o) { o->c4.enabled = true; }},
      {"+ fineweb", [](FilterOptions* o) { o->fineweb.enabled = true; }},
      {"+ pii", [](FilterOptions* o) { o->pii.enabled = true; }},
  };
  for (const Variant& v : variants) {
    FilterOptions o;
    none(&o);
    v.apply(&o);
    std::unique_ptr<FilterPipeline> p;
    if (!FilterPipeline::Create(o, &p).ok()) return 1;
    const double s = RunAll(*p, texts, &kept);
    std::printf("%-22s %8.1f MB/s per core\n", v.name, mbytes / s);
  }
  return 0;
}
