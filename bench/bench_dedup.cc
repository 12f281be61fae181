// Dedup throughput: MinHash signatures per second per core for 3 KB
// documents (normalisation + shingling + 112 hashes + band hashes; issue
// target >= 10,000 docs/s per core), and the whole command a user runs,
// `corpus dedup` as a child process (wall, CPU user + sys, peak RSS), on a
// generated corpus: exact dedup alone (--no-near: exact URL + exact text
// only), then the full dedup one phase at a time (signatures, pairs,
// cluster, apply), so each phase's CPU is its own.
//
// There is no reference to run beside it offline: no MinHash dedup tool
// (datatrove, text-dedup) is installed, so no ratio is printed.
//
// Usage: bench_dedup [docs=100000] [work_dir=/tmp/corpus-bench-dedup] [threads=0]

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "bench_proc.h"
#include "corpus/dedup/minhash.h"
#include "corpus/dedup/text_normalizer.h"
#include "corpus/io/shard_writer.h"
#include "corpus/util/json.h"

namespace {

using Clock = std::chrono::steady_clock;

// Texts of about `bytes` bytes from a 20,000-word random vocabulary, with
// punctuation, digits and paragraph breaks like extracted web text.
class TextMaker {
 public:
  explicit TextMaker(uint64_t seed) : rng_(seed) {
    for (int i = 0; i < 20000; ++i) {
      std::string w;
      const int n = 2 + static_cast<int>(rng_() % 8);
      for (int k = 0; k < n; ++k) w.push_back(static_cast<char>('a' + rng_() % 26));
      if (rng_() % 10 == 0) w[0] = static_cast<char>(w[0] - 'a' + 'A');
      vocab_.push_back(w);
    }
  }
  std::string Make(size_t bytes) {
    std::string t;
    while (t.size() < bytes) {
      t += vocab_[rng_() % vocab_.size()];
      const uint64_t r = rng_() % 40;
      t += r == 0 ? ".\n\n" : r == 1 ? ", " : r == 2 ? " 2024 " : " ";
    }
    return t;
  }
  // A near copy: about one word in `every` replaced.
  std::string Mutate(const std::string& text, int every) {
    std::string out;
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find(' ', start);
      if (end == std::string::npos) end = text.size();
      out += rng_() % every == 0 ? vocab_[rng_() % vocab_.size()] : text.substr(start, end - start);
      if (end < text.size()) out += ' ';
      start = end + 1;
    }
    return out;
  }
  std::mt19937_64& rng() { return rng_; }

 private:
  std::mt19937_64 rng_;
  std::vector<std::string> vocab_;
};

void BenchSignatures() {
  TextMaker maker(1);
  std::vector<std::string> docs;
  for (int i = 0; i < 2000; ++i) docs.push_back(maker.Make(3000));
  corpus::dedup::MinHasher hasher{corpus::dedup::MinHashParams{}};
  std::vector<uint64_t> sig, bands;
  size_t words = 0;
  const int rounds = 5;
  double norm_cpu = 0;
  const double c0 = corpus_bench::ProcessCpuSeconds();
  for (int r = 0; r < rounds; ++r) {
    for (const auto& d : docs) {
      const double n0 = corpus_bench::ProcessCpuSeconds();
      const std::string norm = corpus::dedup::NormalizeDedupText(d);
      norm_cpu += corpus_bench::ProcessCpuSeconds() - n0;
      hasher.Compute(norm, &sig);
      hasher.BandHashes(sig, &bands);
      words += sig.size();
    }
  }
  const double cpu = corpus_bench::ProcessCpuSeconds() - c0;
  const double n = static_cast<double>(rounds * docs.size());
  std::printf("signatures (3 KB docs, 5-grams, 14x8)          %8.0f docs/s per core\n", n / cpu);
  std::printf("  of which normalisation                       %8.1f %% of the time (timer overhead included)\n",
              100 * norm_cpu / cpu);
  if (words == 0) std::printf("(no signatures)\n");
}

void MakeCorpus(const std::string& dir, size_t docs, int shards) {
  std::filesystem::create_directories(dir);
  TextMaker maker(2);
  std::vector<std::unique_ptr<corpus::ShardWriter>> w;
  for (int s = 0; s < shards; ++s) {
    char name[64];
    std::snprintf(name, sizeof(name), "/part-%05d.jsonl.zst", s);
    w.push_back(std::make_unique<corpus::ShardWriter>(dir + name, 1));
  }
  std::vector<std::string> recent;  // texts to copy from
  for (size_t i = 0; i < docs; ++i) {
    const uint64_t r = maker.rng()() % 100;
    std::string text;
    if (r < 10 && !recent.empty()) {
      text = recent[maker.rng()() % recent.size()];  // 10% exact copies
    } else if (r < 20 && !recent.empty()) {
      text = maker.Mutate(recent[maker.rng()() % recent.size()], 40);  // 10% near copies
    } else {
      text = maker.Make(3000);
    }
    if (recent.size() < 5000) recent.push_back(text);
    else recent[maker.rng()() % recent.size()] = text;
    const std::string url = "https://site" + std::to_string(i % 5000) + ".example/" +
                            std::to_string(r < 3 ? i % 1000 : i);
    (void)w[i % shards]->Write(corpus::JsonObjectWriter()
                                   .String("id", "doc-" + std::to_string(i))
                                   .String("url", url)
                                   .String("fetched_at", "2026-11-26T05:00:00Z")
                                   .String("text", text)
                                   .Finish());
  }
  for (auto& x : w) (void)x->Finish();
}

// Runs `corpus dedup` with `args` after --in/--out; prints wall time, CPU
// time and peak RSS, and returns the CPU seconds.
double RunDedup(const std::string& what, const std::string& in, const std::string& out, int threads,
                size_t docs, const std::vector<std::string>& args) {
  std::vector<std::string> argv = {corpus_bench::CorpusBinary(), "dedup", "--in", in, "--out", out, "--no-progress"};
  if (threads > 0) argv.insert(argv.end(), {"--threads", std::to_string(threads)});
  argv.insert(argv.end(), args.begin(), args.end());
  const corpus_bench::ProcResult r = corpus_bench::RunProcess(argv);
  corpus_bench::PrintProc(what.c_str(), r, static_cast<double>(docs), "docs");
  return r.cpu;
}

}  // namespace

int main(int argc, char** argv) {
  const size_t docs = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 100000;
  const std::string work = argc > 2 ? argv[2] : "/tmp/corpus-bench-dedup";
  const int threads = argc > 3 ? std::atoi(argv[3]) : 0;
  BenchSignatures();
  const std::string in = work + "/in-" + std::to_string(docs);
  if (!std::filesystem::exists(in + "/part-00000.jsonl.zst")) {
    const auto t0 = Clock::now();
    MakeCorpus(in, docs, 16);
    std::printf("generated %zu docs of ~3 KB in %.1f s\n", docs,
                std::chrono::duration<double>(Clock::now() - t0).count());
  }
  std::filesystem::remove_all(work + "/out-exact");
  std::filesystem::remove_all(work + "/out-full");
  RunDedup("corpus dedup --no-near (whole command)", in, work + "/out-exact", threads, docs, {"--no-near"});
  double total = 0;
  for (const char* phase : {"signatures", "pairs", "cluster", "apply"}) {
    total += RunDedup(std::string("corpus dedup --phase ") + phase, in, work + "/out-full", threads, docs,
                      {"--phase", phase});
  }
  std::printf("%-46s %7.2f s CPU  %9.1f docs per CPU-s\n", "corpus dedup, exact + MinHash, all phases", total,
              static_cast<double>(docs) / total);
  corpus_bench::PrintSkipped("no MinHash dedup tool available offline; per-phase CPU above");
  return 0;
}
