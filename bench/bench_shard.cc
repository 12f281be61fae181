// bench_shard: throughput of `corpus shard` (external shuffle + packing) per
// core, next to the simplest in-memory alternative on the same data:
// `zstdcat | shuf | zstd` (GNU shuf holds everything in RAM; ours does not).
//
//   bench_shard [DOCS=100000] [THREADS=1]
//
// Generates DOCS documents of about 2 KB (Zipf-like vocabulary, a few
// fields the release drops), runs the shard stage into a temporary folder,
// and prints MB/s of uncompressed input JSON for each phase and overall.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

#include "bench_util.h"
#include "corpus/io/shard_writer.h"
#include "corpus/shard/shard_stage.h"
#include "corpus/util/fs.h"
#include "corpus/util/json.h"

namespace {

double Seconds(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace corpus;
  const int docs = argc > 1 ? std::atoi(argv[1]) : 100000;
  const int threads = argc > 2 ? std::atoi(argv[2]) : 1;
  char tmpl[] = "/tmp/bench-shard-XXXXXX";
  const std::string root = ::mkdtemp(tmpl);
  const std::string in = root + "/clean";
  CheckOk(MakeDirs(in));

  std::mt19937_64 rng(1);
  std::vector<std::string> vocab;
  for (int i = 0; i < 5000; ++i) vocab.push_back("w" + std::to_string(i * 7919 % 100003));
  uint64_t input_bytes = 0;
  const int files = 8;
  for (int f = 0; f < files; ++f) {
    ShardWriter w(in + "/part-" + std::to_string(10000 + f) + ".jsonl.zst", 3, true);
    for (int i = f; i < docs; i += files) {
      std::string text;
      const int words = 200 + static_cast<int>(rng() % 300);
      for (int k = 0; k < words; ++k) {
        const double u = std::uniform_real_distribution<double>(0, 1)(rng);
        text += vocab[static_cast<size_t>(u * u * u * 4999)];
        text += (k % 15 == 14) ? ".\n\n" : " ";
      }
      const std::string line = JsonObjectWriter()
                                   .String("id", "doc-" + std::to_string(i))
                                   .String("url", "https://example.org/" + std::to_string(i))
                                   .String("text", text)
                                   .String("lang", "en")
                                   .Double("lang_score", 0.93)
                                   .String("fetched_at", "2024-05-01T12:00:00Z")
                                   .String("source", "crawl")
                                   .Int("status", 200)
                                   .Finish();
      input_bytes += line.size() + 1;
      CheckOk(w.Write(line));
    }
    CheckOk(w.Finish());
  }
  const double mb = static_cast<double>(input_bytes) / 1e6;
  std::printf("input: %d documents, %.1f MB of JSON in %d shards; threads %d\n", docs, mb, files, threads);

  CommonOptions opts;
  opts.inputs = {in};
  opts.out_dir = root + "/release";
  opts.threads = threads;
  ShardConfig cfg;
  cfg.target_bytes = 64ull << 20;
  cfg.val_fraction = 0.001;
  cfg.bucket_bytes = 32ull << 20;  // several buckets even at this size

  cfg.phase = ShardPhase::kPartition;
  auto start = std::chrono::steady_clock::now();
  StageOutcome o = RunShardStage(cfg, opts);
  const double t1 = Seconds(start);
  if (!o.status.ok()) {
    std::fprintf(stderr, "partition: %s\n", o.status.ToString().c_str());
    return 1;
  }
  cfg.phase = ShardPhase::kPack;
  start = std::chrono::steady_clock::now();
  o = RunShardStage(cfg, opts);
  const double t2 = Seconds(start);
  if (!o.status.ok()) {
    std::fprintf(stderr, "pack: %s\n", o.status.ToString().c_str());
    return 1;
  }
  std::printf("partition: %.2f s  %.1f MB/s  (%.1f MB/s per thread)\n", t1, mb / t1, mb / t1 / threads);
  std::printf("pack:      %.2f s  %.1f MB/s  (%.1f MB/s per thread)\n", t2, mb / t2, mb / t2 / threads);
  std::printf("total:     %.2f s  %.1f MB/s  (%.1f MB/s per thread, %.0f docs/s)\n", t1 + t2, mb / (t1 + t2),
              mb / (t1 + t2) / threads, docs / (t1 + t2));

  const std::string ref = "zstdcat " + in + "/*.jsonl.zst | shuf --random-source=/dev/zero | zstd -3 -q -o " +
                          root + "/shuf.jsonl.zst";
  start = std::chrono::steady_clock::now();
  const int rc = std::system(ref.c_str());
  const double t3 = Seconds(start);
  if (rc == 0) {
    std::printf("reference (zstdcat | shuf | zstd -3, in memory): %.2f s  %.1f MB/s\n", t3, mb / t3);
  } else {
    std::printf("reference pipeline unavailable (needs zstd and shuf)\n");
  }
  std::error_code ec;
  std::filesystem::remove_all(root, ec);
  return 0;
}
