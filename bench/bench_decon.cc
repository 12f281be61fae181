// Throughput of `corpus decon`'s inner loop (normalise and segment a
// document's words, look up and verify its n-grams) beside the filter
// stage's default rule set on the same documents, single-threaded: MB/s per
// core (bytes of text over the thread's CPU time).
//
// Usage: bench_decon [MB of text, default 32] [benchmark items, default 20000]
//                    [DIR: also write DIR/docs.jsonl and DIR/evals/items.jsonl, or "-"]
//                    [file.jsonl[.zst] whose "text" fields are the documents]
// Documents are generated English-like prose; one in 50 has a benchmark
// item pasted in. Items are 6-45 words of the same vocabulary (so items
// shorter than 13 words, matched whole, are among them), about the size of
// MMLU's questions with their choices. The same documents and items are
// written out (to DIR, kept, or to a temporary folder) and the whole
// command a user runs is timed on them as child processes: `corpus decon
// --threads 1` beside its reference, `corpus filter --threads 1` with the
// default rule set (wall, CPU user + sys), with the ratios of CPU time.
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "bench_proc.h"
#include "bench_util.h"
#include "corpus/decon/benchmark_index.h"
#include "corpus/filter/filter_pipeline.h"
#include "corpus/io/record.h"
#include "corpus/io/record_source.h"
#include "corpus/util/fs.h"
#include "corpus/util/json.h"

namespace {

class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint32_t Below(uint32_t n) {
    s_ = s_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>((s_ >> 33) % n);
  }

 private:
  uint64_t s_;
};

const char* const kWords[] = {
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "as", "was", "with", "be", "by", "on",
    "not", "he", "this", "are", "or", "his", "from", "at", "which", "but", "have", "an", "had", "they", "you",
    "were", "their", "one", "all", "we", "can", "her", "has", "there", "been", "if", "more", "when", "will",
    "would", "who", "so", "no", "river", "council", "market", "energy", "history", "village", "science",
    "students", "teacher", "museum", "garden", "weather", "journey", "evidence", "network", "language",
    "research", "policy", "health", "children", "process", "music", "software", "season", "community",
    "building", "problem", "material", "customer", "increase", "develop", "provide", "consider", "support",
    "include", "describe", "improve", "announce", "recent", "local", "national", "public", "important",
    "several", "different", "early", "small", "bridge", "autumn", "winter", "report", "water", "system"};
constexpr uint32_t kVocabulary = sizeof(kWords) / sizeof(kWords[0]);

std::string Words(Rng& rng, uint32_t n, bool sentence_case) {
  std::string s;
  for (uint32_t i = 0; i < n; ++i) {
    std::string w = kWords[rng.Below(kVocabulary)];
    if (i == 0 && sentence_case) w[0] = static_cast<char>(w[0] - 32);
    if (i) s += rng.Below(100) < 7 ? ", " : " ";
    s += w;
  }
  return s;
}

long MaxRssKb() {
  rusage u;
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

// Resident memory now (the peak above also counts the build's temporaries).
double ResidentMb() {
  long pages = 0, resident = 0;
  std::FILE* f = std::fopen("/proc/self/statm", "r");
  if (f == nullptr) return 0;
  if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
  std::fclose(f);
  return static_cast<double>(resident) * static_cast<double>(::sysconf(_SC_PAGESIZE)) / (1 << 20);
}

}  // namespace

int main(int argc, char** argv) {
  const size_t mb = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 32;
  const size_t n_items = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 20000;
  const std::string out_dir = argc > 3 && std::string(argv[3]) != "-" ? argv[3] : "";
  const std::string docs_file = argc > 4 ? argv[4] : "";
  Rng rng(17);

  std::vector<std::string> items;
  std::string items_jsonl;
  for (size_t i = 0; i < n_items; ++i) {
    items.push_back(Words(rng, 6 + rng.Below(40), true) + "?");
    items_jsonl += corpus::JsonObjectWriter().String("question", items.back()).Finish() + "\n";
  }
  std::vector<std::string> texts;
  size_t bytes = 0;
  std::unique_ptr<corpus::RecordSource> source;
  if (!docs_file.empty() && !corpus::OpenRecordSource(docs_file, &source).ok()) {
    std::fprintf(stderr, "cannot read %s\n", docs_file.c_str());
    return 1;
  }
  std::string_view line;
  corpus::Record record;
  while (source != nullptr && bytes < (mb << 20) && source->Next(&line)) {
    std::optional<std::string> text;
    if (record.Parse(line).ok()) text = record.GetString("text");
    if (!text) continue;
    if (texts.size() % 50 == 7) *text += "\n\n" + items[rng.Below(static_cast<uint32_t>(items.size()))];
    bytes += text->size();
    texts.push_back(std::move(*text));
  }
  while (source == nullptr && bytes < (mb << 20)) {
    std::string page;
    const uint32_t paragraphs = 3 + rng.Below(10);
    for (uint32_t p = 0; p < paragraphs; ++p) {
      if (p) page += "\n\n";
      const uint32_t sentences = 2 + rng.Below(6);
      for (uint32_t s = 0; s < sentences; ++s) page += (s ? " " : "") + Words(rng, 6 + rng.Below(18), true) + ".";
    }
    if (texts.size() % 50 == 7) page += "\n\n" + items[rng.Below(static_cast<uint32_t>(items.size()))];
    bytes += page.size();
    texts.push_back(std::move(page));
  }
  const double mbytes = static_cast<double>(bytes) / (1 << 20);

  const std::string dir = out_dir.empty() ? "/tmp/bench_decon." + std::to_string(::getpid()) : out_dir;
  if (!corpus::MakeDirs(dir + "/evals").ok() || !corpus::WriteFileAtomic(dir + "/evals/items.jsonl", items_jsonl).ok()) {
    std::fprintf(stderr, "cannot write %s\n", dir.c_str());
    return 1;
  }
  {
    std::string docs;
    for (size_t i = 0; i < texts.size(); ++i) {
      docs += corpus::JsonObjectWriter().String("id", "doc-" + std::to_string(i)).String("text", texts[i]).Finish() + "\n";
    }
    if (!corpus::WriteFileAtomic(dir + "/docs.jsonl", docs).ok()) return 1;
  }

  std::vector<corpus::BenchmarkFile> files;
  std::unique_ptr<corpus::BenchmarkIndex> index;
  const long rss_before = MaxRssKb();
  const double resident_before = ResidentMb();
  double start = ThreadCpuSeconds();
  corpus::Status st = corpus::ListBenchmarkFiles({dir + "/evals"}, &files);
  if (st.ok()) st = corpus::BenchmarkIndex::Build(files, corpus::NgramMatchOptions(), &index);
  if (!st.ok()) {
    std::fprintf(stderr, "%s\n", st.ToString().c_str());
    return 1;
  }
  const double build_secs = ThreadCpuSeconds() - start;
  std::printf("bench_decon: %zu documents, %.1f MB of text; %zu items (%.1f MB), %llu n-grams,\n"
              "  index built in %.2f s, peak memory up by %.1f MB, resident memory up by %.1f MB\n",
              texts.size(), mbytes, items.size(), static_cast<double>(items_jsonl.size()) / (1 << 20),
              static_cast<unsigned long long>(index->benchmarks()[0].ngrams), build_secs,
              static_cast<double>(MaxRssKb() - rss_before) / 1024, ResidentMb() - resident_before);

  corpus::DeconWords words;
  start = ThreadCpuSeconds();
  for (const std::string& t : texts) words.Assign(t);
  const double words_secs = ThreadCpuSeconds() - start;

  std::vector<corpus::NgramMatch> matches;
  size_t contaminated = 0;
  start = ThreadCpuSeconds();
  for (const std::string& t : texts) {
    words.Assign(t);
    index->FindMatches(words, &matches);
    contaminated += !matches.empty();
  }
  const double decon_secs = ThreadCpuSeconds() - start;

  std::unique_ptr<corpus::FilterPipeline> filter;
  if (!corpus::FilterPipeline::Create(corpus::FilterOptions(), &filter).ok()) return 1;
  size_t kept = 0;
  start = ThreadCpuSeconds();
  for (const std::string& t : texts) {
    corpus::Document doc(t, "https://news.example.com/article");
    kept += filter->Run(doc).keep;
  }
  const double filter_secs = ThreadCpuSeconds() - start;

  std::printf("%-34s %8.1f MB/s per core\n", "decon: words only (normalise)", mbytes / words_secs);
  std::printf("%-34s %8.1f MB/s per core  (%zu contaminated documents)\n", "decon: words + n-gram matching",
              mbytes / decon_secs, contaminated);
  std::printf("%-34s %8.1f MB/s per core  (kept %zu)\n", "filter: default rule set", mbytes / filter_secs, kept);
  corpus_bench::PrintRatio("decon: words + n-gram matching (in-process)", decon_secs, "filter default rules",
                           filter_secs);

  const std::string bin = corpus_bench::CorpusBinary();
  const corpus_bench::ProcResult decon = corpus_bench::RunProcess(
      {bin, "decon", "--in", dir + "/docs.jsonl", "--out", dir + "/decon-out", "--benchmarks", dir + "/evals",
       "--threads", "1", "--no-progress", "--force"});
  corpus_bench::PrintProc("corpus decon --threads 1 (whole command)", decon, mbytes, "MB");
  const corpus_bench::ProcResult filter_cmd = corpus_bench::RunProcess(
      {bin, "filter", "--in", dir + "/docs.jsonl", "--out", dir + "/filter-out", "--threads", "1", "--no-progress",
       "--force"});
  corpus_bench::PrintProc("corpus filter --threads 1 (reference)", filter_cmd, mbytes, "MB");
  corpus_bench::PrintRatio("decon: corpus decon (whole command)", decon.cpu, "corpus filter (whole command)",
                           filter_cmd.cpu);
  if (out_dir.empty()) std::filesystem::remove_all(dir);
  return (decon.exit_code == 0 && filter_cmd.exit_code == 0) ? 0 : 1;
}
